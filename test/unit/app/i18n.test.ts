import { describe, expect, it } from 'vitest';
import {
  createI18n,
  ensureLanguage,
  loadFeatureLocale,
  loadLocale,
  resolveLanguage,
  matchLanguage,
  useFeatureStrings,
} from '../../../src/i18n';

// Everything a player may see: the main strings and the team and replay screens' own.
const FEATURES = [
  'debrief',
  'runs',
  'shortcuts',
  'team',
  'replay',
  'device',
  'score',
  'exercise',
] as const;
const all = async (lng: 'en' | 'ko') => {
  const parts = await Promise.all(FEATURES.map((f) => loadFeatureLocale(f, lng)));
  const merged: Record<string, unknown> = { ...(await loadLocale(lng)) };
  for (const part of parts)
    for (const [k, v] of Object.entries(part)) {
      // A feature's keys must not collide with the main strings or another feature's.
      expect(merged[k], k).toBeUndefined();
      merged[k] = v;
    }
  return merged as typeof merged & Awaited<ReturnType<typeof loadLocale>>;
};
const resources = {
  en: { translation: await all('en') },
  ko: { translation: await all('ko') },
};

function keyPaths(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('language resolution', () => {
  it('should prefer ?lang=, then the saved choice, then the browser', () => {
    expect(resolveLanguage({ query: 'ko', stored: 'en', browser: ['en-US'] })).toBe('ko');
    expect(resolveLanguage({ stored: 'ko', browser: ['en-US'] })).toBe('ko');
    expect(resolveLanguage({ browser: ['fr-FR', 'ko-KR'] })).toBe('ko');
    expect(resolveLanguage({ browser: ['de'] })).toBe('en');
    expect(resolveLanguage({})).toBe('en');
  });

  it('should fall back to English for an unknown ?lang= even when the browser prefers Korean', () => {
    expect(resolveLanguage({ query: 'xx', browser: ['ko-KR'] })).toBe('en');
    expect(resolveLanguage({ query: '', stored: 'ko' })).toBe('en');
    expect(resolveLanguage({ query: '<script>', stored: 'ko' })).toBe('en');
  });

  it('should match BCP-47 tags case-insensitively', () => {
    expect(matchLanguage('KO_kr')).toBe('ko');
    expect(matchLanguage('en-GB')).toBe('en');
    expect(matchLanguage('kor')).toBeUndefined();
    expect(matchLanguage(undefined)).toBeUndefined();
  });
});

describe('locale resources', () => {
  it('should have exactly the same keys in Korean and English, none empty', () => {
    const en = keyPaths(resources.en.translation).sort();
    const ko = keyPaths(resources.ko.translation).sort();
    expect(ko).toEqual(en);
    const values = (node: unknown): string[] =>
      typeof node === 'string' ? [node] : Object.values(node as object).flatMap(values);
    for (const v of [...values(resources.en.translation), ...values(resources.ko.translation)]) {
      expect(v.trim().length).toBeGreaterThan(0);
    }
  });

  it('should write Korean strings in Hangul', () => {
    expect(resources.ko.translation.menu.newGame).toMatch(/[\uac00-\ud7a3]/);
    expect(resources.ko.translation.app.subtitle).toMatch(/[\uac00-\ud7a3]/);
  });

  it('should load only the chosen language, then switch live and interpolate', async () => {
    const i18n = await createI18n('en');
    expect(i18n.hasResourceBundle('ko', 'translation')).toBe(false);
    expect(i18n.t('loading.label', { percent: 40 })).toBe('Loading 40%');
    await ensureLanguage(i18n, 'ko');
    await i18n.changeLanguage('ko');
    expect(i18n.t('loading.label', { percent: 40 })).toBe('불러오는 중 40%');
    expect(i18n.t('menu.newGame')).toBe('새 게임');
  });

  it("should load a feature's strings in the languages loaded so far and in later ones", async () => {
    const i18n = await createI18n('en');
    expect(i18n.exists('team.heading')).toBe(false);
    await useFeatureStrings(i18n, 'team');
    expect(i18n.t('team.heading')).toBe('Team session');
    await ensureLanguage(i18n, 'ko');
    await i18n.changeLanguage('ko');
    expect(i18n.t('team.heading')).toBe('팀 훈련');
    expect(i18n.exists('replay.heading')).toBe(false);
  });
});
