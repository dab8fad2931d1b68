/**
 * The game state: plain JSON, hashed at checkpoints, reproduced exactly from (level, seed, log).
 * It holds the engine's state (which carries the engine PRNG) and everything the game adds on
 * top: clock, staff, tasks, knowledge flags, injects, inbox/outbox, trust and score totals.
 */
import type { EngineState } from '../engine';
import type { ClockState } from './clock';
import type { Claim, CustomInjectTarget, ParsedCommand } from './commandSchema';
import type { ContactStatus } from './contact.machine';
import type { InjectStatus } from './inject.machine';
import type { Flag, LocalText } from './levelSchema';
import type { PrngState } from '../engine/prng';
import type { Role } from './roles';
import type { ScoreAccumulators } from './scoring';
import type { StaffState } from './staff';
import type { TaskStatus } from './task.machine';

export interface TaskState {
  id: number;
  command: ParsedCommand;
  role: Role;
  startTick: number;
  dueTick: number;
  staff: string[];
  status: TaskStatus;
  /** Started by staff following a standing procedure, not by a player's order. */
  by?: 'procedure';
  /** Why it failed, when it did (ko/en for the feed). */
  failure?: LocalText;
}

export interface InjectRuntime {
  id: string;
  status: InjectStatus;
  /** Tick at which an armed inject fires. */
  dueTick: number | null;
  firedTick: number | null;
  choice: string | null;
  /**
   * Game minutes the facilitator added to the deadline (inject.extend). Absent until the first
   * extension, so runs without one keep their hashes.
   */
  extendedMin?: number;
}

export interface ContactRuntime {
  id: string;
  status: ContactStatus;
  deadlineTick: number | null;
  trust: number;
}

/** A message in the inbox: from an inject, or generated from what the network does. */
export interface InboxMessage {
  id: string;
  tick: number;
  from: string;
  subject: LocalText;
  body: LocalText;
  injectId?: string;
  /** Only on a facilitator's custom inject: the role it is addressed to, or everyone. */
  to?: CustomInjectTarget;
}

/** A facilitator's custom inject (`inject.custom`), raised during a team session. */
export interface CustomInject {
  /** `custom-1`, `custom-2`… in the order they were raised (never a level inject's id). */
  id: string;
  to: CustomInjectTarget;
  text: LocalText;
  choices: { id: string; text: LocalText }[];
  /** `active` while it waits for an answer; `informed` when it had no choices. */
  status: 'active' | 'informed' | 'answered';
  firedTick: number;
  choice: string | null;
}

export interface SentMessage {
  tick: number;
  to: string;
  blocks: string[];
  claims: Claim[];
  falseClaims: Claim[];
  /**
   * What was true when it was sent, so a false claim can be named with the truth of that moment.
   * Derived from the engine state (which the hash covers), so `hashGame` leaves it out: run files
   * saved before it existed keep verifying.
   */
  facts?: ClaimFacts;
}

/** What a diagnosis showed: an observation, never the truth itself. */
export interface Observation {
  tick: number;
  command: string;
  /** Key facts for the view, e.g. top talker port, utilisation per link. */
  data: Record<string, string | number | boolean>;
  text: LocalText;
}

/** The feed: everything notable, in order (the live region mirrors it). */
export interface FeedEvent {
  tick: number;
  kind: string;
  params: Record<string, string | number>;
}

export interface GameState {
  /** Current sim tick (= floor(engine tMs / 1000)). */
  tick: number;
  /**
   * Game points: the game's own logic (score integration, tasks, injects, pacing) runs only at the
   * first engine boundary at or after `nextGameMs` — every sim minute and at every scheduled
   * game time. Between game points the engine runs alone, so the headless path can advance it in
   * one call while the frame driver steps it one boundary at a time, with identical results.
   */
  lastGameMs: number;
  nextGameMs: number;
  engine: EngineState;
  rng: PrngState;
  clock: ClockState;
  staff: StaffState[];
  tasks: TaskState[];
  nextTaskId: number;
  flags: Partial<Record<Flag, number>>;
  injects: InjectRuntime[];
  contacts: ContactRuntime[];
  inbox: InboxMessage[];
  outbox: SentMessage[];
  observations: Observation[];
  feed: FeedEvent[];
  /** Facilitator and commander notes; `question` indexes the level's discussion questions. */
  notes: { tick: number; role: Role; text: string; question?: number }[];
  acc: ScoreAccumulators;
  /** Highest DNS-failure / outage state already announced, so generated messages fire once. */
  announced: Record<string, number>;
  /**
   * Facilitator custom injects. Absent until the first one is raised, so runs without any keep
   * exactly the hashes they had before the field existed.
   */
  customInjects?: CustomInject[];
  /** Resolver clusters not answering: since when, and whether a restart already failed (procedures.ts). */
  dnsDown?: Record<string, { since: number; afterRestart: boolean }>;
  /** Patch campaigns under way (procedures.ts). */
  campaigns?: PatchCampaign[];
  /** What outside parties agreed to do, and when (dueTick −1 once done). */
  outside?: OutsideAction[];
  /** Running digest of the accepted command log: any reordering or insertion changes every later hash. */
  logDigest: string;
  commandCount: number;
  endTick: number;
  ended: boolean;
}

/** A request an outside party agreed to, waiting to be carried out. */
export interface OutsideAction {
  dueTick: number;
  contact: string;
  option: string;
  filterLink: string;
}

/** An active patch campaign: the segment, and the most hosts per hour the order asked for. */
export interface PatchCampaign {
  segment: string;
  maxPerHour: number;
  /** The rate the engine was last given (hosts per hour). */
  rate: number;
  /** Patched hosts in the segment when the campaign started (the staff know what they did since). */
  patchedAtStart: number;
}

/** What was true when a message's claims were checked (kept with the message, not hashed). */
export interface ClaimFacts {
  wormStarted: boolean;
  /** Worm traffic leaving our network for the Internet, Mbit/s. */
  outboundWormMbps: number;
  ownInfected: number;
  /** Own SQL Server hosts of every state (exposed, infected, offline, patched). */
  ownSqlHosts: number;
  dnsSuccessPct: number;
  subscribersOnlinePct: number;
}
