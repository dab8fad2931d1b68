/** Sim-time formatting for the review in either language (KST wall clock, as the players saw it). */
import { tickToIso } from '../game';
import { say } from './text';

export type Lang = 'ko' | 'en';

/** "25 Jan 14:26" / "1월 25일 14:26". */
export function clock(tick: number, lang: Lang): string {
  const iso = tickToIso(tick);
  return say('format.clock', lang, { day: Number(iso.slice(8, 10)), hm: iso.slice(11, 16) });
}

/** "4 h 33 min" / "4시간 33분". */
export function duration(minutes: number, lang: Lang): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const r = m % 60;
  return h > 0
    ? say('format.hoursMinutes', lang, { h, m: r })
    : say('format.minutes', lang, { m: r });
}
