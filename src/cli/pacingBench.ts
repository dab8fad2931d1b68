// Pacing figures for `npm run bench` (BENCH_PARTS=pacing): real minutes of a full level at ×1
// under the pacing rule (src/game/pacing.ts), with nobody acting and with the level's historical
// response, against the 25–45 minute target (docs/PLAYING.md); and, at the fastest speed (×4),
// the shortest real time any situation stayed open before its deadline passed (≥ 60 s).
// Run alone: `npx tsx src/cli/pacingBench.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLevel, type Level } from '../game';
import { READ_REAL_S } from '../game/pacing';
import { pacedRun } from './pacedRun';

import { runWhenMain, type Figure } from './benchKit';

const LEVELS_DIR = fileURLToPath(new URL('../../levels/', import.meta.url));
const SEED = 20030125;
/** Levels short by design (the tutorial): no 25–45 minute target. */
const SHORT = new Set(['tutorial']);

function levels(): Level[] {
  return readdirSync(LEVELS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = parseLevel(JSON.parse(readFileSync(LEVELS_DIR + f, 'utf8')));
      if (!r.ok) throw new Error(`${f}: ${r.errors.join('; ')}`);
      return r.level;
    });
}

const round = (x: number) => Math.round(x * 10) / 10;

export async function pacingBench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const level of levels()) {
    const id = level.meta.id;
    const target = !SHORT.has(id);
    for (const historical of [false, true]) {
      const r = pacedRun(level, SEED, historical);
      figures.push({
        name: `${id}: real time at ×1, ${historical ? 'historical response' : 'no actions'} (situations open ${round(r.openMinutes)} min, slow holds ${round(r.holdMinutes)} min)`,
        value: round(r.minutes),
        unit: 'min',
        ...(target ? { budget: '25–45', ok: r.minutes >= 25 && r.minutes <= 45 } : {}),
      });
    }
    const fast = pacedRun(level, SEED, false, 4);
    figures.push({
      name: `${id}: at ×4, shortest real time a situation stayed open before its deadline (${fast.expired} of ${fast.fired} expired unanswered)`,
      value: fast.minOpenRealS === null ? 'none expired' : round(fast.minOpenRealS),
      unit: 's',
      budget: `≥ ${READ_REAL_S}`,
      ok: fast.minOpenRealS === null || fast.minOpenRealS >= READ_REAL_S - 1,
    });
  }
  return figures;
}

runWhenMain(import.meta.url, pacingBench);
