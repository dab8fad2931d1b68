/**
 * The truth a message's claims are checked against when it lands, kept with the message (the
 * outbox entry's `facts`) so a false claim can be named later with what was really so.
 */
import { gameMetrics } from './engineBridge';
import type { ClaimFacts, GameState } from './gameState';
import type { Level } from './levelSchema';

/** What was true in the network when a message was sent (rounded for display, not for checking). */
export type { ClaimFacts };

const r1 = (x: number) => Math.round(x * 10) / 10;

export function claimFactsOf(state: GameState, level: Level): ClaimFacts {
  const m = state.engine.m;
  return {
    wormStarted: state.engine.global.started,
    outboundWormMbps: r1(gameMetrics(state.engine, level.engine).outboundWormMbps),
    ownInfected: Math.round(m.ownInfected),
    ownSqlHosts: Math.round(m.ownExposed + m.ownInfected + m.ownOffline + m.ownPatched),
    dnsSuccessPct: r1(m.dnsSuccessPct),
    subscribersOnlinePct: r1(m.subscribersOnlinePct),
  };
}
