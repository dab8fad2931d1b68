// i18next set-up shared by every view. Strings are bundled with the game (no HTTP backend, so it
// works offline), one chunk per language: a player downloads the language they play in, and the
// other arrives only if they switch. The team and replay screens' strings are chunks of their own
// too, merged under `team.` / `replay.` when those screens are first opened.
import i18next, { type i18n } from 'i18next';
import type { Language } from './language';
import type { Resource } from './locales/types';
import { addParticleFormatters } from './formatters';

export * from './language';

const LOCALES: Record<Language, () => Promise<Resource>> = {
  en: () => import('./locales/en').then((m) => m.en),
  ko: () => import('./locales/ko').then((m) => m.ko),
};

/**
 * Strings of the screens off the solo path (debrief, run library, replay viewer, team screens,
 * keyboard help), each merged into the one `translation` namespace when its screen first opens.
 */
const FEATURES = {
  debrief: {
    en: () => import('./locales/debrief.en').then((m) => m.debriefEn),
    ko: () => import('./locales/debrief.ko').then((m) => m.debriefKo),
  },
  runs: {
    en: () => import('./locales/runs.en').then((m) => m.runsEn),
    ko: () => import('./locales/runs.ko').then((m) => m.runsKo),
  },
  device: {
    en: () => import('./locales/device.en').then((m) => m.deviceEn),
    ko: () => import('./locales/device.ko').then((m) => m.deviceKo),
  },
  shortcuts: {
    en: () => import('./locales/shortcuts.en').then((m) => m.shortcutsEn),
    ko: () => import('./locales/shortcuts.ko').then((m) => m.shortcutsKo),
  },
  score: {
    en: () => import('./locales/score.en').then((m) => m.scoreEn),
    ko: () => import('./locales/score.ko').then((m) => m.scoreKo),
  },
  team: {
    en: () => import('./locales/team.en').then((m) => ({ team: m.teamEn })),
    ko: () => import('./locales/team.ko').then((m) => ({ team: m.teamKo })),
  },
  replay: {
    en: () => import('./locales/replay.en').then((m) => ({ replay: m.replayEn })),
    ko: () => import('./locales/replay.ko').then((m) => ({ replay: m.replayKo })),
  },
  /** The exercise screens (issue 17): a team session's discussion, feedback and improvement plan, and the console for many teams. */
  exercise: {
    en: () => import('./locales/exercise.en').then((m) => ({ exercise: m.exerciseEn })),
    ko: () => import('./locales/exercise.ko').then((m) => ({ exercise: m.exerciseKo })),
  },
} satisfies Record<string, Record<Language, () => Promise<object>>>;
export type StringFeature = keyof typeof FEATURES;

/** One language's strings (the test of matching keys reads both through this). */
export function loadLocale(lng: Language): Promise<Resource> {
  return LOCALES[lng]();
}

/** One language's strings of one feature, as top-level keys of the translation namespace. */
export function loadFeatureLocale(feature: StringFeature, lng: Language): Promise<object> {
  return FEATURES[feature][lng]();
}

/** Per instance: the features it uses (a language switch loads them in the new language too) and
 *  the feature/language pairs already merged. */
const featuresOf = new WeakMap<i18n, { used: Set<StringFeature>; merged: Set<string> }>();
const featureState = (instance: i18n) => {
  let state = featuresOf.get(instance);
  if (!state) featuresOf.set(instance, (state = { used: new Set(), merged: new Set() }));
  return state;
};

const LANGUAGE_IDS: readonly Language[] = ['ko', 'en'];
const loadedLanguages = (instance: i18n) =>
  LANGUAGE_IDS.filter((l) => instance.hasResourceBundle(l, 'translation'));

async function addFeature(instance: i18n, lng: Language, feature: StringFeature): Promise<void> {
  const { merged } = featureState(instance);
  if (merged.has(`${feature}:${lng}`)) return;
  const strings = await loadFeatureLocale(feature, lng);
  instance.addResourceBundle(lng, 'translation', strings, true, false);
  merged.add(`${feature}:${lng}`);
}

/** Makes `feature`'s strings available in every language loaded so far (and in later ones). */
export async function useFeatureStrings(instance: i18n, feature: StringFeature): Promise<void> {
  featureState(instance).used.add(feature);
  await Promise.all(loadedLanguages(instance).map((lng) => addFeature(instance, lng, feature)));
}

export async function createI18n(lng: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    // Both languages carry every key (a unit test checks), so there is nothing to fall back to,
    // and no reason to download the other language.
    fallbackLng: false,
    supportedLngs: ['ko', 'en'],
    resources: { [lng]: { translation: await loadLocale(lng) } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // `{{name, iga}}` and friends: the name with the Korean particle that fits it (see josa.ts).
  addParticleFormatters(instance);
  return instance;
}

/** Makes sure `lng`'s strings are in `instance` (fetching its chunk the first time). */
export async function ensureLanguage(instance: i18n, lng: Language): Promise<void> {
  if (!instance.hasResourceBundle(lng, 'translation'))
    instance.addResourceBundle(lng, 'translation', await loadLocale(lng));
  const features = [...featureState(instance).used];
  await Promise.all(features.map((f) => addFeature(instance, lng, f)));
}

/** Every string of the languages loaded so far (the font's glyph subsets are fetched for these). */
export function loadedStrings(instance: i18n): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') out.push(node);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(instance.store.data);
  return out;
}
