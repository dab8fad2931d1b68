/**
 * The review's exercise sections (issue 17): the team's discussion answers by module, evaluator
 * observations, the participant feedback summary and the improvement plan. Every piece of text is
 * escaped: answers, feedback and plan rows are typed by people.
 */
import type { LocalText } from '../game';
import { escapeHtml as e } from './escape';
import {
  DISCUSSION_MODULES,
  FEEDBACK_QUESTIONS,
  FEEDBACK_QUESTION_TEXT,
  FEEDBACK_STATEMENTS,
  FEEDBACK_STATEMENT_TEXT,
  HSEEP_RATING_TEXT,
  MODULE_TEXT,
} from './exerciseRecords';
import { OBJECTIVES } from '../game/evaluationGuide';
import { clock, type Lang } from './format';
import type { Aar } from './types';

const S = {
  discussion: { ko: '토론 — 모듈별 팀의 답', en: 'Discussion — the team’s answers by module' },
  question: { ko: '질문', en: 'Question' },
  answer: { ko: '팀의 답', en: 'Team’s answer' },
  time: { ko: '시각', en: 'Time' },
  observations: { ko: '평가자 관찰', en: 'Evaluator observations' },
  task: { ko: '핵심 과업', en: 'Critical task' },
  rating: { ko: '평가', en: 'Rating' },
  capability: { ko: '역량', en: 'Capability' },
  note: { ko: '기록', en: 'Note' },
  decision: { ko: '관련 결정', en: 'Decision' },
  feedback: { ko: '참가자 피드백 (익명)', en: 'Participant feedback (anonymous)' },
  responses: { ko: '응답 수', en: 'Responses' },
  statement: {
    ko: '문항 (1 전혀 아니다 – 5 매우 그렇다)',
    en: 'Statement (1 strongly disagree – 5 strongly agree)',
  },
  average: { ko: '평균', en: 'Average' },
  noFeedback: { ko: '피드백이 없습니다.', en: 'No feedback was received.' },
  plan: { ko: '개선 계획', en: 'Improvement plan' },
  planIntro: {
    ko: '진행자가 채워 넣는 표입니다. 개선할 점마다 한 줄씩 있습니다.',
    en: 'For the facilitator to fill in: one row per area for improvement.',
  },
  issue: { ko: '문제', en: 'Issue' },
  action: { ko: '개선 조치', en: 'Corrective action' },
  owner: { ko: '담당자', en: 'Owner' },
  due: { ko: '기한', en: 'Due date' },
} satisfies Record<string, LocalText>;

const t = (s: LocalText, lang: Lang) => e(s[lang]);

export function discussionSection(aar: Aar, lang: Lang): string {
  if (aar.discussion.length === 0) return '';
  const modules = DISCUSSION_MODULES.map((m) => {
    const rows = aar.discussion
      .filter((d) => d.module === m)
      .map(
        (d) =>
          `<tr><td>${e(clock(d.tick, lang))}</td><td>${t(d.question, lang)}</td><td class="answer">${e(d.answer)}</td></tr>`,
      )
      .join('');
    return rows
      ? `<h3>${t(MODULE_TEXT[m], lang)}</h3><table><thead><tr><th>${t(S.time, lang)}</th><th>${t(S.question, lang)}</th>` +
          `<th>${t(S.answer, lang)}</th></tr></thead><tbody>${rows}</tbody></table>`
      : '';
  }).join('');
  return `<section class="discussion" data-section="discussion"><h2>${t(S.discussion, lang)}</h2>${modules}</section>`;
}

/**
 * Observations under the objective (capability) they rate, in the evaluation guide's order, each
 * with its critical task, rating, note and the decision it is about.
 */
export function observationsSection(aar: Aar, lang: Lang): string {
  if (aar.observations.length === 0) return '';
  const byObjective = OBJECTIVES.map((o) => {
    const rows = aar.observations
      .filter((x) => x.capability === o.capability)
      .map(
        (x) =>
          `<tr><td>${e(clock(x.tick, lang))}</td><td>${t(x.criticalTaskText, lang)}</td>` +
          `<td class="rating">${e(x.rating)} — ${t(HSEEP_RATING_TEXT[x.rating], lang)}</td>` +
          `<td class="answer">${e(x.note)}</td><td>${x.decision ? e(`#${x.decisionSeq} ${clock(x.decision.tick, lang)} ${x.decision.role} ${x.decision.type}`) : '—'}</td></tr>`,
      )
      .join('');
    return rows
      ? `<h3 data-capability="${e(o.capability)}">${t(o.capabilityName, lang)} — ${t(o.text, lang)}</h3>` +
          `<table><thead><tr><th>${t(S.time, lang)}</th><th>${t(S.task, lang)}</th><th>${t(S.rating, lang)}</th>` +
          `<th>${t(S.note, lang)}</th><th>${t(S.decision, lang)}</th></tr></thead><tbody>${rows}</tbody></table>`
      : '';
  }).join('');
  return `<section data-section="observations"><h2>${t(S.observations, lang)}</h2>${byObjective}</section>`;
}

export function feedbackSection(aar: Aar, lang: Lang): string {
  if (aar.feedback.length === 0) return '';
  const avg = FEEDBACK_STATEMENTS.map((s) => {
    const a = aar.feedbackSummary.averages[s];
    return `<tr><td>${t(FEEDBACK_STATEMENT_TEXT[s], lang)}</td><td class="num">${a === null ? '—' : e(a.toFixed(1))}</td></tr>`;
  }).join('');
  const answers = FEEDBACK_QUESTIONS.map((q) => {
    const items = aar.feedback
      .map((f) => f[q].trim())
      .filter((x) => x !== '')
      .map((x) => `<li>${e(x)}</li>`)
      .join('');
    return items
      ? `<h3>${t(FEEDBACK_QUESTION_TEXT[q], lang)}</h3><ul class="feedback">${items}</ul>`
      : '';
  }).join('');
  return (
    `<section data-section="feedback"><h2>${t(S.feedback, lang)}</h2><p>${t(S.responses, lang)}: <strong>${e(aar.feedbackSummary.responses)}</strong></p>` +
    `<table><thead><tr><th>${t(S.statement, lang)}</th><th class="num">${t(S.average, lang)}</th></tr></thead><tbody>${avg}</tbody></table>` +
    `${answers}</section>`
  );
}

/**
 * The improvement plan: the facilitator's saved rows, or (none saved) one blank row per area for
 * improvement the game found, to fill in on paper.
 */
export function planSection(aar: Aar, lang: Lang): string {
  const saved = aar.improvementPlan;
  const rows =
    saved.length > 0
      ? saved
          .map(
            (r) =>
              `<tr><td>${e(r.issue)}</td><td>${e(r.action)}</td><td>${e(r.capability)}</td><td>${e(r.owner)}</td><td>${e(r.due)}</td></tr>`,
          )
          .join('')
      : (() => {
          const issues = aar.lessons.filter((l) => l.kind === 'improvement');
          return (issues.length > 0 ? issues.map((l) => t(l.text, lang)) : [''])
            .map((issue) => `<tr><td>${issue}</td><td></td><td></td><td></td><td></td></tr>`)
            .join('');
        })();
  return (
    `<section class="plan" data-section="plan"><h2>${t(S.plan, lang)}</h2>` +
    (saved.length > 0 ? '' : `<p class="muted">${t(S.planIntro, lang)}</p>`) +
    `<table><thead><tr><th>${t(S.issue, lang)}</th><th>${t(S.action, lang)}</th><th>${t(S.capability, lang)}</th>` +
    `<th>${t(S.owner, lang)}</th><th>${t(S.due, lang)}</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}
