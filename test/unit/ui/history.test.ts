import { describe, expect, it } from 'vitest';
import { History } from '../../../src/ui/session/history';
import type { ViewSnapshot } from '../../../src/game';

const view = (tick: number) =>
  ({
    tick,
    monitoring: {
      links: [{ id: 'intl', inPct: 51.26, outPct: 10 }],
      dns: [{ id: 'dns-a', queriesPerSec: 1234.4, successPct: 99.12, status: 'answering' }],
      idsAlertsPerMin: 3.6,
      callsPerMin: 0,
    },
  }) as unknown as ViewSnapshot;

describe('History (graph samples)', () => {
  it('should sample once per sim minute', () => {
    const h = new History();
    expect(h.sample(view(0), 10)).toBe(true);
    expect(h.sample(view(30), 10)).toBe(false);
    expect(h.sample(view(60), 12)).toBe(true);
    expect(h.samples.map((s) => s.t)).toEqual([0, 60]);
    expect(h.samples[0]).toMatchObject({
      links: { intl: [51.3, 10] },
      dns: { 'dns-a': [1234, 99.1] },
      ids: 4,
    });
  });

  it('should restore only well-formed samples up to the restored tick', () => {
    const h = new History();
    h.sample(view(0), 1);
    h.sample(view(60), 2);
    h.sample(view(120), 3);
    const saved = JSON.parse(JSON.stringify(h.samples));
    const back = new History();
    back.restore([...saved, { t: 'x' }, null, 42], 60);
    expect(back.samples.map((s) => s.t)).toEqual([0, 60]);
    expect(back.sample(view(90), 0)).toBe(false);
    expect(back.sample(view(120), 0)).toBe(true);
    const empty = new History();
    empty.restore('garbage', 1000);
    expect(empty.samples).toEqual([]);
  });
});
