import { describe, expect, it } from 'vitest';
import { bestScore, readScores, recordScore, SCORES_KEY } from '../../../src/ui/session/bestScores';

function storage(initial?: string) {
  const data = new Map<string, string>(initial ? [[SCORES_KEY, initial]] : []);
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('best scores per level', () => {
  it('should keep the best runs per level and report the best', () => {
    const s = storage();
    for (const score of [300, 700.5, 512])
      recordScore(s, { levelId: 'tutorial', score, finishedAt: '2026-11-23T14:00:00Z', seed: 1 });
    recordScore(s, {
      levelId: 'backbone-isp',
      score: 90,
      finishedAt: '2026-11-23T14:00:00Z',
      seed: 2,
    });
    expect(bestScore(s, 'tutorial')?.score).toBe(700.5);
    expect(bestScore(s, 'backbone-isp')?.score).toBe(90);
    expect(bestScore(s, 'idc-enterprise')).toBeUndefined();
  });

  it('should keep at most ten per level', () => {
    const s = storage();
    for (let i = 0; i < 15; i++)
      recordScore(s, { levelId: 'tutorial', score: i, finishedAt: 'x', seed: i });
    expect(readScores(s).map((r) => r.score)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5]);
  });

  it('should ignore corrupt or foreign entries without failing', () => {
    expect(readScores(storage('{not json'))).toEqual([]);
    expect(readScores(storage('{"a":1}'))).toEqual([]);
    expect(
      readScores(
        storage(
          '[{"levelId":"t","score":"high"},{"levelId":"t","score":5,"finishedAt":"x","seed":1}]',
        ),
      ),
    ).toHaveLength(1);
  });
});
