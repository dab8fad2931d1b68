/**
 * The after-action review as data (docs/AAR.md): everything the printable page shows, computed
 * from a verified run file and its level, so the same object feeds the HTML page, the JSON export
 * and (later) the browser's debrief.
 */
import type {
  Claim,
  ClaimFacts,
  LocalText,
  PartStatus,
  PartUnit,
  RunSeries,
  ScoreHistoryEntry,
  ScorePart,
} from '../game';
import type { SourceCode } from './sources';
import type {
  DiscussionAnswer,
  FeedbackEntry,
  FeedbackSummary,
  Observation,
  PlanRow,
} from './exerciseRecords';

export const AAR_FORMAT_VERSION = 1;

export const KEY_TIME_IDS = [
  'onset',
  'firstAnomaly',
  'firstLook',
  'diagnosis',
  'firstFilter',
  'kisaNotified',
  'customersInformed',
  'dnsDown',
  'dnsRestored',
] as const;
export type KeyTimeId = (typeof KEY_TIME_IDS)[number];

export interface KeyTime {
  id: KeyTimeId;
  /** Sim tick (seconds since 25 Jan 14:00 KST), or null if it never happened in the run. */
  tick: number | null;
  /** The same moment in the historical response played on the same seed (the ghost). */
  ghostTick: number | null;
  /** Minutes after the worm's onset, when both are known. */
  minutesAfterOnset: number | null;
}

export interface OutageSummary {
  /** First subscriber outage in the run, or null if there was none. */
  startTick: number | null;
  /** End of the last outage; null while one is still going at the end of the run. */
  endTick: number | null;
  /** From the first outage to the end of the last (or to the end of the run). */
  spanMinutes: number;
  /** Minutes actually in outage (gaps between outages not counted). */
  outageMinutes: number;
  ongoingAtEnd: boolean;
  /** The KCC's refund decision measured 3 h 44 min – 5 h 5 min across the four fixed ISPs. */
  real: { minMinutes: number; maxMinutes: number };
  comparison: 'none' | 'shorter' | 'within' | 'longer';
  ghostSpanMinutes: number;
}

export interface AarAction {
  index: number;
  tick: number;
  role: string;
  /** Player ids holding that role (every player for `solo`). */
  players: string[];
  type: string;
  args: Record<string, unknown>;
  /** A team session's bot sent it (the run file's mark). */
  bot?: 'historical' | 'sensible';
}

export interface RoleSummary {
  role: string;
  players: string[];
  commands: number;
  types: Record<string, number>;
}

export interface Lesson {
  id: string;
  kind: 'strength' | 'improvement';
  text: LocalText;
  /** What in this run triggered the lesson, with its times. */
  evidence: LocalText;
  sources: SourceCode[];
}

export interface ScoreComparison {
  total: number;
  ghostTotal: number;
  parts: {
    part: ScorePart;
    weight: number;
    /** Points of 100. */
    value: number;
    ghost: number;
    /** The measured quantity in `unit` (what `zeroAt` uses). */
    raw: number;
    unit: PartUnit;
    status: PartStatus;
    /** The quantity at which the part scores 0. */
    zeroAt: number;
    /** What the part adds to the 1000-point total, and at most. */
    contribution: number;
    maxContribution: number;
    /** The quantity in words ("KISA told after 225 min"). */
    quantityText: LocalText;
  }[];
}

/** A change of the running score with its causes (src/game/scoreHistory.ts), with its words. */
export interface AarScoreChange extends ScoreHistoryEntry {
  words: { heading: LocalText; changes: LocalText[] };
}

/** A claim that was false when its message landed, with the truth of that moment. */
export interface AarFalseClaim {
  tick: number;
  to: string;
  claim: Claim;
  facts: ClaimFacts | null;
  text: LocalText;
}

export interface Aar {
  formatVersion: typeof AAR_FORMAT_VERSION;
  level: {
    id: string;
    sha256: string;
    title: LocalText;
    organisation: string;
    startTick: number;
    endTick: number;
  };
  run: {
    seed: number;
    gameVersion: string;
    players: { id: string; roles: string[] }[];
    /** Display name of whoever submitted it (server runs), never trusted as markup. */
    playerName: string | null;
    commands: number;
    endTick: number;
    ended: boolean;
    finalHash: string;
    verified: true;
  };
  keyTimes: KeyTime[];
  outage: OutageSummary;
  actions: AarAction[];
  roles: RoleSummary[];
  score: ScoreComparison;
  /** Every change of the running score with its cause, oldest first (format 1 files lack it). */
  scoreHistory?: AarScoreChange[];
  falseClaims?: AarFalseClaim[];
  series: { run: RunSeries; ghost: RunSeries };
  lessons: Lesson[];
  /** Facilitator/commander notes from the log, with the discussion question they answer. */
  notes: { tick: number; role: string; text: string; question: LocalText | null }[];
  /** The team's answers to the level's discussion questions, by module ([] when none). */
  discussion: DiscussionAnswer[];
  /** Evaluator observations (HSEEP ratings) from the run file, in the order recorded ([] when none). */
  observations: Observation[];
  /** Anonymous participant feedback of a team session ([] for solo runs and until it arrives). */
  feedback: FeedbackEntry[];
  feedbackSummary: FeedbackSummary;
  /** The facilitator's improvement plan ([] until one is saved; the page then offers the lessons). */
  improvementPlan: PlanRow[];
  timeline: { tick: number; text: LocalText }[];
  sources: { code: SourceCode; text: string }[];
}
