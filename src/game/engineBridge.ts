/**
 * Everything the game reads from or sends to the engine goes through here, so the rest of the game
 * speaks in its own terms (subscribers online, DNS success, own infected hosts) and an engine
 * change touches one file.
 */
import {
  advanceTo,
  applyAction,
  drainEvents,
  nextStepMs,
  pacingActivity,
  type EngineAction,
  type EngineEvent,
  type EngineParams,
  type EngineState,
} from '../engine';

/** What the game needs each step: the truth, used for scoring and for checking claims. */
export interface GameMetrics {
  subscribersTotal: number;
  subscribersOnline: number;
  /** Share of DNS lookups answered, weighted by the segments' query volume (0..1). */
  dnsSuccess: number;
  ownInfected: number;
  /** SQL hosts still unpatched (exposed, infected, or rebooting unpatched). */
  ownUnpatched: number;
  /** Worm traffic leaving the network towards the Internet, Mb/s. */
  outboundWormMbps: number;
  /** Worm traffic crossing our border either way (out to the Internet, in past our gateways), Mb/s. */
  borderWormMbps: number;
  /** Leased lines and hosted IDC services down. */
  servicesDown: number;
  wormStarted: boolean;
}

const MB_PER_WORM_PACKET = (404 * 8) / 1e6;

/** Reads the engine's headline metrics (computed once per step, so this is cheap). */
export function gameMetrics(s: EngineState, p: EngineParams): GameMetrics {
  const m = s.m;
  let total = 0;
  for (const seg of p.network.segments) total += seg.subscribers;
  return {
    subscribersTotal: total,
    subscribersOnline: (total * m.subscribersOnlinePct) / 100,
    dnsSuccess: m.dnsSuccessPct / 100,
    ownInfected: m.ownInfected,
    ownUnpatched: m.ownExposed + m.ownInfected + m.ownOffline,
    outboundWormMbps: m.wormSentOutPps * MB_PER_WORM_PACKET,
    borderWormMbps: (m.wormSentOutPps + m.wormBorderInPps) * MB_PER_WORM_PACKET,
    servicesDown: m.leasedLinesDown + m.idcServicesDown,
    wormStarted: s.global.started,
  };
}

/** The next point on the engine's step grid after the state's time. */
export function nextBoundaryMs(s: EngineState, p: EngineParams): number {
  return nextStepMs(s, p);
}

/** One step along the engine's grid. */
export function stepEngine(s: EngineState, p: EngineParams): EngineState {
  return advanceTo(s, p, nextStepMs(s, p));
}

/**
 * The engine at the first step boundary ≥ tMs, in one engine call (plus one step when tMs is off
 * the grid). The engine runs whole steps on a grid that depends only on its state, so this equals
 * stepping one boundary at a time.
 */
export function engineAtOrAfter(s: EngineState, p: EngineParams, tMs: number): EngineState {
  if (s.tMs >= tMs) return s;
  const e = advanceTo(s, p, tMs);
  return e.tMs >= tMs ? e : advanceTo(e, p, nextStepMs(e, p));
}

/** Engine events raised since the last drain, and the engine without them. */
export function takeEvents(s: EngineState): { engine: EngineState; events: EngineEvent[] } {
  if (s.events.length === 0) return { engine: s, events: [] };
  const { state, events } = drainEvents(s);
  return { engine: state, events };
}

export function activityOf(s: EngineState): number {
  return pacingActivity(s);
}

export { applyAction };
export type { EngineAction };
