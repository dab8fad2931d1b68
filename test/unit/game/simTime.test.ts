import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToSimMs } from '../../../src/engine';
import { isoToTick, tickToClock, tickToIso } from '../../../src/game/simTime';

describe('sim time', () => {
  it('should count ticks from 2003-01-25T14:00+09:00', () => {
    expect(isoToTick('2003-01-25T14:00:00+09:00')).toBe(0);
    expect(isoToTick('2003-01-25T05:00:00Z')).toBe(0);
    expect(isoToTick('2003-01-25T15:40+09:00')).toBe(6000);
    expect(isoToTick('2003-01-26T24:00:00+09:00')).toBe(34 * 3600);
    expect(isoToTick('2003-01-27T00:00:00+09:00')).toBe(34 * 3600);
    expect(isoToTick('2003-01-25 14:00')).toBeUndefined();
    expect(isoToTick('2003-13-25T14:00+09:00')).toBeUndefined();
  });

  it('should round-trip and agree with the engine', () => {
    fc.assert(
      fc.property(fc.integer({ min: -86400, max: 200000 }), (t) => {
        const iso = tickToIso(t);
        expect(isoToTick(iso)).toBe(t);
        expect(isoToSimMs(iso)).toBe(t * 1000);
      }),
    );
    expect(tickToClock(6000)).toBe('25 Jan 15:40');
  });
});
