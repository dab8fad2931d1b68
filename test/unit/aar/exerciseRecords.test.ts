// The review's exercise fields (issue 17): present and [] when empty, the discussion answers under
// their module, feedback averages, the improvement plan in the page and as CSV (escaped).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyCommand,
  createRun,
  finishRun,
  isoToTick,
  toRunFile,
  type Level,
} from '../../../src/game';
import { buildAar } from '../../../src/aar/buildAar';
import { renderAarHtml } from '../../../src/aar/renderHtml';
import {
  csvCell,
  planCsv,
  planFromLessons,
  planRowSchema,
  feedbackFormSchema,
  summariseFeedback,
} from '../../../src/aar/exerciseRecords';
import { observationRecordSchema } from '../../../src/game/evaluationGuide';
import { parseReviewRecords, withRecords } from '../../../src/aar/withRecords';
import type { Aar } from '../../../src/aar/types';
import { idleRunFile, loadFixtureLevel } from '../server/fixtures';

let level: Level;
let empty: Aar;
let answered: Aar;
const at = (iso: string) => isoToTick(iso)!;

beforeAll(() => {
  level = loadFixtureLevel();
  empty = buildAar(idleRunFile(level), level);
  let run = createRun(level, 1, [{ id: 'f', roles: ['facilitator'] }]);
  // In time order (the core refuses a command in the past); the response answer comes first.
  for (const [iso, q, text] of [
    ['2003-01-25T14:50+09:00', 1, 'Root cause: <UDP 1434>'],
    ['2003-01-25T15:10+09:00', 0, 'We know links are full'],
    ['2003-01-25T15:20+09:00', undefined, 'a plain note'],
  ] as const)
    run = applyCommand(
      run,
      {
        role: 'facilitator',
        type: 'note.add',
        args: q === undefined ? { text } : { text, question: q },
      },
      at(iso),
    ).run;
  answered = buildAar(toRunFile(finishRun(run)), level);
}, 120_000);

describe('the review’s exercise fields', () => {
  it('are present and [] when empty', () => {
    const json = JSON.parse(JSON.stringify(empty)) as Record<string, unknown>;
    for (const k of ['discussion', 'observations', 'feedback', 'improvementPlan'])
      expect(json[k]).toEqual([]);
    expect(json.feedbackSummary).toEqual({
      responses: 0,
      averages: { objectives: null, realism: null, roles: null, facilitation: null, useful: null },
    });
  });

  it('lists the team’s answers under their module', () => {
    expect(answered.discussion).toEqual([
      {
        module: 'detection',
        questionId: 0,
        question: level.discussion[0]!.question,
        answer: 'We know links are full',
        tick: at('2003-01-25T15:10+09:00'),
      },
      {
        module: 'response',
        questionId: 1,
        question: level.discussion[1]!.question,
        answer: 'Root cause: <UDP 1434>',
        tick: at('2003-01-25T14:50+09:00'),
      },
    ]);
    const html = renderAarHtml(answered, 'en');
    expect(html).toContain('data-section="discussion"');
    expect(html).toContain('Module 1 — Detection');
    expect(html).toContain('Root cause: &lt;UDP 1434&gt;');
    // Module order, not time order: the detection answer came later but is listed first.
    const section = html.slice(html.indexOf('data-section="discussion"'));
    expect(section.indexOf('We know links are full')).toBeLessThan(section.indexOf('Root cause'));
    expect(section.slice(0, section.indexOf('</section>'))).not.toContain('a plain note');
    expect(html).toContain('a plain note');
    expect(renderAarHtml(answered, 'ko')).toContain('모듈 1 — 탐지');
    expect(renderAarHtml(empty, 'en')).not.toContain('data-section="discussion"');
  });

  it('adds a session’s feedback and plan, and shows them in the page', () => {
    const records = parseReviewRecords({
      feedback: [
        {
          n: 1,
          ratings: { objectives: 5, realism: 4 },
          wentWell: 'Fast <b>filters</b>',
          improve: '',
          monday: 'Runbook',
        },
        { n: 2, ratings: { objectives: 2 }, wentWell: '', improve: 'Call KISA', monday: '' },
      ],
      improvementPlan: [
        {
          issue: 'KISA late',
          action: 'Add the number',
          capability: 'Public Information and Warning',
          owner: 'NOC',
          due: '2027-02-01',
        },
      ],
      code: 'ABCDEF',
    });
    const aar = withRecords(empty, records);
    expect(aar.feedbackSummary.responses).toBe(2);
    expect(aar.feedbackSummary.averages.objectives).toBe(3.5);
    expect(aar.feedbackSummary.averages.useful).toBeNull();
    const html = renderAarHtml(aar, 'en');
    expect(html).toContain('data-section="feedback"');
    expect(html).toContain('Fast &lt;b&gt;filters&lt;/b&gt;');
    expect(html).toContain('<td class="num">3.5</td>');
    expect(html).toContain('<td>KISA late</td><td>Add the number</td>');
    expect(() => parseReviewRecords({ improvementPlan: [{ issue: '' }] })).toThrow(
      /improvementPlan\[0\]/,
    );
    expect(() =>
      parseReviewRecords({
        feedback: [{ n: 1, ratings: { x: 1 }, wentWell: '', improve: '', monday: '' }],
      }),
    ).toThrow(/feedback\[0\]\.ratings/);
  });

  it('pre-fills the plan with the areas for improvement', () => {
    const rows = planFromLessons(empty.lessons, 'ko');
    const improvements = empty.lessons.filter((l) => l.kind === 'improvement');
    expect(rows).toHaveLength(improvements.length);
    expect(rows[0]).toMatchObject({
      issue: improvements[0]!.text.ko,
      lesson: improvements[0]!.id,
      owner: '',
    });
    for (const r of rows) expect(planRowSchema.safeParse(r).success).toBe(true);
  });

  it('exports the plan as CSV, escaped for spreadsheets', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    const csv = planCsv(
      [{ issue: 'KISA, late', action: '=1+1', capability: '', owner: '김', due: '2027-02-01' }],
      'ko',
    );
    expect(csv.startsWith('\uFEFF문제,개선 조치,역량,담당자,기한,교훈\r\n')).toBe(true);
    expect(csv).toContain(`"KISA, late",'=1+1,,김,2027-02-01,\r\n`);
  });

  it('validates feedback and observations', () => {
    const f = { ratings: {}, wentWell: '', improve: '', monday: '' };
    expect(feedbackFormSchema.safeParse(f).success).toBe(true);
    expect(feedbackFormSchema.safeParse({ ...f, monday: 'x'.repeat(1001) }).success).toBe(false);
    expect(feedbackFormSchema.safeParse({ ...f, ratings: { realism: 0 } }).success).toBe(false);
    expect(feedbackFormSchema.safeParse({ ...f, wentWell: 'a\u0000b' }).success).toBe(false);
    expect(feedbackFormSchema.safeParse({ ...f, seat: 's2' }).success).toBe(false);
    const o = {
      v: 1,
      capability: 'cybersecurity',
      task: 'border-filter',
      rating: 'S',
      note: '',
      tick: 60,
    };
    expect(observationRecordSchema.safeParse(o).success).toBe(true);
    expect(observationRecordSchema.safeParse({ ...o, rating: 'X' }).success).toBe(false);
    expect(observationRecordSchema.safeParse({ ...o, v: 2 }).success).toBe(false);
    expect(observationRecordSchema.safeParse({ ...o, note: 'x'.repeat(2001) }).success).toBe(false);
    expect(summariseFeedback([]).responses).toBe(0);
  });
});
