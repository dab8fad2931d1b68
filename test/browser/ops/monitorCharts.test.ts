// Vitest browser mode: the monitoring graphs over a real tutorial run — the four charts built,
// the sampled history drawn as lines (pixels in the first link's colour that an empty chart lacks)
// and the summary for screen readers naming the busiest link with its load.
import { describe, expect, it } from 'vitest';
import { MonitorCharts } from '../../../src/ui/panels/ops/monitorCharts';
import { CoreSession, mount, opsContext, tutorialLevel } from './harness';

/** Pixels of the canvas close to #56b4e9 (the first watched link's line). */
function bluePixels(canvas: HTMLCanvasElement): number {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (
      Math.abs(data[i]! - 0x56) < 24 &&
      Math.abs(data[i + 1]! - 0xb4) < 24 &&
      Math.abs(data[i + 2]! - 0xe9) < 24 &&
      data[i + 3]! > 128
    )
      n++;
  }
  return n;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

describe('Ops monitoring graphs', () => {
  it('should draw the sampled history and name the busiest link', async () => {
    const ctx = await opsContext('en');
    const session = new CoreSession(await tutorialLevel());
    session.playTo(2400);
    const samples = session.history.samples;
    expect(samples.length).toBeGreaterThan(15);

    const charts = new MonitorCharts(ctx, session.level);
    mount(charts.root);
    charts.update(samples);
    const empty = new MonitorCharts(ctx, session.level);
    mount(empty.root);
    empty.update([]);
    await frame();

    const figures = [...charts.root.querySelectorAll<HTMLElement>('figure.chart')];
    expect(figures.map((f) => f.dataset.testid)).toEqual([
      'chart-links',
      'chart-dns',
      'chart-ids',
      'chart-calls',
    ]);
    expect(figures[0]!.querySelector('figcaption')?.textContent).toBe(
      'Link utilisation (MRTG, 5-min average)',
    );
    const drawn = bluePixels(charts.root.querySelector('[data-testid="chart-links"] canvas')!);
    const blank = bluePixels(empty.root.querySelector('[data-testid="chart-links"] canvas')!);
    expect(blank).toBe(0);
    expect(drawn).toBeGreaterThan(50);

    const last = samples.at(-1)!;
    const busiest = Math.max(...Object.values(last.links).flat());
    expect(charts.root.querySelector('.sr-only')?.textContent).toBe(
      `International transit (STM-1): ${busiest}%`,
    );
    charts.destroy();
    empty.destroy();
  });
});
