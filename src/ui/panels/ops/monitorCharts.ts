// Monitoring graphs (uPlot) as 2003 tools showed them: MRTG 5-minute link averages, DNS queries/s
// and success, IDS alerts and call-centre volume per minute. Data are the observations the session
// sampled (delayed, averaged, noisy), never the truth.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { UiContext } from '../../context';
import type { Level } from '../../../game';
import type { HistorySample } from '../../session/history';
import { el } from '../../dom';
import { formatKstTime } from '../../format';
import { deviceLabel } from './labels';

// Okabe–Ito: distinguishable with common colour-vision deficiencies; dashes separate in/out too.
const PALETTE = ['#56b4e9', '#e69f00', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7'];

interface Chart {
  plot: uPlot;
  data: (h: HistorySample[]) => uPlot.AlignedData;
}

interface ChartSpec {
  title: string;
  testId: string;
  series: uPlot.Series[];
  data: Chart['data'];
  unit: string;
  yRange?: [number, number];
}

export class MonitorCharts {
  readonly root: HTMLElement;
  private charts: Chart[] = [];
  private lastLength = -1;
  private width = 340;
  private readonly summary: HTMLElement;

  constructor(
    private readonly ctx: UiContext,
    private readonly level: Level,
  ) {
    this.root = el('div', { class: 'charts', 'data-testid': 'charts' });
    this.summary = el('p', { class: 'sr-only', 'aria-live': 'off' });
    this.root.append(this.summary);
  }

  /** Builds the charts (once the panel has a width) and refreshes their data. */
  update(history: HistorySample[], force = false): void {
    const width = Math.max(220, Math.floor(this.root.clientWidth || this.width) - 8);
    if (!this.charts.length || Math.abs(width - this.width) > 8) {
      this.width = width;
      this.build();
      this.lastLength = -1;
    }
    if (!force && history.length === this.lastLength) return;
    this.lastLength = history.length;
    for (const c of this.charts) c.plot.setData(c.data(history));
    const last = history[history.length - 1];
    if (last) {
      const worst = Object.entries(last.links).sort(
        (a, b) => Math.max(...b[1]) - Math.max(...a[1]),
      )[0];
      this.summary.textContent = worst
        ? `${deviceLabel(this.ctx, this.level, worst[0])}: ${Math.max(...worst[1])}%`
        : '';
    }
  }

  private build(): void {
    this.charts.forEach((c) => c.plot.destroy());
    this.charts = [];
    this.root.querySelectorAll('.chart').forEach((n) => n.remove());
    for (const spec of this.chartSpecs()) this.addChart(spec);
  }

  /** The four graphs: link load, DNS, IDS alerts, calls. */
  private chartSpecs(): ChartSpec[] {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    const net = this.level.engine.network;
    const watched = net.links
      .filter((l) => l.kind === 'international' || l.kind === 'backbone')
      .slice(0, 5);
    const clusters = net.clusters;
    return [
      {
        title: t('ops.linkGraph'),
        testId: 'chart-links',
        series: watched.flatMap((l, i) => [
          {
            label: `${deviceLabel(this.ctx, this.level, l.id)} ${t('ops.legendIn')}`,
            stroke: PALETTE[i % PALETTE.length],
            width: 1.5,
          },
          {
            label: t('ops.legendOut'),
            stroke: PALETTE[i % PALETTE.length],
            width: 1,
            dash: [4, 3],
          },
        ]),
        data: (h) => [
          h.map((s) => s.t),
          ...watched.flatMap((l) => [
            h.map((s) => s.links[l.id]?.[0] ?? null),
            h.map((s) => s.links[l.id]?.[1] ?? null),
          ]),
        ],
        unit: '%',
        yRange: [0, 100],
      },
      {
        title: t('ops.dnsGraph'),
        testId: 'chart-dns',
        series: clusters.flatMap((c, i) => [
          {
            label: `${deviceLabel(this.ctx, this.level, c.id)} q/s`,
            stroke: PALETTE[i % PALETTE.length],
            width: 1.5,
          },
          { label: '%', stroke: PALETTE[i % PALETTE.length], width: 1, dash: [4, 3], scale: '%' },
        ]),
        data: (h) => [
          h.map((s) => s.t),
          ...clusters.flatMap((c) => [
            h.map((s) => s.dns[c.id]?.[0] ?? null),
            h.map((s) => s.dns[c.id]?.[1] ?? null),
          ]),
        ],
        unit: 'q/s',
      },
      {
        title: t('ops.idsGraph'),
        testId: 'chart-ids',
        series: [{ label: 'IDS', stroke: PALETTE[5], width: 1.5 }],
        data: (h) => [h.map((s) => s.t), h.map((s) => s.ids)],
        unit: '/min',
      },
      {
        title: t('ops.callGraph'),
        testId: 'chart-calls',
        series: [{ label: '☎', stroke: PALETTE[1], width: 1.5 }],
        data: (h) => [h.map((s) => s.t), h.map((s) => s.calls)],
        unit: '/min',
      },
    ];
  }

  private addChart({ title, testId, series, data, unit, yRange }: ChartSpec): void {
    const box = el(
      'figure',
      { class: 'chart', 'data-testid': testId },
      el('figcaption', { text: title }),
    );
    this.root.append(box);
    // Axis text follows the text-size setting (uPlot draws it on canvas, in pixels).
    const scale = this.ctx.settings.get().textScale;
    const font = `${Math.round(11 * scale)}px "Noto Sans KR", sans-serif`;
    const axes = this.axes(unit, font, scale);
    if (series.some((x) => x.scale === '%'))
      axes.push({
        scale: '%',
        side: 1,
        stroke: '#9fb3c8',
        font,
        grid: { show: false },
        size: Math.round(36 * scale),
      });
    const plot = new uPlot(
      {
        width: this.width,
        height: 120,
        series: [{}, ...series],
        axes,
        scales: {
          x: { time: false },
          ...(yRange ? { y: { range: yRange } } : {}),
          '%': { range: [0, 100] },
        },
        legend: { show: true, live: false },
        cursor: { show: false },
      },
      data([]),
      box,
    );
    this.charts.push({ plot, data });
  }

  /** Game time below, the unit on the left. */
  private axes(unit: string, font: string, scale: number): uPlot.Axis[] {
    return [
      {
        stroke: '#9fb3c8',
        font,
        size: Math.round(30 * scale),
        grid: { stroke: '#1d3656' },
        // Ticks on whole minutes (x is seconds since 14:00): uPlot's own steps of a few seconds
        // printed "14:00 14:00 14:00 14:01" in the first minutes.
        incrs: [60, 120, 300, 600, 900, 1800, 3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600],
        space: Math.round(50 * scale),
        values: (_u, ticks) => ticks.map((s) => formatKstTime(this.ctx.i18n, s)),
      },
      {
        stroke: '#9fb3c8',
        font,
        labelFont: font,
        grid: { stroke: '#1d3656' },
        label: unit,
        size: Math.round(46 * scale),
      },
    ];
  }

  destroy(): void {
    this.charts.forEach((c) => c.plot.destroy());
    this.charts = [];
  }
}
