import { describe, expect, it } from 'vitest';
import { isoToTick } from '../../../src/game';
import { lessonsFor, type LessonFacts } from '../../../src/aar/lessons';
import { KEY_TIME_IDS, type OutageSummary } from '../../../src/aar/types';

const at = (hm: string, day = 25) => isoToTick(`2003-01-${day}T${hm}+09:00`)!;

function facts(
  over: Partial<Omit<LessonFacts, 'times'>> & { times?: Partial<LessonFacts['times']> } = {},
): LessonFacts {
  const times = Object.fromEntries(KEY_TIME_IDS.map((k) => [k, null])) as LessonFacts['times'];
  const outage: OutageSummary = {
    startTick: null,
    endTick: null,
    spanMinutes: 0,
    outageMinutes: 0,
    ongoingAtEnd: false,
    real: { minMinutes: 224, maxMinutes: 305 },
    comparison: 'none',
    ghostSpanMinutes: 273,
  };
  return {
    outage,
    commands: [],
    landed: [],
    falseClaims: 0,
    contactsLeftWaiting: 0,
    endTick: at('00:00', 27),
    ...over,
    times: { ...times, ...over.times },
  };
}

const ids = (f: LessonFacts) => lessonsFor(f).map((l) => l.id);

describe('lessons', () => {
  it('should praise a filter in place before DNS fell, and not blame it', () => {
    const f = facts({
      times: {
        onset: at('14:29'),
        firstFilter: at('14:38'),
        dnsDown: at('14:42'),
        diagnosis: at('14:35'),
      },
    });
    expect(ids(f)).toContain('filter-before-dns-fell');
    expect(ids(f)).not.toContain('filter-after-dns-fell');
    expect(ids(f)).not.toContain('late-diagnosis');
  });

  it('should judge a DNS move by when it and the filter took effect, not when they were ordered', () => {
    const ordered = [
      { tick: at('15:25'), type: 'filter.apply', args: {} },
      { tick: at('15:29'), type: 'dns.moveResolution', args: {} },
    ];
    const after = facts({
      commands: ordered,
      landed: [{ tick: at('15:44'), type: 'dns.moveResolution' }],
      times: { firstFilter: at('15:40') },
    });
    expect(ids(after)).not.toContain('moved-dns-before-filter');
    const before = facts({
      commands: ordered,
      landed: [{ tick: at('15:35'), type: 'dns.moveResolution' }],
      times: { firstFilter: at('15:40') },
    });
    const lesson = lessonsFor(before).find((l) => l.id === 'moved-dns-before-filter')!;
    expect(lesson.evidence.en).toBe('DNS moved at 25 Jan 15:35 with no filter in place yet');
    expect(lesson.evidence.ko).toBe('DNS 이전 완료 1월 25일 15:35, 그때까지 필터 없음');
  });

  it('should call an outage past the KCC range an area for improvement', () => {
    const o = (comparison: OutageSummary['comparison'], span: number) => ({
      outage: { ...facts({}).outage, startTick: at('14:42'), spanMinutes: span, comparison },
    });
    const longer = lessonsFor(facts(o('longer', 400))).find((l) => l.id === 'outage-vs-real')!;
    expect(longer.kind).toBe('improvement');
    expect(longer.evidence.en).toBe('this run 6 h 40 min, real 3 h 44 min – 5 h 5 min');
    expect(lessonsFor(facts(o('shorter', 90))).find((l) => l.id === 'outage-vs-real')!.kind).toBe(
      'strength',
    );
    expect(ids(facts({}))).not.toContain('outage-vs-real');
  });

  it('should flag false claims and contacts left waiting, counting them', () => {
    const l = lessonsFor(facts({ falseClaims: 2, contactsLeftWaiting: 3 }));
    expect(l.find((x) => x.id === 'false-claims')!.evidence.en).toBe('2 false claim(s)');
    expect(l.find((x) => x.id === 'contacts-left-waiting')!.evidence.en).toBe(
      '3 contact(s) still waiting at the end',
    );
  });

  it('should give every lesson both languages', () => {
    const all = lessonsFor(
      facts({
        falseClaims: 1,
        contactsLeftWaiting: 1,
        times: { onset: at('14:29'), firstAnomaly: at('14:30'), dnsDown: at('14:42') },
        outage: {
          ...facts({}).outage,
          startTick: at('14:42'),
          spanMinutes: 300,
          comparison: 'within',
        },
      }),
    );
    expect(all.length).toBeGreaterThanOrEqual(7);
    for (const l of all) {
      expect(l.text.ko).toMatch(/[가-힣]/);
      expect(l.text.en).toMatch(/[a-z]/);
      expect(l.evidence.ko.length).toBeGreaterThan(0);
    }
  });
});
