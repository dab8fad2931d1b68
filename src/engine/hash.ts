// Canonical serialisation + 64-bit FNV-1a. Keys are sorted so the hash depends on content, not on the order
// in which code happened to create properties; numbers use JS's shortest round-trip form, which is specified
// exactly by ECMAScript, so every engine prints the same digits.

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number') {
      if (!Number.isFinite(value))
        return value !== value ? '"NaN"' : value > 0 ? '"Inf"' : '"-Inf"';
      return Object.is(value, -0) ? '0' : String(value);
    }
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
}

/** FNV-1a 64 over the UTF-16 code units, computed with 16-bit limbs (no BigInt: fast and portable). */
export function fnv1a64(text: string): string {
  // offset basis 0xcbf29ce484222325 as four 16-bit limbs, little end first
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const eat = (byte: number): void => {
    h0 ^= byte;
    // multiply by the FNV prime 2^40 + 0x1b3, modulo 2^64
    let r0 = h0 * 0x1b3;
    let r1 = h1 * 0x1b3 + (r0 >>> 16);
    r0 &= 0xffff;
    let r2 = h2 * 0x1b3 + (h0 << 8) + (r1 >>> 16);
    r1 &= 0xffff;
    const r3 = h3 * 0x1b3 + (h1 << 8) + (r2 >>> 16);
    r2 &= 0xffff;
    h0 = r0;
    h1 = r1;
    h2 = r2;
    h3 = r3 & 0xffff;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    eat(c & 0xff);
    if (c > 0xff) eat(c >>> 8);
  }
  const hex = (n: number): string => n.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

export function hashValue(value: unknown): string {
  return fnv1a64(canonicalJson(value));
}
