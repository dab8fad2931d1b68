// The project's one canonical JSON, and the FNV-1a hashes taken over it. Which hash is for what
// (state hash, level and run-file SHA-256, the command-log digest): docs/ARCHITECTURE.md, "Hashes".

/**
 * Canonical JSON: object keys sorted by UTF-16 code unit order, no whitespace, arrays kept in
 * order, `undefined` members dropped (as JSON.stringify does; `undefined` in an array or alone is
 * `null`). Two semantically equal levels, states or run files therefore serialise to the same
 * string, which is what every hash is taken over. Numbers use JSON.stringify's shortest round-trip
 * form, which ECMAScript specifies exactly, so every JS engine prints the same digits (and -0 is 0).
 *
 * NaN and ±Infinity have no JSON form. They throw, naming where they are: such a number in a state
 * is a bug, and a hash or a run file must not quietly carry it (an older engine copy wrote "NaN").
 */
export function canonicalJson(value: unknown): string {
  try {
    return canonical(value);
  } catch (err) {
    if (err instanceof NonFiniteNumber) {
      throw new Error(
        `canonicalJson: ${nonFinitePath(value, '$') ?? '$'} is ${String(err.value)}; NaN and ±Infinity have no JSON form and never belong in a hashed state or a run file`,
        { cause: err },
      );
    }
    throw err;
  }
}

class NonFiniteNumber extends Error {
  constructor(readonly value: number) {
    super(String(value));
  }
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new NonFiniteNumber(value);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return '[' + value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',') + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonical(record[k])).join(',') + '}';
}

/** Where the first non-finite number sits (`$.links[3].inPct`); searched only once one was met, so
 *  hashing pays nothing for the message. */
function nonFinitePath(value: unknown, path: string): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nonFinitePath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  for (const k of Object.keys(value).sort()) {
    const found = nonFinitePath((value as Record<string, unknown>)[k], `${path}.${k}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * FNV-1a (32-bit) over a string's UTF-16 code units, as 8 hex digits: the game half of the state
 * hash and the command-log digest. Cheap enough to run at every checkpoint; not a security hash.
 */
export function fnv1a32(text: string, seed = 0x811c9dc5): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
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
