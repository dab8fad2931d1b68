// The debrief of a team session (issue 17), below the score: a player seat's anonymous feedback
// form (sent over the session's ws), and for the facilitator the feedback received so far, the
// improvement-plan editor (pre-filled with the lessons the game found; saved on the server with
// the facilitator token) and the review with discussion, feedback and plan as HTML, JSON and CSV.
// Everything typed here is shown and exported as text only.
import type { UiContext } from '../../context';
import { clear, el } from '../../dom';
import { useFeatureStrings } from '../../../i18n';
import type { TeamSession } from '../../session/teamSession';
import type { Aar } from '../../../aar/types';
import {
  FEEDBACK_QUESTIONS,
  FEEDBACK_STATEMENTS,
  FEEDBACK_TEXT_MAX,
  PLAN_ROWS_MAX,
  PLAN_SHORT_MAX,
  PLAN_TEXT_MAX,
  planCsv,
  planFromLessons,
  planRowSchema,
  type FeedbackForm,
  type FeedbackStatement,
  type PlanRow,
  type SessionReview,
} from '../../../aar/exerciseRecords';
import { withRecords } from '../../../aar/withRecords';
import './exercise.css';
import { saveFile } from '../../saveFile';

type T = UiContext['i18n']['t'];

export interface ReviewPanel {
  element: HTMLElement;
  /** The debrief's review became available (or the language changed). */
  refresh(): void;
  dispose(): void;
}

export interface ReviewDeps {
  aar(): Aar | undefined;
  renderAarHtml(aar: Aar, lang: 'ko' | 'en'): string;
}

export async function mountReviewPanel(
  ctx: UiContext,
  seat: TeamSession,
  deps: ReviewDeps,
): Promise<ReviewPanel> {
  await useFeatureStrings(ctx.i18n, 'exercise');
  const element = el('div', { class: 'exercise-review', 'data-testid': 'exercise-review' });
  const part =
    seat.seat.kind === 'facilitator'
      ? facilitatorPart(ctx, seat, deps)
      : seat.seat.kind === 'player'
        ? feedbackPart(ctx, seat)
        : undefined;
  if (part) element.append(part.element);
  return {
    element,
    refresh: () => part?.refresh(),
    dispose: () => part?.dispose(),
  };
}

// ------------------------------------------------------------------ a player's feedback form

function feedbackPart(ctx: UiContext, seat: TeamSession) {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const element = el('section', {
    class: 'exercise-form',
    'aria-labelledby': 'feedback-heading',
    'data-testid': 'feedback-form',
  });
  let sending = false;
  const status = el('p', { class: 'hint', role: 'status', 'data-testid': 'feedback-status' });
  const ratings = new Map<string, HTMLInputElement[]>();
  const texts = new Map<string, HTMLTextAreaElement>();

  const build = () => {
    clear(element);
    ratings.clear();
    texts.clear();
    element.append(el('h2', { id: 'feedback-heading', text: t('exercise.feedback.heading') }));
    if (seat.feedbackSent) {
      element.append(
        el('p', { 'data-testid': 'feedback-sent', text: t('exercise.feedback.sent') }),
      );
      return;
    }
    element.append(el('p', { class: 'hint', text: t('exercise.feedback.intro') }));
    for (const s of FEEDBACK_STATEMENTS) {
      const { fieldset, inputs } = ratingFieldset(t, s);
      ratings.set(s, inputs);
      element.append(fieldset);
    }
    for (const q of FEEDBACK_QUESTIONS) {
      const area = el('textarea', {
        id: `feedback-${q}`,
        rows: 3,
        maxlength: FEEDBACK_TEXT_MAX,
        'data-testid': `feedback-${q}`,
        'aria-describedby': 'feedback-limit',
      });
      texts.set(q, area);
      element.append(
        el('label', { for: `feedback-${q}`, text: t(`exercise.feedback.questions.${q}`) }),
        area,
      );
    }
    const send = el('button', {
      type: 'button',
      class: 'menu-button primary',
      'data-testid': 'feedback-send',
      text: t(sending ? 'exercise.feedback.sending' : 'exercise.feedback.send'),
      disabled: sending,
    });
    send.addEventListener('click', () => submit());
    element.append(
      el('p', { id: 'feedback-limit', class: 'hint', text: t('exercise.feedback.limit') }),
      send,
      status,
    );
  };

  const submit = () => {
    ctx.audio.play('click');
    const read = feedbackFormOf(t, ratings, texts);
    if ('problem' in read) {
      status.textContent = read.problem;
      return;
    }
    const form = read.form;
    if (!seat.online || !seat.sendFeedback(form)) {
      status.textContent = t('exercise.feedback.offline');
      return;
    }
    sending = true;
    status.textContent = t('exercise.feedback.sending');
  };

  const refresh = () => {
    if (seat.feedbackSent) {
      sending = false;
      build();
    } else if (sending && seat.lastError) {
      sending = false;
      status.textContent = t('exercise.feedback.failed', {
        reason: ctx.i18n.language === 'ko' ? seat.lastError.ko : seat.lastError.en,
      });
    }
  };
  build();
  const off = seat.onChange(refresh);
  const onLanguage = () => build();
  ctx.i18n.on('languageChanged', onLanguage);
  return {
    element,
    refresh: () => undefined,
    dispose: () => {
      off();
      ctx.i18n.off('languageChanged', onLanguage);
    },
  };
}

/** A statement rated 1–5: its radio buttons in a fieldset. */
function ratingFieldset(t: T, s: FeedbackStatement) {
  const inputs = [1, 2, 3, 4, 5].map((n) =>
    el('input', {
      type: 'radio',
      name: `rate-${s}`,
      value: n,
      'aria-label': t('exercise.feedback.scale', { n }),
      'data-testid': `rate-${s}-${n}`,
    }),
  );
  const fieldset = el(
    'fieldset',
    {},
    el('legend', { text: t(`exercise.feedback.statements.${s}`) }),
    el(
      'div',
      { class: 'rating' },
      ...inputs.map((input, i) => el('label', {}, input, String(i + 1))),
    ),
  );
  return { fieldset, inputs };
}

/** The form as filled in, or why it cannot be sent (an answer too long, nothing said at all). */
function feedbackFormOf(
  t: T,
  ratings: ReadonlyMap<string, HTMLInputElement[]>,
  texts: ReadonlyMap<string, HTMLTextAreaElement>,
): { form: FeedbackForm } | { problem: string } {
  const form: FeedbackForm = { ratings: {}, wentWell: '', improve: '', monday: '' };
  for (const s of FEEDBACK_STATEMENTS) {
    const picked = ratings.get(s)!.find((i) => i.checked);
    if (picked) form.ratings[s] = Number(picked.value);
  }
  for (const q of FEEDBACK_QUESTIONS) {
    const v = texts.get(q)!.value.trim();
    if (v.length > FEEDBACK_TEXT_MAX)
      return {
        problem: t('exercise.feedback.tooLong', {
          question: t(`exercise.feedback.questions.${q}`),
          n: v.length,
        }),
      };
    form[q] = v;
  }
  if (Object.keys(form.ratings).length === 0 && FEEDBACK_QUESTIONS.every((q) => form[q] === ''))
    return { problem: t('exercise.feedback.empty') };
  return { form };
}

// ------------------------------------------------------------------ the facilitator's review

const PLAN_FIELDS = [
  { key: 'issue', max: PLAN_TEXT_MAX, multiline: true },
  { key: 'action', max: PLAN_TEXT_MAX, multiline: true },
  { key: 'capability', max: PLAN_SHORT_MAX, multiline: false },
  { key: 'owner', max: PLAN_SHORT_MAX, multiline: false },
  { key: 'due', max: 10, multiline: false },
] as const;

/** The session's review records over HTTP, with the facilitator token; throws the server's reason. */
function reviewApi(code: string, token: string | undefined) {
  return async (path: string, init: RequestInit = {}): Promise<SessionReview> => {
    const res = await fetch(`/api/sessions/${code}/${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token ?? ''}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    });
    const body = (await res.json().catch(() => ({}))) as
      SessionReview | { error?: { message?: string } };
    if (!res.ok)
      throw new Error(
        ('error' in body && body.error?.message) || `${res.status} ${res.statusText}`,
      );
    return body as SessionReview;
  };
}

/** The feedback received so far: how many answered, the averages and the free-text answers. */
function feedbackSummary(t: T, review: SessionReview): (HTMLElement | string)[] {
  const count = el('p', {
    'data-testid': 'feedback-count',
    text: t('exercise.plan.feedbackCount', {
      n: review.feedbackSummary.responses,
      seats: review.playerSeats,
    }),
  });
  if (review.feedback.length === 0)
    return [count, el('p', { class: 'hint', text: t('exercise.plan.noFeedback') })];
  const averages = el(
    'table',
    { class: 'plan-table' },
    el(
      'tbody',
      {},
      ...FEEDBACK_STATEMENTS.map((s) => {
        const a = review.feedbackSummary.averages[s];
        return el(
          'tr',
          {},
          el('th', { scope: 'row', text: t(`exercise.feedback.statements.${s}`) }),
          el('td', { text: a === null ? '—' : a.toFixed(1) }),
        );
      }),
    ),
  );
  const answers = FEEDBACK_QUESTIONS.map((q) => {
    const items = review.feedback.map((f) => f[q]).filter((x) => x.trim() !== '');
    return items.length === 0
      ? ''
      : el(
          'div',
          {},
          el('h3', { text: t(`exercise.feedback.questions.${q}`) }),
          el('ul', {}, ...items.map((x) => el('li', { text: x }))),
        );
  });
  return [count, averages, ...answers];
}

/** One editable plan row: an input per field (edits go straight into `row`) and a remove button. */
function planRowEditor(t: T, row: PlanRow, i: number, onRemove: () => void): HTMLElement {
  const cells = PLAN_FIELDS.map((f) => {
    const label = `${t('exercise.plan.row', { n: i + 1 })}: ${t(`exercise.plan.${f.key}`)}`;
    const input = f.multiline
      ? el('textarea', { maxlength: f.max, 'aria-label': label, rows: 2 })
      : el('input', {
          type: f.key === 'due' ? 'date' : 'text',
          maxlength: f.max,
          'aria-label': label,
        });
    input.value = row[f.key];
    input.dataset.testid = `plan-${i}-${f.key}`;
    input.addEventListener('input', () => {
      row[f.key] = input.value;
    });
    return el('td', {}, input);
  });
  const remove = el('button', {
    type: 'button',
    class: 'tool',
    'aria-label': t('exercise.plan.remove', { n: i + 1 }),
    text: '✕',
  });
  remove.addEventListener('click', onRemove);
  return el('tr', { 'data-testid': `plan-row-${i}` }, ...cells, el('td', {}, remove));
}

function planTable(t: T, list: PlanRow[], onRemove: (i: number) => void): HTMLElement {
  return el(
    'table',
    { class: 'plan-table' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...PLAN_FIELDS.map((f) => el('th', { scope: 'col', text: t(`exercise.plan.${f.key}`) })),
        el('th', { scope: 'col' }, el('span', { class: 'sr-only', text: '—' })),
      ),
    ),
    el('tbody', {}, ...list.map((row, i) => planRowEditor(t, row, i, () => onRemove(i)))),
  );
}

/**
 * The rows to save: trimmed, rows without an issue dropped (an empty row is not a plan row), each
 * checked; or the first problem, naming the row and field.
 */
function plannedRows(t: T, rows: readonly PlanRow[]): { rows: PlanRow[] } | { problem: string } {
  const list = rows
    .map((r) => ({ ...r, issue: r.issue.trim(), due: r.due.trim() }))
    .filter((r) => r.issue !== '');
  for (const [i, r] of list.entries()) {
    const ok = planRowSchema.safeParse(r);
    if (!ok.success) {
      const issue = ok.error.issues[0]!;
      return {
        problem: `${t('exercise.plan.row', { n: i + 1 })}: ${String(issue.path[0] ?? '')} ${issue.message}`,
      };
    }
  }
  return { rows: list };
}

/** A button that saves a file made on click; disabled until there is something to make. */
function downloadButton(
  ctx: UiContext,
  label: string,
  testId: string,
  ready: boolean,
  make: () => { name: string; type: string; body: string },
): HTMLButtonElement {
  const b = el('button', {
    type: 'button',
    class: 'menu-button',
    'data-testid': testId,
    text: label,
    disabled: !ready,
  });
  b.addEventListener('click', () => {
    ctx.audio.play('click');
    const f = make();
    saveFile(f.name, f.type, f.body);
  });
  return b;
}

/**
 * The improvement-plan editor into `box`: the rows (`list`; undefined without the facilitator
 * token, which saving needs), add a row, save. Edits change `list` in place.
 */
function renderPlanBox(
  ctx: UiContext,
  box: HTMLElement,
  status: HTMLElement,
  list: PlanRow[] | undefined,
  on: { adopt(list: PlanRow[]): void; rerender(): void; save(): void },
): void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  clear(box);
  box.append(
    el('h2', { id: 'plan-heading', text: t('exercise.plan.heading') }),
    el('p', { class: 'hint', text: t('exercise.plan.intro') }),
  );
  if (!list) {
    box.append(el('p', { class: 'hint', text: t('exercise.plan.noToken') }));
    return;
  }
  const table = planTable(t, list, (i) => {
    list.splice(i, 1);
    on.rerender();
  });
  const add = el('button', {
    type: 'button',
    class: 'tool',
    'data-testid': 'plan-add',
    text: t('exercise.plan.add'),
  });
  add.addEventListener('click', () => {
    if (list.length >= PLAN_ROWS_MAX) {
      status.textContent = t('exercise.plan.tooMany');
      return;
    }
    list.push({ issue: '', action: '', capability: '', owner: '', due: '' });
    on.adopt(list);
    on.rerender();
    box.querySelector<HTMLElement>(`[data-testid="plan-${list.length - 1}-issue"]`)?.focus();
  });
  const save = el('button', {
    type: 'button',
    class: 'menu-button primary',
    'data-testid': 'plan-save',
    text: t('exercise.plan.save'),
  });
  save.addEventListener('click', () => on.save());
  box.append(table, el('div', { class: 'discussion-controls' }, add, save), status);
}

/** The review as HTML and JSON and the plan as CSV, each made on click. */
function reviewDownloads(
  ctx: UiContext,
  deps: ReviewDeps,
  base: string,
  ready: boolean,
  full: () => Aar,
  plan: () => PlanRow[],
): HTMLButtonElement[] {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const lang = () => (ctx.i18n.language === 'ko' ? 'ko' : 'en');
  return [
    downloadButton(ctx, t('exercise.plan.downloadHtml'), 'download-review-html', ready, () => ({
      name: `${base}-review.html`,
      type: 'text/html',
      body: deps.renderAarHtml(full(), lang()),
    })),
    downloadButton(ctx, t('exercise.plan.downloadJson'), 'download-review-json', ready, () => ({
      name: `${base}-review.json`,
      type: 'application/json',
      body: JSON.stringify(full(), null, 2),
    })),
    downloadButton(ctx, t('exercise.plan.downloadCsv'), 'download-plan-csv', ready, () => ({
      name: `${base}-plan.csv`,
      type: 'text/csv',
      body: planCsv(plan(), lang()),
    })),
  ];
}

/** The feedback received so far into `box`, with a Refresh button (`onRefresh`). */
function renderFeedbackBox(
  ctx: UiContext,
  box: HTMLElement,
  review: SessionReview | undefined,
  onRefresh: () => void,
): void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  clear(box);
  const refresh = el('button', {
    type: 'button',
    class: 'tool',
    'data-testid': 'feedback-refresh',
    text: t('exercise.plan.refresh'),
  });
  refresh.addEventListener('click', () => {
    ctx.audio.play('click');
    onRefresh();
  });
  box.append(
    el('h2', { id: 'feedback-received-heading', text: t('exercise.plan.feedbackHeading') }),
    ...(review ? feedbackSummary(t, review) : []),
    refresh,
  );
}

function facilitatorPart(ctx: UiContext, seat: TeamSession, deps: ReviewDeps) {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const lang = () => (ctx.i18n.language === 'ko' ? 'ko' : 'en');
  const element = el('div', { class: 'exercise-facilitator' });
  const token = seat.endToken;
  const code = seat.info.code;
  const api = reviewApi(code, token);
  let review: SessionReview | undefined;
  let rows: PlanRow[] | undefined;
  let prefilled = false;
  const feedbackBox = el('section', {
    class: 'exercise-form',
    'aria-labelledby': 'feedback-received-heading',
    'data-testid': 'feedback-summary',
  });
  const planBox = el('section', {
    class: 'exercise-form',
    'aria-labelledby': 'plan-heading',
    'data-testid': 'plan-editor',
  });
  const planStatus = el('p', { class: 'hint', role: 'status', 'data-testid': 'plan-status' });
  const downloads = el('div', { class: 'button-row wrap', 'data-testid': 'exercise-downloads' });
  element.append(feedbackBox, planBox, downloads);

  const renderFeedback = () => renderFeedbackBox(ctx, feedbackBox, review, () => void load());

  const renderPlan = () =>
    renderPlanBox(ctx, planBox, planStatus, token ? (rows ?? []) : undefined, {
      adopt: (list) => (rows = list),
      rerender: () => renderPlan(),
      save: () => void savePlan(),
    });

  const savePlan = async () => {
    ctx.audio.play('click');
    const planned = plannedRows(t, rows ?? []);
    if ('problem' in planned) {
      planStatus.textContent = t('exercise.plan.failed', { reason: planned.problem });
      return;
    }
    planStatus.textContent = t('exercise.plan.saving');
    try {
      review = await api('plan', { method: 'PUT', body: JSON.stringify({ rows: planned.rows }) });
      rows = review.improvementPlan.map((r) => ({ ...r }));
      renderPlan();
      planStatus.textContent = t('exercise.plan.saved', { n: review.improvementPlan.length });
      renderFeedback();
    } catch (e) {
      planStatus.textContent = t('exercise.plan.failed', { reason: (e as Error).message });
    }
  };

  const prefill = () => {
    const aar = deps.aar();
    if (prefilled || !aar || !review || rows === undefined) return;
    prefilled = true;
    if (rows.length === 0) rows = planFromLessons(aar.lessons, lang());
    renderPlan();
  };

  const renderDownloads = () => {
    clear(downloads);
    const aar = deps.aar();
    // The review as it stands: the saved plan (what the server holds), the feedback so far.
    const full = () =>
      withRecords(aar!, {
        feedback: review?.feedback ?? [],
        improvementPlan: review?.improvementPlan ?? [],
        // The debrief's review is built from this seat's copy of the run, which has no
        // observations: the server's records (or, before they load, what this seat saw) add them.
        observations: review?.observations ?? seat.observations,
      });
    downloads.append(
      ...reviewDownloads(
        ctx,
        deps,
        `1-25-team-${code}`,
        !!aar,
        full,
        () => review?.improvementPlan ?? [],
      ),
    );
  };

  const load = async () => {
    if (!token) return;
    try {
      review = await api('review');
      if (rows === undefined) rows = review.improvementPlan.map((r) => ({ ...r }));
    } catch (e) {
      planStatus.textContent = t('exercise.plan.failed', { reason: (e as Error).message });
    }
    renderFeedback();
    if (!prefilled) prefill();
    if (!prefilled) renderPlan();
    renderDownloads();
  };

  renderFeedback();
  renderPlan();
  renderDownloads();
  void load();
  const onLanguage = () => {
    renderFeedback();
    renderPlan();
    renderDownloads();
  };
  ctx.i18n.on('languageChanged', onLanguage);
  return {
    element,
    refresh: () => {
      prefill();
      renderDownloads();
    },
    dispose: () => ctx.i18n.off('languageChanged', onLanguage),
  };
}
