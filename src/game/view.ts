/**
 * What a view may show: a plain snapshot built from the run. Monitoring data comes from the
 * engine's observation (delayed, averaged, noisy — what 2003 tools showed), never from the truth;
 * the score is included for the debrief and the running tally.
 */
import { observe, type EngineObservation } from '../engine';
import type { CommandType, CustomInjectTarget } from './commandSchema';
import { commandRoles } from './commands';
import { CUSTOM_INJECT_SENDER, CUSTOM_INJECT_SUBJECT } from './injects';
import { deadlineTickOf } from './pacing';
import { PLAYER_ROLES, type PlayerRole } from './roles';
import type { FeedEvent, InboxMessage, Observation, SentMessage } from './gameState';
import type { Flag, LocalText, ScorePart } from './levelSchema';
import type { Rejection } from './rejectionText';
import { runScore, type Run } from './run';
import type { Score } from './scoring';
import { freeCount } from './staff';
import { isoToTick, tickToIso } from './simTime';

export interface ViewSnapshot {
  tick: number;
  timeIso: string;
  ended: boolean;
  clock: {
    paused: boolean;
    speed: 1 | 2 | 4;
    skipping: boolean;
    pace: number;
    /** Sim seconds per real second now, every cap of the pacing rule applied (pacing.ts). */
    rate: number;
    /** While paused because a situation arrived: its inject id. */
    pausedFor?: string;
  };
  monitoring: EngineObservation;
  staff: {
    id: string;
    name: LocalText;
    skill: string;
    status: string;
    arrivesAt: number | null;
    taskId: number | null;
  }[];
  /**
   * Patch campaigns as the staff on them report: hosts per hour at the current pace (free hands ×
   * the level's rate) and hosts patched since the campaign started.
   */
  campaigns: { segment: string; hostsPerHour: number; done: number }[];
  tasks: {
    id: number;
    type: string;
    args: Record<string, unknown>;
    role: string;
    startTick: number;
    dueTick: number;
    /** 0..1 */
    progress: number;
    status: string;
    failure?: LocalText;
  }[];
  inbox: InboxMessage[];
  outbox: SentMessage[];
  activeInjects: {
    id: string;
    from: string;
    subject: LocalText;
    message: LocalText;
    choices: { id: string; label: LocalText }[];
    /** Deadline tick (facilitator extensions included), or null when it has none. */
    expiresAt: number | null;
    /** Game minutes the facilitator added to the deadline. */
    extendedMin: number;
    /** Team roles that may answer it (the level's inject.answer roles, or a custom inject's addressees). */
    roles: readonly PlayerRole[];
    /** Only on a facilitator's custom inject: whom it is addressed to. */
    to?: CustomInjectTarget;
  }[];
  contacts: {
    id: string;
    kind: string;
    name: LocalText;
    status: string;
    trust: number;
    deadlineTick: number | null;
  }[];
  flags: Partial<Record<Flag, number>>;
  observations: Observation[];
  feed: FeedEvent[];
  rejections: { tick: number; role: string; type: string; rejection: Rejection }[];
  /** Commands the level offers, with what they cost and whether staff is free for them now. */
  commands: {
    type: CommandType;
    durationMin: number;
    staff: number;
    skill: string | null;
    roles: string[];
    requires: Flag[];
    staffFree: number;
  }[];
  score: Score;
  scoreParts: ScorePart[];
  /** Facilitator discussion questions whose time has come (tabletop pause points). */
  discussion: { at: string; module: string; question: LocalText }[];
}

/** A snapshot for views; `feedLimit` keeps the feed short for per-frame rendering. */
export function snapshotView(run: Run, feedLimit = 100): ViewSnapshot {
  const s = run.state;
  const level = run.level;
  const score = runScore(run);
  return {
    tick: s.tick,
    timeIso: tickToIso(s.tick),
    ended: s.ended,
    clock: {
      paused: s.clock.paused,
      speed: s.clock.speed,
      skipping: s.clock.skipTo !== null,
      pace: run.pace,
      rate: run.rate,
      ...(s.clock.pausedFor !== undefined ? { pausedFor: s.clock.pausedFor } : {}),
    },
    monitoring: observe(s.engine),
    staff: s.staff.map((st) => ({
      id: st.id,
      name: level.staff.find((d) => d.id === st.id)!.name,
      skill: st.skill,
      status: st.status,
      arrivesAt: st.arrivesAt,
      taskId: st.taskId,
    })),
    campaigns: (s.campaigns ?? []).map((c) => ({
      segment: c.segment,
      hostsPerHour: Math.max(0, c.rate),
      done: Math.max(
        0,
        (s.engine.segments.find((x) => x.id === c.segment)?.patched ?? 0) - c.patchedAtStart,
      ),
    })),
    tasks: s.tasks.map((t) => ({
      id: t.id,
      type: t.command.type,
      args: t.command.args as Record<string, unknown>,
      role: t.role,
      startTick: t.startTick,
      dueTick: t.dueTick,
      progress:
        t.status === 'running'
          ? t.dueTick > t.startTick
            ? Math.min(1, (s.tick - t.startTick) / (t.dueTick - t.startTick))
            : 1
          : 1,
      status: t.status,
      ...(t.failure ? { failure: t.failure } : {}),
    })),
    inbox: s.inbox,
    outbox: s.outbox,
    activeInjects: level.injects
      .map((def, i) => ({ def, rt: s.injects[i]! }))
      .filter(({ rt }) => rt.status === 'active')
      .map(({ def, rt }) => ({
        id: def.id,
        from: def.from,
        subject: def.subject,
        message: def.message,
        choices: def.choices.map((c) => ({ id: c.id, label: c.label })),
        expiresAt: deadlineTickOf(def, rt),
        extendedMin: rt.extendedMin ?? 0,
        roles: commandRoles(level, 'inject.answer') ?? [],
      }))
      .concat(
        (s.customInjects ?? [])
          .filter((c) => c.status === 'active')
          .map((c) => ({
            id: c.id,
            from: CUSTOM_INJECT_SENDER,
            subject: CUSTOM_INJECT_SUBJECT,
            message: c.text,
            choices: c.choices.map((ch) => ({ id: ch.id, label: ch.text })),
            expiresAt: null,
            extendedMin: 0,
            roles: c.to === 'all' ? PLAYER_ROLES.filter((r) => r !== 'facilitator') : [c.to],
            to: c.to,
          })),
      ),
    contacts: level.contacts.map((c, i) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      status: s.contacts[i]!.status,
      trust: s.contacts[i]!.trust,
      deadlineTick: s.contacts[i]!.deadlineTick,
    })),
    flags: s.flags,
    observations: s.observations,
    feed: s.feed.slice(-feedLimit),
    rejections: run.rejections.slice(-20),
    commands: (
      Object.entries(level.commands) as [
        CommandType,
        NonNullable<(typeof level.commands)[CommandType]>,
      ][]
    ).map(([type, rule]) => ({
      type,
      durationMin: rule.durationMin,
      staff: rule.staff,
      skill: rule.skill,
      roles: rule.roles,
      requires: rule.requires,
      staffFree: rule.skill ? freeCount(s.staff, rule.skill) : 0,
    })),
    score,
    scoreParts: Object.keys(score.parts) as ScorePart[],
    discussion: level.discussion.filter((d) => (isoToTick(d.at) ?? Infinity) <= s.tick),
  };
}
