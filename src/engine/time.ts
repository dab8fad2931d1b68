// Sim epoch and ISO-time conversion without Date (pure core): parses "YYYY-MM-DDTHH:MM[:SS[.fff]]±HH:MM|Z".
export const SIM_EPOCH_ISO = '2003-01-25T14:00:00+09:00';

function daysFromCivil(y: number, m: number, d: number): number {
  // Howard Hinnant's days_from_civil (proleptic Gregorian), integer arithmetic only.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** UTC milliseconds of the sim epoch (2003-01-25T05:00:00Z). */
export const SIM_EPOCH_UTC_MS = daysFromCivil(2003, 1, 25) * 86_400_000 + 5 * 3_600_000;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** ISO 8601 time → sim ms; null when the text is not a full date-time with zone. */
export function isoToSimMs(iso: string): number | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, zone] = m;
  let off = 0;
  if (zone !== 'Z') {
    const sign = zone!.startsWith('-') ? -1 : 1;
    off = sign * (Number(zone!.slice(1, 3)) * 60 + Number(zone!.slice(4, 6)));
  }
  const utc =
    daysFromCivil(Number(y), Number(mo), Number(d)) * 86_400_000 +
    (Number(h) * 60 + Number(mi) - off) * 60_000 +
    Number(s ?? 0) * 1000 +
    Number((ms ?? '0').padEnd(3, '0'));
  return utc - SIM_EPOCH_UTC_MS;
}

/** Sim ms → ISO 8601 in KST (+09:00), second precision. */
export function simMsToIso(tMs: number): string {
  const kst = SIM_EPOCH_UTC_MS + tMs + 9 * 3_600_000;
  const days = Math.floor(kst / 86_400_000);
  let rem = kst - days * 86_400_000;
  // civil_from_days
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const hh = Math.floor(rem / 3_600_000);
  rem -= hh * 3_600_000;
  const mm = Math.floor(rem / 60_000);
  rem -= mm * 60_000;
  const ss = Math.floor(rem / 1000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${y}-${p2(m)}-${p2(d)}T${p2(hh)}:${p2(mm)}:${p2(ss)}+09:00`;
}
