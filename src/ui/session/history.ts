// Series for the monitoring graphs and the world inset, sampled from what the view may show
// (observations, published with their delay) once per sim minute. Kept beside the autosave so the
// graphs survive a reload.
import type { ViewSnapshot } from '../../game';

export interface HistorySample {
  /** Sim tick of the sample. */
  t: number;
  /** Observed utilisation per link id: [in %, out %] (MRTG 5-min average). */
  links: Record<string, [number, number]>;
  /** Observed DNS per cluster id: [queries/s, success %]. */
  dns: Record<string, [number, number]>;
  ids: number;
  calls: number;
  /** Internet-wide infected hosts as published (inset). */
  globalInfected: number;
}

export const HISTORY_LIMIT = 34 * 60 + 10;

export class History {
  samples: HistorySample[] = [];
  private lastMinute = -1;

  /** Records a sample if the snapshot is in a new sim minute. */
  sample(view: ViewSnapshot, globalInfected: number): boolean {
    const minute = Math.floor(view.tick / 60);
    if (minute === this.lastMinute) return false;
    this.lastMinute = minute;
    const m = view.monitoring;
    this.samples.push({
      t: view.tick,
      links: Object.fromEntries(m.links.map((l) => [l.id, [round1(l.inPct), round1(l.outPct)]])),
      dns: Object.fromEntries(
        m.dns.map((d) => [d.id, [Math.round(d.queriesPerSec), round1(d.successPct)]]),
      ),
      ids: Math.round(m.idsAlertsPerMin),
      calls: Math.round(m.callsPerMin),
      globalInfected: Math.round(globalInfected),
    });
    if (this.samples.length > HISTORY_LIMIT)
      this.samples.splice(0, this.samples.length - HISTORY_LIMIT);
    return true;
  }

  /** Restores saved samples, keeping only well-formed ones up to `tick`. */
  restore(raw: unknown, tick: number): void {
    this.samples = Array.isArray(raw)
      ? raw.filter((s): s is HistorySample => isSample(s) && s.t <= tick)
      : [];
    this.lastMinute = this.samples.length
      ? Math.floor(this.samples[this.samples.length - 1].t / 60)
      : -1;
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function isSample(s: unknown): s is HistorySample {
  if (!s || typeof s !== 'object') return false;
  const o = s as Record<string, unknown>;
  return (
    typeof o.t === 'number' &&
    typeof o.ids === 'number' &&
    typeof o.calls === 'number' &&
    typeof o.globalInfected === 'number' &&
    typeof o.links === 'object' &&
    o.links !== null &&
    typeof o.dns === 'object' &&
    o.dns !== null
  );
}
