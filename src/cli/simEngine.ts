// The reusable part of `npm run sim`: load and validate a level's engine block and an actions file, run the
// engine with samples, collect series and events. No process I/O here beyond reading files, so the game
// core's extended CLI (commands, history, score) and the tests can call it directly.
import { readFileSync } from 'node:fs';
import { z } from '../engine/zod';
import {
  ENGINE_VERSION,
  advanceTo,
  applyAction,
  checkActionIds,
  createEngine,
  drainEvents,
  engineActionSchema,
  engineParamsSchema,
  formatPath,
  formatZodIssues,
  referenceIssues,
  hashState,
  isoToSimMs,
  metrics,
  simMsToIso,
  type EngineAction,
  type EngineEvent,
  type EngineParams,
  type EngineState,
} from '../engine';

export const DEFAULT_FROM_ISO = '2003-01-25T14:00:00+09:00';
export const DEFAULT_UNTIL_ISO = '2003-01-27T00:00:00+09:00';

export interface TimedAction {
  atMs: number;
  action: EngineAction;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Read a level file and validate only its `engine` block (the game core owns the rest). */
export function loadLevelEngine(file: string): Loaded<{ id: string; params: EngineParams }> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { ok: false, errors: [`${file}: ${(e as Error).message}`] };
  }
  const obj = raw as { meta?: { id?: unknown }; engine?: unknown } | null;
  if (obj === null || typeof obj !== 'object' || !('engine' in obj)) {
    return { ok: false, errors: ['engine: required (the level has no "engine" block)'] };
  }
  const parsed = engineParamsSchema.safeParse(obj.engine);
  if (!parsed.success) {
    const errors = formatZodIssues(parsed.error, 'engine');
    // Also name dangling ids, which zod only checks once the shape parses.
    for (const r of referenceIssues(obj.engine)) {
      const line = `${formatPath(r.path, 'engine')}: ${r.message}`;
      if (!errors.includes(line)) errors.push(line);
    }
    return { ok: false, errors };
  }
  const id = typeof obj.meta?.id === 'string' ? obj.meta.id : file;
  return { ok: true, value: { id, params: parsed.data } };
}

const actionsFileSchema = z.array(z.object({ at: z.string(), action: z.unknown() }));

/** Validate an actions list (already parsed JSON) against the schema and the level's ids. */
export function parseActions(raw: unknown, params: EngineParams): Loaded<TimedAction[]> {
  const top = actionsFileSchema.safeParse(raw);
  if (!top.success) return { ok: false, errors: formatZodIssues(top.error, 'actions') };
  const errors: string[] = [];
  const out: TimedAction[] = [];
  top.data.forEach((entry, i) => {
    const at = isoToSimMs(entry.at);
    if (at === null) {
      errors.push(`actions[${i}].at: expected an ISO date-time with zone, got "${entry.at}"`);
    }
    const a = engineActionSchema.safeParse(entry.action);
    if (!a.success) {
      const type = (entry.action as { type?: unknown } | null)?.type;
      const typeIssue = a.error.issues.find(
        (iss) => iss.path.length === 1 && iss.path[0] === 'type',
      );
      if (typeIssue && typeof type === 'string') {
        errors.push(`actions[${i}].action.type: unknown action type "${type}"`);
      } else {
        errors.push(...formatZodIssues(a.error, `actions[${i}].action`));
      }
      return;
    }
    const bad = checkActionIds(params, a.data);
    if (bad) {
      errors.push(`actions[${i}].action.${bad.path}: ${bad.message}`);
      return;
    }
    if (at !== null) out.push({ atMs: at, action: a.data });
  });
  if (errors.length > 0) return { ok: false, errors };
  // Stable sort by time keeps same-time actions in file order.
  out.sort((x, y) => x.atMs - y.atMs);
  return { ok: true, value: out };
}

export function loadActions(file: string, params: EngineParams): Loaded<TimedAction[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { ok: false, errors: [`${file}: ${(e as Error).message}`] };
  }
  return parseActions(raw, params);
}

export interface SimSeries {
  t: number[];
  globalInfected: number[];
  globalScansPerSec: number[];
  krInfected: number[];
  ownInfected: number[];
  ownExposed: number[];
  subscribersOnlinePct: number[];
  dnsSuccessPct: number[];
  intlLinkUtilPct: number[];
}

export interface SimResult {
  level: string;
  seed: number;
  engineVersion: string;
  from: string;
  until: string;
  hash: string;
  series: SimSeries;
  events: { t: number; kind: string; id?: string }[];
  /** Action rejections at run time (should be none after parseActions). */
  rejected: { t: number; message: string }[];
  state: EngineState;
}

export interface SimOptions {
  levelId: string;
  params: EngineParams;
  seed: number;
  actions?: TimedAction[];
  untilMs?: number;
  sampleS?: number;
  /** Called after every sample with the current state (for extended CLIs). */
  onSample?: (state: EngineState) => void;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export function emptySeries(): SimSeries {
  return {
    t: [],
    globalInfected: [],
    globalScansPerSec: [],
    krInfected: [],
    ownInfected: [],
    ownExposed: [],
    subscribersOnlinePct: [],
    dnsSuccessPct: [],
    intlLinkUtilPct: [],
  };
}

/** Appends one sample of the engine's truth to `series` (the CLI's documented JSON columns). */
export function recordMetrics(series: SimSeries, st: EngineState): void {
  const m = metrics(st);
  series.t.push(st.tMs / 1000);
  series.globalInfected.push(Math.round(m.globalInfected));
  series.globalScansPerSec.push(Math.round(m.globalScansPerSec));
  series.krInfected.push(Math.round(m.krInfected));
  series.ownInfected.push(m.ownInfected);
  series.ownExposed.push(m.ownExposed);
  series.subscribersOnlinePct.push(r3(m.subscribersOnlinePct));
  series.dnsSuccessPct.push(r3(m.dnsSuccessPct));
  series.intlLinkUtilPct.push(r3(m.intlLinkUtilPct));
}

export function runSim(opts: SimOptions): SimResult {
  const untilMs = opts.untilMs ?? (isoToSimMs(DEFAULT_UNTIL_ISO) as number);
  const sampleMs = Math.max(1, Math.round((opts.sampleS ?? 60) * 1000));
  const actions = opts.actions ?? [];
  let st = createEngine(opts.params, opts.seed);
  const series = emptySeries();
  const events: EngineEvent[] = [];
  const rejected: { t: number; message: string }[] = [];
  const record = (): void => recordMetrics(series, st);
  const drain = (): void => {
    const d = drainEvents(st);
    st = d.state;
    events.push(...d.events);
  };
  record();
  let ai = 0;
  let nextSample = sampleMs;
  for (;;) {
    const nextAction = ai < actions.length ? actions[ai]!.atMs : Infinity;
    const target = Math.min(nextSample, nextAction, untilMs);
    st = advanceTo(st, opts.params, target);
    // Actions apply at the last step boundary at or before their time (see advanceTo).
    while (ai < actions.length && actions[ai]!.atMs <= target) {
      const res = applyAction(st, opts.params, actions[ai]!.action);
      if (res.ok) st = res.state;
      else rejected.push({ t: st.tMs / 1000, message: res.message });
      ai++;
    }
    drain();
    if (target === nextSample) {
      // The engine stops at the last step boundary at or before the target (10 s steps before the
      // onset): samples finer than a step land on a state already recorded, which is not repeated.
      if (st.tMs / 1000 > series.t[series.t.length - 1]!) {
        record();
        opts.onSample?.(st);
      }
      nextSample += sampleMs;
    }
    if (target >= untilMs) break;
  }
  if (st.tMs / 1000 > series.t[series.t.length - 1]!) record();
  return {
    level: opts.levelId,
    seed: opts.seed,
    engineVersion: ENGINE_VERSION,
    from: DEFAULT_FROM_ISO,
    until: simMsToIso(untilMs),
    hash: hashState(st),
    series,
    events: events.map((e) =>
      e.id !== undefined
        ? { t: e.tMs / 1000, kind: e.kind, id: e.id }
        : { t: e.tMs / 1000, kind: e.kind },
    ),
    rejected,
    state: st,
  };
}
