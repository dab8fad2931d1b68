// i18next set-up shared by every view. Resources are bundled (no HTTP backend): the game works offline.
import i18next, { type i18n } from 'i18next';
import { en } from './locales/en';
import { ko } from './locales/ko';
import type { Language } from './language';

export * from './language';

export const resources = { en: { translation: en }, ko: { translation: ko } } as const;

export async function createI18n(lng: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: 'en',
    supportedLngs: ['ko', 'en'],
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
