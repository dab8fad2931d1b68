// The evaluator's panel during a team session (HSEEP, issue 17): pick a capability (one per
// objective of the evaluation guide) and one of its critical tasks, rate it P/S/M/U, write a note,
// optionally name the decision in the log it is about, and record it. The server stamps the game
// time and sends it back; the list below shows what the evaluators have recorded so far. Fetched
// with the evaluator's seat only (console.ts imports it on demand), its strings with it.
import type { UiContext } from '../../context';
import { mountAfterStrings } from '../afterStrings';
import { clear, el } from '../../dom';
import { formatKstTime } from '../../format';
import {
  HSEEP_RATINGS,
  OBJECTIVES,
  OBSERVATION_NOTE_MAX,
  findTask,
  type HseepRating,
  type ObservationRecord,
} from '../../../game/evaluationGuide';
import {
  HSEEP_RATING_TEXT,
  capabilityName,
  objectiveText,
  taskText,
} from '../../../aar/evaluationWords';
import { serverText, type TeamSession } from '../../session/teamSession';
import { commandName } from './feedText';
import './exercise.css';

/** Decisions offered in the list: the latest ones (an observation is usually about recent play). */
const DECISIONS_SHOWN = 40;

export function mountEvaluatorPanel(
  host: HTMLElement,
  ctx: UiContext,
  session: TeamSession,
): () => void {
  return mountAfterStrings(ctx, 'exercise', () => buildPanel(host, ctx, session));
}

type Lang = 'ko' | 'en';
const langOf = (ctx: UiContext): Lang => (ctx.i18n.language === 'ko' ? 'ko' : 'en');

function buildPanel(host: HTMLElement, ctx: UiContext, session: TeamSession): () => void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const form = evaluatorForm(ctx, session);
  const list = el('ol', { class: 'evaluator-list', 'data-testid': 'observations' });
  const panel = el(
    'details',
    { class: 'team-discussion team-evaluator', open: true, 'data-testid': 'evaluator-panel' },
    el('summary', { text: t('exercise.evaluator.heading') }),
    el('p', { class: 'hint', text: t('exercise.evaluator.intro') }),
    form.root,
    el('h3', { text: t('exercise.evaluator.list') }),
    list,
  );
  const render = () => {
    form.refresh();
    clear(list);
    if (session.observations.length === 0)
      list.append(el('li', { class: 'hint', text: t('exercise.evaluator.none') }));
    for (const o of session.observations) list.append(observationItem(ctx, o));
  };
  host.append(panel);
  render();
  const off = session.onChange(render);
  return () => {
    off();
    panel.remove();
  };
}

/** One recorded observation: time, capability, task and rating, and the note as text. */
function observationItem(ctx: UiContext, o: ObservationRecord): HTMLElement {
  const lang = langOf(ctx);
  const found = findTask(o.capability, o.task);
  return el(
    'li',
    { 'data-rating': o.rating },
    el('span', {
      text: ctx.i18n.t('exercise.evaluator.item', {
        time: formatKstTime(ctx.i18n, o.tick),
        capability: found ? capabilityName(o.capability)[lang] : o.capability,
        task: found ? taskText(o.capability, o.task)[lang] : o.task,
        rating: `${o.rating} — ${HSEEP_RATING_TEXT[o.rating][lang]}`,
      }),
    }),
    // Typed by a person: text, never markup.
    o.note ? el('p', { class: 'evaluator-note', text: o.note }) : null,
  );
}

/** The capability and task pickers: the tasks follow the capability chosen. */
function taskPickers(ctx: UiContext) {
  const lang = langOf(ctx);
  const capability = el(
    'select',
    { id: 'ev-capability', 'data-testid': 'ev-capability' },
    ...OBJECTIVES.map((o) =>
      el('option', { value: o.capability, text: capabilityName(o.capability)[lang] }),
    ),
  );
  const objective = el('p', { class: 'hint', id: 'ev-objective' });
  const task = el('select', { id: 'ev-task', 'data-testid': 'ev-task' });
  const fillTasks = () => {
    const o = OBJECTIVES.find((x) => x.capability === capability.value) ?? OBJECTIVES[0]!;
    objective.textContent = objectiveText(o.capability)[lang];
    task.replaceChildren(
      ...o.tasks.map((x) =>
        el('option', { value: x.id, text: taskText(o.capability, x.id)[lang] }),
      ),
    );
  };
  capability.addEventListener('change', fillTasks);
  fillTasks();
  return { capability, objective, task };
}

/** HSEEP's four ratings as radio buttons, P chosen. */
function ratingChoices(ctx: UiContext): HTMLElement {
  const lang = langOf(ctx);
  return el(
    'fieldset',
    { class: 'evaluator-ratings' },
    el('legend', { text: ctx.i18n.t('exercise.evaluator.rating') }),
    ...HSEEP_RATINGS.map((r) =>
      el(
        'label',
        { class: 'exercise-choice' },
        el('input', {
          type: 'radio',
          name: 'ev-rating',
          value: r,
          'data-testid': `ev-rating-${r}`,
          checked: r === 'P',
        }),
        ` ${r} — ${HSEEP_RATING_TEXT[r][lang]}`,
      ),
    ),
  );
}

/** "No particular decision", then the latest decisions of the log, newest first, by seq. */
function decisionOptions(
  ctx: UiContext,
  log: readonly { tick: number; role: string; type: string }[],
  chosen: string,
): HTMLOptionElement[] {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const first = Math.max(0, log.length - DECISIONS_SHOWN);
  const options = log.slice(first).map((c, i) => {
    const seq = String(first + i + 1);
    return el('option', {
      value: seq,
      selected: seq === chosen,
      text: t('exercise.evaluator.decisionItem', {
        seq,
        time: formatKstTime(ctx.i18n, c.tick),
        role: t(`team.roles.${c.role}`),
        command: commandName(ctx.i18n, c.type),
      }),
    });
  });
  return [
    el('option', { value: '', text: t('exercise.evaluator.noDecision') }),
    ...options.reverse(),
  ];
}

/** The observation form; `refresh` follows the session (running or not, the log, the verdict). */
function evaluatorForm(ctx: UiContext, session: TeamSession) {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const { capability, objective, task } = taskPickers(ctx);
  const note = el('textarea', {
    id: 'ev-note',
    'data-testid': 'ev-note',
    rows: 3,
    maxlength: OBSERVATION_NOTE_MAX,
    'aria-describedby': 'ev-note-hint',
  });
  const decision = el('select', { id: 'ev-decision', 'data-testid': 'ev-decision' });
  const record = el('button', {
    type: 'submit',
    class: 'tool',
    'data-testid': 'ev-record',
    text: t('exercise.evaluator.record'),
  });
  const status = el('p', { class: 'team-msg', role: 'status', 'data-testid': 'ev-status' });
  const root = el(
    'form',
    { class: 'exercise-form evaluator-form', novalidate: true },
    el('label', { for: 'ev-capability', text: t('exercise.evaluator.capability') }),
    capability,
    objective,
    el('label', { for: 'ev-task', text: t('exercise.evaluator.task') }),
    task,
    ratingChoices(ctx),
    el('label', { for: 'ev-note', text: t('exercise.evaluator.note') }),
    note,
    el('p', {
      class: 'hint',
      id: 'ev-note-hint',
      text: t('exercise.evaluator.noteHint', { max: OBSERVATION_NOTE_MAX }),
    }),
    el('label', { for: 'ev-decision', text: t('exercise.evaluator.decision') }),
    decision,
    el('p', {}, record),
    status,
  );
  /** How many observations there were when this form sent one (undefined: none in flight). */
  let sentAt: number | undefined;
  root.addEventListener('submit', (ev) => {
    ev.preventDefault();
    ctx.audio.play('click');
    const rating = (root.querySelector<HTMLInputElement>('input[name="ev-rating"]:checked')
      ?.value ?? 'P') as HseepRating;
    const seq = decision.value === '' ? undefined : Number(decision.value);
    sentAt = session.observations.length;
    status.classList.remove('run-error');
    status.textContent = '';
    session.observe({
      capability: capability.value,
      task: task.value,
      rating,
      note: note.value,
      ...(seq !== undefined ? { decisionSeq: seq } : {}),
    });
  });
  let decisionsShown = -1;
  const refresh = () => {
    const running = session.info.state === 'running' && !session.endedBy;
    record.disabled = !running;
    // Rebuilt only when the log grew (an open drop-down would close on every redraw).
    if (session.run.log.length !== decisionsShown) {
      decisionsShown = session.run.log.length;
      decision.replaceChildren(...decisionOptions(ctx, session.run.log, decision.value));
    }
    if (sentAt !== undefined && session.observations.length > sentAt) {
      status.textContent = t('exercise.evaluator.recorded', { n: session.observations.length });
      note.value = '';
      decision.value = '';
      sentAt = undefined;
    } else if (sentAt !== undefined && session.lastError) {
      status.textContent = serverText(ctx.i18n.language, session.lastError);
      status.classList.add('run-error');
      sentAt = undefined;
    } else if (!running) status.textContent = t('exercise.evaluator.notRunning');
  };
  return { root, refresh };
}
