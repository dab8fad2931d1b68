// Which language to show first: an explicit ?lang= wins, then the player's saved choice, then the
// browser's preferences; anything we do not ship falls back to English.
export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps a BCP-47 tag such as "ko-KR" or "en-GB" to a shipped language, or undefined. */
export function matchLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : undefined;
}

export interface LanguageSources {
  /** Value of the ?lang= query parameter, if present. */
  query?: string | null;
  /** The language saved in settings, if any. */
  stored?: string | null;
  /** navigator.languages (most preferred first). */
  browser?: readonly string[];
}

export function resolveLanguage(sources: LanguageSources): Language {
  if (sources.query != null) {
    // An explicit but unknown ?lang= means "not something we ship": English, not the browser default.
    return matchLanguage(sources.query) ?? 'en';
  }
  const stored = matchLanguage(sources.stored);
  if (stored) return stored;
  for (const tag of sources.browser ?? []) {
    const lang = matchLanguage(tag);
    if (lang) return lang;
  }
  return 'en';
}
