// Bad input ends in errors that name the path and the problem — levels, commands, run files.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../../../src/game/commandSchema';
import { parseLevel } from '../../../src/game/levelSchema';
import { REJECTION_CODES } from '../../../src/game/rejectionText';
import { applyCommand, createRun } from '../../../src/game/run';
import { parseRunFile, toRunFile } from '../../../src/game/runFile';
import { verifyRunFile } from '../../../src/game/verify';
import { runScripted } from '../../../src/game/script';
import { fixtureJson, fixtureLevel, type LooseJson } from './helpers';

type Leaf = { path: (string | number)[]; value: unknown };

/** Every leaf of a JSON value with its path. */
function leaves(v: unknown, path: (string | number)[] = [], out: Leaf[] = []): Leaf[] {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...path, i], out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
  else out.push({ path, value: v });
  return out;
}

const fmt = (path: (string | number)[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/** A value of another JSON type than `v`, so it can never be valid where `v` was. */
const wrongType = (v: unknown): unknown =>
  typeof v === 'number'
    ? 'not a number'
    : typeof v === 'string'
      ? 12345
      : typeof v === 'boolean'
        ? 'yes'
        : 7;

function setPath(root: LooseJson, path: (string | number)[], value: unknown): void {
  let o: LooseJson = root;
  for (const p of path.slice(0, -1)) o = o[p] as LooseJson;
  o[path.at(-1)!] = value;
}

describe('malformed levels', () => {
  const json = fixtureJson();
  // Scripted command args are free-form records (checked as commands, not as a schema), so skip them.
  const candidates = leaves(json).filter(
    (l) => !(l.path[0] === 'history' && l.path.includes('args')),
  );

  it('should name the path of a wrongly typed value (fuzz)', () => {
    fc.assert(
      fc.property(fc.nat(candidates.length - 1), (i) => {
        const leaf = candidates[i]!;
        if (leaf.path[0] === 'formatVersion') return;
        const bad = structuredClone(json) as LooseJson;
        setPath(bad, leaf.path, wrongType(leaf.value));
        const r = parseLevel(bad);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        const target = fmt(leaf.path);
        // The error names the path itself or the enclosing field (a union names the union).
        expect(
          r.errors.some((e) => target.startsWith(e.slice(0, e.indexOf(':'))) && e.indexOf(':') > 0),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('should report missing keys, unknown keys and broken references by path', () => {
    const bad = structuredClone(json) as LooseJson;
    delete bad.meta.title;
    bad.staff[0].mood = 'tired';
    bad.injects[0].from = 'nobody';
    bad.commands['filter.apply'].requires = ['knowsEverything'];
    const r = parseLevel(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^meta\.title: /),
        expect.stringMatching(/^staff\[0\]: .*mood/),
        expect.stringMatching(/^commands\.filter\.apply\.requires\[0\]: /),
      ]),
    );
    const refs = structuredClone(json) as LooseJson;
    refs.injects[0].from = 'nobody';
    const r2 = parseLevel(refs);
    expect(r2.ok ? [] : r2.errors).toContain('injects[0].from: unknown contact "nobody"');
  });

  it('should refuse an older or newer format version with one clear message', () => {
    for (const v of [0, 3, '2', undefined]) {
      const r = parseLevel({ ...json, formatVersion: v });
      expect(r).toEqual({
        ok: false,
        errors: [`formatVersion: unsupported version ${String(v)}, expected 2`],
      });
    }
    // Version 1 timed DNS recovery on a clock: say so, not just "unsupported".
    const v1 = parseLevel({ ...json, formatVersion: 1 });
    expect(v1.ok ? [] : v1.errors).toHaveLength(1);
    expect(v1.ok ? '' : v1.errors[0]).toMatch(
      /^formatVersion: version 1 levels .*timer.*expected 2$/,
    );
    expect(parseLevel([])).toEqual({ ok: false, errors: ['(root): expected a JSON object'] });
  });

  it('should accept the fixture and keep meta.id as its file name', () => {
    const r = parseLevel(json);
    expect(r.ok).toBe(true);
    expect(fixtureLevel().meta.id).toBe('backbone-isp');
  });
});

describe('malformed commands', () => {
  const run = createRun(fixtureLevel(), 1);

  it('should never throw, and refuse with a known code (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...COMMAND_TYPES), fc.string()),
        fc.oneof(
          fc.jsonValue(),
          fc.dictionary(
            fc.constantFrom(
              'device',
              'direction',
              'segment',
              'cluster',
              'to',
              'blocks',
              'staff',
              'x',
            ),
            fc.jsonValue(),
          ),
        ),
        fc.constantFrom('solo', 'network', 'facilitator', 'commander'),
        (type, args, role) => {
          const r = applyCommand(run, {
            role: role as 'solo',
            type,
            args: args as Record<string, unknown>,
          });
          if (!r.outcome.ok) expect(REJECTION_CODES).toContain(r.outcome.rejection.code);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('should name the argument and the problem in MALFORMED', () => {
    const r = applyCommand(run, {
      role: 'solo',
      type: 'dns.addServers',
      args: { cluster: 'dns-hyehwa', servers: 'ten' },
    });
    expect(r.outcome).toMatchObject({ ok: false, rejection: { code: 'MALFORMED' } });
    if (!r.outcome.ok)
      expect(String(r.outcome.rejection.params.detail)).toMatch(/^args\.servers: /);
  });
});

describe('malformed run files', () => {
  const level = fixtureLevel();
  const short = runScripted(
    level,
    3,
    [{ at: '2003-01-25T14:05:00+09:00', role: 'network', type: 'diag.linkGraphs' }],
    3600,
  );
  const file = JSON.parse(JSON.stringify(toRunFile(short.run))) as LooseJson;
  const candidates = leaves(file).filter(
    (l) => !l.path.includes('args') && l.path[0] !== 'formatVersion',
  );

  it('should name the path of a wrongly typed value (fuzz)', () => {
    fc.assert(
      fc.property(fc.nat(candidates.length - 1), (i) => {
        const leaf = candidates[i]!;
        const bad = structuredClone(file);
        setPath(bad, leaf.path, wrongType(leaf.value));
        const r = parseRunFile(bad);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        const target = fmt(leaf.path);
        expect(
          r.errors.some((e) => target.startsWith(e.slice(0, e.indexOf(':'))) && e.indexOf(':') > 0),
        ).toBe(true);
        const v = verifyRunFile(bad, level);
        expect(v).toMatchObject({ ok: false, code: 'MALFORMED' });
      }),
      { numRuns: 200 },
    );
  });

  it('should say which version it supports', () => {
    expect(verifyRunFile({ ...file, formatVersion: 2 }, level)).toMatchObject({
      ok: false,
      code: 'UNSUPPORTED_VERSION',
      message: 'formatVersion: unsupported version 2, expected 1',
    });
    expect(verifyRunFile('nonsense', level)).toMatchObject({ ok: false, code: 'MALFORMED' });
  });
});

describe('inject triggers', () => {
  it('should name unknown event kinds and ids', () => {
    const kind = structuredClone(fixtureJson()) as LooseJson;
    kind.injects[3].trigger = { event: 'worm.exploded' };
    const r1 = parseLevel(kind);
    expect(r1.ok ? [] : r1.errors).toEqual([
      expect.stringMatching(/^injects\[3\]\.trigger\.event: /),
    ]);
    const id = structuredClone(fixtureJson()) as LooseJson;
    id.injects[2].trigger = { event: 'dns.down', id: 'dns-busan' };
    const r2 = parseLevel(id);
    expect(r2.ok ? [] : r2.errors).toEqual([
      'injects[2].trigger.id: unknown DNS cluster "dns-busan"',
    ]);
    const both = structuredClone(fixtureJson()) as LooseJson;
    both.injects[0].trigger = { at: '2003-01-25T15:00:00+09:00', event: 'dns.down' };
    delete both.injects[0].reports;
    const r3 = parseLevel(both);
    expect(r3.ok ? [] : r3.errors).toEqual([
      'injects[0].trigger: give either "at" (a time) or "event" (an engine event)',
    ]);
  });

  it('should refuse an inject that reports a worm effect on a clock trigger, and name a bad id', () => {
    const clock = structuredClone(fixtureJson()) as LooseJson;
    clock.injects[0].trigger = { at: '2003-01-25T14:26:00+09:00' };
    clock.injects[0].reports = { event: 'worm.local' };
    const r1 = parseLevel(clock);
    expect(r1.ok ? [] : r1.errors).toEqual([
      'injects[0].trigger: reports the worm\'s effect "worm.local", so it must fire on an engine event, not at a fixed time',
    ]);
    const id = structuredClone(fixtureJson()) as LooseJson;
    id.injects[2].trigger = { event: 'worm.local', afterMin: 3 };
    id.injects[2].reports = { event: 'dns.down', id: 'dns-busan' };
    const r2 = parseLevel(id);
    expect(r2.ok ? [] : r2.errors).toEqual([
      'injects[2].reports.id: unknown DNS cluster "dns-busan"',
    ]);
    const ok = structuredClone(fixtureJson()) as LooseJson;
    ok.injects[2].trigger = { event: 'worm.local', afterMin: 3 };
    ok.injects[2].reports = { event: 'worm.local' };
    expect(parseLevel(ok).ok).toBe(true);
  });
});
