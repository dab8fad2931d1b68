// Shared test helpers: the fixture level, variants of it, and quick ways to drive a run.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLevel, type Level } from '../../../src/game/levelSchema';
import { applyCommand, advanceToTick, createRun, type Run } from '../../../src/game/run';
import { isoToTick } from '../../../src/game/simTime';
import type { Role } from '../../../src/game/roles';
import type { CommandType } from '../../../src/game/commandSchema';

export const FIXTURE_PATH = fileURLToPath(
  new URL('../../../levels/backbone-isp.json', import.meta.url),
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

/** Valid arguments for each command in the fixture network (game and session-server tests). */
export const VALID_ARGS: Record<CommandType, Record<string, unknown>> = {
  'diag.linkGraphs': {},
  'diag.netflow': { device: 'intl-hyehwa' },
  'diag.ids': {},
  'diag.dnsLogs': { cluster: 'dns-hyehwa' },
  'filter.apply': { device: 'intl-hyehwa', direction: 'ingress' },
  'filter.remove': { device: 'intl-hyehwa', direction: 'ingress' },
  'ratelimit.apply': { device: 'intl-hyehwa', direction: 'egress', mbps: 50 },
  'ratelimit.remove': { device: 'intl-hyehwa', direction: 'egress' },
  'nullroute.apply': { segment: 'idc-mokdong' },
  'nullroute.remove': { segment: 'idc-mokdong' },
  'link.disconnect': { link: 'intl-busan' },
  'link.reconnect': { link: 'intl-busan' },
  'dns.addServers': { cluster: 'dns-hyehwa', servers: 4 },
  'dns.restart': { cluster: 'dns-guro' },
  'dns.moveResolution': { from: 'dns-hyehwa', to: 'dns-guro' },
  'patch.start': { segment: 'idc-mokdong', hostsPerHour: 200 },
  'patch.stop': { segment: 'idc-mokdong' },
  'reboot.segment': { segment: 'idc-mokdong' },
  'staff.call': { staff: 'net-jung' },
  'incident.escalate': { severity: 2 },
  'comms.send': { to: 'kisa', blocks: ['report-worm'] },
  'inject.answer': { inject: 'ids-noise', choice: 'investigate' },
  'inject.custom': { to: 'network', text: { ko: '상황', en: 'Situation' } },
  'inject.extend': { inject: 'ids-noise', minutes: 10 },
  'clock.pause': {},
  'clock.resume': {},
  'clock.speed': { speed: 4 },
  'clock.skip': {},
  'note.add': { text: 'hot wash: who owns the gateway ACLs?' },
};
