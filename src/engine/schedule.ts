// Fixed step schedule. Step boundaries lie on an absolute grid of the current step size, and the size is a
// function of the state only, so advancing to T in one call or in many smaller calls executes exactly the
// same steps — the property lockstep and replays rely on.
//   before onset: coarse steps, landing exactly on the onset;
//   first fineForS after onset: fine steps (the worm doubles every ~8.5 s);
//   until mediumUntilS after onset, or while something fast is pending: medium steps;
//   otherwise coarse.
import type { EngineParams } from './params';
import type { EngineState } from './state';

function hasTransient(st: EngineState): boolean {
  for (const ss of st.segments) if (ss.offline > 0) return true;
  for (const cs of st.clusters) {
    if (cs.status === 'restarting' || cs.pending.length > 0) return true;
  }
  return st.activity > 0.01;
}

export function stepSizeMs(st: EngineState, p: EngineParams): number {
  const sc = p.schedule;
  const onset = p.global.onsetMs;
  const t = st.tMs;
  if (t < onset) return sc.coarseStepMs;
  if (t < onset + sc.fineForS * 1000) return sc.fineStepMs;
  if (t < onset + sc.mediumUntilS * 1000 || hasTransient(st)) return sc.mediumStepMs;
  return sc.coarseStepMs;
}

/** End time (ms) of the next step from the state's current time. */
export function nextStepEndMs(st: EngineState, p: EngineParams): number {
  const size = stepSizeMs(st, p);
  let end = (Math.floor(st.tMs / size) + 1) * size;
  const onset = p.global.onsetMs;
  if (st.tMs < onset && end > onset) end = onset;
  const fineEnd = onset + p.schedule.fineForS * 1000;
  if (st.tMs < fineEnd && end > fineEnd) end = fineEnd;
  return end;
}
