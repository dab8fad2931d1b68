// The Situation Manual's words, from the `sitman` namespace of the locale files
// (src/i18n/locales/sitman.*.ts); see text.ts for the review's.
import { catalogue, type Language, type TextParams } from '../i18n/catalogue';
import { sitmanEn } from '../i18n/locales/sitman.en';
import { sitmanKo } from '../i18n/locales/sitman.ko';

const sitman = catalogue('sitman', { ko: sitmanKo, en: sitmanEn });

/** A label in both languages. */
export const L = sitman.local;
/** A list of strings in both languages. */
export const LIST = sitman.lists;
/** The text at `key` in `lang`, with its placeholders filled. */
export const say = (key: string, lang: Language, params?: TextParams): string =>
  sitman.t(lang, key, params);
