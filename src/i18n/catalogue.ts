// The text of the screens and tools that render synchronously — the after-action review, the
// Situation Manual, refusal reasons, the session server's messages — read from i18next namespaces
// (src/i18n/locales/<namespace>.<lang>.ts) through one i18next instance per process, with the same
// `{{x}}` placeholders and Korean particle formatters as the game's screens (formatters.ts).
// A namespace's strings arrive with the module that registers them, so in the browser they are
// fetched with the review or the lobby, never on the first load.
import i18next from 'i18next';
import { addParticleFormatters } from './formatters';
import { LANGUAGES, type Language } from './language';

export type { Language };

export type TextParams = Record<string, string | number>;
/** One text in both languages. */
export type BothLanguages = Record<Language, string>;

export interface Catalogue {
  /** The string at `key` in `lang`, placeholders filled from `params`. Throws on an unknown key. */
  t(lang: Language, key: string, params?: TextParams): string;
  /** The string at `key` in both languages. */
  local(key: string, params?: TextParams): BothLanguages;
  /** The list of strings at `key` in both languages. */
  lists(key: string): Record<Language, string[]>;
}

const instance = i18next.createInstance();
void instance.init({
  // Resources are added synchronously below, so init needs nothing asynchronous.
  initAsync: false,
  lng: 'en',
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  resources: {},
  ns: [],
  interpolation: { escapeValue: false },
  returnNull: false,
});
addParticleFormatters(instance);
// `{{id, quote, iga}}`: an id in quotation marks followed by the particle that fits the id
// (josa.ts reads through a closing quotation mark).
instance.services.formatter?.add('quote', (value: unknown) => `"${String(value)}"`);

/** Registers `namespace` (once per process) and returns its reader. */
export function catalogue(namespace: string, strings: Record<Language, object>): Catalogue {
  for (const lng of LANGUAGES)
    if (!instance.hasResourceBundle(lng, namespace))
      instance.addResourceBundle(lng, namespace, strings[lng]);
  const raw = (lang: Language, key: string): unknown => {
    const value = instance.getResource(lang, namespace, key);
    if (value === undefined) throw new Error(`text ${namespace}:${key} (${lang}): no such string`);
    return value;
  };
  const t = (lang: Language, key: string, params: TextParams = {}): string => {
    if (typeof raw(lang, key) !== 'string')
      throw new Error(`text ${namespace}:${key} (${lang}): not a string`);
    return instance.t(key, { ...params, lng: lang, ns: namespace });
  };
  const list = (lang: Language, key: string): string[] => {
    const value = raw(lang, key);
    if (!Array.isArray(value)) throw new Error(`text ${namespace}:${key} (${lang}): not a list`);
    return value.map(String);
  };
  return {
    t,
    local: (key, params) => ({ ko: t('ko', key, params), en: t('en', key, params) }),
    lists: (key) => ({ ko: list('ko', key), en: list('en', key) }),
  };
}
