// Vitest browser mode: the score panel over a real tutorial run — one row per scored part with
// its points of 100 (the core's score), its weight (the level's) and its share, the running total,
// and the sealed words before a diagnosis.
import { describe, expect, it } from 'vitest';
import { openScorePanel } from '../../../src/ui/panels/score/scorePanel';
import { CoreSession, opsContext, RAW_KEY, tutorialLevel } from './harness';

async function open(lang: 'en' | 'ko', tick: number) {
  const ctx = await opsContext(lang);
  const level = await tutorialLevel();
  const session = new CoreSession(level);
  session.playTo(tick);
  openScorePanel(ctx, session);
  const panel = ctx.overlay.querySelector<HTMLElement>('[data-testid="score-panel"]')!;
  return { ctx, level, session, panel };
}

const cells = (row: Element) => [...row.querySelectorAll('td.num')].map((c) => c.textContent);

describe('Ops score panel', () => {
  it('should show points of 100 and the level weight for every part, and the running total', async () => {
    const { level, session, panel } = await open('en', 2400);
    const score = session.view().score;
    const weights = level.scoring.weights as Record<string, number>;
    const rows = [
      ...panel.querySelectorAll<HTMLElement>('[data-testid="score-parts"] tr[data-part]'),
    ];
    expect(rows.map((r) => r.dataset.part).sort()).toEqual(Object.keys(weights).sort());
    const fmt = (x: number) =>
      new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(x);
    for (const row of rows) {
      const part = row.dataset.part as keyof typeof score.parts;
      const [points, weight] = cells(row);
      expect(points).toBe(`${fmt(score.parts[part])}/100`);
      expect(weight).toBe(`× ${fmt(weights[part]!)}`);
    }
    expect(panel.querySelector('[data-testid="score-panel-total"]')?.textContent).toBe(
      `Running score: ${score.total.toFixed(1)} of 1000`,
    );
    expect(cells(panel.querySelector('tr.total')!).at(-1)).toMatch(
      new RegExp(`^${fmt(score.total).replace('.', '\\.')} / 1,?000$`),
    );
  });

  it('should seal the words that name the worm until it is diagnosed', async () => {
    const { panel } = await open('en', 2400);
    expect(panel.querySelector<HTMLElement>('[data-testid="score-sealed-note"]')!.hidden).toBe(
      false,
    );
    expect(panel.querySelector('[data-testid="score-parts"]')?.textContent).not.toMatch(/worm/i);
    expect(panel.querySelectorAll('[data-testid="score-parts"] .sealed').length).toBeGreaterThan(0);
  });

  it('should speak Korean with no raw keys', async () => {
    const { panel } = await open('ko', 2400);
    expect(panel.querySelector('[data-testid="score-panel-total"]')?.textContent).toMatch(
      /[가-힣]/,
    );
    expect(panel.textContent).not.toMatch(RAW_KEY);
  });
});
