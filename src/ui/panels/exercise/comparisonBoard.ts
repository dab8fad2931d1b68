// The comparison board's rows and its CSV: every team's score parts and key times beside the
// historical response on the same seed. Pure (no DOM), so the CSV is tested without a browser.
import type { ExerciseStatus } from '../../../net/exerciseProtocol';
import { tickToClock } from '../../../game/simTime';

export const KEY_FLAGS = [
  'knowsWorm',
  'knowsUdp1434',
  'knowsDnsOverload',
  'knowsInfectedHosts',
  'escalated',
  'kisaNotified',
] as const;

export interface BoardRow {
  label: string;
  code: string;
  state: string;
  total: number;
  parts: Record<string, number>;
  keyTimes: Record<string, number>;
}

/** The score parts in the order the first scored row has them. */
export function partNames(status: ExerciseStatus): string[] {
  const first = status.rooms.find((r) => Object.keys(r.score.parts).length > 0);
  return Object.keys(first?.score.parts ?? status.historical?.score.parts ?? {});
}

export function boardRows(
  status: ExerciseStatus,
  teamLabel: (n: number) => string,
  historical: string,
): BoardRow[] {
  const rows: BoardRow[] = status.rooms.map((r) => ({
    label: teamLabel(r.team),
    code: r.code,
    state: r.state,
    total: r.score.total,
    parts: r.score.parts,
    keyTimes: r.keyTimes,
  }));
  if (status.historical)
    rows.push({
      label: historical,
      code: '',
      state: 'history',
      total: status.historical.score.total,
      parts: status.historical.score.parts,
      keyTimes: status.historical.keyTimes,
    });
  return rows;
}

/** A key time as the board shows it ("25 Jan 14:42"), or a dash when never reached. */
export const keyTime = (tick: number | undefined) => (tick === undefined ? '—' : tickToClock(tick));

const cell = (v: string | number) => {
  const s = String(v);
  // Quoted when needed (RFC 4180); a leading =,+,-,@ is defused so a spreadsheet does not run it.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The board as CSV: one line per team and the historical response, parts then key times. */
export function boardCsv(status: ExerciseStatus, rows: BoardRow[]): string {
  const parts = partNames(status);
  const header = ['team', 'room', 'state', 'total', ...parts, ...KEY_FLAGS];
  const lines = [header.map(cell).join(',')];
  for (const r of rows)
    lines.push(
      [
        r.label,
        r.code,
        r.state,
        r.total,
        ...parts.map((p) => r.parts[p] ?? ''),
        ...KEY_FLAGS.map((f) => (r.keyTimes[f] === undefined ? '' : keyTime(r.keyTimes[f]))),
      ]
        .map(cell)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}

/** Rooms not ended yet (their figures are not final): what an export must say. */
export const stillRunning = (status: ExerciseStatus) =>
  status.rooms.filter((r) => r.state !== 'ended');
