// Localised formatting for views: KST clock, numbers, durations. Views may use Date and Intl.
import type { i18n } from 'i18next';
import { tickToIso } from '../game';

const locale = (i18n: i18n) => (i18n.language === 'ko' ? 'ko-KR' : 'en-GB');

/** "2003. 1. 25. (토) 오후 2:30:05 KST" / "Sat 25 Jan 2003, 14:30:05 KST". */
export function formatKst(i18n: i18n, tick: number, withSeconds = true): string {
  const date = new Date(tickToIso(tick));
  const text = new Intl.DateTimeFormat(locale(i18n), {
    timeZone: 'Asia/Seoul',
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hour12: false,
  }).format(date);
  return `${text} KST`;
}

/** "14:30" in KST; on a later day than Saturday 25 January the date is shown too. */
export function formatKstTime(i18n: i18n, tick: number): string {
  // Ticks count from 14:00 KST on the 25th; 36,000 s later is midnight.
  const laterDay = tick >= 10 * 3600;
  return new Intl.DateTimeFormat(locale(i18n), {
    timeZone: 'Asia/Seoul',
    ...(laterDay ? { month: 'short', day: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(tickToIso(tick)));
}

export function formatNumber(i18n: i18n, value: number, digits = 0): string {
  return new Intl.NumberFormat(locale(i18n), { maximumFractionDigits: digits }).format(value);
}

/** A LocalText in the current language. */
export function local(i18n: i18n, text: { ko: string; en: string } | undefined): string {
  if (!text) return '';
  return i18n.language === 'ko' ? text.ko : text.en;
}
