// Korean particles that depend on the word before them: 이/가, 은/는, 을/를, 과/와, (으)로.
// Strings write `{{id, iga}}` and the formatter appends the right form to the inserted word, so a
// device or file name never reads "혜화 DNS이(가)".

const PAIRS = {
  iga: ['이', '가'],
  eunneun: ['은', '는'],
  eulreul: ['을', '를'],
  gwawa: ['과', '와'],
  euro: ['으로', '로'],
} as const;
export type Particle = keyof typeof PAIRS;
export const PARTICLES = Object.keys(PAIRS) as Particle[];

/** Digits as read in Korean (일, 이, 삼…): which end in a final consonant, and whether it is ㄹ. */
const DIGIT_FINAL: Record<string, 'none' | 'l' | 'other'> = {
  '0': 'other', // 영
  '1': 'l', // 일
  '2': 'none', // 이
  '3': 'other', // 삼
  '4': 'none', // 사
  '5': 'none', // 오
  '6': 'other', // 육
  '7': 'l', // 칠
  '8': 'l', // 팔
  '9': 'none', // 구
};

/**
 * The final sound of `word`: none, ㄹ, or another consonant. A trailing "(…)" is not read, nor a
 * closing quotation mark (`"web-1"이` is read as web-1).
 */
function finalSound(word: string): 'none' | 'l' | 'other' {
  const text = word
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/["'”’」』]+$/, '')
    .trimEnd();
  const last = text.at(-1);
  if (!last) return 'none';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? 'none' : jong === 8 ? 'l' : 'other';
  }
  if (last in DIGIT_FINAL) return DIGIT_FINAL[last]!;
  // Latin letters as Koreans say them: L (엘), M (엠), N (엔), R (알) end in a consonant.
  const lower = last.toLowerCase();
  if (lower === 'l' || lower === 'r') return 'l';
  if (lower === 'm' || lower === 'n') return 'other';
  return 'none';
}

/** `word` followed by the form of `particle` that fits it. */
export function withParticle(word: string, particle: Particle): string {
  const sound = finalSound(word);
  const [afterConsonant, afterVowel] = PAIRS[particle];
  if (particle === 'euro') return word + (sound === 'other' ? afterConsonant : afterVowel);
  return word + (sound === 'none' ? afterVowel : afterConsonant);
}
