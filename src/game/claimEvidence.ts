/**
 * What the player's own monitoring says about a claim before it is sent — the observed view only
 * (delayed MRTG graphs, resolver status, the event log, diagnoses run), never the truth: a warning
 * must not leak what the player could not know. (The truth a claim is checked against when it
 * lands is claimFacts.ts.) Only the composer's warning uses this, so it is fetched with it.
 */
import type { EngineObservation } from '../engine';
import type { Claim } from './commandSchema';
import type { Flag, Level } from './levelSchema';

/** What the player can see: the observed monitoring, knowledge flags, the event log, tasks done. */
export interface PlayerKnowledge {
  tick: number;
  monitoring: EngineObservation;
  flags: Partial<Record<Flag, number>>;
  feed: readonly { tick: number; kind: string; params: Record<string, string | number> }[];
  tasks: readonly { type: string; status: string }[];
}

/**
 * Why the player's own information contradicts a claim (or gives it nothing to stand on yet),
 * as a code with the numbers the warning shows. Codes are rendered by the view in ko/en.
 */
export type ClaimWarning =
  | { claim: Claim; code: 'notDiagnosed' }
  | { claim: Claim; code: 'dnsNotAnswering'; cluster: string; successPct: number }
  | { claim: Claim; code: 'dnsAnswering'; successPct: number }
  | { claim: Claim; code: 'outageOngoing'; since: number }
  | { claim: Claim; code: 'noFilterInPlace' }
  | { claim: Claim; code: 'intlOutSaturated'; link: string; outPct: number }
  | { claim: Claim; code: 'ownHostsSeenInfected'; since: number };

/** A DNS cluster counts as healthy on the graphs at this success rate (the claim's own line). */
const DNS_OK_PCT = 95;
/** Outbound utilisation at which an international link's graph shows it full. */
const SATURATED_PCT = 90;

const lastOf = (k: PlayerKnowledge, kinds: readonly string[]) => {
  for (let i = k.feed.length - 1; i >= 0; i--)
    if (kinds.includes(k.feed[i]!.kind)) return k.feed[i]!;
  return undefined;
};

/** Warnings for the claims a draft message makes, from the player's knowledge only. */
export function claimWarnings(
  claims: readonly Claim[],
  k: PlayerKnowledge,
  level: Level,
): ClaimWarning[] {
  const out: ClaimWarning[] = [];
  const diagnosed = k.flags.knowsWorm !== undefined || k.flags.knowsUdp1434 !== undefined;
  const clusters = k.monitoring.dns;
  const worstDns = clusters.reduce<(typeof clusters)[number] | undefined>(
    (w, c) => (!w || c.successPct < w.successPct ? c : w),
    undefined,
  );
  const outage = lastOf(k, ['engine.outage.start', 'engine.outage.end']);
  const intl = new Set(
    level.engine.network.links.filter((l) => l.kind === 'international').map((l) => l.id),
  );
  const fullOut = k.monitoring.links
    .filter((l) => intl.has(l.id) && l.outPct >= SATURATED_PCT)
    .sort((a, b) => b.outPct - a.outPct)[0];
  const filtered = k.tasks.some(
    (t) => t.status === 'done' && (t.type === 'filter.apply' || t.type === 'ratelimit.apply'),
  );
  const ownSeen = k.feed.find((e) => e.kind === 'engine.worm.local');
  for (const claim of [...new Set(claims)]) {
    switch (claim) {
      case 'worm.active':
      case 'worm.udp1434':
      case 'network.ownHostsInfected':
        if (!diagnosed) out.push({ claim, code: 'notDiagnosed' });
        break;
      case 'worm.contained':
        if (!diagnosed) out.push({ claim, code: 'notDiagnosed' });
        else if (fullOut)
          out.push({ claim, code: 'intlOutSaturated', link: fullOut.id, outPct: fullOut.outPct });
        else if (!filtered) out.push({ claim, code: 'noFilterInPlace' });
        break;
      case 'network.ownHostsClean':
        if (ownSeen) out.push({ claim, code: 'ownHostsSeenInfected', since: ownSeen.tick });
        break;
      case 'dns.restored':
        if (worstDns && (worstDns.status !== 'answering' || worstDns.successPct < DNS_OK_PCT))
          out.push({
            claim,
            code: 'dnsNotAnswering',
            cluster: worstDns.id,
            successPct: Math.round(worstDns.successPct),
          });
        break;
      case 'dns.degraded':
        if (worstDns && worstDns.status === 'answering' && worstDns.successPct >= DNS_OK_PCT)
          out.push({ claim, code: 'dnsAnswering', successPct: Math.round(worstDns.successPct) });
        break;
      case 'service.restored':
        if (outage?.kind === 'engine.outage.start')
          out.push({ claim, code: 'outageOngoing', since: outage.tick });
        break;
    }
  }
  return out;
}
