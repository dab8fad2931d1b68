// The level's discussion questions during a team session (tabletop pause points, issue 17).
// The facilitator's console shows the question that is due (its module and time), pauses on it,
// puts it on every screen (the projector shows it large) and records the team's answer as a
// `note.add` carrying the question, which the after-action review lists under its module.
// Other seats see the question while the facilitator has it up.
import type { UiContext } from '../../context';
import { mountAfterStrings } from '../afterStrings';
import { el } from '../../dom';
import { formatKstTime, local } from '../../format';
import { isoToTick } from '../../../game';
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
  return mountAfterStrings(ctx, 'exercise', () => build(host, ctx, session));
}

/** What every other seat sees while the facilitator has a question up. */
function shownBox() {
  const heading = el('h2', { id: 'discussion-shown-heading' });
  const text = el('p', { class: 'discussion-question', 'data-testid': 'shown-question' });
  const element = el(
    'section',
    {
      class: 'discussion-shown',
      'aria-labelledby': 'discussion-shown-heading',
      'aria-live': 'polite',
      'data-testid': 'discussion-shown',
    },
    heading,
    text,
  );
  return { element, heading, text };
}

/** The facilitator's panel: the due question, pause, show, and the answer to record. */
function controlsBox() {
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
  const panel = el(
    'details',
    { class: 'team-discussion', 'data-testid': 'discussion' },
    heading,
    dueLine,
    question,
    el('div', { class: 'discussion-controls' }, pause, show),
    answerLabel,
    answer,
    answerHint,
    el('div', { class: 'discussion-controls' }, record),
    status,
  );
  return {
    ...{ panel, heading, dueLine, question, pause, show },
    ...{ answer, record, status, answerLabel, answerHint },
  };
}

type Controls = ReturnType<typeof controlsBox>;

/** Records the typed answer to question `current` as a note.add carrying it, or says why not. */
function recordAnswer(ctx: UiContext, session: TeamSession, c: Controls, current: number): void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const text = c.answer.value.trim();
  if (!text) {
    c.status.textContent = t('exercise.discussion.empty');
    c.answer.focus();
    return;
  }
  if (text.length > ANSWER_MAX) {
    c.status.textContent = t('exercise.discussion.tooLong', { n: text.length });
    return;
  }
  const outcome = session.command('note.add', { text, question: current });
  if (outcome.ok) {
    c.answer.value = '';
    c.status.textContent = t('exercise.discussion.recorded');
  } else c.status.textContent = t('exercise.discussion.refused', { code: outcome.rejection.code });
}

/** The facilitator's panel for the due question (undefined: none yet), as the run stands. */
function renderControls(
  ctx: UiContext,
  session: TeamSession,
  c: Controls,
  due: number | undefined,
  answered: boolean,
  next: number,
): void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const questions = session.level.discussion;
  const moduleName = (i: number) => t(`exercise.discussion.modules.${questions[i]!.module}`);
  const s = session.shownQuestion;
  const opened = due !== undefined && !answered;
  c.heading.textContent =
    due === undefined
      ? t('exercise.discussion.heading')
      : `${t('exercise.discussion.heading')} · ${moduleName(due)}${answered ? ` · ${t('exercise.discussion.answered')}` : ''}`;
  // A newly due question opens the panel by itself (once: the facilitator may close it).
  if (opened && c.panel.dataset.opened !== String(due)) {
    c.panel.dataset.opened = String(due);
    c.panel.open = true;
  }
  c.panel.classList.toggle('due', opened);
  c.dueLine.textContent =
    due === undefined
      ? t('exercise.discussion.none')
      : t('exercise.discussion.due', {
          module: moduleName(due),
          time: formatKstTime(ctx.i18n, isoToTick(questions[due]!.at) ?? 0),
        });
  if (due === undefined && next >= 0)
    c.dueLine.textContent += ` ${t('exercise.discussion.next', { time: formatKstTime(ctx.i18n, isoToTick(questions[next]!.at) ?? 0) })}`;
  c.question.textContent = due === undefined ? '' : local(ctx.i18n, questions[due]!.question);
  const none = due === undefined || session.endedBy !== undefined;
  c.pause.textContent = t('exercise.discussion.pause');
  c.pause.disabled = none || session.run.state.clock.paused;
  c.show.textContent =
    s !== null && s === due ? t('exercise.discussion.hide') : t('exercise.discussion.show');
  c.show.disabled = none;
  c.show.setAttribute('aria-pressed', String(s !== null && s === due));
  c.answerLabel.textContent = t('exercise.discussion.answer');
  c.answerHint.textContent = t('exercise.discussion.answerHint');
  c.answer.disabled = none;
  c.record.textContent = t('exercise.discussion.record');
  c.record.disabled = none;
}

function build(host: HTMLElement, ctx: UiContext, session: TeamSession): () => void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const facilitator = session.seat.kind === 'facilitator';
  const questions = session.level.discussion;
  const shown = shownBox();
  const c = controlsBox();

  let current: number | undefined;
  c.pause.addEventListener('click', () => {
    ctx.audio.play('click');
    session.command('clock.pause');
  });
  c.show.addEventListener('click', () => {
    ctx.audio.play('click');
    if (current === undefined) return;
    session.showQuestion(session.shownQuestion === current ? null : current);
  });
  c.record.addEventListener('click', () => {
    if (current !== undefined) recordAnswer(ctx, session, c, current);
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
    shown.element.hidden = facilitator || s === null || questions[s] === undefined;
    if (s !== null && questions[s]) {
      shown.heading.textContent = t('exercise.discussion.projectorHeading', {
        module: t(`exercise.discussion.modules.${questions[s].module}`),
      });
      shown.text.textContent = local(ctx.i18n, questions[s].question);
    }
    if (!facilitator) return;
    current = due;
    renderControls(ctx, session, c, due, answered, next);
  };

  if (facilitator && questions.length > 0) host.append(c.panel);
  if (!facilitator) host.append(shown.element);
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
    c.panel.remove();
    shown.element.remove();
  };
}
