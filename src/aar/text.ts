// The review's words, from the `aar` namespace of the locale files (src/i18n/locales/aar.*.ts).
// Labels are read once into both languages (`L`), because the review's JSON and the views carry
// them as { ko, en }; texts with placeholders are filled per use (`say`).
import { catalogue, type Language, type TextParams } from '../i18n/catalogue';
import { aarEn } from '../i18n/locales/aar.en';
import { aarKo } from '../i18n/locales/aar.ko';

const aar = catalogue('aar', { ko: aarKo, en: aarEn });

/** A label in both languages. */
export const L = aar.local;
/** A list of strings in both languages. */
export const LIST = aar.lists;
/** The text at `key` in `lang`, with its placeholders filled. */
export const say = (key: string, lang: Language, params?: TextParams): string =>
  aar.t(lang, key, params);
