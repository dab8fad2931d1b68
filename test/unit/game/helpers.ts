// Shared test helpers: the fixture level, variants of it, and quick ways to drive a run.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLevel, type Level } from '../../../src/game/levelSchema';
import { applyCommand, advanceToTick, createRun, type Run } from '../../../src/game/run';
import { isoToTick } from '../../../src/game/simTime';
import type { Role } from '../../../src/game/roles';

export const FIXTURE_PATH = fileURLToPath(
  new URL('../../fixtures/game/levels/backbone-isp.json', import.meta.url),
);

export function fixtureJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Record<string, unknown>;
}

let cached: Level | undefined;
export function fixtureLevel(): Level {
  if (!cached) {
    const r = parseLevel(fixtureJson());
    if (!r.ok) throw new Error(r.errors.join('\n'));
    cached = r.level;
  }
  return cached;
}

/** Level JSON as tests edit it: loosely typed on purpose, the schema is what checks it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseJson = Record<string, any>;

/** A parsed copy of the fixture after `mutate` edits its JSON. */
export function levelVariant(mutate: (json: LooseJson) => void): Level {
  const json = fixtureJson() as LooseJson;
  mutate(json);
  const r = parseLevel(json);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.level;
}

/** The fixture with no knowledge preconditions, so every command works before the worm. */
export function permissiveLevel(): Level {
  return levelVariant((j) => {
    for (const rule of Object.values(j.commands as Record<string, { requires?: string[] }>)) {
      rule.requires = [];
    }
  });
}

export const tick = (iso: string) => isoToTick(iso)!;

/** Applies a command "now" (or at a tick) and fails the test on a rejection. */
export function must(
  run: Run,
  role: Role,
  type: string,
  args: Record<string, unknown> = {},
  at?: number,
): Run {
  const r = applyCommand(run, { role, type, args }, at);
  if (!r.outcome.ok) {
    throw new Error(
      `${type} refused: ${r.outcome.rejection.code} ${JSON.stringify(r.outcome.rejection.params)}`,
    );
  }
  return r.run;
}

export function runAt(level: Level, iso: string, seed = 1): Run {
  return advanceToTick(createRun(level, seed), tick(iso));
}
