/**
 * Communications: what goes out (claims checked against the truth when the message is sent) and
 * what comes in besides injects (the call centre reacting to what the network does). Speed vs
 * accuracy is the trade: a contact expects to hear within its window after detection, but every
 * claim that is false when sent costs trust and score — "worm contained" while it is not is the
 * classic.
 */
import type { EngineEvent } from '../engine';
import type { Claim } from './commandSchema';
import { claimFactsOf } from './claimFacts';
import { claimIsTrue } from './commands';
import { nextContactStatus } from './contact.machine';
import type { ContactRuntime, GameState } from './gameState';
import type { Level, LocalText } from './levelSchema';

/** Penalty points per false claim, per late first notice, per contact never informed. */
export const FALSE_CLAIM_PENALTY = 10;
export const LATE_NOTICE_PENALTY = 5;
export const MISSED_NOTICE_PENALTY = 10;
const TRUST_PER_TRUE_CLAIM = 3;
const TRUST_PER_FALSE_CLAIM = -15;

/** Trust with a contact stays within −100…100. */
export const clampTrust = (t: number) => Math.max(-100, Math.min(100, t));

export function initialContacts(level: Level): ContactRuntime[] {
  return level.contacts.map((c) => ({ id: c.id, status: 'quiet', deadlineTick: null, trust: 0 }));
}

/** Detection starts every contact's clock that has an expectation period. */
export function startExpectations(state: GameState, level: Level): GameState {
  return {
    ...state,
    contacts: state.contacts.map((c, i) => {
      const def = level.contacts[i]!;
      if (def.expectWithinMin === undefined || c.status !== 'quiet') return c;
      return {
        ...c,
        status: nextContactStatus(c.status, { type: 'contact.expect' }),
        deadlineTick: state.tick + Math.round(def.expectWithinMin * 60),
      };
    }),
  };
}

/** Contacts whose window passed without a message become overdue. */
export function checkDeadlines(state: GameState): GameState {
  if (
    !state.contacts.some(
      (c) => c.status === 'expecting' && c.deadlineTick !== null && c.deadlineTick <= state.tick,
    )
  ) {
    return state;
  }
  return {
    ...state,
    contacts: state.contacts.map((c) =>
      c.status === 'expecting' && c.deadlineTick !== null && c.deadlineTick <= state.tick
        ? { ...c, status: nextContactStatus(c.status, { type: 'contact.deadline' }) }
        : c,
    ),
  };
}

/** A message lands: claims are checked against the truth at this moment. */
export function sendMessage(
  state: GameState,
  level: Level,
  to: string,
  blocks: string[],
  extraClaims: Claim[],
): GameState {
  const def = level.contacts.find((c) => c.id === to)!;
  const claims = new Set<Claim>(extraClaims);
  for (const b of blocks)
    for (const c of def.options.find((o) => o.id === b)!.claims) claims.add(c);
  const list = [...claims].sort();
  const falseClaims = list.filter((c) => !claimIsTrue(c, state, level));
  const trueCount = list.length - falseClaims.length;
  let penalty = falseClaims.length * FALSE_CLAIM_PENALTY;
  const contacts = state.contacts.map((c) => {
    if (c.id !== to) return c;
    const status = nextContactStatus(c.status, { type: 'contact.sent' });
    if (status === 'informedLate' && c.status === 'overdue') penalty += LATE_NOTICE_PENALTY;
    return {
      ...c,
      status,
      trust: clampTrust(
        c.trust + trueCount * TRUST_PER_TRUE_CLAIM + falseClaims.length * TRUST_PER_FALSE_CLAIM,
      ),
    };
  });
  let acc = { ...state.acc, commsPenalty: state.acc.commsPenalty + penalty };
  const flags = { ...state.flags };
  if (def.kind === 'kisa' && acc.kisaNotifiedTick === null) {
    acc = { ...acc, kisaNotifiedTick: state.tick };
    flags.kisaNotified = state.tick;
  }
  return {
    ...state,
    contacts,
    acc,
    flags,
    outbox: [
      ...state.outbox,
      {
        tick: state.tick,
        to,
        blocks,
        claims: list,
        falseClaims,
        facts: claimFactsOf(state, level),
      },
    ],
    feed: [
      ...state.feed,
      {
        tick: state.tick,
        kind: 'comms.sent',
        params: { to, claims: list.length, falseClaims: falseClaims.length },
      },
    ],
  };
}

/** Penalty for contacts still waiting at the end of the run (counted once, when the run ends). */
export function missedNoticePenalty(state: GameState): number {
  return (
    state.contacts.filter((c) => c.status === 'expecting' || c.status === 'overdue').length *
    MISSED_NOTICE_PENALTY
  );
}

const CALL_CENTRE = 'callcentre';

const GENERATED: Record<string, { subject: LocalText; body: (id: string) => LocalText }> = {
  'dns.down': {
    subject: { ko: '고객센터: 접속 불가 문의 폭주', en: 'Call centre: "web sites won\'t open"' },
    body: (id) => ({
      ko: `고객들이 인터넷 주소가 열리지 않는다고 합니다. 네임서버(${id}) 응답이 없다는 신고가 이어집니다.`,
      en: `Customers say web addresses will not open. Reports point to the name servers (${id}) not answering.`,
    }),
  },
  'outage.start': {
    subject: {
      ko: '고객센터: 전화가 끊이지 않습니다',
      en: 'Call centre: the phones will not stop',
    },
    body: () => ({
      ko: '초고속 인터넷 가입자와 전용회선 고객의 장애 신고가 계속 들어옵니다. PC방 업주들이 항의하고 있습니다.',
      en: 'Broadband and leased-line customers keep reporting outages. PC-bang owners are angry.',
    }),
  },
};

/**
 * Incoming messages generated from what the engine reports: the first time each DNS cluster fails
 * and when an outage starts, plus an hourly call-centre report while subscribers are offline.
 */
export function informationFromEngine(state: GameState, events: readonly EngineEvent[]): GameState {
  let s = state;
  for (const e of events) {
    if (!Object.hasOwn(GENERATED, e.kind)) continue;
    const g = GENERATED[e.kind]!;
    const key = `${e.kind}:${e.id ?? ''}`;
    if (s.announced[key] !== undefined) continue;
    s = {
      ...s,
      announced: { ...s.announced, [key]: s.tick },
      inbox: [
        ...s.inbox,
        {
          id: `gen:${key}`,
          tick: s.tick,
          from: CALL_CENTRE,
          subject: g.subject,
          body: g.body(e.id ?? ''),
        },
      ],
      feed: [
        ...s.feed,
        { tick: s.tick, kind: 'message.received', params: { from: CALL_CENTRE, about: e.kind } },
      ],
    };
  }
  return s;
}

/** Hourly call-centre report, from the engine's observed call rate. */
export function hourlyCallReport(state: GameState, callsPerMin: number): GameState {
  const calls = Math.round(callsPerMin);
  if (calls < 1) return state;
  const hour = Math.floor(state.tick / 3600);
  return {
    ...state,
    inbox: [
      ...state.inbox,
      {
        id: `calls:${hour}`,
        tick: state.tick,
        from: CALL_CENTRE,
        subject: {
          ko: `고객센터 현황: 분당 ${calls}통`,
          en: `Call centre: ${calls} calls a minute`,
        },
        body: {
          ko: `지난 한 시간 동안 장애 문의가 분당 약 ${calls}통 들어왔습니다. 대기 시간이 길어지고 있습니다.`,
          en: `Over the last hour about ${calls} outage calls a minute came in. Waiting times are growing.`,
        },
      },
    ],
  };
}
