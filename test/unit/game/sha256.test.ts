import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fnv1a32 } from '../../../src/engine/hash';
import { readFileSync, readdirSync } from 'node:fs';
import { sha256, sha256Bytes } from '../../../src/game/sha256';

describe('sha256', () => {
  it('should match the FIPS 180-4 / NIST test vectors', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(
      sha256(
        'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      ),
    ).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
    expect(sha256('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('should agree with node:crypto on random text, including Korean and astral characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const expected = createHash('sha256').update(text, 'utf8').digest('hex');
        expect(sha256(text)).toBe(expected);
      }),
      { numRuns: 300 },
    );
    expect(sha256('혜화 DNS 다운')).toBe(
      createHash('sha256').update('혜화 DNS 다운').digest('hex'),
    );
  });

  it('should handle every padding boundary (55, 56, 63, 64 bytes)', () => {
    for (const n of [55, 56, 57, 63, 64, 65, 119, 120]) {
      const bytes = new Uint8Array(n).fill(0x61);
      expect(sha256Bytes(bytes)).toBe(
        createHash('sha256').update(Buffer.from(bytes)).digest('hex'),
      );
    }
  });

  it('should hash text as its UTF-8 bytes, like Buffer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (t) => {
        expect(sha256(t)).toBe(createHash('sha256').update(Buffer.from(t, 'utf8')).digest('hex'));
      }),
    );
  });

  it('should give every shipped level the hash node:crypto gives its canonical JSON', () => {
    // Run files carry the level's hash: the library (@noble/hashes since issue 15) must not change it.
    const dir = new URL('../../../levels/', import.meta.url);
    for (const file of readdirSync(dir)) {
      const text = canonicalJson(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
      expect(sha256(text), file).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('canonicalJson', () => {
  it('should not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  it('should refuse NaN and ±Infinity, naming where they are, instead of hashing them', () => {
    // One canonical JSON for engine and game (issue 15): the engine's old copy wrote "NaN".
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/canonicalJson: \$\.x is NaN/);
    expect(() =>
      canonicalJson({ links: [{ inPct: 3 }, { inPct: Number.POSITIVE_INFINITY }] }),
    ).toThrow(/\$\.links\[1\]\.inPct is Infinity; NaN and ±Infinity have no JSON form/);
    expect(() => canonicalJson([1, Number.NEGATIVE_INFINITY])).toThrow(/\$\[1\] is -Infinity/);
    expect(() => canonicalJson(Number.NaN)).toThrow(/\$ is NaN/);
    // Finite numbers as JSON.stringify prints them; -0 is 0.
    expect(canonicalJson({ a: -0, b: 1e21, c: 0.1 + 0.2 })).toBe(
      '{"a":0,"b":1e+21,"c":0.30000000000000004}',
    );
  });

  it('should give a stable FNV-1a', () => {
    expect(fnv1a32('')).toBe('811c9dc5');
    expect(fnv1a32('a')).toBe('e40c292c');
  });
});
