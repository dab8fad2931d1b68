/**
 * Sim time. A tick is one sim second since 2003-01-25T14:00:00+09:00 (KST); the engine counts
 * milliseconds from the same origin. The pure core may not use Date, so ISO strings are parsed
 * and printed here with civil-calendar arithmetic (Howard Hinnant's days_from_civil).
 */

/** Unix seconds of the origin 2003-01-25T05:00:00Z (= 14:00 KST). */
export const ORIGIN_UNIX_S = 1043470800;
/** The sim runs 14:00 25 Jan → 24:00 26 Jan KST: 34 hours. */
export const DEFAULT_END_TICK = 34 * 3600;
const KST_OFFSET_S = 9 * 3600;

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO 8601 date-time with an explicit offset ("2003-01-25T15:40+09:00", "…Z") into a
 * tick. Returns undefined for anything else (the schemas turn that into a path-named error).
 * "24:00" is accepted as the end of the day, as the scenario dates are written that way.
 */
export function isoToTick(iso: string): number | undefined {
  const m = ISO_RE.exec(iso);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) =>
    m[i] === undefined ? 0 : Number(m[i]),
  );
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 24 || mi! > 59 || s! > 59) return undefined;
  if (h === 24 && (mi !== 0 || s !== 0)) return undefined;
  const zone = m[7]!;
  let offset = 0;
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    offset = sign * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(4, 6)) * 60);
  }
  const unix = daysFromCivil(y!, mo!, d!) * 86400 + h! * 3600 + mi! * 60 + s! - offset;
  return unix - ORIGIN_UNIX_S;
}

/** A tick as KST ISO text, e.g. "2003-01-25T15:40:00+09:00". */
export function tickToIso(tick: number): string {
  const local = ORIGIN_UNIX_S + Math.floor(tick) + KST_OFFSET_S;
  const days = Math.floor(local / 86400);
  const secs = local - days * 86400;
  const [y, m, d] = civilFromDays(days);
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${y}-${p(m)}-${p(d)}T${p(Math.floor(secs / 3600))}:${p(Math.floor((secs % 3600) / 60))}` +
    `:${p(secs % 60)}+09:00`
  );
}

/** "25 Jan 15:40" style clock text for logs and the CLI. */
export function tickToClock(tick: number): string {
  const iso = tickToIso(tick);
  return `${iso.slice(8, 10)} Jan ${iso.slice(11, 16)}`;
}
