/**
 * The score's history: every change of the running score with its cause, computed from the game
 * states at game points (the same states verification replays, so the history of a verified run
 * is trustworthy). Between two logged points each part's change is explained from what the
 * state measured in that interval — subscriber-hours lost, a claim found false, a contact left
 * waiting, the border clearing. A point is logged at once when something discrete happens (a
 * message, a contact's deadline, detection, KISA told, the border clearing or reopening, an
 * answer with a penalty), otherwise every EVERY_S of game time while the score moves.
 */
import type { ClaimFacts } from './claimFacts';
import type { Claim } from './commandSchema';
import type { ContactStatus } from './contact.machine';
import type { GameState } from './gameState';
import { currentScore } from './incident';
import { SCORE_PARTS, type Level, type ScorePart } from './levelSchema';
import { advanceToMs, applyCommand, createRun, type LoggedCommand, type Run } from './run';
import { contributionOf } from './scoreBreakdown';
import type { ScoreAccumulators } from './scoring';

/** Longest quiet stretch folded into one logged change (game seconds). */
export const EVERY_S = 15 * 60;

/** Why a part moved, in numbers; the view words it (ko/en). */
export type ScoreCause =
  /** The worm's onset started the part's clock. */
  | { kind: 'onset'; at: number }
  /** A timed part whose effect has not happened: minutes since the onset, still counting. */
  | { kind: 'counting'; minutes: number }
  /** The run ended without the timed part's effect: counted to the end. */
  | { kind: 'never'; minutes: number }
  /** The timed part's effect happened (it stops falling). */
  | { kind: 'happened'; at: number; minutes: number }
  /** The border was clear and is no longer (worm traffic rose above twice the line). */
  | { kind: 'reopened'; at: number }
  /** A loss in the part's own unit during the interval, and the measure behind it now. */
  | { kind: 'lost'; amount: number; now: number }
  /** DNS: share of lookups unanswered during the interval (the part is a share of the whole run). */
  | { kind: 'unanswered'; pct: number }
  | { kind: 'falseClaim'; to: string; claim: Claim; at: number; facts: ClaimFacts | null }
  | { kind: 'overdue'; to: string; at: number }
  | { kind: 'late'; to: string; at: number }
  | {
      kind: 'answerPenalty';
      inject: string;
      choice: string;
      /** No answer came in time: the situation's default choice was taken. */
      expired: boolean;
      at: number;
      points: number;
    }
  /** Unpatched hosts now, as a share of the exposed at the start, and the change in hosts. */
  | { kind: 'unpatched'; pct: number; hosts: number }
  | { kind: 'overtime'; amount: number };

export interface PartChange {
  part: ScorePart;
  /** Points of the 1000-point total this part gained (+) or lost (−) in the interval. */
  delta: number;
  causes: ScoreCause[];
}

export interface ScoreHistoryEntry {
  fromTick: number;
  tick: number;
  /** The running score at `tick`. */
  total: number;
  /** total − the total at `fromTick` (the entries' deltas add up to the whole change). */
  delta: number;
  changes: PartChange[];
}

interface Sample {
  tick: number;
  total: number;
  parts: Record<ScorePart, number>;
  raw: Record<ScorePart, number>;
  acc: ScoreAccumulators;
  outbox: number;
  feed: number;
  contacts: ContactStatus[];
  onlinePct: number;
  servicesDown: number;
  ownInfected: number;
  unpatched: number;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

function sampleOf(state: GameState, level: Level): Sample {
  const score = currentScore(state, level);
  const m = state.engine.m;
  return {
    tick: state.tick,
    total: score.total,
    parts: score.parts,
    raw: score.raw,
    acc: state.acc,
    outbox: state.outbox.length,
    feed: state.feed.length,
    contacts: state.contacts.map((c) => c.status),
    onlinePct: m.subscribersOnlinePct,
    servicesDown: m.leasedLinesDown + m.idcServicesDown,
    ownInfected: m.ownInfected,
    unpatched: m.ownExposed + m.ownInfected + m.ownOffline,
  };
}

const TIMED_TICK: Partial<Record<ScorePart, keyof ScoreAccumulators>> = {
  timeToDetect: 'detectTick',
  timeToFilter: 'borderClearTick',
  timeToNotifyKisa: 'kisaNotifiedTick',
};

/** Something happened that the history logs at once, whatever the size of the change. */
function discrete(a: Sample, b: Sample): boolean {
  return (
    a.outbox !== b.outbox ||
    a.acc.commsPenalty !== b.acc.commsPenalty ||
    a.acc.onsetTick !== b.acc.onsetTick ||
    a.acc.detectTick !== b.acc.detectTick ||
    a.acc.kisaNotifiedTick !== b.acc.kisaNotifiedTick ||
    a.acc.borderClearTick !== b.acc.borderClearTick ||
    a.contacts.some((c, i) => c !== b.contacts[i])
  );
}

function causesOf(part: ScorePart, a: Sample, b: Sample, state: GameState, level: Level) {
  const causes: ScoreCause[] = [];
  const timedKey = TIMED_TICK[part];
  if (timedKey) {
    const before = a.acc[timedKey] as number | null;
    const after = b.acc[timedKey] as number | null;
    if (a.acc.onsetTick === null && b.acc.onsetTick !== null)
      causes.push({ kind: 'onset', at: b.acc.onsetTick });
    if (after !== null && before !== after)
      causes.push({ kind: 'happened', at: after, minutes: r1(b.raw[part]) });
    else if (before !== null && after === null) causes.push({ kind: 'reopened', at: b.tick });
    else if (after === null && b.acc.onsetTick !== null)
      causes.push({ kind: state.ended ? 'never' : 'counting', minutes: r1(b.raw[part]) });
    return causes;
  }
  const lost = (now: number) => ({
    kind: 'lost' as const,
    amount: r1(b.raw[part] - a.raw[part]),
    now: r1(now),
  });
  switch (part) {
    case 'subscriberHours':
      causes.push(lost(b.onlinePct));
      break;
    case 'serviceHours':
      causes.push(lost(b.servicesDown));
      break;
    case 'infectedHostHours':
      causes.push(lost(b.ownInfected));
      break;
    case 'outboundWorm':
      causes.push(lost(0));
      break;
    case 'staffCost':
      causes.push({ kind: 'overtime', amount: r1(b.raw[part] - a.raw[part]) });
      break;
    case 'dnsAvailability': {
      const dt = b.acc.seconds - a.acc.seconds;
      const pct = dt > 0 ? (100 * (b.acc.dnsDownSeconds - a.acc.dnsDownSeconds)) / dt : 0;
      causes.push({ kind: 'unanswered', pct: r1(pct) });
      break;
    }
    case 'mondayReadiness':
      causes.push({
        kind: 'unpatched',
        pct: r1(b.raw[part]),
        hosts: Math.round(b.unpatched - a.unpatched),
      });
      break;
    case 'communications': {
      for (const m of state.outbox.slice(a.outbox, b.outbox))
        for (const claim of m.falseClaims)
          causes.push({ kind: 'falseClaim', to: m.to, claim, at: m.tick, facts: m.facts ?? null });
      b.contacts.forEach((st, i) => {
        const id = state.contacts[i]!.id;
        if (st === 'overdue' && a.contacts[i] !== 'overdue')
          causes.push({ kind: 'overdue', to: id, at: state.contacts[i]!.deadlineTick ?? b.tick });
        if (st === 'informedLate' && a.contacts[i] !== 'informedLate') {
          const sent = state.outbox.slice(a.outbox, b.outbox).find((m) => m.to === id);
          causes.push({ kind: 'late', to: id, at: sent?.tick ?? b.tick });
        }
      });
      for (const e of state.feed.slice(a.feed, b.feed)) {
        if (e.kind !== 'inject.answered' && e.kind !== 'inject.expired') continue;
        const def = level.injects.find((x) => x.id === e.params.inject);
        // A situation left unanswered takes its default choice's consequences.
        const choice = e.kind === 'inject.expired' ? def?.defaultChoice : String(e.params.choice);
        const points = def?.choices.find((c) => c.id === choice)?.consequences.penalty;
        if (def && choice && points)
          causes.push({
            kind: 'answerPenalty',
            inject: def.id,
            choice,
            expired: e.kind === 'inject.expired',
            at: e.tick,
            points,
          });
      }
      break;
    }
  }
  return causes;
}

function entryOf(a: Sample, b: Sample, state: GameState, level: Level): ScoreHistoryEntry {
  const changes: PartChange[] = [];
  for (const part of SCORE_PARTS) {
    const delta = r2(
      contributionOf(level, part, b.parts[part]) - contributionOf(level, part, a.parts[part]),
    );
    const causes = causesOf(part, a, b, state, level);
    // A part that did not move is listed only when something happened to it (a timed part's
    // effect: it stops falling; a claim that was true costs nothing and is not listed).
    const eventful = causes.some(
      (c) =>
        c.kind !== 'counting' &&
        c.kind !== 'never' &&
        c.kind !== 'lost' &&
        c.kind !== 'unanswered' &&
        c.kind !== 'unpatched' &&
        c.kind !== 'overtime',
    );
    if (Math.abs(delta) >= 0.05 || eventful) changes.push({ part, delta, causes });
  }
  changes.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
  return { fromTick: a.tick, tick: b.tick, total: b.total, delta: r1(b.total - a.total), changes };
}

/**
 * Builds the history from the states at game points, in order: `observe` each one; `entries`
 * holds what was logged; `pending` explains the change since the last logged point.
 */
export class ScoreHistory {
  readonly entries: ScoreHistoryEntry[] = [];
  private open: Sample;
  private last: { state: GameState; sample: Sample };

  constructor(
    private readonly level: Level,
    start: GameState,
  ) {
    this.open = sampleOf(start, level);
    this.last = { state: start, sample: this.open };
  }

  /** The running score at the first state observed. */
  get startTotal(): number {
    return this.entries[0] ? this.entries[0].total - this.entries[0].delta : this.open.total;
  }

  observe(state: GameState): void {
    const s = sampleOf(state, this.level);
    this.last = { state, sample: s };
    const due =
      discrete(this.open, s) ||
      state.ended ||
      (s.tick - this.open.tick >= EVERY_S && Math.abs(s.total - this.open.total) >= 0.05);
    if (!due) return;
    const entry = entryOf(this.open, s, state, this.level);
    if (entry.changes.length > 0 || entry.delta !== 0) this.entries.push(entry);
    this.open = s;
  }

  /** The change since the last logged point, up to the last state observed (null if none). */
  pending(): ScoreHistoryEntry | null {
    const { state, sample } = this.last;
    if (sample.tick === this.open.tick) return null;
    const entry = entryOf(this.open, sample, state, this.level);
    return entry.changes.length > 0 || entry.delta !== 0 ? entry : null;
  }
}

/** Replays a log (as verification does) and returns its score history up to `untilMs` or the end. */
export function scoreHistoryOf(
  level: Level,
  seed: number,
  log: readonly LoggedCommand[],
  untilMs?: number,
): { entries: ScoreHistoryEntry[]; pending: ScoreHistoryEntry | null; startTotal: number } {
  const live = new LiveScoreHistory(level, seed);
  live.follow(log, untilMs ?? Infinity);
  return live.result();
}

/**
 * A history that follows a run being played: a shadow replay of the run's log, advanced to the
 * live run's last game point on every `follow`, so opening the score panel late or after a
 * restored save still shows the whole day. Deterministic replay makes the shadow's states the
 * live run's states.
 */
export class LiveScoreHistory {
  private shadow: Run;
  private applied = 0;
  private readonly history: ScoreHistory;

  constructor(level: Level, seed: number) {
    this.shadow = createRun(level, seed);
    this.history = new ScoreHistory(level, this.shadow.state);
    this.shadow.observer = (s) => this.history.observe(s);
  }

  /** Catches up with `log` and the live run's last game point (`untilMs`, engine ms). */
  follow(log: readonly LoggedCommand[], untilMs: number): void {
    let run = this.shadow;
    for (; this.applied < log.length; this.applied++) {
      const c = log[this.applied]!;
      if (c.tick * 1000 > untilMs) break;
      run = applyCommand(run, { role: c.role, type: c.type, args: c.args }, c.tick).run;
    }
    const end = Math.min(untilMs, run.state.endTick * 1000);
    if (run.state.engine.tMs < end) run = advanceToMs(run, end);
    this.shadow = run;
  }

  result() {
    return {
      entries: [...this.history.entries],
      pending: this.history.pending(),
      startTotal: this.history.startTotal,
    };
  }
}
