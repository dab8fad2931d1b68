// npm run calibrate [-- --json] [--level <file>]
// Runs the no-action baseline and checks the global curve, and its decline over the run, against the
// published Slammer figures (docs/HISTORY.md lists the sources). Writes docs/calibration.svg. Exits 1 when a target fails.
import { writeFileSync } from 'node:fs';
import {
  advanceTo,
  createEngine,
  drainEvents,
  metrics,
  type EngineEvent,
  type EngineParams,
  type EngineState,
} from '../engine';
import { derive, type Derived } from '../engine/derived';
import { globalEverInfected, globalInfectedTotal, regionEverInfected } from '../engine/globalModel';
import { parseArgs } from './cliArgs';
import { DEFAULT_UNTIL_ISO, loadLevelEngine } from './simEngine';
import { isoToSimMs, simMsToIso } from '../engine';

export interface CalibrationRow {
  key: string;
  label: string;
  target: string;
  measured: number;
  unit: string;
  lo: number;
  hi: number;
  pass: boolean;
}

export interface CalibrationCurve {
  /** Seconds since onset and values, 1 s resolution over the first hour. */
  t: number[];
  infected: number[];
  scansPerSec: number[];
}

/** The decline over the whole run: hours since onset, delivered scans/s, global-layer hosts still infected. */
export interface DeclineCurve {
  h: number[];
  scansPerSec: number[];
  infected: number[];
}

export interface CalibrationResult {
  rows: CalibrationRow[];
  decline: DeclineCurve;
  /** Baseline key times in the player's network (information for scenario authors). */
  korea: { label: string; at: string }[];
  pass: boolean;
  curve: CalibrationCurve;
  totalVulnerable: number;
  onsetUtc: string;
}

const ONSET_UTC_BASE_S = 5 * 3600; // sim epoch = 05:00 UTC

function utcClock(simS: number): string {
  const s = ONSET_UTC_BASE_S + simS;
  const p = (n: number): string => String(Math.floor(n)).padStart(2, '0');
  return `${p(s / 3600)}:${p((s % 3600) / 60)}:${p(s % 60)} UTC`;
}

/** The no-action run sampled: every second over the first hour after the onset, then the decline. */
interface BaselineRun {
  /** State at the end of the run. */
  st: EngineState;
  events: EngineEvent[];
  /** When the global layer reported the worm's onset (sim ms). */
  onsetMs: number;
  curve: CalibrationCurve;
  decline: DeclineCurve;
}

/** Advance to `tMs`, moving the engine's events into `events`. */
function advanceCollecting(
  st: EngineState,
  params: EngineParams,
  tMs: number,
  events: EngineEvent[],
): { st: EngineState; fresh: readonly EngineEvent[] } {
  const e = drainEvents(advanceTo(st, params, tMs));
  events.push(...e.events);
  return { st: e.state, fresh: e.events };
}

function runBaseline(params: EngineParams, initial: EngineState): BaselineRun {
  const untilMs = isoToSimMs(DEFAULT_UNTIL_ISO)!;
  const events: EngineEvent[] = [];
  // Run to the onset, then sample every second for an hour.
  let st = advanceCollecting(initial, params, params.global.onsetMs, events).st;
  let onsetMs = params.global.onsetMs;
  const curve: CalibrationCurve = { t: [], infected: [], scansPerSec: [] };
  for (let k = 0; k <= 3600; k++) {
    const step = advanceCollecting(st, params, params.global.onsetMs + k * 1000, events);
    st = step.st;
    const on = step.fresh.find((x) => x.kind === 'worm.onset');
    if (on) onsetMs = on.tMs;
    const m = metrics(st);
    curve.t.push(k);
    curve.infected.push(m.globalInfected);
    curve.scansPerSec.push(m.globalScansPerSec);
  }
  // The decline: every 5 minutes to the end of the run (and the end itself).
  const decline: DeclineCurve = { h: [], scansPerSec: [], infected: [] };
  const startMs = params.global.onsetMs + 3600_000;
  for (let tMs = startMs; ; tMs = Math.min(tMs + 300_000, untilMs)) {
    st = advanceCollecting(st, params, tMs, events).st;
    decline.h.push((tMs - params.global.onsetMs) / 3_600_000);
    decline.scansPerSec.push(metrics(st).globalScansPerSec);
    decline.infected.push(globalInfectedTotal(st.global));
    if (tMs >= untilMs) break;
  }
  return { st, events, onsetMs, curve, decline };
}

/** The player's network in the same baseline, for scenario authors (not pass/fail). */
function koreaKeyTimes(events: readonly EngineEvent[]): CalibrationResult['korea'] {
  const firstOf = (kind: string): string => {
    const e = events.find((x) => x.kind === kind);
    return e ? simMsToIso(e.tMs).slice(11, 19) + ' KST' : 'never';
  };
  return [
    { label: 'first own host infected', at: firstOf('worm.local') },
    { label: 'first resolver cluster fails', at: firstOf('dns.down') },
    { label: 'subscribers online below 50 %', at: firstOf('outage.start') },
  ];
}

/** What the targets are checked against, measured on the baseline run. */
interface Measured {
  onsetMin: number;
  doubling: number;
  timeToPeakS: number;
  peak: number;
  timeTo90S: number;
  maxInfected: number;
  krShare: number;
  endH: number;
  /** Delivered scans/s at `h` hours after the onset, as a % of the peak. */
  scansShare: (h: number) => number;
  /** Global-layer hosts still infected at `h` hours, as a % of those ever infected there. */
  stillInfected: (h: number) => number;
}

/** The first hour's rise: doubling time, peak scan rate, time to the peak and to 90 % infected. */
function measureRise(
  curve: CalibrationCurve,
  totalVulnerable: number,
): Pick<Measured, 'doubling' | 'peak' | 'timeToPeakS' | 'timeTo90S'> {
  const firstAt = (arr: number[], x: number): number => {
    const i = arr.findIndex((v) => v >= x);
    return i < 0 ? Infinity : curve.t[i]!;
  };
  // Doubling over the first minute: interpolated crossing times of 64 and 1024 infected (4 doublings).
  const crossing = (x: number): number => {
    const i = curve.infected.findIndex((v) => v >= x);
    if (i <= 0) return i === 0 ? 0 : Infinity;
    const a = curve.infected[i - 1]!;
    const b = curve.infected[i]!;
    return curve.t[i - 1]! + (x - a) / (b - a);
  };
  const peak = Math.max(...curve.scansPerSec);
  return {
    doubling: (crossing(1024) - crossing(64)) / 4,
    peak,
    timeToPeakS: firstAt(curve.scansPerSec, 0.95 * peak),
    timeTo90S: firstAt(curve.infected, 0.9 * totalVulnerable),
  };
}

function measureBaseline(
  params: EngineParams,
  d: Derived,
  run: BaselineRun,
  totalVulnerable: number,
): Measured {
  const { st, curve, decline } = run;
  const rise = measureRise(curve, totalVulnerable);
  // Hosts ever infected (cleaned ones count: they were infected), the player's own included.
  const ownInfected = metrics(st).ownInfected;
  const everInfected = globalEverInfected(st.global) + ownInfected;
  const krEver = regionEverInfected(st.global, params, d.krIndex) + ownInfected;
  // The decline: delivered scans/s as a share of the peak, and hosts still infected as a share of those
  // ever infected in the global layer, at fixed times after the onset.
  const at = (h: number): number => {
    const i = decline.h.findIndex((x) => x >= h - 1e-9);
    return i < 0 ? decline.h.length - 1 : i;
  };
  const globalEver = globalEverInfected(st.global);
  return {
    ...rise,
    onsetMin: (run.onsetMs - 30 * 60_000) / 60_000, // minutes relative to 05:30 UTC
    maxInfected: Math.max(curve.infected[curve.infected.length - 1]!, everInfected),
    krShare: everInfected > 0 ? (100 * krEver) / everInfected : 0,
    endH: decline.h[decline.h.length - 1]!,
    scansShare: (h) => (100 * decline.scansPerSec[at(h)]!) / rise.peak,
    stillInfected: (h) => (globalEver > 0 ? (100 * decline.infected[at(h)]!) / globalEver : 0),
  };
}

function row(
  key: string,
  label: string,
  target: string,
  measured: number,
  unit: string,
  lo: number,
  hi: number,
): CalibrationRow {
  return { key, label, target, measured, unit, lo, hi, pass: measured >= lo && measured <= hi };
}

/** The published targets (docs/HISTORY.md) with their bands, each against its measurement. */
function calibrationRows(m: Measured): CalibrationRow[] {
  return [
    row('onset', 'Global onset vs 05:30 UTC', '05:30 UTC (−5/+0 min)', m.onsetMin, 'min', -5, 0),
    row('doubling', 'Early doubling time', '8.5 s ± 1 s', m.doubling, 's', 7.5, 9.5),
    row(
      'timeToPeak',
      'Time to full scan rate (≥95 % of peak)',
      '≈3 min ± 1',
      m.timeToPeakS / 60,
      'min',
      2,
      4,
    ),
    row(
      'peakScans',
      'Peak aggregate scans/s',
      '≥ 55 M (−10 %/+50 %)',
      m.peak / 1e6,
      'M/s',
      49.5,
      82.5,
    ),
    row(
      'timeTo90',
      'Time to 90 % of vulnerable infected',
      '≤ 10 min (8–12)',
      m.timeTo90S / 60,
      'min',
      8,
      12,
    ),
    row(
      'totalInfected',
      'Total infected (global)',
      '75,000 (75k–160k)',
      m.maxInfected,
      'hosts',
      75_000,
      160_000,
    ),
    row('krShare', "Korea's share of infected hosts", '11.8 % (±2 pp)', m.krShare, '%', 9.8, 13.8),
    row(
      'scans3h',
      'Scan rate at +3 h (% of peak)',
      'filters begin (50–95 %)',
      m.scansShare(3),
      '%',
      50,
      95,
    ),
    row(
      'scans6h',
      'Scan rate at +6 h (% of peak)',
      'falling (25–75 %)',
      m.scansShare(6),
      '%',
      25,
      75,
    ),
    row(
      'scans12h',
      'Scan rate at +12 h (% of peak)',
      'tapered off (10–50 %)',
      m.scansShare(12),
      '%',
      10,
      50,
    ),
    row(
      'scans24h',
      'Scan rate at +24 h (% of peak)',
      'contained (2–25 %)',
      m.scansShare(24),
      '%',
      2,
      25,
    ),
    row(
      'scansEnd',
      `Scan rate at end of run (+${m.endH.toFixed(1)} h)`,
      'still active (1–20 %)',
      m.scansShare(m.endH),
      '%',
      1,
      20,
    ),
    row(
      'infected12h',
      'Still infected at +12 h (% of ever)',
      'few cleaned (60–98 %)',
      m.stillInfected(12),
      '%',
      60,
      98,
    ),
    row(
      'infected24h',
      'Still infected at +24 h (% of ever)',
      'weekend cleanup (40–90 %)',
      m.stillInfected(24),
      '%',
      40,
      90,
    ),
  ];
}

export function runCalibration(params: EngineParams, seed = 1): CalibrationResult {
  const d = derive(params);
  const initial = createEngine(params, seed);
  const ownStart = initial.segments.reduce((a, s) => a + s.exposed + s.infected, 0);
  const totalVulnerable = d.globalN.reduce((a, b) => a + b, 0) + ownStart;
  const run = runBaseline(params, initial);
  const rows = calibrationRows(measureBaseline(params, d, run, totalVulnerable));
  return {
    rows,
    decline: run.decline,
    korea: koreaKeyTimes(run.events),
    pass: rows.every((r) => r.pass),
    curve: run.curve,
    totalVulnerable,
    onsetUtc: utcClock(run.onsetMs / 1000),
  };
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return 'never';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  return x.toFixed(2);
}

export function formatTable(r: CalibrationResult): string {
  const lines = [
    `onset ${r.onsetUtc}; vulnerable population ${Math.round(r.totalVulnerable).toLocaleString('en-US')}`,
    '',
    `${'target'.padEnd(42)}${'published'.padEnd(26)}${'measured'.padStart(14)}  result`,
  ];
  for (const row of r.rows) {
    lines.push(
      `${row.label.padEnd(42)}${row.target.padEnd(26)}${(fmt(row.measured) + ' ' + row.unit).padStart(14)}  ${row.pass ? 'pass' : 'FAIL'}`,
    );
  }
  lines.push('', 'player network, same baseline (information):');
  for (const k of r.korea) lines.push(`  ${k.label.padEnd(34)}${k.at}`);
  lines.push('', r.pass ? 'all targets met' : 'some targets FAILED');
  return lines.join('\n');
}

/**
 * Hand-written SVG. Top: infected hosts (left axis) and scans/s (right axis) over the first 20 minutes.
 * Bottom: the decline over the whole run, both as a share of their peak, with the decline targets as boxes.
 */
export function calibrationSvg(r: CalibrationResult): string {
  const W = 760;
  const H = 440 + DECLINE_PANEL_H;
  const L = 70;
  const R = 70;
  const T = 56;
  const B = 60;
  const pw = W - L - R;
  const ph = H - T - B;
  const maxT = 1200;
  const maxI = Math.ceil(r.totalVulnerable / 20_000) * 20_000;
  const maxS = 80e6;
  const x = (t: number): number => L + (t / maxT) * pw;
  const yI = (v: number): number => T + ph - (v / maxI) * ph;
  const yS = (v: number): number => T + ph - (Math.min(v, maxS) / maxS) * ph;
  const pts = (vals: number[], y: (v: number) => number): string =>
    r.curve.t
      .filter((t) => t <= maxT && t % 2 === 0)
      .map((t) => `${x(t).toFixed(1)},${y(vals[t]!).toFixed(1)}`)
      .join(' ');
  const get = (k: string): CalibrationRow => r.rows.find((row) => row.key === k)!;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
  );
  out.push(`<title>Slammer global curve: engine baseline vs published targets</title>`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  // grid and axes
  for (let m = 0; m <= 20; m += 2) {
    out.push(
      `<line x1="${x(m * 60)}" y1="${T}" x2="${x(m * 60)}" y2="${T + ph}" stroke="#eee"/>`,
      `<text x="${x(m * 60)}" y="${T + ph + 16}" text-anchor="middle">${m}</text>`,
    );
  }
  for (let k = 0; k <= 4; k++) {
    const v = (maxI * k) / 4;
    out.push(
      `<text x="${L - 6}" y="${yI(v) + 4}" text-anchor="end">${Math.round(v / 1000)}k</text>`,
      `<text x="${L + pw + 6}" y="${yS((maxS * k) / 4) + 4}">${(maxS * k) / 4 / 1e6}M</text>`,
    );
  }
  out.push(`<rect x="${L}" y="${T}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  out.push(
    `<text x="${L + pw / 2}" y="${H - 20}" text-anchor="middle">minutes after onset (${r.onsetUtc})</text>`,
    `<text x="16" y="${T + ph / 2}" transform="rotate(-90 16 ${T + ph / 2})" text-anchor="middle" fill="#1f5fa8">infected hosts</text>`,
    `<text x="${W - 14}" y="${T + ph / 2}" transform="rotate(90 ${W - 14} ${T + ph / 2})" text-anchor="middle" fill="#c0502a">delivered scans/s</text>`,
  );
  // targets: 90 % window (8–12 min), 90 % line, peak band, time-to-peak window
  out.push(
    `<rect x="${x(480)}" y="${T}" width="${x(720) - x(480)}" height="${ph}" fill="#1f5fa8" fill-opacity="0.07"/>`,
    `<line x1="${L}" y1="${yI(0.9 * r.totalVulnerable)}" x2="${L + pw}" y2="${yI(0.9 * r.totalVulnerable)}" stroke="#1f5fa8" stroke-dasharray="4 4"/>`,
    `<text x="${L + 6}" y="${yI(0.9 * r.totalVulnerable) - 6}" fill="#1f5fa8">target: 90 % infected within 8–12 min (band)</text>`,
    `<rect x="${x(120)}" y="${yS(82.5e6)}" width="${x(240) - x(120)}" height="${yS(49.5e6) - yS(82.5e6)}" fill="#c0502a" fill-opacity="0.10" stroke="#c0502a" stroke-dasharray="3 3"/>`,
    `<text x="${x(244)}" y="${yS(82.5e6) + 14}" fill="#c0502a">target: ≥55 M scans/s at ≈3 min (box)</text>`,
  );
  out.push(
    `<polyline fill="none" stroke="#1f5fa8" stroke-width="2" points="${pts(r.curve.infected, yI)}"/>`,
    `<polyline fill="none" stroke="#c0502a" stroke-width="2" points="${pts(r.curve.scansPerSec, yS)}"/>`,
  );
  const t90 = get('timeTo90').measured * 60;
  const tp = get('timeToPeak').measured * 60;
  if (Number.isFinite(t90)) {
    out.push(`<circle cx="${x(t90)}" cy="${yI(0.9 * r.totalVulnerable)}" r="4" fill="#1f5fa8"/>`);
  }
  if (Number.isFinite(tp)) {
    out.push(
      `<circle cx="${x(tp)}" cy="${yS(0.95 * get('peakScans').measured * 1e6)}" r="4" fill="#c0502a"/>`,
    );
  }
  const parts = r.rows
    .slice(1, 5)
    .map((row) => `${row.label}: ${fmt(row.measured)} ${row.unit} ${row.pass ? '✓' : '✗'}`);
  const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  out.push(
    `<text x="${L}" y="18" font-size="11">${esc(parts.slice(0, 2).join('   '))}</text>`,
    `<text x="${L}" y="34" font-size="11">${esc(parts.slice(2).join('   '))}</text>`,
  );
  out.push(...declinePanel(r, 440, W, L, R, esc));
  out.push('</svg>');
  return out.join('\n') + '\n';
}

const DECLINE_PANEL_H = 360;

/** The lower panel: delivered scans/s and hosts still infected over the run, with the decline targets. */
function declinePanel(
  r: CalibrationResult,
  top: number,
  W: number,
  L: number,
  R: number,
  esc: (t: string) => string,
): string[] {
  const T = top + 40;
  const pw = W - L - R;
  const ph = DECLINE_PANEL_H - 100;
  const dc = r.decline;
  const maxH = Math.ceil(dc.h[dc.h.length - 1]! / 6) * 6;
  const peak = Math.max(...r.curve.scansPerSec);
  const ever = dc.infected[0]!;
  const x = (h: number): number => L + (h / maxH) * pw;
  const y = (pct: number): number => T + ph - (Math.min(pct, 100) / 100) * ph;
  const out: string[] = [];
  out.push(
    `<text x="${L}" y="${T - 16}" font-size="13">The world reacts: decline over the run (share of peak)</text>`,
  );
  for (let h = 0; h <= maxH; h += 6) {
    out.push(
      `<line x1="${x(h)}" y1="${T}" x2="${x(h)}" y2="${T + ph}" stroke="#eee"/>`,
      `<text x="${x(h)}" y="${T + ph + 16}" text-anchor="middle">${h}</text>`,
    );
  }
  for (let k = 0; k <= 4; k++) {
    out.push(`<text x="${L - 6}" y="${y(k * 25) + 4}" text-anchor="end">${k * 25} %</text>`);
  }
  out.push(
    `<rect x="${L}" y="${T}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`,
    `<text x="${L + pw / 2}" y="${T + ph + 36}" text-anchor="middle">hours after onset (end of run: 26 Jan 24:00 KST)</text>`,
  );
  // Targets: each row's band at its time, as a narrow box.
  const boxes: [string, number, string][] = [
    ['scans3h', 3, '#c0502a'],
    ['scans6h', 6, '#c0502a'],
    ['scans12h', 12, '#c0502a'],
    ['scans24h', 24, '#c0502a'],
    ['scansEnd', dc.h[dc.h.length - 1]!, '#c0502a'],
    ['infected12h', 12, '#1f5fa8'],
    ['infected24h', 24, '#1f5fa8'],
  ];
  for (const [key, h, colour] of boxes) {
    const row = r.rows.find((rw) => rw.key === key);
    if (!row) continue;
    const w = 8;
    out.push(
      `<rect x="${(x(h) - w / 2).toFixed(1)}" y="${y(row.hi).toFixed(1)}" width="${w}" height="${(y(row.lo) - y(row.hi)).toFixed(1)}" fill="${colour}" fill-opacity="0.12" stroke="${colour}" stroke-dasharray="3 3"/>`,
    );
  }
  const line = (vals: number[], scale: number): string =>
    dc.h.map((h, i) => `${x(h).toFixed(1)},${y((100 * vals[i]!) / scale).toFixed(1)}`).join(' ');
  out.push(
    `<polyline fill="none" stroke="#c0502a" stroke-width="2" points="${line(dc.scansPerSec, peak)}"/>`,
    `<polyline fill="none" stroke="#1f5fa8" stroke-width="2" points="${line(dc.infected, ever)}"/>`,
    `<text x="${x(maxH) - 6}" y="${T + 16}" text-anchor="end" fill="#1f5fa8">hosts still infected (of those ever infected)</text>`,
    `<text x="${x(maxH) - 6}" y="${T + 32}" text-anchor="end" fill="#c0502a">delivered scans/s (of the peak); boxes: targets</text>`,
  );
  const summary = (prefix: string): string =>
    r.rows
      .filter((row) => row.key.startsWith(prefix))
      .map((row) => `${row.key} ${fmt(row.measured)} % ${row.pass ? '✓' : '✗'}`)
      .join('   ');
  out.push(
    `<text x="${L}" y="${T + ph + 56}" font-size="11">${esc(summary('scans'))}</text>`,
    `<text x="${L}" y="${T + ph + 72}" font-size="11">${esc(summary('infected'))}</text>`,
  );
  return out;
}

export function main(argv: readonly string[]): number {
  const args = parseArgs(argv, { values: ['level', 'svg'], flags: ['json'] });
  if (args.errors.length > 0) {
    for (const e of args.errors) console.error(`error: ${e}`);
    return 2;
  }
  const file = args.values.level ?? 'levels/backbone-isp.json';
  const level = loadLevelEngine(file);
  if (!level.ok) {
    console.error(`error: invalid level ${file}:`);
    for (const e of level.errors) console.error(`  ${e}`);
    return 1;
  }
  const r = runCalibration(level.value.params);
  writeFileSync(args.values.svg ?? 'docs/calibration.svg', calibrationSvg(r));
  if (args.flags.has('json')) {
    console.log(
      JSON.stringify({ level: level.value.id, pass: r.pass, rows: r.rows, korea: r.korea }),
    );
  } else {
    console.log(formatTable(r));
  }
  return r.pass ? 0 : 1;
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('calibrate.ts') || invoked.endsWith('calibrate.js')) {
  process.exitCode = main(process.argv.slice(2));
}
