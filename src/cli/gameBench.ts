// Game-core figures for `npm run bench`: a full run with the level's historical response through
// the incident machine, verifying its run file, and the per-frame update cost at the fastest speed
// (×4, 60 frames a second). Each timing is taken warm (after one untimed run): the browser runs
// the same code long enough for the JIT to settle.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initialTransition, transition } from 'xstate';
import {
  advanceReal,
  applyCommand,
  createRun,
  incidentMachine,
  isoToTick,
  parseLevel,
  snapshotView,
  toRunFile,
  verifyRunFile,
  type IncidentEvent,
  type Level,
  type Run,
} from '../game';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function loadLevel(): Level {
  for (const file of [
    join(repoRoot, 'levels', 'backbone-isp.json'),
    join(repoRoot, 'test', 'fixtures', 'game', 'levels', 'backbone-isp.json'),
  ]) {
    try {
      const r = parseLevel(JSON.parse(readFileSync(file, 'utf8')));
      if (r.ok) return r.level;
    } catch {
      // try the next file
    }
  }
  throw new Error('no valid backbone-isp level found');
}

/** The historical response played through the incident machine's pure transition(). */
function historyThroughMachine(level: Level, seed: number): Run {
  let [snap] = initialTransition(incidentMachine, { level, seed });
  for (const c of level.history.response) {
    const event = {
      type: c.type,
      role: c.role,
      args: c.args,
      tick: isoToTick(c.at)!,
    } as IncidentEvent;
    [snap] = transition(incidentMachine, snap, event);
  }
  [snap] = transition(incidentMachine, snap, { type: 'finish' });
  return snap.context.run;
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export async function gameBench(): Promise<Record<string, number | string>> {
  const level = loadLevel();
  historyThroughMachine(level, 1); // warm-up
  const runTimes: number[] = [];
  let run: Run | undefined;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    run = historyThroughMachine(level, 1);
    runTimes.push(performance.now() - t0);
  }
  const file = JSON.parse(JSON.stringify(toRunFile(run!)));
  verifyRunFile(file, level); // warm-up
  const verifyTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = verifyRunFile(file, level);
    verifyTimes.push(performance.now() - t0);
    if (!r.ok) throw new Error(`bench run did not verify: ${r.message}`);
  }

  // Frames at ×4 through the whole day, 60 per second; the update alone and with the view snapshot.
  let live = applyCommand(createRun(level, 1), {
    role: 'facilitator',
    type: 'clock.speed',
    args: { speed: 4 },
  }).run;
  const update: number[] = [];
  const withView: number[] = [];
  while (!live.state.ended && update.length < 200_000) {
    const t0 = performance.now();
    live = advanceReal(live, 1000 / 60);
    const t1 = performance.now();
    snapshotView(live, 50);
    const t2 = performance.now();
    update.push(t1 - t0);
    withView.push(t2 - t0);
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return {
      mean: xs.reduce((a, b) => a + b, 0) / xs.length,
      p99: s[Math.floor(s.length * 0.99)]!,
    };
  };
  const u = stats(update);
  const v = stats(withView);
  return {
    'game: full run, historical response via incident machine (s, ≤ 0.5)': round(
      median(runTimes) / 1000,
    ),
    'game: verify run file (s, ≤ 0.5)': round(median(verifyTimes) / 1000),
    'game: frame update at ×4, mean (ms, ≤ 1)': round(u.mean),
    'game: frame update at ×4, p99 (ms, ≤ 4)': round(u.p99),
    'game: frame update + view snapshot at ×4, mean (ms)': round(v.mean),
    'game: frame update + view snapshot at ×4, p99 (ms)': round(v.p99),
    'game: frames in a ×4 day': update.length,
    'game: level': `${level.meta.id} (${level.history.response.length} scripted commands)`,
  };
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('gameBench.ts') || invoked.endsWith('gameBench.js')) {
  gameBench().then((r) => console.log(JSON.stringify(r, null, 2)));
}
