/**
 * The inject scheduler. Injects are the exercise's scripted pressure — a customer calling, KISA
 * asking, the press on the phone — fired on sim time or on engine events (a DNS cluster failing,
 * an outage starting). Condition-triggered injects are armed by the event and fire after their
 * delay, so "the press calls 20 minutes after the outage" follows the player's own outage.
 */
import type { EngineEvent } from '../engine';
import type { CommandArgs } from './commandSchema';
import type { CustomInject, GameState, InboxMessage, InjectRuntime } from './gameState';
import { nextInjectStatus } from './inject.machine';
import { deadlineTickOf } from './pacing';
import type { Inject, Level } from './levelSchema';
import { isoToTick } from './simTime';
import { clampTrust } from './comms';
import { callIn } from './staff';
import { setFlags } from './tasks';

export function initialInjects(level: Level): InjectRuntime[] {
  return level.injects.map((i) => ({
    id: i.id,
    status: 'pending',
    dueTick: null,
    firedTick: null,
    choice: null,
  }));
}

/** Arms event-triggered injects whose event just happened. */
export function armOnEvents(
  state: GameState,
  level: Level,
  events: readonly EngineEvent[],
): GameState {
  if (events.length === 0) return state;
  let injects = state.injects;
  level.injects.forEach((def, i) => {
    const t = def.trigger;
    if (!('event' in t)) return;
    const rt = injects[i]!;
    if (rt.status !== 'pending') return;
    const hit = events.find((e) => e.kind === t.event && (t.id === undefined || e.id === t.id));
    if (!hit) return;
    if (injects === state.injects) injects = [...injects];
    injects[i] = {
      ...rt,
      status: nextInjectStatus(rt.status, { type: 'inject.arm' }),
      dueTick: Math.ceil(hit.tMs / 1000) + Math.round(t.afterMin * 60),
    };
  });
  return injects === state.injects ? state : { ...state, injects };
}

function dueTickOf(def: Inject, rt: InjectRuntime): number | null {
  if ('at' in def.trigger) return rt.status === 'pending' ? isoToTick(def.trigger.at)! : null;
  return rt.status === 'armed' ? rt.dueTick : null;
}

/** Fires injects whose time has come and expires unanswered ones past their deadline. */
export function runInjects(state: GameState, level: Level): GameState {
  let s = state;
  level.injects.forEach((def, i) => {
    const rt = s.injects[i]!;
    const due = dueTickOf(def, rt);
    if (due !== null && due <= s.tick) {
      const status = nextInjectStatus(rt.status, {
        type: 'inject.fire',
        hasChoices: def.choices.length > 0,
      });
      s = replaceInject(s, i, { ...rt, status, firedTick: s.tick });
      s = {
        ...s,
        inbox: [...s.inbox, injectMail(s, def, 'inject', def.message)],
        feed: [
          ...s.feed,
          { tick: s.tick, kind: 'inject.fired', params: { inject: def.id, from: def.from } },
        ],
      };
      return;
    }
    const deadline = rt.status === 'active' ? deadlineTickOf(def, rt) : null;
    if (deadline !== null && s.tick >= deadline) {
      s = replaceInject(s, i, {
        ...rt,
        status: nextInjectStatus(rt.status, { type: 'inject.expire' }),
        choice: def.defaultChoice ?? null,
      });
      s = {
        ...s,
        feed: [...s.feed, { tick: s.tick, kind: 'inject.expired', params: { inject: def.id } }],
      };
      // The default choice's effects on trust, flags and staff apply, but never its outcome text:
      // the players did not give that answer, they gave none, and they read what silence did.
      if (def.defaultChoice) s = applyConsequences(s, level, def, def.defaultChoice, false);
      s = {
        ...s,
        inbox: [...s.inbox, injectMail(s, def, 'outcome', def.noAnswer ?? NO_ANSWER_TEXT)],
      };
    }
  });
  return s;
}

/** The inbox message of a level inject: the situation itself (`inject:`) or what came of it. */
function injectMail(
  s: GameState,
  def: Inject,
  kind: 'inject' | 'outcome',
  body: InboxMessage['body'],
): InboxMessage {
  return {
    id: `${kind}:${def.id}`,
    tick: s.tick,
    from: def.from,
    subject: def.subject,
    body,
    injectId: def.id,
  };
}

function replaceInject(s: GameState, i: number, rt: InjectRuntime): GameState {
  const injects = [...s.injects];
  injects[i] = rt;
  return { ...s, injects };
}

/** Answers an active inject (already checked by checkCommand). */
export function answerInject(
  state: GameState,
  level: Level,
  injectId: string,
  choice: string,
): GameState {
  const i = level.injects.findIndex((x) => x.id === injectId);
  const rt = state.injects[i]!;
  let s = replaceInject(state, i, {
    ...rt,
    status: nextInjectStatus(rt.status, { type: 'inject.answer' }),
    choice,
  });
  s = {
    ...s,
    feed: [
      ...s.feed,
      { tick: s.tick, kind: 'inject.answered', params: { inject: injectId, choice } },
    ],
  };
  return applyConsequences(s, level, level.injects[i]!, choice);
}

/** Moves an open situation's deadline (already checked by checkCommand); the feed says so. */
export function extendInject(
  state: GameState,
  level: Level,
  injectId: string,
  minutes: number,
): GameState {
  const i = level.injects.findIndex((x) => x.id === injectId);
  const rt = state.injects[i]!;
  const s = replaceInject(state, i, { ...rt, extendedMin: (rt.extendedMin ?? 0) + minutes });
  return {
    ...s,
    feed: [
      ...s.feed,
      {
        tick: s.tick,
        kind: 'inject.extended',
        params: { inject: injectId, minutes: String(minutes) },
      },
    ],
  };
}

/** What an unanswered situation says when its level gives no `noAnswer` text of its own. */
export const NO_ANSWER_TEXT = {
  ko: '기한 안에 답하지 않았습니다. 상대는 우리 답 없이 일을 진행했습니다.',
  en: 'No answer was given before the deadline. They went ahead without one from us.',
} as const;

function applyConsequences(
  state: GameState,
  level: Level,
  def: Inject,
  choiceId: string,
  withText = true,
): GameState {
  const c = def.choices.find((x) => x.id === choiceId)!.consequences;
  let s = state;
  if (c.trust.length > 0) {
    s = {
      ...s,
      contacts: s.contacts.map((ct) => {
        const d = c.trust.filter((t) => t.contact === ct.id).reduce((a, t) => a + t.delta, 0);
        return d === 0 ? ct : { ...ct, trust: clampTrust(ct.trust + d) };
      }),
    };
  }
  s = setFlags(s, level, c.setFlags);
  for (const id of c.staffArrive) {
    s = { ...s, staff: callIn(s.staff, id, s.tick, level, s.flags.escalated !== undefined) };
  }
  if (c.penalty > 0) s = { ...s, acc: { ...s.acc, commsPenalty: s.acc.commsPenalty + c.penalty } };
  if (c.outcome && withText) {
    s = { ...s, inbox: [...s.inbox, injectMail(s, def, 'outcome', c.outcome)] };
  }
  return s;
}

/** Subject line of every custom inject in the inbox (the body is the facilitator's text). */
export const CUSTOM_INJECT_SUBJECT = { ko: '진행자 상황 부여', en: 'Facilitator inject' } as const;
/** The inbox sender of custom injects (views label it; it is not a level contact). */
export const CUSTOM_INJECT_SENDER = 'facilitator';

/** The id the next custom inject gets: `custom-N`, skipping any id the level already uses. */
function nextCustomId(state: GameState, level: Level): string {
  const taken = new Set([
    ...level.injects.map((i) => i.id),
    ...(state.customInjects ?? []).map((c) => c.id),
  ]);
  let n = (state.customInjects?.length ?? 0) + 1;
  while (taken.has(`custom-${n}`)) n++;
  return `custom-${n}`;
}

/** Raises a facilitator's custom inject now: into the inbox of the role(s) it addresses. */
export function raiseCustomInject(
  state: GameState,
  level: Level,
  args: CommandArgs<'inject.custom'>,
): GameState {
  const id = nextCustomId(state, level);
  const choices = (args.choices ?? []).map((c) => ({ id: c.id, text: { ...c.text } }));
  const inject: CustomInject = {
    id,
    to: args.to,
    text: { ...args.text },
    choices,
    status: choices.length > 0 ? 'active' : 'informed',
    firedTick: state.tick,
    choice: null,
  };
  return {
    ...state,
    customInjects: [...(state.customInjects ?? []), inject],
    inbox: [
      ...state.inbox,
      {
        id: `inject:${id}`,
        tick: state.tick,
        from: CUSTOM_INJECT_SENDER,
        subject: { ...CUSTOM_INJECT_SUBJECT },
        body: { ...args.text },
        injectId: id,
        to: args.to,
      },
    ],
    feed: [
      ...state.feed,
      {
        tick: state.tick,
        kind: 'inject.fired',
        params: { inject: id, from: CUSTOM_INJECT_SENDER },
      },
    ],
  };
}

/** Answers an active custom inject (already checked by checkCommand); it has no consequences. */
export function answerCustomInject(state: GameState, injectId: string, choice: string): GameState {
  return {
    ...state,
    customInjects: (state.customInjects ?? []).map((c) =>
      c.id === injectId ? { ...c, status: 'answered' as const, choice } : c,
    ),
    feed: [
      ...state.feed,
      { tick: state.tick, kind: 'inject.answered', params: { inject: injectId, choice } },
    ],
  };
}
