// A refused command's reason in words, for the CLI, the server and the views (ui/panels/ops/refusal.ts,
// a lazy chunk: the strings arrive with the first refusal, not with the first load).
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
