// The game path of `npm run sim`: when a level has its game blocks (or --commands, --history,
// --out are given) the run is played through the game core — staff, task durations, injects and
// scoring — and the output keeps the engine's JSON shape (series and events sampled from the
// same run) with the score added. Samples are taken by the run's observer at game points, which
// never perturbs the run, so the hash and the score are those `npm run verify` checks.
import { writeFileSync } from 'node:fs';
import { ENGINE_VERSION, simMsToIso } from '../engine';
import {
  advanceToTick,
  createRun,
  finishRun,
  hashGame,
  isoToTick,
  applyCommand,
  runScore,
  toRunFile,
  type Level,
  type ScriptedCommand,
} from '../game';
import { renderRejection } from '../i18n/rejection';
import { scriptUntil } from './levelFiles';
import { emptySeries, recordMetrics, type SimResult } from './simEngine';

/** The engine path's JSON shape (less its engine state and action rejections), plus the score. */
export interface GameSimJson extends Omit<SimResult, 'state' | 'rejected'> {
  score: { total: number; parts: Record<string, number> };
  /** Scripted commands after --until, left out of the run; only present when some were. */
  notPlayed?: number;
  /** Only present when some scripted command was refused. */
  refused?: { index: number; at: string; type: string; code: string; message: string }[];
}

export function runGameJson(opts: {
  level: Level;
  seed: number;
  script: readonly ScriptedCommand[];
  untilIso?: string;
  sampleS?: number;
  out?: string;
}): GameSimJson {
  const { level, seed } = opts;
  const sampleS = Math.max(1, opts.sampleS ?? 60);
  const series = emptySeries();
  let run = createRun(level, seed);
  const record = (engine: typeof run.state.engine): void => recordMetrics(series, engine);
  // Samples are taken by advancing to each sample time between commands: the core guarantees that
  // how a run is cut into advances never changes it, so this is the run verify replays.
  // The engine moves in steps (10 s before the onset, finer after), and advancing to a sample time
  // stops at the first step boundary at or after it: with samples finer than a step several land
  // on the same state, so a state already recorded is not recorded again (time values only rise).
  let nextSample = run.state.tick;
  record(run.state.engine);
  const sampleUpTo = (tick: number): void => {
    while (nextSample + sampleS <= tick && !run.state.ended) {
      nextSample += sampleS;
      run = advanceToTick(run, nextSample);
      if (run.state.engine.tMs / 1000 > series.t.at(-1)!) record(run.state.engine);
    }
  };
  const untilTick = opts.untilIso !== undefined ? isoToTick(opts.untilIso) : undefined;
  // --until cuts the script too: a later command would carry the run past it.
  const cut = scriptUntil(opts.script, untilTick);
  const refused: NonNullable<GameSimJson['refused']> = [];
  cut.played.forEach((c, k) => {
    const index = cut.indices[k]!;
    const at = isoToTick(c.at);
    if (at === undefined) {
      refused.push({
        index,
        at: c.at,
        type: c.type,
        code: 'MALFORMED',
        message: `at: not an ISO time "${c.at}"`,
      });
      return;
    }
    sampleUpTo(at);
    const tick = Math.max(at, Math.ceil(run.state.engine.tMs / 1000));
    const r = applyCommand(run, { role: c.role, type: c.type, args: c.args ?? {} }, tick);
    run = r.run;
    if (!r.outcome.ok)
      refused.push({
        index,
        at: c.at,
        type: c.type,
        code: r.outcome.rejection.code,
        message: renderRejection(r.outcome.rejection, 'en'),
      });
  });
  const endTick = Math.min(untilTick ?? run.state.endTick, run.state.endTick);
  sampleUpTo(endTick);
  run = untilTick === undefined ? finishRun(run) : advanceToTick(run, endTick);
  if (run.state.engine.tMs / 1000 > series.t.at(-1)!) record(run.state.engine);
  const score = runScore(run);
  if (opts.out) writeFileSync(opts.out, JSON.stringify(toRunFile(run), null, 2) + '\n');
  const events = run.state.feed
    .filter((f) => f.kind.startsWith('engine.') && !f.kind.startsWith('engine.action'))
    .map((f) => ({
      t: f.tick,
      kind: f.kind.slice('engine.'.length),
      ...(f.params.id !== undefined ? { id: String(f.params.id) } : {}),
    }));
  return {
    level: level.meta.id,
    seed,
    engineVersion: ENGINE_VERSION,
    from: simMsToIso(isoToTick(level.meta.start)! * 1000),
    until: simMsToIso(run.state.engine.tMs),
    hash: hashGame(run.state),
    series,
    events,
    score: { total: score.total, parts: { ...score.parts } },
    ...(refused.length ? { refused } : {}),
    ...(cut.notPlayed > 0 ? { notPlayed: cut.notPlayed } : {}),
  };
}
