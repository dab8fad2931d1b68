/**
 * The score's wording in Korean and English, one source for every place that explains a score:
 * the Ops score panel, the "how the score works" panel, the debrief, the composer's warning, the
 * event log's naming of a false claim, and the after-action review (HTML and JSON). The words are
 * the `score.` strings of the `aar` locale namespace (text.ts); this module picks and fills them.
 * It lives with the review because the review renders in Node as well as in the browser; the
 * views fetch it with the panels that use it, never on the first load.
 */
import {
  SCORE_PARTS,
  tickToIso,
  type Claim,
  type ClaimFacts,
  type ClaimWarning,
  type Level,
  type LocalText,
  type PartChange,
  type ScoreCause,
  type ScoreHistoryEntry,
  type ScorePart,
  type ScoreRow,
} from '../game';
import type { Lang } from './format';
import { L, say } from './text';

/** A number in the reader's language, at most `digits` decimals. */
export function num(x: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', {
    maximumFractionDigits: digits,
  }).format(x);
}

/** "+8.2" / "−6" (a real minus sign), one decimal. */
export function signed(x: number, lang: Lang): string {
  const r = Math.round(x * 10) / 10;
  if (r === 0) return '±0';
  return `${r > 0 ? '+' : '−'}${num(Math.abs(r), lang)}`;
}

/** "15:12" (the day is the 25th unless it is not). */
export function hhmm(tick: number): string {
  const iso = tickToIso(tick);
  const day = Number(iso.slice(8, 10));
  return day === 25 ? iso.slice(11, 16) : `${day}/1 ${iso.slice(11, 16)}`;
}

export const PART_LABELS: Record<ScorePart, LocalText> = {
  subscriberHours: L('score.partLabels.subscriberHours'),
  dnsAvailability: L('score.partLabels.dnsAvailability'),
  infectedHostHours: L('score.partLabels.infectedHostHours'),
  outboundWorm: L('score.partLabels.outboundWorm'),
  timeToDetect: L('score.partLabels.timeToDetect'),
  timeToFilter: L('score.partLabels.timeToFilter'),
  timeToNotifyKisa: L('score.partLabels.timeToNotifyKisa'),
  communications: L('score.partLabels.communications'),
  mondayReadiness: L('score.partLabels.mondayReadiness'),
  staffCost: L('score.partLabels.staffCost'),
  serviceHours: L('score.partLabels.serviceHours'),
};

export const CLAIM_LABELS: Record<Claim, LocalText> = {
  'worm.active': L('score.claimLabels.worm_active'),
  'worm.udp1434': L('score.claimLabels.worm_udp1434'),
  'worm.contained': L('score.claimLabels.worm_contained'),
  'network.ownHostsInfected': L('score.claimLabels.network_ownHostsInfected'),
  'network.ownHostsClean': L('score.claimLabels.network_ownHostsClean'),
  'dns.degraded': L('score.claimLabels.dns_degraded'),
  'dns.restored': L('score.claimLabels.dns_restored'),
  'service.degraded': L('score.claimLabels.service_degraded'),
  'service.restored': L('score.claimLabels.service_restored'),
};

/** The measured quantity of each part in its own unit; timed parts by status. */
const QUANTITY: Record<ScorePart, string> = {
  subscriberHours: 'score.quantity.subscriberHours',
  dnsAvailability: 'score.quantity.dnsAvailability',
  infectedHostHours: 'score.quantity.infectedHostHours',
  outboundWorm: 'score.quantity.outboundWorm',
  timeToDetect: 'score.quantity.timeToDetect',
  timeToFilter: 'score.quantity.timeToFilter',
  timeToNotifyKisa: 'score.quantity.timeToNotifyKisa',
  communications: 'score.quantity.communications',
  mondayReadiness: 'score.quantity.mondayReadiness',
  staffCost: 'score.quantity.staffCost',
  serviceHours: 'score.quantity.serviceHours',
};
const COUNTING: Partial<Record<ScorePart, string>> = {
  timeToDetect: 'score.counting.timeToDetect',
  timeToFilter: 'score.counting.timeToFilter',
  timeToNotifyKisa: 'score.counting.timeToNotifyKisa',
};
const NEVER: Partial<Record<ScorePart, string>> = {
  timeToDetect: 'score.never.timeToDetect',
  timeToFilter: 'score.never.timeToFilter',
  timeToNotifyKisa: 'score.never.timeToNotifyKisa',
};
const BEFORE_ONSET: LocalText = L('score.beforeOnset');

const DIGITS: Record<ScorePart, number> = {
  subscriberHours: 0,
  dnsAvailability: 1,
  infectedHostHours: 0,
  outboundWorm: 1,
  timeToDetect: 0,
  timeToFilter: 0,
  timeToNotifyKisa: 0,
  communications: 0,
  mondayReadiness: 1,
  staffCost: 0,
  serviceHours: 0,
};

/** "KISA told after 225 min", "not identified yet: 40 min since the worm's onset…". */
export function quantityText(row: ScoreRow, lang: Lang): string {
  const v = num(row.quantity, lang, DIGITS[row.part]);
  if (row.status === 'beforeOnset') return BEFORE_ONSET[lang];
  if (row.status === 'counting') return say(COUNTING[row.part]!, lang, { v });
  if (row.status === 'never') return say(NEVER[row.part]!, lang, { v });
  return say(QUANTITY[row.part], lang, { v });
}

/** "0 points at 360 min" — the quantity at which the part reaches 0. */
export function zeroAtText(row: Pick<ScoreRow, 'part' | 'zeroAt'>, lang: Lang): string {
  const v = num(row.zeroAt, lang, 1);
  return say('score.zeroAtText', lang, {
    q: say(UNIT_AMOUNT[row.part], lang, { v }),
  });
}

/** A quantity with its unit, for limits and the how-it-works table. */
const UNIT_AMOUNT: Record<ScorePart, string> = {
  subscriberHours: 'score.unitAmount.subscriberHours',
  dnsAvailability: 'score.unitAmount.dnsAvailability',
  infectedHostHours: 'score.unitAmount.infectedHostHours',
  outboundWorm: 'score.unitAmount.outboundWorm',
  timeToDetect: 'score.unitAmount.timeToDetect',
  timeToFilter: 'score.unitAmount.timeToFilter',
  timeToNotifyKisa: 'score.unitAmount.timeToNotifyKisa',
  communications: 'score.unitAmount.communications',
  mondayReadiness: 'score.unitAmount.mondayReadiness',
  staffCost: 'score.unitAmount.staffCost',
  serviceHours: 'score.unitAmount.serviceHours',
};

/** "37/100 × weight 1 = 30.3 of 82.6" pieces, as the tables lay them out. */
export const COLUMN: Record<'part' | 'measured' | 'points' | 'weight' | 'share', LocalText> = {
  part: L('score.column.part'),
  measured: L('score.column.measured'),
  points: L('score.column.points'),
  weight: L('score.column.weight'),
  share: L('score.column.share'),
};

export const RUNNING_SCORE_MEANING: LocalText = L('score.runningScoreMeaning');

/** Contact, situation and answer names for the wording (from the level). */
export interface ScoreNames {
  contact(id: string): LocalText;
  inject(id: string): LocalText;
  choice(inject: string, choice: string): LocalText;
}

export function namesFromLevel(level: Level): ScoreNames {
  const plain = (s: string): LocalText => ({ ko: s, en: s });
  return {
    contact: (id) => level.contacts.find((c) => c.id === id)?.name ?? plain(id),
    inject: (id) => level.injects.find((i) => i.id === id)?.subject ?? plain(id),
    choice: (inject, choice) =>
      level.injects.find((i) => i.id === inject)?.choices.find((c) => c.id === choice)?.label ??
      plain(choice),
  };
}

const pct1 = (x: number, lang: Lang) => num(x, lang, 1);

/** What was really so when a false claim was sent. */
export function claimTruthText(claim: Claim, f: ClaimFacts | null, lang: Lang): string {
  if (!f) return say('score.claimTruthText.unknown', lang);
  const infected = () =>
    say('score.infected', lang, {
      i: num(f.ownInfected, lang, 0),
      n: num(f.ownSqlHosts, lang, 0),
      p: pct1(f.ownSqlHosts > 0 ? (100 * f.ownInfected) / f.ownSqlHosts : 0, lang),
    });
  const noWorm = 'score.noWorm';
  switch (claim) {
    case 'worm.active':
    case 'worm.udp1434':
      return say(noWorm, lang);
    case 'worm.contained':
      if (!f.wormStarted) return say(noWorm, lang);
      return say('score.claimTruthText.worm_contained', lang, {
        m: num(f.outboundWormMbps, lang, 1),
        inf: infected(),
      });
    case 'network.ownHostsInfected':
      return say('score.claimTruthText.network_ownHostsInfected', lang);
    case 'network.ownHostsClean':
      return infected();
    case 'dns.degraded':
      return say('score.claimTruthText.dns_degraded', lang, { p: pct1(f.dnsSuccessPct, lang) });
    case 'dns.restored':
      return say('score.claimTruthText.dns_restored', lang, { p: pct1(f.dnsSuccessPct, lang) });
    case 'service.degraded':
      return say('score.claimTruthText.service_degraded', lang, {
        p: pct1(f.subscribersOnlinePct, lang),
      });
    case 'service.restored':
      return say('score.claimTruthText.service_restored', lang, {
        p: pct1(f.subscribersOnlinePct, lang),
      });
  }
}

/** "claim 'worm contained' to KISA was false at 15:12: 31 % of own SQL hosts still infected". */
export function falseClaimText(
  m: { to: string; claim: Claim; at: number; facts: ClaimFacts | null },
  lang: Lang,
  names: ScoreNames,
): string {
  return say('score.falseClaimText', lang, {
    claim: CLAIM_LABELS[m.claim][lang],
    to: names.contact(m.to)[lang],
    time: hhmm(m.at),
    truth: claimTruthText(m.claim, m.facts, lang),
  });
}

const HAPPENED: Partial<Record<ScorePart, string>> = {
  timeToDetect: 'score.happened.timeToDetect',
  timeToFilter: 'score.happened.timeToFilter',
  timeToNotifyKisa: 'score.happened.timeToNotifyKisa',
};

const LOST: Partial<Record<ScorePart, string>> = {
  subscriberHours: 'score.lost.subscriberHours',
  serviceHours: 'score.lost.serviceHours',
  infectedHostHours: 'score.lost.infectedHostHours',
  outboundWorm: 'score.lost.outboundWorm',
};

/** One cause of one part's change, in words. */
export function causeText(part: ScorePart, c: ScoreCause, lang: Lang, names: ScoreNames): string {
  switch (c.kind) {
    case 'onset':
      return say('score.causeText.onset', lang, { time: hhmm(c.at) });
    case 'counting':
      return say(COUNTING[part]!, lang, { v: num(c.minutes, lang, 0) });
    case 'never':
      return say(NEVER[part]!, lang, { v: num(c.minutes, lang, 0) });
    case 'happened':
      return say(HAPPENED[part]!, lang, { time: hhmm(c.at), m: num(c.minutes, lang, 0) });
    case 'reopened':
      return say('score.causeText.reopened', lang, { time: hhmm(c.at) });
    case 'lost':
      return say(LOST[part]!, lang, {
        amount: num(c.amount, lang, c.amount < 10 ? 1 : 0),
        now: num(c.now, lang, 1),
      });
    case 'unanswered':
      return say('score.causeText.unanswered', lang, { p: pct1(c.pct, lang) });
    case 'falseClaim':
      return falseClaimText(c, lang, names);
    case 'overdue':
      return say('score.causeText.overdue', lang, {
        to: names.contact(c.to)[lang],
        time: hhmm(c.at),
      });
    case 'late':
      return say('score.causeText.late', lang, { to: names.contact(c.to)[lang], time: hhmm(c.at) });
    case 'answerPenalty':
      return say(
        c.expired
          ? 'score.causeText.answerPenalty.expired'
          : 'score.causeText.answerPenalty.answered',
        lang,
        {
          time: hhmm(c.at),
          subject: names.inject(c.inject)[lang],
          choice: names.choice(c.inject, c.choice)[lang],
          points: num(c.points, lang, 0),
        },
      );
    case 'unpatched':
      return say('score.causeText.unpatched', lang, {
        p: pct1(c.pct, lang),
        h: signed(c.hosts, lang),
      });
    case 'overtime':
      return say('score.causeText.overtime', lang, {
        a: num(c.amount, lang, 0),
      });
  }
}

/** A part's change: "−6.2 Communications: claim … was false at 15:12: …; …". */
export function changeText(ch: PartChange, lang: Lang, names: ScoreNames): string {
  return `${signed(ch.delta, lang)} ${PART_LABELS[ch.part][lang]}: ${ch.causes
    .map((c) => causeText(ch.part, c, lang, names))
    .join('; ')}`;
}

/** The entry's heading: "15:12 −8.4 → 632" or "14:52–15:07 −12 → 640". */
export function entryHeading(e: ScoreHistoryEntry, lang: Lang, pending = false): string {
  const when = pending
    ? say('score.sinceStillRunning', lang, {
        from: hhmm(e.fromTick),
      })
    : hhmm(e.fromTick) === hhmm(e.tick)
      ? hhmm(e.tick)
      : `${hhmm(e.fromTick)}–${hhmm(e.tick)}`;
  return `${when} ${signed(e.delta, lang)} → ${num(e.total, lang, 1)}`;
}

/** Both languages of an entry, for the review's JSON. */
export function entryWords(e: ScoreHistoryEntry, names: ScoreNames) {
  return {
    heading: { ko: entryHeading(e, 'ko'), en: entryHeading(e, 'en') },
    changes: e.changes.map((c) => ({
      ko: changeText(c, 'ko', names),
      en: changeText(c, 'en', names),
    })),
  };
}

/** The composer's warning for one claim, from the player's own information. */
export function warningText(
  w: ClaimWarning,
  lang: Lang,
  deviceName: (id: string) => string,
): string {
  const claim = CLAIM_LABELS[w.claim][lang];
  switch (w.code) {
    case 'notDiagnosed':
      return say('score.warningText.notDiagnosed', lang, { claim });
    case 'dnsNotAnswering':
      return say('score.warningText.dnsNotAnswering', lang, {
        claim,
        cluster: deviceName(w.cluster),
        p: num(w.successPct, lang, 0),
      });
    case 'dnsAnswering':
      return say('score.warningText.dnsAnswering', lang, { claim, p: num(w.successPct, lang, 0) });
    case 'outageOngoing':
      return say('score.warningText.outageOngoing', lang, { claim, time: hhmm(w.since) });
    case 'noFilterInPlace':
      return say('score.warningText.noFilterInPlace', lang, { claim });
    case 'intlOutSaturated':
      return say('score.warningText.intlOutSaturated', lang, {
        claim,
        link: deviceName(w.link),
        p: num(w.outPct, lang, 0),
      });
    case 'ownHostsSeenInfected':
      return say('score.warningText.ownHostsSeenInfected', lang, { claim, time: hhmm(w.since) });
  }
}

/** What each part measures and why, as docs/SCORING.md says (a unit test keeps them together). */
export const PART_DEFINITIONS: Record<ScorePart, { measure: LocalText; why: LocalText }> = {
  subscriberHours: {
    measure: L('score.partDefinitions.subscriberHours.measure'),
    why: L('score.partDefinitions.subscriberHours.why'),
  },
  serviceHours: {
    measure: L('score.partDefinitions.serviceHours.measure'),
    why: L('score.partDefinitions.serviceHours.why'),
  },
  dnsAvailability: {
    measure: L('score.partDefinitions.dnsAvailability.measure'),
    why: L('score.partDefinitions.dnsAvailability.why'),
  },
  infectedHostHours: {
    measure: L('score.partDefinitions.infectedHostHours.measure'),
    why: L('score.partDefinitions.infectedHostHours.why'),
  },
  outboundWorm: {
    measure: L('score.partDefinitions.outboundWorm.measure'),
    why: L('score.partDefinitions.outboundWorm.why'),
  },
  timeToDetect: {
    measure: L('score.partDefinitions.timeToDetect.measure'),
    why: L('score.partDefinitions.timeToDetect.why'),
  },
  timeToFilter: {
    measure: L('score.partDefinitions.timeToFilter.measure'),
    why: L('score.partDefinitions.timeToFilter.why'),
  },
  timeToNotifyKisa: {
    measure: L('score.partDefinitions.timeToNotifyKisa.measure'),
    why: L('score.partDefinitions.timeToNotifyKisa.why'),
  },
  communications: {
    measure: L('score.partDefinitions.communications.measure'),
    why: L('score.partDefinitions.communications.why'),
  },
  mondayReadiness: {
    measure: L('score.partDefinitions.mondayReadiness.measure'),
    why: L('score.partDefinitions.mondayReadiness.why'),
  },
  staffCost: {
    measure: L('score.partDefinitions.staffCost.measure'),
    why: L('score.partDefinitions.staffCost.why'),
  },
};

export const HOW_IT_WORKS = {
  heading: L('score.howItWorks.heading'),
  intro: L('score.howItWorks.intro'),
  formula: 'score.howItWorks.formula',
  measure: L('score.howItWorks.measure'),
  why: L('score.howItWorks.why'),
  zeroAt: L('score.howItWorks.zeroAt'),
  maxShare: L('score.howItWorks.maxShare'),
} as const;

/** The how-it-works table for a level: its weights and limits beside the definitions. */
export function howItWorksRows(level: Level, lang: Lang) {
  const sum = Object.values(level.scoring.weights).reduce((a, w) => a + w, 0);
  return SCORE_PARTS.map((part) => ({
    part,
    label: PART_LABELS[part][lang],
    measure: PART_DEFINITIONS[part].measure[lang],
    why: PART_DEFINITIONS[part].why[lang],
    weight: level.scoring.weights[part],
    zeroAt: say(UNIT_AMOUNT[part], lang, { v: num(level.scoring.zeroAt[part], lang, 1) }),
    maxShare: sum > 0 ? Math.round((10000 * level.scoring.weights[part]) / sum) / 10 : 0,
  }));
}

export function howItWorksFormula(weights: Record<ScorePart, number>, lang: Lang): string {
  const sum = Object.values(weights).reduce((a, w) => a + w, 0);
  return say(HOW_IT_WORKS.formula, lang, { sum: num(sum, lang, 1) });
}
