// Why the server closed a seat's socket, in both languages, from the `server` namespace of the
// locale files: the same words the server sends when it removes a seat.
import { catalogue } from '../i18n/catalogue';
import { serverEn } from '../i18n/locales/server.en';
import { serverKo } from '../i18n/locales/server.ko';

const server = catalogue('server', { ko: serverKo, en: serverEn });

export const CLOSE_TEXT = {
  superseded: server.local('closed.superseded'),
  removed: server.local('removed'),
  badToken: server.local('closed.badToken'),
} as const;
