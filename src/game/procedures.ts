/**
 * What happens at a game point without a player's order, because people do it: staff on duty follow
 * their standing procedures, patch campaigns move at the pace of the hands on them, and outside
 * parties carry out what they agreed to. Each of these acts on the network only through the engine,
 * and each leaves a line in the feed saying who did what, so a replay and a debrief can show it.
 * Deterministic: everything here is a function of the game state and the level.
 */
import { applyAction } from './engineBridge';
import type { GameState } from './gameState';

import type { Level } from './levelSchema';
import { drawFloat } from '../engine/prng';
import { freeCount } from './staff';

/**
 * Resolver clusters that have stopped answering, with the tick their failure (or last failed restart)
 * was seen, kept from the engine's dns.down / dns.restartFailed / dns.up events.
 */
export function trackDnsFailures(
  state: GameState,
  events: readonly { tMs: number; kind: string; id?: string }[],
): GameState {
  let down = state.dnsDown;
  for (const e of events) {
    if (e.id === undefined) continue;
    if (e.kind === 'dns.down' || e.kind === 'dns.restartFailed') {
      const since = Math.floor(e.tMs / 1000);
      down = { ...(down ?? {}), [e.id]: { since, afterRestart: e.kind === 'dns.restartFailed' } };
    } else if (e.kind === 'dns.up' && down && e.id in down) {
      const { [e.id]: _gone, ...rest } = down;
      down = rest;
    }
  }
  return down === state.dnsDown ? state : { ...state, dnsDown: down };
}

/**
 * Patch campaigns: the hosts per hour a campaign makes is what the free people of its skill can do
 * (the level's hosts per person-hour for the segment's kind), shared evenly between campaigns, and
 * never more than the order asked for. Typing a larger number buys nothing; more people do.
 */
export function paceCampaigns(state: GameState, level: Level): GameState {
  const campaigns = state.campaigns;
  if (!campaigns || campaigns.length === 0) return state;
  const rule = level.commands['patch.start'];
  const skill = rule?.skill ?? 'systems';
  const hands = freeCount(state.staff, skill);
  const share = hands / campaigns.length;
  let engine = state.engine;
  let changed = false;
  const next = campaigns.map((c) => {
    const seg = level.engine.network.segments.find((x) => x.id === c.segment);
    if (!seg) return c;
    const perPerson = level.procedures.patchHostsPerStaffHour[seg.kind];
    const rate = Math.min(c.maxPerHour, Math.round(share * perPerson * 100) / 100);
    if (rate === c.rate) return c;
    const r = applyAction(
      engine,
      level.engine,
      rate > 0
        ? { type: 'patch.start', segment: c.segment, hostsPerHour: rate }
        : { type: 'patch.stop', segment: c.segment },
    );
    if (!r.ok) return c;
    engine = r.state;
    changed = true;
    return { ...c, rate };
  });
  if (!changed) return state;
  // The engine logs its own action events; the game reports campaigns through its feed instead.
  engine = { ...engine, events: engine.events.filter((e) => !e.kind.startsWith('action.')) };
  return { ...state, engine, campaigns: next };
}

/** Campaigns finish when the segment has nothing left to patch. */
export function finishCampaigns(state: GameState): GameState {
  const campaigns = state.campaigns;
  if (!campaigns || campaigns.length === 0) return state;
  const left = campaigns.filter((c) => {
    const ss = state.engine.segments.find((x) => x.id === c.segment);
    return ss !== undefined && ss.exposed + ss.infected + ss.offline > 0;
  });
  if (left.length === campaigns.length) return state;
  const done = campaigns.filter((c) => !left.includes(c));
  return {
    ...state,
    campaigns: left,
    feed: [
      ...state.feed,
      ...done.map((c) => ({
        tick: state.tick,
        kind: 'campaign.done',
        params: { id: c.segment },
      })),
    ],
  };
}

/** A patch.start or patch.stop order landed: the campaign joins or leaves the list. */
export function setCampaign(
  state: GameState,
  segment: string,
  maxPerHour: number | null,
): GameState {
  const rest = (state.campaigns ?? []).filter((c) => c.segment !== segment);
  const patchedAtStart = state.engine.segments.find((x) => x.id === segment)?.patched ?? 0;
  return {
    ...state,
    campaigns:
      maxPerHour === null ? rest : [...rest, { segment, maxPerHour, rate: -1, patchedAtStart }],
  };
}

/**
 * A message asking a contact to act was delivered: the contact agrees or not (drawn from the run's
 * seeded PRNG at the moment it reads the message) and answers in the inbox; if it agreed, its
 * action is scheduled.
 */
export function receiveRequest(
  state: GameState,
  level: Level,
  contactId: string,
  optionId: string,
): GameState {
  const contact = level.contacts.find((c) => c.id === contactId);
  const option = contact?.options.find((o) => o.id === optionId);
  const req = option?.request;
  if (!contact || !req) return state;
  if ((state.outside ?? []).some((o) => o.contact === contactId && o.option === optionId))
    return state;
  const [u, rng1] = drawFloat(state.rng);
  const [v, rng] = drawFloat(rng1);
  const accepted = u < req.acceptChance;
  const delayS = Math.round((req.delayMin[0] + v * (req.delayMin[1] - req.delayMin[0])) * 60);
  const msg = {
    id: `request-${contactId}-${optionId}-${state.tick}`,
    tick: state.tick,
    from: contactId,
    subject: contact.name,
    body: accepted ? req.accepted : req.refused,
  };
  return {
    ...state,
    rng,
    inbox: [...state.inbox, msg],
    outside: accepted
      ? [
          ...(state.outside ?? []),
          {
            dueTick: state.tick + delayS,
            contact: contactId,
            option: optionId,
            filterLink: req.filterLink,
          },
        ]
      : state.outside,
    feed: [
      ...state.feed,
      {
        tick: state.tick,
        kind: accepted ? 'outside.agreed' : 'outside.refused',
        params: { from: contactId },
      },
    ],
  };
}

/** Outside parties carry out what they agreed to when its time comes: a filter on their side. */
export function runOutsideActions(state: GameState, level: Level): GameState {
  const due = (state.outside ?? []).filter((o) => o.dueTick <= state.tick && o.dueTick >= 0);
  if (due.length === 0) return state;
  let s = state;
  for (const o of due) {
    const r = applyAction(s.engine, level.engine, {
      type: 'acl.apply',
      device: o.filterLink,
      direction: 'ingress',
      port: 1434,
      upstream: true,
    });
    if (r.ok) {
      const engine = {
        ...r.state,
        events: r.state.events.filter((e) => !e.kind.startsWith('action.')),
      };
      s = {
        ...s,
        engine,
        feed: [
          ...s.feed,
          {
            tick: s.tick,
            kind: 'outside.filtered',
            params: { from: o.contact, id: o.filterLink },
          },
        ],
      };
    }
  }
  return {
    ...s,
    // Carried out: kept with dueTick −1 so the same request is not agreed twice.
    outside: (s.outside ?? []).map((o) => (due.includes(o) ? { ...o, dueTick: -1 } : o)),
  };
}
