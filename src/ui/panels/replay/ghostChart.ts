// The ghost: this run's curves (truth, sampled every 5 sim minutes while the timeline was built)
// beside the level's historical response and doing nothing, both played by the game core on the
// same seed. Four small uPlot charts with a line at the replay's current moment.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { GhostSeries } from '../../../game';
import type { UiContext } from '../../context';
import { el } from '../../dom';
import { formatKstTime } from '../../format';

type Metric = 'subscribersOnlinePct' | 'dnsSuccessPct' | 'ownInfected' | 'wormSentOutPps';
const METRICS: { key: Metric; label: string; pct: boolean }[] = [
  { key: 'subscribersOnlinePct', label: 'replay.ghostSubscribers', pct: true },
  { key: 'dnsSuccessPct', label: 'replay.ghostDns', pct: true },
  { key: 'ownInfected', label: 'replay.ghostInfected', pct: false },
  { key: 'wormSentOutPps', label: 'replay.ghostWormOut', pct: false },
];

/**
 * The three runs are sampled at the first game point after each 5 minutes, so their ticks can
 * differ by a step; uPlot wants one x array, so each series is read at this run's sample ticks
 * (the latest sample at or before each tick).
 */
function alignTo(ticks: number[], s: GhostSeries, key: Metric): (number | null)[] {
  const out: (number | null)[] = [];
  let j = 0;
  for (const t of ticks) {
    while (j + 1 < s.tick.length && s.tick[j + 1]! <= t) j++;
    out.push(s.tick[j]! <= t ? s[key][j]! : null);
  }
  return out;
}

export class GhostChart {
  readonly root: HTMLElement;
  private plots: uPlot[] = [];
  private tick = 0;

  constructor(
    private readonly ctx: UiContext,
    player: GhostSeries,
    refs: { history: GhostSeries; baseline: GhostSeries },
    width: number,
  ) {
    const t = ctx.i18n.t.bind(ctx.i18n);
    this.root = el('div', { class: 'replay-ghost-charts', 'data-testid': 'ghost-chart' });
    // One legend for the four charts, on a line of its own rather than under the first chart:
    // the charts sit above the map, and every line they take is taken from the map (at 1366×768
    // a legend table under one chart squeezed the map to 60 % of its height).
    // Okabe–Ito colours; dashes tell the three apart without colour too (the swatches in
    // replay.css draw the same: the page's policy allows no inline style).
    const SERIES = [
      { key: 'you', label: t('replay.ghostYou'), stroke: '#56b4e9', width: 2 },
      {
        key: 'history',
        label: t('replay.ghostHistory'),
        stroke: '#e69f00',
        width: 2,
        dash: [6, 4],
      },
      {
        key: 'baseline',
        label: t('replay.ghostBaseline'),
        stroke: '#cc79a7',
        width: 1.5,
        dash: [2, 3],
      },
    ];
    this.root.append(
      el(
        'p',
        { class: 'ghost-legend' },
        ...SERIES.map((s) =>
          el(
            'span',
            { class: 'ghost-key' },
            el('span', { class: `ghost-swatch ghost-${s.key}`, 'aria-hidden': 'true' }),
            s.label,
          ),
        ),
      ),
    );
    const x = player.tick;
    const cursorLine: uPlot.Plugin = {
      hooks: {
        draw: (u) => {
          const px = u.valToPos(this.tick, 'x', true);
          if (!Number.isFinite(px)) return;
          const c = u.ctx;
          c.save();
          c.strokeStyle = '#ffffff';
          c.setLineDash([]);
          c.lineWidth = 2 * devicePixelRatio;
          c.beginPath();
          c.moveTo(px, u.bbox.top);
          c.lineTo(px, u.bbox.top + u.bbox.height);
          c.stroke();
          c.restore();
        },
      },
    };
    // Four side by side when the bar is wide enough, so the map keeps its room.
    const each = Math.max(200, Math.floor(width / 4) - 16);
    for (const m of METRICS) {
      const box = el(
        'figure',
        { class: 'chart', 'data-metric': m.key },
        el('figcaption', { text: t(m.label) }),
      );
      this.root.append(box);
      const data: uPlot.AlignedData = [
        x,
        player[m.key],
        alignTo(x, refs.history, m.key),
        alignTo(x, refs.baseline, m.key),
      ];
      const plot = new uPlot(
        {
          width: each,
          height: 92,
          series: [
            {},
            ...SERIES.map(({ label, stroke, width, dash }) => ({ label, stroke, width, dash })),
          ],
          axes: [
            {
              stroke: '#9fb3c8',
              grid: { stroke: '#1d3656' },
              // Ticks on round sim times (x is seconds since 14:00), far enough apart for labels
              // that carry the date on the second day.
              incrs: [600, 1800, 3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600],
              space: 70,
              size: 26,
              values: (_u, ticks) => ticks.map((s) => formatKstTime(this.ctx.i18n, s)),
            },
            { stroke: '#9fb3c8', grid: { stroke: '#1d3656' }, size: 60 },
          ],
          scales: { x: { time: false }, ...(m.pct ? { y: { range: [0, 100] } } : {}) },
          legend: { show: false },
          cursor: { show: false },
          plugins: [cursorLine],
        },
        data,
        box,
      );
      this.plots.push(plot);
    }
  }

  /** Moves the line to the replay's moment. */
  setTick(tick: number): void {
    if (tick === this.tick) return;
    this.tick = tick;
    for (const p of this.plots) p.redraw(false, false);
  }

  destroy(): void {
    this.plots.forEach((p) => p.destroy());
    this.plots = [];
  }
}
