// The world's response in the global layer (params.global.response): validation, defaults for levels
// written before it existed, and what each rate does to the Internet and to the player's network.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive } from '../../../src/engine/derived';
import { createGlobalState, seedOutbreak, stepGlobal } from '../../../src/engine/globalModel';
import { engineParamsSchema, metrics, type EngineParams } from '../../../src/engine';
import { DEFAULT_WORLD_RESPONSE, NO_WORLD_RESPONSE } from '../../../src/engine/params';
import { formatZodIssues } from '../../../src/engine/validation';
import { coarseParams, kst, levelParams, run } from './helpers';

const H = 3_600_000;

function rawEngine(): { global: Record<string, unknown> } & Record<string, unknown> {
  return JSON.parse(readFileSync('levels/backbone-isp.json', 'utf8')).engine;
}

function withResponse(
  p: EngineParams,
  r: Partial<EngineParams['global']['response']>,
): EngineParams {
  return { ...p, global: { ...p.global, response: { ...p.global.response, ...r } } };
}

/** Delivered scans/s and inbound worm datagrams/s on the international links at a time after onset. */
function at(
  p: EngineParams,
  hoursAfterOnset: number,
): { scans: number; intlIn: number; inf: number } {
  const st = run(p, p.global.onsetMs + hoursAfterOnset * H);
  let intlIn = 0;
  p.network.links.forEach((l, i) => {
    if (l.kind === 'international') intlIn += st.links[i]!.wormDownPps;
  });
  return { scans: metrics(st).globalScansPerSec, intlIn, inf: metrics(st).globalInfected };
}

describe('global.response: validation and defaults', () => {
  it('a level without the block gets the calibrated response (old content still loads)', () => {
    const raw = rawEngine();
    delete raw.global.response;
    const p = engineParamsSchema.parse(raw);
    expect(p.global.response).toEqual(DEFAULT_WORLD_RESPONSE);
  });

  it('all four shipped levels state the same response explicitly', () => {
    for (const id of ['backbone-isp', 'broadband-isp', 'idc-enterprise', 'tutorial']) {
      const raw = JSON.parse(readFileSync(`levels/${id}.json`, 'utf8')).engine;
      expect(raw.global.response, id).toEqual(DEFAULT_WORLD_RESPONSE);
    }
  });

  it.each([
    ['filterMaxShare', 1.5, 'global.response.filterMaxShare'],
    ['filterPerHour', -0.1, 'global.response.filterPerHour'],
    ['cleanupPerHour', 1000, 'global.response.cleanupPerHour'],
    ['noticeDelayS', 'soon', 'global.response.noticeDelayS'],
  ])('refuses %s = %j and names the field', (key, value, path) => {
    const raw = rawEngine();
    (raw.global.response as Record<string, unknown>)[key] = value;
    const r = engineParamsSchema.safeParse(raw);
    expect(r.success).toBe(false);
    const msgs = formatZodIssues(r.error!);
    expect(
      msgs.some((m) => m.startsWith(path)),
      msgs.join('\n'),
    ).toBe(true);
  });
});

describe('global.response: what the rates do', () => {
  const p = coarseParams();

  it('filters alone cut scanning but clean no host; cleanup alone removes infected hosts', () => {
    const base = withResponse(p, NO_WORLD_RESPONSE);
    const filtersOnly = withResponse(p, { cleanupPerHour: 0, patchPerHour: 0 });
    const cleanupOnly = withResponse(p, { filterMaxShare: 0, filterPerHour: 0 });
    const b = at(base, 12);
    const f = at(filtersOnly, 12);
    const c = at(cleanupOnly, 12);
    expect(f.scans).toBeLessThan(0.5 * b.scans);
    expect(f.inf).toBeCloseTo(b.inf, 3);
    expect(c.inf).toBeLessThan(0.95 * b.inf);
    expect(c.scans).toBeLessThan(b.scans);
  });

  it('noticing later leaves more scanning at +6 h; nothing changes before the notice', () => {
    const early = at(withResponse(p, { noticeDelayS: 1800 }), 6);
    const late = at(withResponse(p, { noticeDelayS: 4 * 3600, cleanupDelayS: 4 * 3600 }), 6);
    expect(late.scans).toBeGreaterThan(early.scans * 1.2);
    const before = at(withResponse(p, { noticeDelayS: 4 * 3600, cleanupDelayS: 4 * 3600 }), 3.5);
    const never = at(withResponse(p, NO_WORLD_RESPONSE), 3.5);
    expect(before.scans).toBe(never.scans);
  });

  it('the decline reaches the player: inbound worm traffic on the international links falls', () => {
    // No actions: the gateway carries whatever the Internet delivers to the player's addresses.
    const st15 = run(p, kst(15, 0));
    const stNoon = run(p, kst(14 + 22, 0)); // 26 Jan 12:00 KST
    const inbound = (st: ReturnType<typeof run>): number =>
      p.network.links.reduce(
        (a, l, i) => (l.kind === 'international' ? a + st.links[i]!.wormDownPps : a),
        0,
      );
    expect(inbound(stNoon)).toBeLessThan(0.25 * inbound(st15));
    const never = withResponse(p, NO_WORLD_RESPONSE);
    expect(inbound(run(never, kst(14 + 22, 0)))).toBeGreaterThan(0.9 * inbound(st15));
  });
});

/** The global layer alone (no player network): delivered scans/s at `hours` after the onset. */
function globalScansAt(p: EngineParams, hours: number): number {
  const d = derive(p);
  const g = createGlobalState(p, d);
  seedOutbreak(g, p, d);
  // 1 s steps through the outbreak, then 60 s steps: the same grid for every parameter set compared.
  for (let t = 0; t < 1200; t++) stepGlobal(g, p, d, 1, 0);
  for (let t = 1200; t < hours * 3600; t += 60) stepGlobal(g, p, d, 60, 0);
  return g.scansPerSec;
}

describe('global.response: metamorphic properties (fast-check)', () => {
  const base = levelParams();
  const response = fc.record({
    noticeDelayS: fc.integer({ min: 0, max: 6 * 3600 }),
    filterPerHour: fc.double({ min: 0, max: 2, noNaN: true }),
    filterMaxShare: fc.double({ min: 0, max: 1, noNaN: true }),
    cleanupDelayS: fc.integer({ min: 0, max: 6 * 3600 }),
    cleanupPerHour: fc.double({ min: 0, max: 0.5, noNaN: true }),
    patchPerHour: fc.double({ min: 0, max: 0.5, noNaN: true }),
  });

  it('filtering faster, or noticing earlier, never leaves more scanning at +12 h', () => {
    fc.assert(
      fc.property(response, fc.double({ min: 1, max: 4, noNaN: true }), (r, k) => {
        const p = withResponse(base, r);
        const s = globalScansAt(p, 12);
        const faster = globalScansAt(
          withResponse(base, { ...r, filterPerHour: r.filterPerHour * k }),
          12,
        );
        const earlier = globalScansAt(
          withResponse(base, { ...r, noticeDelayS: Math.floor(r.noticeDelayS / k) }),
          12,
        );
        expect(faster).toBeLessThanOrEqual(s * (1 + 1e-9) + 1e-6);
        expect(earlier).toBeLessThanOrEqual(s * (1 + 1e-9) + 1e-6);
      }),
      { numRuns: 25, seed: 1 },
    );
  });
});
