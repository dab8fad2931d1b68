import { describe, expect, it } from 'vitest';
import { createI18n, resolveLanguage, matchLanguage, resources } from '../../../src/i18n';

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

  it('should switch language live and interpolate', async () => {
    const i18n = await createI18n('en');
    expect(i18n.t('loading.label', { percent: 40 })).toBe('Loading 40%');
    await i18n.changeLanguage('ko');
    expect(i18n.t('loading.label', { percent: 40 })).toBe('불러오는 중 40%');
    expect(i18n.t('menu.newGame')).toBe('새 게임');
  });
});
