// "How the score works": the level's weights and limits beside what each part measures and why,
// generated from src/aar/scoreWords.ts (whose definitions docs/SCORING.md repeats; a unit test
// keeps the two together). Opened from the Ops score panel and the debrief, fetched on first use.
import type { UiContext } from '../../context';
import { el } from '../../dom';
import type { Level } from '../../../game';
import {
  COLUMN,
  HOW_IT_WORKS,
  RUNNING_SCORE_MEANING,
  howItWorksFormula,
  howItWorksRows,
  num,
} from '../../../aar/scoreWords';
import { langOf } from './scoreView';
import { showDialog } from './dialog';
import { sealTruth } from '../ops/disclosure';

/** `diagnosed` false (in play, before the player identified the flood): truth-naming words sealed. */
export function openHowItWorks(ctx: UiContext, level: Level, diagnosed = true): void {
  const lang = langOf(ctx.i18n);
  const t = ctx.i18n.t.bind(ctx.i18n);
  const H = HOW_IT_WORKS;
  const rows = howItWorksRows(level, lang).map((r) =>
    el(
      'tr',
      { 'data-part': r.part },
      el('th', { scope: 'row', text: r.label }),
      el('td', { text: r.measure }),
      el('td', { text: r.why }),
      el('td', { class: 'num', text: `× ${num(r.weight, lang)}` }),
      el('td', { class: 'num', text: num(r.maxShare, lang) }),
      el('td', { class: 'num', text: r.zeroAt }),
    ),
  );
  const head = (text: string, cls = '') => el('th', { scope: 'col', class: cls, text });
  const { dialog } = showDialog(ctx, {
    className: 'panel score-how',
    testId: 'score-how',
    heading: H.heading[lang],
    closeLabel: t('scorePanel.close'),
    body: [
      el('p', { text: H.intro[lang] }),
      el('p', { class: 'formula', text: howItWorksFormula(level.scoring.weights, lang) }),
      el('p', { class: 'hint', text: RUNNING_SCORE_MEANING[lang] }),
      el(
        'div',
        { class: 'table-scroll' },
        el(
          'table',
          { class: 'score-table how' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              head(COLUMN.part[lang]),
              head(H.measure[lang]),
              head(H.why[lang]),
              head(COLUMN.weight[lang], 'num'),
              head(H.maxShare[lang], 'num'),
              head(H.zeroAt[lang], 'num'),
            ),
          ),
          el('tbody', {}, ...rows),
        ),
      ),
    ],
  });
  if (!diagnosed) sealTruth(dialog, t('scorePanel.sealed'));
}
