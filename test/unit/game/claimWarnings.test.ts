// The composer's warning reads only what the player can know (observed monitoring, diagnoses,
// the event log, tasks done) — never the truth — and names the claim it contradicts.
import { describe, expect, it } from 'vitest';
import { claimWarnings, type PlayerKnowledge } from '../../../src/game/claimEvidence';
import { fixtureLevel } from './helpers';

const level = fixtureLevel();
const intl = level.engine.network.links.find((l) => l.kind === 'international')!.id;

function knowledge(over: Partial<PlayerKnowledge> = {}): PlayerKnowledge {
  return {
    tick: 3000,
    monitoring: {
      tMs: 3_000_000,
      linksAsOfMs: 3_000_000,
      links: [{ id: intl, inPct: 40, outPct: 30 }],
      dnsAsOfMs: 3_000_000,
      dns: [{ id: 'dns-hyehwa', queriesPerSec: 900, successPct: 99, status: 'answering' }],
      idsAlertsPerMin: 0,
      callsPerMin: 0,
      minuteAsOfMs: 3_000_000,
    },
    flags: {},
    feed: [],
    tasks: [],
    ...over,
  };
}

describe('claim warnings from the player’s own information', () => {
  it('should call "the worm is contained" premature before anything identified a worm', () => {
    expect(claimWarnings(['worm.contained', 'worm.active'], knowledge(), level)).toEqual([
      { claim: 'worm.contained', code: 'notDiagnosed' },
      { claim: 'worm.active', code: 'notDiagnosed' },
    ]);
  });

  it('should contradict "contained" with a full outbound graph, or with no filter in place', () => {
    const known = { flags: { knowsUdp1434: 1900 } };
    const full = knowledge({
      ...known,
      monitoring: { ...knowledge().monitoring, links: [{ id: intl, inPct: 99, outPct: 97 }] },
    });
    expect(claimWarnings(['worm.contained'], full, level)).toEqual([
      { claim: 'worm.contained', code: 'intlOutSaturated', link: intl, outPct: 97 },
    ]);
    expect(claimWarnings(['worm.contained'], knowledge(known), level)).toEqual([
      { claim: 'worm.contained', code: 'noFilterInPlace' },
    ]);
    const filtered = knowledge({ ...known, tasks: [{ type: 'filter.apply', status: 'done' }] });
    expect(claimWarnings(['worm.contained', 'worm.active'], filtered, level)).toEqual([]);
  });

  it('should read DNS and outages off the monitor and the event log', () => {
    const failing = knowledge({
      monitoring: {
        ...knowledge().monitoring,
        dns: [{ id: 'dns-hyehwa', queriesPerSec: 5000, successPct: 12.4, status: 'no answer' }],
      },
      feed: [{ tick: 2500, kind: 'engine.outage.start', params: {} }],
    });
    expect(
      claimWarnings(['dns.restored', 'service.restored', 'dns.degraded'], failing, level),
    ).toEqual([
      { claim: 'dns.restored', code: 'dnsNotAnswering', cluster: 'dns-hyehwa', successPct: 12 },
      { claim: 'service.restored', code: 'outageOngoing', since: 2500 },
    ]);
    const healthy = knowledge({
      feed: [
        { tick: 2500, kind: 'engine.outage.start', params: {} },
        { tick: 2900, kind: 'engine.outage.end', params: {} },
      ],
    });
    expect(
      claimWarnings(['dns.restored', 'service.restored', 'dns.degraded'], healthy, level),
    ).toEqual([{ claim: 'dns.degraded', code: 'dnsAnswering', successPct: 99 }]);
  });

  it('should remember own hosts reported infected when the message says they are clean', () => {
    const seen = knowledge({ feed: [{ tick: 1950, kind: 'engine.worm.local', params: {} }] });
    expect(claimWarnings(['network.ownHostsClean'], seen, level)).toEqual([
      { claim: 'network.ownHostsClean', code: 'ownHostsSeenInfected', since: 1950 },
    ]);
    expect(claimWarnings(['network.ownHostsClean'], knowledge(), level)).toEqual([]);
  });
});
