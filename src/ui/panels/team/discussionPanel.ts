// The level's discussion questions during a team session (tabletop pause points, issue 17).
// The facilitator's console shows the question that is due (its module and time), pauses on it,
// puts it on every screen (the projector shows it large) and records the team's answer as a
// `note.add` carrying the question, which the after-action review lists under its module.
// Other seats see the question while the facilitator has it up.
import type { UiContext } from '../../context';
import { el } from '../../dom';
import { formatKstTime, local } from '../../format';
import { isoToTick } from '../../../game';
import { useFeatureStrings } from '../../../i18n';
import type { TeamSession } from '../../session/teamSession';
import './exercise.css';

/** note.add's limit (src/game/commandSchema.ts). */
const ANSWER_MAX = 2000;
/** The due question depends on the game clock, which moves without roster changes. */
const CLOCK_CHECK_MS = 1000;

/** Index of the question to discuss now: the latest due one not answered yet, else the latest due. */
export function dueQuestion(session: TeamSession): number | undefined {
  const tick = session.run.state.tick;
  const answered = new Set(session.run.state.notes.map((n) => n.question));
  let latest: number | undefined;
  let open: number | undefined;
  session.level.discussion.forEach((d, i) => {
    if ((isoToTick(d.at) ?? Infinity) > tick) return;
    latest = i;
    if (!answered.has(i)) open = i;
  });
  return open ?? latest;
}

export function mountDiscussion(
  host: HTMLElement,
  ctx: UiContext,
  session: TeamSession,
): () => void {
  let disposed = false;
  let cleanup = () => {};
  void useFeatureStrings(ctx.i18n, 'exercise').then(() => {
    if (!disposed) cleanup = build(host, ctx, session);
  });
  return () => {
    disposed = true;
    cleanup();
  };
}

function build(host: HTMLElement, ctx: UiContext, session: TeamSession): () => void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const facilitator = session.seat.kind === 'facilitator';
  const questions = session.level.discussion;
  const moduleName = (i: number) => t(`exercise.discussion.modules.${questions[i]!.module}`);

  // ---- what every other seat sees while the facilitator has a question up
  const shownHeading = el('h2', { id: 'discussion-shown-heading' });
  const shownText = el('p', { class: 'discussion-question', 'data-testid': 'shown-question' });
  const shown = el(
    'section',
    {
      class: 'discussion-shown',
      'aria-labelledby': 'discussion-shown-heading',
      'aria-live': 'polite',
      'data-testid': 'discussion-shown',
    },
    shownHeading,
    shownText,
  );

  // ---- the facilitator's controls
  const heading = el('summary', { 'data-testid': 'discussion-summary' });
  const dueLine = el('p', { class: 'discussion-due', 'data-testid': 'discussion-due' });
  const question = el('p', { class: 'discussion-question', 'data-testid': 'discussion-question' });
  const pause = el('button', { type: 'button', class: 'tool', 'data-testid': 'discussion-pause' });
  const show = el('button', { type: 'button', class: 'tool', 'data-testid': 'discussion-show' });
  const answer = el('textarea', {
    id: 'discussion-answer',
    rows: 2,
    maxlength: ANSWER_MAX,
    'data-testid': 'discussion-answer',
    'aria-describedby': 'discussion-answer-hint',
  });
  const record = el('button', {
    type: 'button',
    class: 'tool primary',
    'data-testid': 'discussion-record',
  });
  const status = el('p', { class: 'hint', role: 'status', 'data-testid': 'discussion-status' });
  const answerLabel = el('label', { for: 'discussion-answer' });
  const answerHint = el('span', { id: 'discussion-answer-hint', class: 'hint' });
  const controls = el('div', { class: 'discussion-controls' }, pause, show);
  const panel = el(
    'details',
    { class: 'team-discussion', 'data-testid': 'discussion' },
    heading,
    dueLine,
    question,
    controls,
    answerLabel,
    answer,
    answerHint,
    el('div', { class: 'discussion-controls' }, record),
    status,
  );

  let current: number | undefined;
  pause.addEventListener('click', () => {
    ctx.audio.play('click');
    session.command('clock.pause');
  });
  show.addEventListener('click', () => {
    ctx.audio.play('click');
    if (current === undefined) return;
    session.showQuestion(session.shownQuestion === current ? null : current);
  });
  record.addEventListener('click', () => {
    if (current === undefined) return;
    const text = answer.value.trim();
    if (!text) {
      status.textContent = t('exercise.discussion.empty');
      answer.focus();
      return;
    }
    if (text.length > ANSWER_MAX) {
      status.textContent = t('exercise.discussion.tooLong', { n: text.length });
      return;
    }
    const outcome = session.command('note.add', { text, question: current });
    if (outcome.ok) {
      answer.value = '';
      status.textContent = t('exercise.discussion.recorded');
    } else status.textContent = t('exercise.discussion.refused', { code: outcome.rejection.code });
  });

  let sig = '';
  const render = () => {
    const due = facilitator ? dueQuestion(session) : undefined;
    const s = session.shownQuestion;
    const paused = session.run.state.clock.paused;
    const answered = due !== undefined && session.run.state.notes.some((n) => n.question === due);
    const next = questions.findIndex((d) => (isoToTick(d.at) ?? Infinity) > session.run.state.tick);
    const key = `${ctx.i18n.language}|${due}|${s}|${paused}|${answered}|${next}|${session.endedBy ? 1 : 0}`;
    if (key === sig) return;
    sig = key;
    // Everyone but the facilitator: the question while it is up.
    shown.hidden = facilitator || s === null || questions[s] === undefined;
    if (s !== null && questions[s]) {
      shownHeading.textContent = t('exercise.discussion.projectorHeading', {
        module: moduleName(s),
      });
      shownText.textContent = local(ctx.i18n, questions[s].question);
    }
    if (!facilitator) return;
    current = due;
    const opened = due !== undefined && !answered;
    heading.textContent =
      due === undefined
        ? t('exercise.discussion.heading')
        : `${t('exercise.discussion.heading')} · ${moduleName(due)}${answered ? ` · ${t('exercise.discussion.answered')}` : ''}`;
    // A newly due question opens the panel by itself (once: the facilitator may close it).
    if (opened && panel.dataset.opened !== String(due)) {
      panel.dataset.opened = String(due);
      panel.open = true;
    }
    panel.classList.toggle('due', opened);
    dueLine.textContent =
      due === undefined
        ? t('exercise.discussion.none')
        : t('exercise.discussion.due', {
            module: moduleName(due),
            time: formatKstTime(ctx.i18n, isoToTick(questions[due]!.at) ?? 0),
          });
    if (due === undefined && next >= 0)
      dueLine.textContent += ` ${t('exercise.discussion.next', { time: formatKstTime(ctx.i18n, isoToTick(questions[next]!.at) ?? 0) })}`;
    question.textContent = due === undefined ? '' : local(ctx.i18n, questions[due]!.question);
    const none = due === undefined || session.endedBy !== undefined;
    pause.textContent = t('exercise.discussion.pause');
    pause.disabled = none || paused;
    show.textContent =
      s !== null && s === due ? t('exercise.discussion.hide') : t('exercise.discussion.show');
    show.disabled = none;
    show.setAttribute('aria-pressed', String(s !== null && s === due));
    answerLabel.textContent = t('exercise.discussion.answer');
    answerHint.textContent = t('exercise.discussion.answerHint');
    answer.disabled = none;
    record.textContent = t('exercise.discussion.record');
    record.disabled = none;
  };

  if (facilitator && questions.length > 0) host.append(panel);
  if (!facilitator) host.append(shown);
  render();
  const off = session.onChange(render);
  const timer = setInterval(render, CLOCK_CHECK_MS);
  const onLanguage = () => {
    sig = '';
    render();
  };
  ctx.i18n.on('languageChanged', onLanguage);
  return () => {
    off();
    clearInterval(timer);
    ctx.i18n.off('languageChanged', onLanguage);
    panel.remove();
    shown.remove();
  };
}
