// The score as DOM, shared by the Ops score panel and the debrief: the part table (measured
// quantity in its unit, points of 100, weight, share of 1000, aligned number columns), the history
// of changes with their causes (latest first) and the claims that were false. Fetched with the
// panels that use it; the words come from src/aar/scoreWords.ts, the numbers from the game core.
import type { i18n } from 'i18next';
import { el } from '../../dom';
import {
  COLUMN,
  PART_LABELS,
  changeText,
  entryHeading,
  falseClaimText,
  num,
  quantityText,
  zeroAtText,
  type ScoreNames,
} from '../../../aar/scoreWords';
import type { Lang } from '../../../aar/format';
import type { ScoreBreakdown, ScoreHistoryEntry, ScorePart, SentMessage } from '../../../game';

export { scoreBreakdown } from '../../../game';

export const langOf = (i: i18n): Lang => (i.language === 'ko' ? 'ko' : 'en');

/**
 * The part table. `compare` adds a column (the historical response's points on the debrief);
 * its header and values are the caller's.
 */
export function scoreTable(
  b: ScoreBreakdown,
  lang: Lang,
  totalLabel: string,
  compare?: { label: string; points: (part: ScorePart) => number | undefined; total?: number },
): HTMLTableElement {
  const numCell = (text: string) => el('td', { class: 'num', text });
  const rows = b.rows.map((r) =>
    el(
      'tr',
      { 'data-part': r.part },
      el('th', { scope: 'row', text: PART_LABELS[r.part][lang] }),
      el(
        'td',
        { class: 'measured' },
        el('span', { text: quantityText(r, lang) }),
        el('span', { class: 'hint zero-at', text: zeroAtText(r, lang) }),
      ),
      numCell(`${num(r.points, lang)}/${r.max}`),
      numCell(`× ${num(r.weight, lang)}`),
      numCell(`${num(r.contribution, lang)} / ${num(r.maxContribution, lang)}`),
      ...(compare
        ? [numCell(compare.points(r.part) === undefined ? '…' : num(compare.points(r.part)!, lang))]
        : []),
    ),
  );
  const head = (text: string, isNum = true) =>
    el('th', { scope: 'col', class: isNum ? 'num' : '', text });
  return el(
    'table',
    { class: 'score-table parts', 'data-testid': 'score-parts' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        head(COLUMN.part[lang], false),
        head(COLUMN.measured[lang], false),
        head(COLUMN.points[lang]),
        head(COLUMN.weight[lang]),
        head(COLUMN.share[lang]),
        ...(compare ? [head(compare.label)] : []),
      ),
    ),
    el(
      'tbody',
      {},
      ...rows,
      el(
        'tr',
        { class: 'total' },
        el('th', { scope: 'row', text: totalLabel }),
        el('td'),
        el('td'),
        el('td'),
        numCell(`${num(b.total, lang)} / ${b.max}`),
        ...(compare ? [numCell(compare.total === undefined ? '…' : num(compare.total, lang))] : []),
      ),
    ),
  );
}

/** The history, latest first; `pending` is the change since the last logged point. */
export function historyList(
  entries: readonly ScoreHistoryEntry[],
  pending: ScoreHistoryEntry | null,
  lang: Lang,
  names: ScoreNames,
  empty: string,
): HTMLElement {
  const item = (e: ScoreHistoryEntry, open: boolean) =>
    el(
      'li',
      { class: e.delta < 0 ? 'down' : e.delta > 0 ? 'up' : '' },
      el('strong', { text: entryHeading(e, lang, open) }),
      el(
        'ul',
        {},
        ...e.changes.map((c) =>
          el('li', { 'data-part': c.part, text: changeText(c, lang, names) }),
        ),
      ),
    );
  const items = [
    ...(pending ? [item(pending, true)] : []),
    ...[...entries].reverse().map((e) => item(e, false)),
  ];
  return el(
    'ol',
    { class: 'score-history', 'data-testid': 'score-history' },
    ...(items.length ? items : [el('li', { class: 'hint', text: empty })]),
  );
}

/** The claims that were false when their message landed, with the truth of that moment. */
export function falseClaimList(
  outbox: readonly SentMessage[],
  lang: Lang,
  names: ScoreNames,
  empty: string,
): HTMLElement {
  const items = outbox.flatMap((m) =>
    m.falseClaims.map((claim) =>
      el('li', {
        text: falseClaimText({ to: m.to, claim, at: m.tick, facts: m.facts ?? null }, lang, names),
      }),
    ),
  );
  return el(
    'ul',
    { class: 'false-claims', 'data-testid': 'false-claims' },
    ...(items.length ? items : [el('li', { class: 'hint', text: empty })]),
  );
}
