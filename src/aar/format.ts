/** Sim-time formatting for the review in either language (KST wall clock, as the players saw it). */
import { tickToIso } from '../game';

export type Lang = 'ko' | 'en';

/** "25 Jan 14:26" / "1월 25일 14:26". */
export function clock(tick: number, lang: Lang): string {
  const iso = tickToIso(tick);
  const day = Number(iso.slice(8, 10));
  const hm = iso.slice(11, 16);
  return lang === 'ko' ? `1월 ${day}일 ${hm}` : `${day} Jan ${hm}`;
}

/** "4 h 33 min" / "4시간 33분". */
export function duration(minutes: number, lang: Lang): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const r = m % 60;
  if (lang === 'ko') return h > 0 ? `${h}시간 ${r}분` : `${r}분`;
  return h > 0 ? `${h} h ${r} min` : `${r} min`;
}
