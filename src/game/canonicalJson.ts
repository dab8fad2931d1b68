/**
 * Canonical JSON: object keys sorted by UTF-16 code unit order, no whitespace, arrays kept in
 * order, `undefined` members dropped (as JSON.stringify does). Two semantically equal levels or
 * states therefore serialise to the same string, which is what the level hash and the state
 * hashes are taken over. Numbers use JSON.stringify's shortest round-trip form, which ECMAScript
 * specifies exactly, so every JS engine prints the same digits.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      // JSON has no NaN/Infinity; failing loudly beats silently hashing "null".
      throw new Error(`canonicalJson: non-finite number ${String(value)}`);
    }
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return '[' + value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',') + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(record[k])).join(',') + '}';
}

/**
 * FNV-1a (32-bit) over a string's UTF-16 code units, as 8 hex digits. Cheap enough to run at
 * every checkpoint; not a security hash (the level hash uses SHA-256).
 */
export function fnv1a(text: string, seed = 0x811c9dc5): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
