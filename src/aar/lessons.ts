/**
 * Lessons tied to what happened: each rule looks at the run's facts (key times, commands, messages)
 * and, when it applies, says what it means with the evidence from this run and the sources behind
 * it. Rules are ordered as a trainer would debrief: detection, containment, DNS, reporting,
 * communication, recovery.
 */
import type { LocalText } from '../game';
import { clock, duration } from './format';
import type { KeyTimeId, Lesson, OutageSummary } from './types';
import { say } from './text';

export interface LessonFacts {
  times: Record<KeyTimeId, number | null>;
  outage: OutageSummary;
  /** Command types in log order with their ticks. */
  commands: { tick: number; type: string; args: Record<string, unknown> }[];
  /** Tasks that took effect (a command's effect lands after its duration), in landing order. */
  landed: { tick: number; type: string }[];
  falseClaims: number;
  /** Contacts (by kind) still waiting for news at the end. */
  contactsLeftWaiting: number;
  endTick: number;
}

type Lang = 'ko' | 'en';
type Params = Record<string, string | number>;

/** The lesson text of a rule (`lessons.<rule>.<key>` in the locale files), in both languages. */
const words = (key: string, params: (l: Lang) => Params = () => ({})): LocalText => ({
  ko: say(`lessons.${key}`, 'ko', params('ko')),
  en: say(`lessons.${key}`, 'en', params('en')),
});

interface Rule {
  id: string;
  test: (f: LessonFacts) => Omit<Lesson, 'id'> | null;
}

const first = (f: LessonFacts, type: string) => f.commands.find((c) => c.type === type);

const RULES: Rule[] = [
  {
    id: 'filter-after-dns-fell',
    test: ({ times: t }) =>
      t.dnsDown !== null && (t.firstFilter === null || t.firstFilter > t.dnsDown)
        ? {
            kind: 'improvement',
            text: words('filterAfterDnsFell.text'),
            evidence: words('filterAfterDnsFell.evidence', (l) => ({
              dns: clock(t.dnsDown!, l),
              filter:
                t.firstFilter === null
                  ? say('lessons.filterAfterDnsFell.never', l)
                  : clock(t.firstFilter, l),
            })),
            sources: ['M03', 'CAIDA-TR', 'MIC-0218'],
          }
        : null,
  },
  {
    id: 'filter-before-dns-fell',
    test: ({ times: t }) =>
      t.firstFilter !== null && (t.dnsDown === null || t.firstFilter <= t.dnsDown)
        ? {
            kind: 'strength',
            text: words('filterBeforeDnsFell.text'),
            evidence: words('filterBeforeDnsFell.evidence', (l) => ({
              filter: clock(t.firstFilter!, l),
            })),
            sources: ['SBS', 'DONGA'],
          }
        : null,
  },
  {
    id: 'moved-dns-before-filter',
    test: (f) => {
      // Compare when things took effect, not when they were ordered: a filter ordered first can
      // still land after the move.
      const move = f.landed.find((c) => c.type === 'dns.moveResolution');
      if (!move) return null;
      if (f.times.firstFilter !== null && f.times.firstFilter <= move.tick) return null;
      return {
        kind: 'improvement',
        text: words('movedDnsBeforeFilter.text'),
        evidence: words('movedDnsBeforeFilter.evidence', (l) => ({ moved: clock(move.tick, l) })),
        sources: ['DONGA', 'CCTODAY'],
      };
    },
  },
  {
    id: 'late-diagnosis',
    test: ({ times: t }) => {
      if (t.onset === null) return null;
      const late = t.diagnosis === null ? null : (t.diagnosis - t.onset) / 60;
      if (late !== null && late <= 30) return null;
      return {
        kind: 'improvement',
        text: words('lateDiagnosis.text'),
        evidence:
          late === null
            ? words('lateDiagnosis.never')
            : words('lateDiagnosis.evidence', (l) => ({
                late: duration(late, l),
                at: clock(t.diagnosis!, l),
              })),
        sources: ['CAIDA-TR', 'M03'],
      };
    },
  },
  {
    id: 'kisa-late',
    test: ({ times: t }) => {
      const from = t.firstAnomaly ?? t.onset;
      if (from === null) return null;
      if (t.kisaNotified !== null && t.kisaNotified - from <= 3600) return null;
      const notified = t.kisaNotified;
      return {
        kind: 'improvement',
        text: words('kisaLate.text'),
        evidence:
          notified === null
            ? words('kisaLate.never')
            : words('kisaLate.evidence', (l) => ({ from: clock(from, l), at: clock(notified, l) })),
        sources: ['MIC-0218'],
      };
    },
  },
  {
    id: 'customers-not-informed',
    test: ({ times: t, outage }) => {
      if (outage.startTick === null) return null;
      if (t.customersInformed !== null && t.customersInformed - outage.startTick <= 7200)
        return null;
      const informed = t.customersInformed;
      return {
        kind: 'improvement',
        text: words('customersNotInformed.text'),
        evidence:
          informed === null
            ? words('customersNotInformed.never')
            : words('customersNotInformed.evidence', (l) => ({
                from: clock(outage.startTick!, l),
                at: clock(informed, l),
              })),
        sources: ['SBS', 'KCC'],
      };
    },
  },
  {
    id: 'false-claims',
    test: (f) =>
      f.falseClaims > 0
        ? {
            kind: 'improvement',
            text: words('falseClaims.text'),
            evidence: words('falseClaims.evidence', () => ({ n: f.falseClaims })),
            // Our own scoring rule, not a finding of the day: no source to cite.
            sources: [],
          }
        : null,
  },
  {
    id: 'contacts-left-waiting',
    test: (f) =>
      f.contactsLeftWaiting > 0
        ? {
            kind: 'improvement',
            text: words('contactsLeftWaiting.text'),
            evidence: words('contactsLeftWaiting.evidence', () => ({ n: f.contactsLeftWaiting })),
            sources: ['HANKYUNG'],
          }
        : null,
  },
  {
    id: 'outage-vs-real',
    test: ({ outage: o }) => {
      if (o.comparison === 'none') return null;
      return {
        kind: o.comparison === 'longer' ? 'improvement' : 'strength',
        text: words(o.comparison === 'longer' ? 'outageVsReal.longer' : 'outageVsReal.notLonger'),
        evidence: words('outageVsReal.evidence', (l) => ({
          span: duration(o.spanMinutes, l),
          still: o.ongoingAtEnd ? say('lessons.outageVsReal.stillGoing', l) : '',
          real: say('lessons.outageVsReal.realRange', l, {
            min: duration(o.real.minMinutes, l),
            max: duration(o.real.maxMinutes, l),
          }),
        })),
        sources: ['KCC'],
      };
    },
  },
  {
    id: 'no-dns-capacity',
    test: (f) =>
      f.times.dnsDown !== null && !first(f, 'dns.addServers')
        ? {
            kind: 'improvement',
            text: words('noDnsCapacity.text'),
            evidence: words('noDnsCapacity.evidence'),
            sources: ['JOONGANG', 'MIC-0218'],
          }
        : null,
  },
  {
    id: 'no-patching',
    test: (f) =>
      first(f, 'patch.start')
        ? null
        : {
            kind: 'improvement',
            text: words('noPatching.text'),
            evidence: words('noPatching.evidence'),
            sources: ['HANKYUNG', 'CAIDA-TR'],
          },
  },
];

export function lessonsFor(facts: LessonFacts): Lesson[] {
  const out: Lesson[] = [];
  for (const rule of RULES) {
    const l = rule.test(facts);
    if (l) out.push({ id: rule.id, ...l });
  }
  return out;
}
