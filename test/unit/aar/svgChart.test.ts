import { describe, expect, it } from 'vitest';
import { lineChart, niceCeil } from '../../../src/aar/svgChart';
import { escapeHtml } from '../../../src/aar/escape';

describe('svg charts', () => {
  it('should round axis tops to 1, 2 or 5 × 10^n', () => {
    expect([0, 0.3, 1, 3, 7, 12, 99, 101, 4380].map(niceCeil)).toEqual([
      1, 0.5, 1, 5, 10, 20, 100, 200, 5000,
    ]);
  });

  it('should draw one polyline per line, inside the plot, with escaped labels', () => {
    const svg = lineChart({
      title: 'A & B <x>',
      description: 'desc "q"',
      lines: [
        {
          label: '<you>',
          ticks: [0, 3600, 7200],
          values: [100, 50, 120],
          colour: '#000',
          dash: '',
        },
        { label: 'ghost', ticks: [0, 7200], values: [80, 90], colour: '#f00', dash: '6 4' },
      ],
      yMin: 0,
      yMax: 100,
      unit: '%',
      lang: 'en',
      markers: [{ tick: 1800, label: 'filter <1434>' }],
    });
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg).toContain('A &amp; B &lt;x&gt;');
    expect(svg).toContain('&lt;you&gt;');
    expect(svg).toContain('filter &lt;1434&gt;');
    expect(svg).toContain('stroke-dasharray="6 4"');
    // 120 is clamped to the top of the plot (y = 12), never drawn outside it.
    const points = /points="([^"]+)"/
      .exec(svg)![1]!
      .split(' ')
      .map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(3);
    for (const [, y] of points) expect(y).toBeGreaterThanOrEqual(12);
    expect(svg).toContain('25 Jan 14:00');
  });

  it('should escape the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
