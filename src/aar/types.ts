/**
 * The after-action review as data (docs/AAR.md): everything the printable page shows, computed
 * from a verified run file and its level, so the same object feeds the HTML page, the JSON export
 * and (later) the browser's debrief.
 */
import type { LocalText, RunSeries, ScorePart } from '../game/index';
import type { SourceCode } from './sources';

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
  parts: { part: ScorePart; weight: number; value: number; ghost: number; raw: number }[];
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
  series: { run: RunSeries; ghost: RunSeries };
  lessons: Lesson[];
  /** Facilitator/commander notes from the log, with the discussion question they answer. */
  notes: { tick: number; role: string; text: string; question: LocalText | null }[];
  timeline: { tick: number; text: LocalText }[];
  sources: { code: SourceCode; text: string }[];
}
