// A refused command's reason in words, for the CLI and the server (the views read the same strings,
// `rejection.<code>` of the first-loaded namespace, through their own i18next instance).
import type { Rejection, RejectionCode } from '../game';
import { catalogue } from './catalogue';
import type { Language } from './language';
import { rejectionEn } from './locales/rejection.en';
import { rejectionKo } from './locales/rejection.ko';

// Every rejection code has its words (a missing one fails the type check here).
rejectionEn satisfies Record<RejectionCode, string>;

const rejection = catalogue('rejection', { ko: rejectionKo, en: rejectionEn });

/** The reason in `lang`, with the rejection's params in its placeholders. */
export function renderRejection(r: Rejection, lang: Language): string {
  return rejection.t(lang, r.code, r.params);
}
