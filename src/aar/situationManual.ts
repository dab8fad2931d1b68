/**
 * renderSituationManual(level, lang): the printable Situation Manual (HSEEP "SitMan") of a level,
 * handed to participants before a facilitated session — purpose, objectives and the capabilities
 * they exercise, the scenario module by module, the roles, the discussion questions, and the
 * logistics of a 90-minute class. Generated from the level itself, so it never disagrees with what
 * the game plays. A standalone page (no script, no external assets); every level text is escaped.
 * Pure: runs in Node (npm run sitman) and in the browser (the facilitator lobby's button).
 */
import { commandRoles, isoToTick, type Level, type LocalText, type ScorePart } from '../game';
import { escapeHtml as e } from './escape';
import { DISCUSSION_MODULES, MODULE_TEXT, type DiscussionModule } from './exerciseRecords';
import { clock, type Lang } from './format';
import { PART_LABELS } from './scoreWords';
import { L as local, LIST as lists, say } from './sitmanText';

type L = LocalText;

/** The team roles a session can seat, in the order the lobby lists them. */
export const SITMAN_ROLES = ['commander', 'network', 'security', 'systems', 'comms'] as const;

const ROLE_TEXT: Record<
  (typeof SITMAN_ROLES)[number] | 'facilitator' | 'projector',
  { name: L; duty: L }
> = {
  facilitator: {
    name: local('manual.roleText.facilitator.name'),
    duty: local('manual.roleText.facilitator.duty'),
  },
  commander: {
    name: local('manual.roleText.commander.name'),
    duty: local('manual.roleText.commander.duty'),
  },
  network: {
    name: local('manual.roleText.network.name'),
    duty: local('manual.roleText.network.duty'),
  },
  security: {
    name: local('manual.roleText.security.name'),
    duty: local('manual.roleText.security.duty'),
  },
  systems: {
    name: local('manual.roleText.systems.name'),
    duty: local('manual.roleText.systems.duty'),
  },
  comms: {
    name: local('manual.roleText.comms.name'),
    duty: local('manual.roleText.comms.duty'),
  },
  projector: {
    name: local('manual.roleText.projector.name'),
    duty: local('manual.roleText.projector.duty'),
  },
};

/** Exercise objectives, each with the HSEEP core capability it exercises and the score parts that measure it. */
const OBJECTIVES: { text: L; capability: L; parts: ScorePart[] }[] = [
  {
    text: local('manual.objectives.detect.text'),
    capability: local('manual.objectives.detect.capability'),
    parts: ['timeToDetect'],
  },
  {
    text: local('manual.objectives.contain.text'),
    capability: local('manual.objectives.contain.capability'),
    parts: ['timeToFilter', 'outboundWorm', 'infectedHostHours'],
  },
  {
    text: local('manual.objectives.keepServices.text'),
    capability: local('manual.objectives.keepServices.capability'),
    parts: ['dnsAvailability', 'subscriberHours', 'serviceHours'],
  },
  {
    text: local('manual.objectives.inform.text'),
    capability: local('manual.objectives.inform.capability'),
    parts: ['timeToNotifyKisa', 'communications'],
  },
  {
    text: local('manual.objectives.recover.text'),
    capability: local('manual.objectives.recover.capability'),
    parts: ['staffCost', 'mondayReadiness'],
  },
];

/** A 90-minute class session (minutes each), the plan docs/FACILITATOR.md walks through. */
const AGENDA: { minutes: number; what: L }[] = [
  {
    minutes: 10,
    what: local('manual.agenda.introduction'),
  },
  {
    minutes: 20,
    what: local('manual.agenda.detection'),
  },
  {
    minutes: 25,
    what: local('manual.agenda.response'),
  },
  {
    minutes: 15,
    what: local('manual.agenda.recovery'),
  },
  {
    minutes: 20,
    what: local('manual.agenda.hotWash'),
  },
];

const S = {
  docTitle: local('manual.s.docTitle'),
  subtitle: local('manual.s.subtitle'),
  purpose: local('manual.s.purpose'),
  purposeText: local('manual.s.purposeText'),
  situation: local('manual.s.situation'),
  objectives: local('manual.s.objectives'),
  objective: local('manual.s.objective'),
  capability: local('manual.s.capability'),
  measured: local('manual.s.measured'),
  scenario: local('manual.s.scenario'),
  window: local('manual.s.window'),
  events: local('manual.s.events'),
  injects: local('manual.s.injects'),
  atTime: 'manual.s.atTime',
  afterEvent: 'manual.s.afterEvent',
  noneInModule: local('manual.s.noneInModule'),
  roles: local('manual.s.roles'),
  role: local('manual.s.role'),
  duty: local('manual.s.duty'),
  commands: local('manual.s.commands'),
  questions: local('manual.s.questions'),
  questionsIntro: local('manual.s.questionsIntro'),
  time: local('manual.s.time'),
  module: local('manual.s.module'),
  question: local('manual.s.question'),
  logistics: local('manual.s.logistics'),
  project: local('manual.s.project'),
  projectList: lists('manual.s.projectList'),
  agenda: local('manual.s.agenda'),
  minutes: local('manual.s.minutes'),
  activity: local('manual.s.activity'),
  total: local('manual.s.total'),
  needs: local('manual.s.needs'),
  needsList: lists('manual.s.needsList'),
  scenarioClock: 'manual.s.scenarioClock',
  footer: local('manual.s.footer'),
} as const;

const EVENT_TEXT: Record<string, L> = {
  'worm.onset': local('manual.eventText.worm_onset'),
  'worm.local': local('manual.eventText.worm_local'),
  'link.saturated': local('manual.eventText.link_saturated'),
  'dns.down': local('manual.eventText.dns_down'),
  'outage.start': local('manual.eventText.outage_start'),
};

/** Events a level's injects react to that belong to the first minutes (detection). */
const DETECTION_EVENTS = new Set(['worm.onset', 'worm.local', 'link.saturated']);

const t = (s: L, lang: Lang) => e(s[lang]);

/**
 * Module windows: a module ends with its (last) discussion question, where the facilitator stops
 * to talk it through; the next module begins there. Detection starts with the level.
 */
function moduleStarts(level: Level): Record<DiscussionModule, number> {
  const start = isoToTick(level.meta.start) ?? 0;
  const last = (m: DiscussionModule, fallback: number) => {
    const ticks = level.discussion.filter((d) => d.module === m).map((d) => isoToTick(d.at) ?? 0);
    return ticks.length > 0 ? Math.max(...ticks) : fallback;
  };
  const response = last('detection', start);
  return { detection: start, response, recovery: Math.max(response, last('response', response)) };
}

function moduleOfTick(starts: Record<DiscussionModule, number>, tick: number): DiscussionModule {
  if (tick > starts.recovery) return 'recovery';
  if (tick > starts.response) return 'response';
  return 'detection';
}

function section(id: string, heading: L, lang: Lang, body: string): string {
  return `<section data-section="${id}"><h2>${t(heading, lang)}</h2>${body}</section>`;
}

function objectives(level: Level, lang: Lang): string {
  const rows = OBJECTIVES.map((o) => {
    const weights = o.parts
      .map((p) => ({ p, w: level.scoring.weights[p] ?? 0 }))
      .filter((x) => x.w > 0)
      .map((x) => `${t(PART_LABELS[x.p], lang)} (${e(x.w)})`)
      .join(', ');
    return `<tr><td>${t(o.text, lang)}</td><td>${t(o.capability, lang)}</td><td>${weights || '—'}</td></tr>`;
  }).join('');
  return section(
    'objectives',
    S.objectives,
    lang,
    `<table><thead><tr><th>${t(S.objective, lang)}</th><th>${t(S.capability, lang)}</th><th>${t(S.measured, lang)}</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function scenario(level: Level, lang: Lang): string {
  const starts = moduleStarts(level);
  const end = isoToTick(level.meta.end) ?? 0;
  const body = DISCUSSION_MODULES.map((m, i) => {
    const from = starts[m];
    const next = DISCUSSION_MODULES[i + 1];
    const to = next ? starts[next] : end;
    const events = level.history.timeline
      .filter((x) => moduleOfTick(starts, isoToTick(x.at) ?? 0) === m)
      .map(
        (x) =>
          `<li><span class="when">${e(clock(isoToTick(x.at) ?? 0, lang))}</span> ${t(x.text, lang)}</li>`,
      )
      .join('');
    const injects = level.injects
      .filter((j) =>
        'at' in j.trigger
          ? moduleOfTick(starts, isoToTick(j.trigger.at) ?? 0) === m
          : (DETECTION_EVENTS.has(j.trigger.event) ? 'detection' : 'response') === m,
      )
      .map((j) => {
        const when =
          'at' in j.trigger
            ? clock(isoToTick(j.trigger.at) ?? 0, lang)
            : say(S.afterEvent, lang, {
                event: (EVENT_TEXT[j.trigger.event] ?? {
                  ko: j.trigger.event,
                  en: j.trigger.event,
                })[lang],
                min: j.trigger.afterMin,
              });
        return `<li><span class="when">${e(when)}</span> <strong>${t(j.subject, lang)}</strong></li>`;
      })
      .join('');
    const none = `<li class="muted">${t(S.noneInModule, lang)}</li>`;
    return (
      `<div class="module" data-module="${m}"><h3>${t(MODULE_TEXT[m], lang)}</h3>` +
      `<p class="muted">${t(S.window, lang)}: ${e(clock(from, lang))} – ${e(clock(to, lang))}</p>` +
      `<h4>${t(S.events, lang)}</h4><ul>${events || none}</ul>` +
      `<h4>${t(S.injects, lang)}</h4><ul>${injects || none}</ul></div>`
    );
  }).join('');
  return section('scenario', S.scenario, lang, body);
}

function roles(level: Level, lang: Lang): string {
  const types = Object.keys(level.commands);
  const all = ['facilitator', ...SITMAN_ROLES, 'projector'] as const;
  const rows = all
    .map((r) => {
      const cmds =
        r === 'projector'
          ? []
          : types
              .concat(['note.add', 'inject.answer', 'inject.custom', 'clock.pause'])
              .filter(
                (c, i, a) => a.indexOf(c) === i && (commandRoles(level, c) ?? []).includes(r),
              );
      return (
        `<tr data-role="${r}"><th scope="row">${t(ROLE_TEXT[r].name, lang)}</th><td>${t(ROLE_TEXT[r].duty, lang)}</td>` +
        `<td>${cmds.map((c) => `<code>${e(c)}</code>`).join(' ') || '—'}</td></tr>`
      );
    })
    .join('');
  return section(
    'roles',
    S.roles,
    lang,
    `<table><thead><tr><th>${t(S.role, lang)}</th><th>${t(S.duty, lang)}</th><th>${t(S.commands, lang)}</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function questions(level: Level, lang: Lang): string {
  const rows = level.discussion
    .map(
      (d, i) =>
        `<tr data-question="${i}"><td>${e(clock(isoToTick(d.at) ?? 0, lang))}</td><td>${t(MODULE_TEXT[d.module], lang)}</td><td>${t(d.question, lang)}</td></tr>`,
    )
    .join('');
  return section(
    'questions',
    S.questions,
    lang,
    `<p>${t(S.questionsIntro, lang)}</p><table><thead><tr><th>${t(S.time, lang)}</th><th>${t(S.module, lang)}</th><th>${t(S.question, lang)}</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function logistics(level: Level, lang: Lang): string {
  const list = (items: readonly string[]) =>
    `<ul>${items.map((x) => `<li>${e(x)}</li>`).join('')}</ul>`;
  const total = AGENDA.reduce((a, b) => a + b.minutes, 0);
  const agenda = AGENDA.map(
    (a) => `<tr><td class="num">${e(a.minutes)}</td><td>${t(a.what, lang)}</td></tr>`,
  ).join('');
  const clockLine = say(S.scenarioClock, lang, {
    start: clock(isoToTick(level.meta.start) ?? 0, lang),
    end: clock(isoToTick(level.meta.end) ?? 0, lang),
  });
  return section(
    'logistics',
    S.logistics,
    lang,
    `<h3>${t(S.project, lang)}</h3>${list(S.projectList[lang])}` +
      `<h3>${t(S.agenda, lang)}</h3><p>${e(clockLine)}</p><table><thead><tr><th class="num">${t(S.minutes, lang)}</th><th>${t(S.activity, lang)}</th></tr></thead>` +
      `<tbody>${agenda}<tr class="total"><td class="num">${e(total)}</td><td>${t(S.total, lang)}</td></tr></tbody></table>` +
      `<h3>${t(S.needs, lang)}</h3>${list(S.needsList[lang])}`,
  );
}

const CSS = `
* { box-sizing: border-box; }
body { font-family: "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", system-ui, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 52rem; padding: 1.5rem; line-height: 1.5; }
h1 { font-size: 1.7rem; margin: 0; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #1a1a1a; margin-top: 1.8rem; }
h3 { font-size: 1.05rem; margin: 1.1rem 0 .3rem; }
h4 { font-size: .95rem; margin: .6rem 0 .2rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border: 1px solid #c8c8c8; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f5; }
.num { text-align: right; }
.muted { color: #555; }
.when { font-variant-numeric: tabular-nums; color: #555; margin-right: .3rem; }
.total td { font-weight: bold; }
.module { break-inside: avoid; }
section { break-inside: auto; }
@media print { body { padding: 0; } h2 { break-after: avoid; } }
`;

export class SitmanError extends Error {}

/** The Situation Manual of `level` in one language, as a standalone HTML page. */
export function renderSituationManual(level: Level, lang: Lang): string {
  if (lang !== 'ko' && lang !== 'en')
    throw new SitmanError(`lang: must be ko or en, got ${JSON.stringify(lang)}`);
  const title = `${S.docTitle[lang]} — ${level.meta.title[lang]}`;
  return (
    `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${CSS}</style></head><body>` +
    `<article><header><h1>${t(S.docTitle, lang)} — ${t(level.meta.title, lang)}</h1><p class="muted">${t(S.subtitle, lang)}</p></header>` +
    section(
      'purpose',
      S.purpose,
      lang,
      `<p>${t(S.purposeText, lang)}</p><h3>${t(S.situation, lang)}</h3><p>${t(level.meta.briefing, lang)}</p>`,
    ) +
    objectives(level, lang) +
    scenario(level, lang) +
    roles(level, lang) +
    questions(level, lang) +
    logistics(level, lang) +
    `<footer class="muted"><p>${t(S.footer, lang)}: <code>${e(level.meta.id)}</code> v${e(level.meta.version)}</p></footer>` +
    `</article></body></html>\n`
  );
}
