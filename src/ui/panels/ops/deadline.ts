// A situation's deadline in words: game time left, and what that is in real time at the pace the
// clock runs now (the pacing rule's rate), or that the clock is paused.
import type { i18n as I18n } from 'i18next';
import type { ViewSnapshot } from '../../../game';
import { formatKstTime } from '../../format';

type Situation = ViewSnapshot['activeInjects'][number];

/** Seconds as "45 s" or "3 min 20 s" (real time), in the current language. */
export function realDuration(i18n: I18n, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 90) return i18n.t('ops.seconds', { n: s });
  return i18n.t('ops.minutesSeconds', { m: Math.floor(s / 60), s: s % 60 });
}

/** The countdown line of a situation card; null when it has no deadline. */
export function deadlineText(i18n: I18n, inj: Situation, view: ViewSnapshot): string | null {
  if (inj.expiresAt === null) return null;
  const leftS = Math.max(0, inj.expiresAt - view.tick);
  const game = i18n.t('ops.deadline', {
    time: formatKstTime(i18n, inj.expiresAt),
    game: i18n.t('ops.minutes', { n: Math.ceil(leftS / 60) }),
  });
  const real = view.clock.paused
    ? i18n.t('ops.deadlinePaused')
    : leftS === 0
      ? i18n.t('ops.deadlinePassing')
      : i18n.t('ops.deadlineReal', {
          real: realDuration(i18n, leftS / Math.max(view.clock.rate, 1e-6)),
        });
  const extended =
    inj.extendedMin > 0 ? ` (${i18n.t('ops.extended', { minutes: inj.extendedMin })})` : '';
  return `${game} · ${real}${extended}`;
}
