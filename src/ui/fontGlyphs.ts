// The bundled Noto Sans KR comes split into unicode-range subsets; the browser fetches a subset
// only when DOM text needs it. Canvas text (Phaser) does not trigger that, so before drawing we ask
// for every glyph the canvas may show, in both languages and both weights.
import { resources } from '../i18n';

function collectStrings(node: unknown, out: string[]): void {
  if (typeof node === 'string') out.push(node);
  else if (node && typeof node === 'object')
    Object.values(node).forEach((v) => collectStrings(v, out));
}

/** Every distinct character of the shipped UI strings plus digits and punctuation. */
export function glyphSample(extra: string[] = []): string {
  const strings: string[] = [...extra, '0123456789%:.,·-—…()[]'];
  collectStrings(resources, strings);
  return [...new Set(strings.join(''))].join('');
}

export async function loadFontGlyphs(extra: string[] = []): Promise<void> {
  const sample = glyphSample(extra);
  await Promise.all(
    ['400', '700'].map((weight) => document.fonts.load(`${weight} 20px "Noto Sans KR"`, sample)),
  );
}
