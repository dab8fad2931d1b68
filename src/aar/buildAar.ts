/**
 * buildAar(runFile, level): the after-action review of a run as data. The run file is verified
 * first (re-simulated from its seed), so nothing in the review is taken on trust from the file;
 * the historical response is played on the same seed beside it (the ghost). Pure: runs in Node
 * and in the browser.
 */
import {
  ghostRun,
  scoreBreakdown,
  scoreHistoryOf,
  isoToTick,
  levelHash,
  runScore,
  runSeries,
  verifyRunFile,
  type RunFile,
  type Level,
  type Run,
  type VerifyFailureCode,
} from '../game';
import { discussionAnswers, observationsOf, summariseFeedback } from './exerciseRecords';
import { lessonsFor, type LessonFacts } from './lessons';
import {
  entryWords,
  falseClaimText,
  namesFromLevel,
  quantityText,
  type ScoreNames,
} from './scoreWords';
import { SOURCES, type SourceCode } from './sources';
import {
  AAR_FORMAT_VERSION,
  KEY_TIME_IDS,
  type Aar,
  type AarAction,
  type KeyTimeId,
  type OutageSummary,
  type RoleSummary,
} from './types';

/** The KCC's refund decision: outage time 3 h 44 min – 5 h 5 min (slammer.md, 13 Oct 2003). */
export const REAL_OUTAGE_MINUTES = { minMinutes: 3 * 60 + 44, maxMinutes: 5 * 60 + 5 } as const;

/** Series sample interval, sim seconds: 5-minute points, like the MRTG graphs of the day. */
const SAMPLE_S = 300;

export class AarError extends Error {
  constructor(
    readonly code: VerifyFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'AarError';
  }
}

/** Network symptoms the players' screens show (the global onset itself is invisible to them). */
const VISIBLE_ENGINE_EVENTS = new Set([
  'engine.worm.local',
  'engine.link.saturated',
  'engine.dns.down',
  'engine.outage.start',
]);

type KeyTimes = Record<KeyTimeId, number | null>;

function keyTimesOf(run: Run): KeyTimes {
  const s = run.state;
  const onset = s.acc.onsetTick;
  const firstAnomaly =
    s.feed.find(
      (e) =>
        VISIBLE_ENGINE_EVENTS.has(e.kind) ||
        e.kind === 'message.received' ||
        // Injects scheduled at a fixed time can precede the worm (a welcome, a briefing): only
        // what reaches the players once the worm is loose counts as an anomaly.
        (e.kind === 'inject.fired' && onset !== null && e.tick >= onset),
    )?.tick ?? null;
  const customerIds = new Set(
    run.level.contacts.filter((c) => c.kind === 'customer').map((c) => c.id),
  );
  const dnsDown = s.feed.find((e) => e.kind === 'engine.dns.down')?.tick ?? null;
  return {
    onset,
    firstAnomaly,
    firstLook: run.log.find((c) => c.type.startsWith('diag.'))?.tick ?? null,
    diagnosis: s.flags.knowsUdp1434 ?? null,
    // The first filter or rate limit that landed (an order carried out; its effect is scored apart).
    firstFilter:
      s.feed.find(
        (e) =>
          e.kind === 'task.done' &&
          (e.params.command === 'filter.apply' || e.params.command === 'ratelimit.apply'),
      )?.tick ?? null,
    kisaNotified: s.acc.kisaNotifiedTick,
    customersInformed: s.outbox.find((m) => customerIds.has(m.to))?.tick ?? null,
    dnsDown,
    dnsRestored: dnsRestoredTick(run),
  };
}

/** When the last failed resolver cluster came back, if every cluster is up at the end. */
function dnsRestoredTick(run: Run): number | null {
  const down = new Set<string>();
  let restored: number | null = null;
  for (const e of run.state.feed) {
    const id = String(e.params.id ?? '');
    if (e.kind === 'engine.dns.down') {
      down.add(id);
      restored = null;
    } else if (e.kind === 'engine.dns.up' && down.delete(id) && down.size === 0) {
      restored = e.tick;
    }
  }
  return down.size === 0 ? restored : null;
}

/** Outage intervals from the engine's outage.start / outage.end events. */
function outageOf(run: Run): {
  start: number | null;
  end: number | null;
  minutes: number;
  ongoing: boolean;
  span: number;
} {
  let start: number | null = null;
  let end: number | null = null;
  let openAt: number | null = null;
  let seconds = 0;
  for (const e of run.state.feed) {
    if (e.kind === 'engine.outage.start' && openAt === null) {
      openAt = e.tick;
      start ??= e.tick;
    } else if (e.kind === 'engine.outage.end' && openAt !== null) {
      seconds += e.tick - openAt;
      end = e.tick;
      openAt = null;
    }
  }
  const ongoing = openAt !== null;
  if (ongoing) seconds += run.state.tick - openAt!;
  const last = ongoing ? run.state.tick : end;
  return {
    start,
    end: ongoing ? null : end,
    minutes: seconds / 60,
    ongoing,
    span: start === null || last === null ? 0 : (last - start) / 60,
  };
}

function outageSummary(run: Run, ghost: Run): OutageSummary {
  const o = outageOf(run);
  const g = outageOf(ghost);
  const comparison: OutageSummary['comparison'] =
    o.start === null
      ? 'none'
      : o.span < REAL_OUTAGE_MINUTES.minMinutes
        ? 'shorter'
        : o.span > REAL_OUTAGE_MINUTES.maxMinutes || o.ongoing
          ? 'longer'
          : 'within';
  return {
    startTick: o.start,
    endTick: o.end,
    spanMinutes: Math.round(o.span),
    outageMinutes: Math.round(o.minutes),
    ongoingAtEnd: o.ongoing,
    real: { ...REAL_OUTAGE_MINUTES },
    comparison,
    ghostSpanMinutes: Math.round(g.span),
  };
}

export interface BuildAarOptions {
  /** Display name of the submitter (server runs); kept as plain text. */
  playerName?: string | null;
}

/** Builds the review; throws AarError with the verification's code and message if the run does not verify. */
/** Every command with who gave it, and per role how many of which type. */
function actionsOf(run: Run): { actions: AarAction[]; roles: RoleSummary[] } {
  const holders = (role: string) =>
    run.players
      .filter((p) => p.roles.includes(role as never) || p.roles.includes('solo'))
      .map((p) => p.id);
  const actions: AarAction[] = run.log.map((c, index) => ({
    index,
    tick: c.tick,
    role: c.role,
    players: holders(c.role),
    type: c.type,
    args: c.args,
    ...(c.bot ? { bot: c.bot } : {}),
  }));
  const roles = new Map<string, RoleSummary>();
  for (const a of actions) {
    const r = roles.get(a.role) ?? { role: a.role, players: a.players, commands: 0, types: {} };
    r.commands++;
    r.types[a.type] = (r.types[a.type] ?? 0) + 1;
    roles.set(a.role, r);
  }
  return { actions, roles: [...roles.values()] };
}

/** The facts the lesson rules read (lessons.ts). */
function lessonFactsOf(run: Run, times: KeyTimes, outage: OutageSummary): LessonFacts {
  const s = run.state;
  return {
    times,
    outage,
    commands: run.log.map((c) => ({ tick: c.tick, type: c.type, args: c.args })),
    landed: s.tasks
      .filter((x) => x.status === 'done')
      .map((x) => ({ tick: x.dueTick, type: x.command.type }))
      .sort((a, b) => a.tick - b.tick),
    falseClaims: s.outbox.reduce((n, m) => n + m.falseClaims.length, 0),
    contactsLeftWaiting: s.contacts.filter(
      (c) => c.status === 'expecting' || c.status === 'overdue',
    ).length,
    endTick: s.tick,
  };
}

/** Each key time in this run and in the historical response, and its minutes after the onset. */
function keyTimeRows(mine: KeyTimes, theirs: KeyTimes): Aar['keyTimes'] {
  const onset = mine.onset;
  return KEY_TIME_IDS.map((id) => ({
    id,
    tick: mine[id],
    ghostTick: theirs[id],
    minutesAfterOnset:
      mine[id] !== null && onset !== null ? Math.round((mine[id]! - onset) / 60) : null,
  }));
}

/** The score, part by part, beside the historical response's. */
function scoreOf(run: Run, ghost: Run, level: Level): Aar['score'] {
  const score = runScore(run);
  const ghostScore = runScore(ghost);
  return {
    total: score.total,
    ghostTotal: ghostScore.total,
    parts: scoreBreakdown(run.state, level).rows.map((row) => ({
      part: row.part,
      weight: row.weight,
      value: row.points,
      ghost: ghostScore.parts[row.part],
      raw: row.quantity,
      unit: row.unit,
      status: row.status,
      zeroAt: row.zeroAt,
      contribution: row.contribution,
      maxContribution: row.maxContribution,
      quantityText: { ko: quantityText(row, 'ko'), en: quantityText(row, 'en') },
    })),
  };
}

/** Every claim that was false when its message was sent, in words. */
function falseClaimsOf(run: Run, names: ScoreNames): Aar['falseClaims'] {
  return run.state.outbox.flatMap((m) =>
    m.falseClaims.map((claim) => {
      const c = { to: m.to, claim, at: m.tick, facts: m.facts ?? null };
      return {
        tick: m.tick,
        to: m.to,
        claim,
        facts: c.facts,
        text: { ko: falseClaimText(c, 'ko', names), en: falseClaimText(c, 'en', names) },
      };
    }),
  );
}

/** The level and the run as the review's header names them. */
function headerOf(
  runFile: unknown,
  run: Run,
  level: Level,
  options: BuildAarOptions,
): Pick<Aar, 'formatVersion' | 'level' | 'run'> {
  const s = run.state;
  return {
    formatVersion: AAR_FORMAT_VERSION,
    level: {
      id: level.meta.id,
      sha256: levelHash(level),
      title: level.meta.title,
      organisation: level.meta.organisation,
      startTick: isoToTick(level.meta.start) ?? 0,
      endTick: s.endTick,
    },
    run: {
      seed: run.seed,
      gameVersion: (runFile as { gameVersion: string }).gameVersion,
      players: run.players.map((p) => ({ id: p.id, roles: [...p.roles] })),
      playerName: options.playerName ?? null,
      commands: run.log.length,
      endTick: s.tick,
      ended: s.ended,
      finalHash: (runFile as { result: { finalHash: string } }).result.finalHash,
      verified: true,
    },
  };
}

export function buildAar(runFile: unknown, level: Level, options: BuildAarOptions = {}): Aar {
  const verified = verifyRunFile(runFile, level);
  if (!verified.ok) throw new AarError(verified.code, verified.message);
  const run = verified.run;
  const ghost = ghostRun(level, run.seed).run;
  const mine = keyTimesOf(run);
  const outage = outageSummary(run, ghost);
  const names = namesFromLevel(level);
  const s = run.state;
  const lessons = lessonsFor(lessonFactsOf(run, mine, outage));
  const cited = new Set<SourceCode>(['MIC-0218', 'CAIDA-TR', 'KCC']);
  for (const l of lessons) for (const c of l.sources) cited.add(c);

  return {
    ...headerOf(runFile, run, level, options),
    keyTimes: keyTimeRows(mine, keyTimesOf(ghost)),
    outage,
    ...actionsOf(run),
    score: scoreOf(run, ghost, level),
    scoreHistory: scoreHistoryOf(level, run.seed, run.log, s.engine.tMs).entries.map((e) => ({
      ...e,
      words: entryWords(e, names),
    })),
    falseClaims: falseClaimsOf(run, names),
    series: {
      run: runSeries(level, run.seed, run.log, SAMPLE_S, s.tick),
      ghost: runSeries(level, run.seed, ghost.log, SAMPLE_S),
    },
    lessons,
    notes: s.notes.map((n) => ({
      tick: n.tick,
      role: n.role,
      text: n.text,
      question: n.question !== undefined ? (level.discussion[n.question]?.question ?? null) : null,
    })),
    discussion: discussionAnswers(s.notes, level.discussion),
    observations: observationsOf((runFile as RunFile).observations ?? [], run.log),
    feedback: [],
    feedbackSummary: summariseFeedback([]),
    improvementPlan: [],
    timeline: level.history.timeline.map((t) => ({ tick: isoToTick(t.at) ?? 0, text: t.text })),
    sources: [...cited].map((code) => ({ code, text: SOURCES[code] })),
  };
}
