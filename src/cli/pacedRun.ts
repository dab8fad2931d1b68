// How long a level takes in real time (at ×1 unless asked) under the pacing rule (src/game/pacing.ts): a run
// driven by the frame driver in 250 ms frames, as a browser tab would, with no actions or with
// the level's historical response. Used by `BENCH_PARTS=pacing npm run bench` and the clock test.
import { advanceReal, applyCommand, createRun, ghostRun, type Level, type Run } from '../game';
import { openWindowS } from '../game/pacing';

export interface PacedRun {
  /** Real minutes from the level's start to its end at ×1. */
  minutes: number;
  /** Real minutes of that while a situation was open. */
  openMinutes: number;
  /** Real minutes of that in the slow hold after a notable event. */
  holdMinutes: number;
  /** Real minutes of the first 10 sim minutes after the worm's onset. */
  onsetTenMinutes: number;
  /** Situations that ended unanswered, of all that opened. */
  expired: number;
  fired: number;
  /** Shortest real seconds any situation stayed open before its deadline passed (null: none expired). */
  minOpenRealS: number | null;
}

const FRAME_MS = 250;

/**
 * Plays `level` to its end in real-time frames. With `historical`, the level's historical response
 * (as the ghost plays it) is applied at its ticks along the way; otherwise nobody acts.
 */
export function pacedRun(
  level: Level,
  seed: number,
  historical: boolean,
  speed: 1 | 2 | 4 = 1,
): PacedRun {
  const log = historical ? ghostRun(level, seed).run.log : [];
  let run: Run = createRun(level, seed);
  if (speed !== 1)
    run = applyCommand(run, { role: 'solo', type: 'clock.speed', args: { speed } }).run;
  let next = 0;
  let realS = 0;
  let openS = 0;
  let holdS = 0;
  let onsetStartS: number | null = null;
  let onsetEndS: number | null = null;
  const onsetMs = level.engine.global.onsetMs;
  const openedAt = new Map<string, number>();
  let minOpenRealS: number | null = null;
  while (!run.state.ended) {
    // The historical orders, each at its tick (or now, when a frame stepped past it).
    while (next < log.length && log[next]!.tick * 1000 <= run.state.engine.tMs) {
      const c = log[next++]!;
      const at = Math.max(c.tick, Math.ceil(run.state.engine.tMs / 1000));
      run = applyCommand(run, { role: c.role, type: c.type, args: c.args }, at).run;
    }
    const open = openWindowS(run.state, level) !== null;
    const held = run.attentionS > 0;
    run = advanceReal(run, FRAME_MS);
    realS += FRAME_MS / 1000;
    if (open) openS += FRAME_MS / 1000;
    if (held) holdS += FRAME_MS / 1000;
    const t = run.state.engine.tMs;
    if (onsetStartS === null && t >= onsetMs) onsetStartS = realS;
    if (onsetEndS === null && t >= onsetMs + 600_000) onsetEndS = realS;
    run.state.injects.forEach((rt) => {
      if (rt.status === 'active' && !openedAt.has(rt.id)) openedAt.set(rt.id, realS);
      if (rt.status === 'expired' && openedAt.has(rt.id)) {
        const s = realS - openedAt.get(rt.id)!;
        minOpenRealS = minOpenRealS === null ? s : Math.min(minOpenRealS, s);
        openedAt.delete(rt.id);
      }
    });
    if (realS > 6 * 3600) throw new Error(`${level.meta.id}: the run never ended`);
  }
  const st = run.state.injects;
  return {
    minutes: realS / 60,
    openMinutes: openS / 60,
    holdMinutes: holdS / 60,
    onsetTenMinutes: ((onsetEndS ?? realS) - (onsetStartS ?? realS)) / 60,
    expired: st.filter((i) => i.status === 'expired').length,
    fired: st.filter((i) => i.firedTick !== null).length,
    minOpenRealS,
  };
}
