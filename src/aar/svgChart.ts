/**
 * Hand-written SVG line charts for the review: a printable page needs no script and no chart
 * library, and inline SVG prints sharply to PDF. Lines differ by dash pattern as well as colour,
 * so the chart survives black-and-white printing and colour-blind readers.
 */
import { escapeHtml } from './escape';
import { clock, type Lang } from './format';

export interface ChartLine {
  label: string;
  ticks: readonly number[];
  values: readonly number[];
  colour: string;
  /** SVG stroke-dasharray; '' for solid. */
  dash: string;
}

export interface ChartSpec {
  title: string;
  /** Text alternative: what the chart shows, for screen readers. */
  description: string;
  lines: ChartLine[];
  /** Y axis range; the top defaults to the data's maximum, rounded up. */
  yMin?: number;
  yMax?: number;
  unit: string;
  lang: Lang;
  /** Last tick shown (zoom on the part of the day where something happens); default: all. */
  untilTick?: number;
  /** Vertical markers (key times), drawn as thin labelled rules. */
  markers?: { tick: number; label: string }[];
  width?: number;
  height?: number;
}

const M = { left: 56, right: 12, top: 12, bottom: 34 };

/** A "nice" upper bound: 1, 2 or 5 × 10^n at or above `x`. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  let p = 1;
  while (p * 10 <= x) p *= 10;
  while (p > x) p /= 10;
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

const fmt = (v: number) =>
  Math.abs(v) >= 10000 ? `${Math.round(v / 1000)}k` : String(Math.round(v * 10) / 10);

export function lineChart(spec: ChartSpec): string {
  const width = spec.width ?? 720;
  const height = spec.height ?? 220;
  const until = spec.untilTick ?? Infinity;
  const lines = spec.lines.map((l) => {
    const keep = l.ticks.map((t) => t <= until);
    return {
      ...l,
      ticks: l.ticks.filter((_, i) => keep[i]),
      values: l.values.filter((_, i) => keep[i]),
    };
  });
  const all = lines.flatMap((l) => l.ticks);
  const t0 = Math.min(...all);
  const t1 = Math.max(...all, t0 + 1);
  const values = lines.flatMap((l) => l.values).filter((v) => Number.isFinite(v));
  const yMin = spec.yMin ?? Math.min(0, ...values);
  const yMax = spec.yMax ?? niceCeil(Math.max(...values, yMin + 1));
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const x = (t: number) => M.left + ((t - t0) / (t1 - t0)) * w;
  const y = (v: number) => M.top + h - ((v - yMin) / (yMax - yMin || 1)) * h;
  const r = (n: number) => Math.round(n * 10) / 10;

  const parts: string[] = [];
  // Grid and y labels: five bands.
  for (let i = 0; i <= 4; i++) {
    const v = yMin + ((yMax - yMin) * i) / 4;
    parts.push(
      `<line x1="${M.left}" x2="${M.left + w}" y1="${r(y(v))}" y2="${r(y(v))}" class="grid"/>`,
      `<text x="${M.left - 6}" y="${r(y(v)) + 4}" text-anchor="end" class="axis">${escapeHtml(fmt(v))}</text>`,
    );
  }
  // X labels on the hour: every 6 sim hours over a long span, every 2 or 1 over a short one.
  const spanH = (t1 - t0) / 3600;
  const stepH = spanH > 12 ? 6 : spanH > 4 ? 2 : 1;
  for (let t = Math.ceil(t0 / (stepH * 3600)) * stepH * 3600; t <= t1; t += stepH * 3600) {
    parts.push(
      `<line x1="${r(x(t))}" x2="${r(x(t))}" y1="${M.top + h}" y2="${M.top + h + 4}" class="tick"/>`,
      `<text x="${r(x(t))}" y="${M.top + h + 18}" text-anchor="middle" class="axis">${escapeHtml(clock(t, spec.lang))}</text>`,
    );
  }
  for (const m of spec.markers ?? []) {
    if (m.tick < t0 || m.tick > t1) continue;
    parts.push(
      `<line x1="${r(x(m.tick))}" x2="${r(x(m.tick))}" y1="${M.top}" y2="${M.top + h}" class="marker"><title>${escapeHtml(m.label)}</title></line>`,
    );
  }
  for (const line of lines) {
    const pts = line.ticks
      .map((t, i) => [t, line.values[i]] as const)
      .filter(([, v]) => v !== undefined && Number.isFinite(v))
      .map(([t, v]) => `${r(x(t))},${r(y(Math.min(Math.max(v!, yMin), yMax)))}`)
      .join(' ');
    parts.push(
      `<polyline points="${pts}" fill="none" stroke="${escapeHtml(line.colour)}" stroke-width="2"${line.dash ? ` stroke-dasharray="${escapeHtml(line.dash)}"` : ''}><title>${escapeHtml(line.label)}</title></polyline>`,
    );
  }
  parts.push(
    `<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + h}" class="axisline"/>`,
    `<line x1="${M.left}" x2="${M.left + w}" y1="${M.top + h}" y2="${M.top + h}" class="axisline"/>`,
    `<text x="12" y="${M.top + h / 2}" transform="rotate(-90 12 ${M.top + h / 2})" text-anchor="middle" class="axis">${escapeHtml(spec.unit)}</text>`,
  );
  const legend = spec.lines
    .map(
      (l) =>
        `<span class="key"><svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" stroke="${escapeHtml(l.colour)}" stroke-width="2"${l.dash ? ` stroke-dasharray="${escapeHtml(l.dash)}"` : ''}/></svg> ${escapeHtml(l.label)}</span>`,
    )
    .join(' ');
  return (
    `<figure class="chart"><figcaption>${escapeHtml(spec.title)}</figcaption>` +
    `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(spec.title)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(spec.title)}</title><desc>${escapeHtml(spec.description)}</desc>${parts.join('')}</svg>` +
    `<div class="legend">${legend}</div></figure>`
  );
}
