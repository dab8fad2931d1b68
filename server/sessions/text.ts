// Player-facing texts of the session server, in Korean and English, from the `server` namespace of
// the locale files (src/i18n/locales/server.*.ts). Error frames carry a short reason per code plus
// the specific detail (which field, which role…), which is data and stays as given.
import { catalogue } from '../../src/i18n/catalogue.ts';
import { serverEn } from '../../src/i18n/locales/server.en.ts';
import { serverKo } from '../../src/i18n/locales/server.ko.ts';
import type { ErrorCode, LocalText } from '../../src/net/protocol.ts';

// Every error code has its reason (a missing one fails the type check here).
serverEn.error satisfies Record<ErrorCode, string>;

const server = catalogue('server', { ko: serverKo, en: serverEn });

/** "<reason>: <detail>" in both languages (the detail names the field and why). */
export function errorText(code: ErrorCode, detail?: string): LocalText {
  const reason = server.local(`error.${code}`);
  if (!detail) return reason;
  return {
    ko: server.t('ko', 'withDetail', { reason: reason.ko, detail }),
    en: server.t('en', 'withDetail', { reason: reason.en, detail }),
  };
}

/** The notices the server sends to seats, in both languages. */
export const TEXT = {
  resync: server.local('resync'),
  removed: server.local('removed'),
  ended: {
    facilitator: server.local('ended.facilitator'),
    finished: server.local('ended.finished'),
    idle: server.local('ended.idle'),
  },
} as const;
