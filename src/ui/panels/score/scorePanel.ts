// The Ops score panel (S, or the score in the top bar): every part as points of its maximum with
// its weight beside the measured quantity, what the running score means, the claims found false
// and the history of changes with their causes, latest first. It follows the run while open. The
// history comes from a shadow replay of the run's log (src/game/scoreHistory.ts), kept per
// session so reopening the panel costs only the minutes played since.
import type { UiContext } from '../../context';
import type { OpsSession } from '../../session/opsSession';
import { el, clear } from '../../dom';
import { LiveScoreHistory, scoreBreakdown } from '../../../game';
import { RUNNING_SCORE_MEANING, namesFromLevel } from '../../../aar/scoreWords';
import { falseClaimList, historyList, langOf, scoreTable } from './scoreView';
import { showDialog } from './dialog';
import { diagnosed, sealTruth } from '../ops/disclosure';

/** How often the open panel follows the run (real ms). */
const REFRESH_MS = 1000;

const histories = new WeakMap<OpsSession, LiveScoreHistory>();

function historyOf(session: OpsSession): LiveScoreHistory {
  let h = histories.get(session);
  if (!h) histories.set(session, (h = new LiveScoreHistory(session.level, session.run.seed)));
  return h;
}

export function openScorePanel(ctx: UiContext, session: OpsSession): void {
  if (ctx.overlay.querySelector('[data-testid="score-panel"]')) return;
  const t = ctx.i18n.t.bind(ctx.i18n);
  const names = namesFromLevel(session.level);
  const summary = el('p', { class: 'big-score', 'data-testid': 'score-panel-total' });
  const parts = el('div', { class: 'table-scroll' });
  const claims = el('div');
  const history = el('div', {}, el('p', { class: 'hint', text: t('scorePanel.computing') }));
  const how = el('button', {
    type: 'button',
    class: 'tool',
    'data-testid': 'score-how-open',
    text: t('scorePanel.how'),
  });
  how.addEventListener('click', () => {
    void import('./howItWorks').then(({ openHowItWorks }) =>
      openHowItWorks(ctx, session.level, diagnosed(session.run.state.flags)),
    );
  });
  let timer: ReturnType<typeof setInterval> | undefined;
  let shownTick = -1;
  const render = (withHistory = true) => {
    const lang = langOf(ctx.i18n);
    const run = session.run;
    if (run.state.tick === shownTick) return;
    const b = scoreBreakdown(run.state, session.level);
    meaning.textContent = RUNNING_SCORE_MEANING[lang];
    summary.textContent = t(run.state.ended ? 'scorePanel.final' : 'scorePanel.running', {
      total: b.total.toFixed(1),
    });
    clear(parts);
    parts.append(scoreTable(b, lang, t('scorePanel.total')));
    clear(claims);
    claims.append(falseClaimList(run.state.outbox, lang, names, t('scorePanel.noFalseClaims')));
    const sealed = !diagnosed(run.state.flags);
    sealedNote.hidden = !sealed;
    if (sealed) for (const box of [parts, claims, meaning]) sealTruth(box, t('scorePanel.sealed'));
    if (!withHistory) return;
    shownTick = run.state.tick;
    const live = historyOf(session);
    live.follow(run.log, run.state.engine.tMs);
    const h = live.result();
    clear(history);
    history.append(historyList(h.entries, h.pending, lang, names, t('scorePanel.noChanges')));
    if (sealed) sealTruth(history, t('scorePanel.sealed'));
  };
  const meaning = el('p', { class: 'hint meaning' });
  const sealedNote = el('p', {
    class: 'hint',
    'data-testid': 'score-sealed-note',
    text: t('scorePanel.sealedNote'),
  });
  const { dialog } = showDialog(ctx, {
    className: 'panel score-panel',
    testId: 'score-panel',
    heading: t('scorePanel.heading'),
    closeLabel: t('scorePanel.close'),
    body: [
      summary,
      meaning,
      sealedNote,
      el('div', { class: 'button-row' }, how),
      parts,
      el('h3', { text: t('scorePanel.falseClaims') }),
      claims,
      el('h3', { text: t('scorePanel.history') }),
      history,
    ],
    onClose: () => clearInterval(timer),
  });
  render(false);
  // The first replay of the day so far can take a moment: let the panel paint first.
  setTimeout(() => {
    if (!dialog.isConnected) return;
    render();
    timer = setInterval(() => (dialog.isConnected ? render() : clearInterval(timer)), REFRESH_MS);
  }, 30);
}
