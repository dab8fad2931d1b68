// The bundled Noto Sans KR comes split into unicode-range subsets; the browser fetches a subset
// only when DOM text needs it. Canvas text (Phaser) does not trigger that, so before drawing we ask
// for every glyph the canvas may show, in both weights, for the languages loaded so far (a switch
// of language loads that language's glyphs before the canvas redraws: see switchLanguage).
import type { i18n } from 'i18next';
import { ensureLanguage, loadedStrings, type Language } from '../i18n';

/** Every distinct character of the loaded UI strings plus digits and punctuation. */
export function glyphSample(instance: i18n, extra: string[] = []): string {
  const strings: string[] = [...extra, '0123456789%:.,·-—…()[]', ...loadedStrings(instance)];
  return [...new Set(strings.join(''))].join('');
}

export async function loadFontGlyphs(instance: i18n, extra: string[] = []): Promise<void> {
  const sample = glyphSample(instance, extra);
  await Promise.all(
    ['400', '700'].map((weight) => document.fonts.load(`${weight} 20px "Noto Sans KR"`, sample)),
  );
}

/**
 * Changes the UI language: the language's strings first, then its glyphs, then the switch, so
 * screens that redraw on `languageChanged` (canvas text included) draw with the right font at once.
 */
export async function switchLanguage(instance: i18n, lng: Language): Promise<void> {
  await ensureLanguage(instance, lng);
  try {
    await loadFontGlyphs(instance);
  } catch {
    // A font that cannot load falls back to the system font; the switch still happens.
  }
  await instance.changeLanguage(lng);
}
