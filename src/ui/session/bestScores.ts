// The best finished runs per level on this device, for the level list. Scores come from the local
// re-simulation of the run's own log, so they are what `verify` would confirm; the full run
// library (files, import, server verification) builds on the same records.
import { z } from '../../engine/zod';

export const SCORES_KEY = 'one-twenty-five.scores.v1';
const KEEP_PER_LEVEL = 10;

const recordSchema = z.object({
  levelId: z.string().check(z.minLength(1), z.maxLength(80)),
  score: z.number(),
  /** ISO time the run ended (wall clock, for display). */
  finishedAt: z.string().check(z.maxLength(40)),
  seed: z.number().check(z.int()),
});
export type ScoreRecord = z.infer<typeof recordSchema>;

export function readScores(storage: Pick<Storage, 'getItem'>): ScoreRecord[] {
  try {
    const data: unknown = JSON.parse(storage.getItem(SCORES_KEY) ?? '[]');
    if (!Array.isArray(data)) return [];
    return data.flatMap((r) => {
      const parsed = recordSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}

export function recordScore(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  record: ScoreRecord,
): void {
  const all = [...readScores(storage), record];
  const kept = Object.values(
    all.reduce<Record<string, ScoreRecord[]>>((acc, r) => {
      (acc[r.levelId] ??= []).push(r);
      return acc;
    }, {}),
  ).flatMap((list) => list.sort((a, b) => b.score - a.score).slice(0, KEEP_PER_LEVEL));
  try {
    storage.setItem(SCORES_KEY, JSON.stringify(kept));
  } catch {
    // Storage full: the list is a convenience; the game goes on.
  }
}

export function bestScore(
  storage: Pick<Storage, 'getItem'>,
  levelId: string,
): ScoreRecord | undefined {
  return readScores(storage)
    .filter((r) => r.levelId === levelId)
    .sort((a, b) => b.score - a.score)[0];
}
