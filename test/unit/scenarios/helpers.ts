// Shared helpers for the scenario tests: level files from levels/, headless runs memoised per level
// and script (a full run of a two-day level takes about a second), and feed queries.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLevel, type Level } from '../../../src/game/levelSchema';
import { runScripted, type ScriptedCommand, type ScriptResult } from '../../../src/game/script';
import { isoToTick } from '../../../src/game/simTime';
import { SENSIBLE } from '../game/sensibleResponse';
import { BROADBAND_GOOD, IDC_GOOD, TUTORIAL_GOOD } from './goodResponses';

export const LEVELS_DIR = fileURLToPath(new URL('../../../levels/', import.meta.url));

/** Every level file in levels/, sorted. */
export function levelFiles(): string[] {
  return readdirSync(LEVELS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function levelJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(LEVELS_DIR + file, 'utf8')) as Record<string, unknown>;
}

const parsed = new Map<string, Level>();
export function loadLevel(file: string): Level {
  let level = parsed.get(file);
  if (!level) {
    const r = parseLevel(levelJson(file));
    if (!r.ok) throw new Error(`${file}:\n${r.errors.join('\n')}`);
    level = r.level;
    parsed.set(file, level);
  }
  return level;
}

/** The well-played response written for a level, if there is one (by level id). */
export const GOOD_RESPONSES: Record<string, ScriptedCommand[]> = {
  tutorial: TUTORIAL_GOOD,
  'broadband-isp': BROADBAND_GOOD,
  'idc-enterprise': IDC_GOOD,
  'backbone-isp': SENSIBLE,
};

export type RunKind = 'nothing' | 'history' | 'good';

const runs = new Map<string, ScriptResult>();
/** Plays a level to its end with seed 1: no commands, its historical response, or its good response. */
export function playLevel(file: string, kind: RunKind): ScriptResult {
  const key = `${file}:${kind}`;
  let r = runs.get(key);
  if (!r) {
    const level = loadLevel(file);
    const script =
      kind === 'nothing'
        ? []
        : kind === 'history'
          ? (level.history.response as ScriptedCommand[])
          : (GOOD_RESPONSES[level.meta.id] ?? []);
    r = runScripted(level, 1, script);
    runs.set(key, r);
  }
  return r;
}

/** Tick of the first feed event of a kind (e.g. "engine.dns.down"), optionally for one id. */
export function firstEvent(r: ScriptResult, kind: string, id?: string): number | null {
  const f = r.run.state.feed.find(
    (e) => e.kind === kind && (id === undefined || e.params.id === id),
  );
  return f ? f.tick : null;
}

/** Tick of the last feed event of a kind. */
export function lastEvent(r: ScriptResult, kind: string, id?: string): number | null {
  const all = r.run.state.feed.filter(
    (e) => e.kind === kind && (id === undefined || e.params.id === id),
  );
  return all.length > 0 ? all[all.length - 1]!.tick : null;
}

/** Tick of a KST wall-clock time on a January 2003 day ("14:44", 25). */
export const kst = (hhmm: string, day = 25): number =>
  isoToTick(`2003-01-${day}T${hhmm}:00+09:00`)!;

/** Ids of the level's injects that fired (left `pending`/`armed`) in none of the given runs. */
export function neverFired(level: Level, results: ScriptResult[]): string[] {
  return level.injects
    .filter((_, i) => results.every((r) => r.run.state.injects[i]!.firedTick === null))
    .map((inj) => inj.id);
}

const HANGUL = /[\uAC00-\uD7A3]/;
/**
 * Every {ko, en} pair in a level's JSON outside the engine block, with its path. The schema already
 * requires both; this finds copies (ko identical to en) and Korean text without Hangul.
 */
export function textProblems(json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`));
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    if (keys.length === 2 && keys[0] === 'en' && keys[1] === 'ko') {
      const { ko, en } = o as { ko: unknown; en: unknown };
      if (typeof ko !== 'string' || typeof en !== 'string') problems.push(`${path}: not text`);
      else if (ko.trim() === en.trim()) problems.push(`${path}: ko is a copy of en`);
      else if (!HANGUL.test(ko)) problems.push(`${path}.ko: no Hangul`);
      else if (HANGUL.test(en)) problems.push(`${path}.en: contains Hangul`);
      return;
    }
    for (const [k, x] of Object.entries(o)) {
      if (path === '' && k === 'engine') continue;
      walk(x, path ? `${path}.${k}` : k);
    }
  };
  walk(json, '');
  return problems;
}
