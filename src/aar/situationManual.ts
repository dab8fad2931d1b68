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

type L = LocalText;

/** The team roles a session can seat, in the order the lobby lists them. */
export const SITMAN_ROLES = ['commander', 'network', 'security', 'systems', 'comms'] as const;

const ROLE_TEXT: Record<
  (typeof SITMAN_ROLES)[number] | 'facilitator' | 'projector',
  { name: L; duty: L }
> = {
  facilitator: {
    name: { ko: '진행자', en: 'Facilitator' },
    duty: {
      ko: '세션을 만들고 시계(일시정지·배속·건너뛰기)를 운영하며, 돌발 상황(인젝트)을 보내고 토론 질문에서 멈춰 팀의 답을 기록합니다.',
      en: 'Creates the session, runs the clock (pause, speed, skip), sends custom injects, and stops at the discussion questions to record the team’s answers.',
    },
  },
  commander: {
    name: { ko: '사고 대응 책임자', en: 'Incident commander' },
    duty: {
      ko: '우선순위를 정하고 인력을 호출하며, 상황 보고와 에스컬레이션을 결정하고 팀의 토론 답을 정리합니다.',
      en: 'Sets priorities, calls staff in, decides escalation and situation reports, and sums up the team’s answers to the discussion questions.',
    },
  },
  network: {
    name: { ko: '네트워크 (NOC)', en: 'Network (NOC)' },
    duty: {
      ko: '회선 그래프와 NetFlow를 보고 경계·내부 장비에 필터를 적용합니다.',
      en: 'Reads link graphs and NetFlow, and applies filters at the border and inside the network.',
    },
  },
  security: {
    name: { ko: '보안', en: 'Security' },
    duty: {
      ko: 'IDS 경보로 원인(UDP 1434)을 확인하고 KISA 등 외부 기관과 정보를 나눕니다.',
      en: 'Confirms the cause (UDP 1434) from IDS alerts and shares information with KISA and other bodies.',
    },
  },
  systems: {
    name: { ko: '시스템 / DNS', en: 'Systems / DNS' },
    duty: {
      ko: 'DNS 서버를 살리고 감염된 SQL 서버를 격리·패치합니다.',
      en: 'Keeps DNS answering, and isolates and patches infected SQL servers.',
    },
  },
  comms: {
    name: { ko: '대외 커뮤니케이션', en: 'Communications' },
    duty: {
      ko: '고객·언론·기관에 보낼 공지를 작성하고 보냅니다.',
      en: 'Writes and sends notices to customers, the press and the authorities.',
    },
  },
  projector: {
    name: { ko: '프로젝터', en: 'Projector' },
    duty: {
      ko: '읽기 전용 화면: 지도, 시계, 역할 현황과 진행자가 띄운 토론 질문을 방 전체에 보여 줍니다.',
      en: 'A read-only screen: the map, the clock, who holds which role, and the discussion question the facilitator puts up.',
    },
  },
};

/** Exercise objectives, each with the HSEEP core capability it exercises and the score parts that measure it. */
const OBJECTIVES: { text: L; capability: L; parts: ScorePart[] }[] = [
  {
    text: {
      ko: '이상 징후를 알아차리고 원인(MS SQL 서버를 노리는 UDP 1434 웜)을 확인한다.',
      en: 'Notice the anomaly and identify its cause (a worm on UDP 1434 targeting MS SQL servers).',
    },
    capability: { ko: '상황 평가', en: 'Situational Assessment' },
    parts: ['timeToDetect'],
  },
  {
    text: {
      ko: '경계에서 웜 트래픽을 막고 자사에서 나가는 웜 트래픽을 줄인다.',
      en: 'Stop worm traffic at the border and reduce worm traffic leaving the network.',
    },
    capability: { ko: '사이버 보안', en: 'Cybersecurity' },
    parts: ['timeToFilter', 'outboundWorm', 'infectedHostHours'],
  },
  {
    text: {
      ko: 'DNS와 가입자·고객 서비스를 지키고 복구한다.',
      en: 'Keep DNS and subscriber and customer services up, and restore them.',
    },
    capability: { ko: '기반 시설 시스템', en: 'Infrastructure Systems' },
    parts: ['dnsAvailability', 'subscriberHours', 'serviceHours'],
  },
  {
    text: {
      ko: 'KISA에 신고하고 고객과 언론에 정확한 정보를 알린다.',
      en: 'Report to KISA and give customers and the press accurate information.',
    },
    capability: { ko: '대국민 정보 제공 및 경보', en: 'Public Information and Warning' },
    parts: ['timeToNotifyKisa', 'communications'],
  },
  {
    text: {
      ko: '인력을 효율적으로 운영하고 월요일 업무 시작 전에 취약 서버를 줄인다.',
      en: 'Use staff well and leave as few vulnerable servers as possible before Monday morning.',
    },
    capability: { ko: '운영 조정', en: 'Operational Coordination' },
    parts: ['staffCost', 'mondayReadiness'],
  },
];

/** A 90-minute class session (minutes each), the plan docs/FACILITATOR.md walks through. */
const AGENDA: { minutes: number; what: L }[] = [
  {
    minutes: 10,
    what: {
      ko: '소개와 역할 배정: 방 코드/QR로 입장, 상황 매뉴얼 훑어보기',
      en: 'Introduction and seating: join with the room code or QR code, skim this manual',
    },
  },
  {
    minutes: 20,
    what: {
      ko: '모듈 1 — 탐지: 플레이, 첫 토론 질문에서 멈춤',
      en: 'Module 1 — Detection: play, stop at its discussion question',
    },
  },
  {
    minutes: 25,
    what: {
      ko: '모듈 2 — 대응: 플레이(배속 2–4배), 토론',
      en: 'Module 2 — Response: play (speed ×2–×4), discuss',
    },
  },
  {
    minutes: 15,
    what: {
      ko: '모듈 3 — 복구: 건너뛰기로 월요일까지, 토론',
      en: 'Module 3 — Recovery: skip towards Monday, discuss',
    },
  },
  {
    minutes: 20,
    what: {
      ko: '사후 검토: 점수와 실제 대응 비교, 교훈, 개선 계획, 참가자 피드백',
      en: 'Hot wash: score beside the real response, lessons, improvement plan, participant feedback',
    },
  },
];

const S = {
  docTitle: { ko: '상황 매뉴얼', en: 'Situation Manual' },
  subtitle: {
    ko: '1·25 인터넷 대란 (2003년 1월 25일) 사고 대응 토론형 훈련',
    en: 'Incident-response exercise on the 1·25 Internet outage (25 January 2003)',
  },
  purpose: { ko: '1. 목적', en: '1. Purpose' },
  purposeText: {
    ko: '이 훈련은 2003년 1월 25일 SQL Slammer 웜이 국내 인터넷을 마비시킨 날을 재현해, 팀이 탐지·대응·복구 과정에서 내리는 결정을 연습하고 실제 그날의 대응과 비교하도록 합니다. 잘잘못을 가리는 시험이 아니라, 계획과 절차의 빈틈을 함께 찾는 자리입니다.',
    en: 'This exercise replays 25 January 2003, when the SQL Slammer worm took the Korean Internet down, so that a team can practise the decisions of detection, response and recovery and compare them with the real response of the day. It is not a test of individuals: its aim is to find, together, the gaps in plans and procedures.',
  },
  situation: { ko: '시작 상황', en: 'Starting situation' },
  objectives: { ko: '2. 훈련 목표와 역량', en: '2. Objectives and capabilities' },
  objective: { ko: '목표', en: 'Objective' },
  capability: { ko: '역량 (HSEEP)', en: 'Capability (HSEEP)' },
  measured: { ko: '점수 항목 (가중치)', en: 'Measured by (weight)' },
  scenario: { ko: '3. 시나리오 (모듈별)', en: '3. Scenario by module' },
  window: { ko: '시간대', en: 'Time window' },
  events: { ko: '그날 있었던 일', en: 'What happened that day' },
  injects: { ko: '들어오는 상황(인젝트)', en: 'Injects (messages the team receives)' },
  atTime: { ko: '{{t}}', en: '{{t}}' },
  afterEvent: { ko: '{{event}} 후 {{min}}분', en: '{{min}} min after {{event}}' },
  noneInModule: { ko: '없음', en: 'none' },
  roles: { ko: '4. 역할', en: '4. Roles' },
  role: { ko: '역할', en: 'Role' },
  duty: { ko: '하는 일', en: 'Responsibilities' },
  commands: { ko: '이 시나리오에서 쓸 수 있는 명령', en: 'Commands in this scenario' },
  questions: { ko: '5. 토론 질문', en: '5. Discussion questions' },
  questionsIntro: {
    ko: '진행자는 각 질문의 시각에 시계를 멈추고 질문을 프로젝터에 띄웁니다. 팀의 답은 사후 검토 보고서에 모듈별로 남습니다.',
    en: 'At each question’s time the facilitator pauses the clock and puts the question on the projector. The team’s answers go into the after-action review under their module.',
  },
  time: { ko: '시각', en: 'Time' },
  module: { ko: '모듈', en: 'Module' },
  question: { ko: '질문', en: 'Question' },
  logistics: { ko: '6. 진행 안내', en: '6. Logistics' },
  project: { ko: '프로젝터에 띄울 것', en: 'What to project' },
  projectList: {
    ko: [
      '로비: 방 코드와 참가 QR 코드 (프로젝터 좌석으로 입장)',
      '플레이 중: 지도, 시계, 역할 현황 — 진행자가 띄운 토론 질문은 크게 표시됩니다',
      '끝난 뒤: 점수와 실제 대응 비교 화면 (진행자의 사후 검토)',
    ],
    en: [
      'Lobby: the room code and the join QR code (join as a projector seat)',
      'During play: the map, the clock and who holds which role — a discussion question the facilitator puts up shows in large type',
      'Afterwards: the score beside the real response (the facilitator’s debrief)',
    ],
  },
  agenda: { ko: '90분 세션 시간표', en: 'Timings for a 90-minute session' },
  minutes: { ko: '분', en: 'Minutes' },
  activity: { ko: '내용', en: 'Activity' },
  total: { ko: '합계', en: 'Total' },
  needs: { ko: '준비물', en: 'You need' },
  needsList: {
    ko: [
      '진행자 노트북 1대 (서버 실행: npm start) 과 프로젝터',
      '참가자마다 노트북 또는 휴대전화 (같은 네트워크의 브라우저)',
      '이 상황 매뉴얼 (참가자당 1부)',
    ],
    en: [
      'The facilitator’s laptop (running the server: npm start) and a projector',
      'A laptop or phone per participant (a browser on the same network)',
      'This Situation Manual (one copy per participant)',
    ],
  },
  scenarioClock: {
    ko: '게임 시계: {{start}} 시작, {{end}} 종료. 진행자가 배속과 건너뛰기로 90분에 맞춥니다.',
    en: 'Game clock: starts {{start}}, ends {{end}}. The facilitator fits it into 90 minutes with speed and skip.',
  },
  footer: { ko: '시나리오', en: 'Level' },
} as const;

const EVENT_TEXT: Record<string, L> = {
  'worm.onset': { ko: '웜 발생', en: 'the worm’s onset' },
  'worm.local': { ko: '자사 감염 호스트 발견', en: 'a local infection' },
  'link.saturated': { ko: '회선 포화', en: 'a link saturating' },
  'dns.down': { ko: 'DNS 장애', en: 'DNS failing' },
  'outage.start': { ko: '가입자 장애 시작', en: 'the outage starting' },
};

/** Events a level's injects react to that belong to the first minutes (detection). */
const DETECTION_EVENTS = new Set(['worm.onset', 'worm.local', 'link.saturated']);

const t = (s: L, lang: Lang) => e(s[lang]);
const fill = (s: string, p: Record<string, string | number>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(p[k] ?? ''));

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
            : fill(S.afterEvent[lang], {
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
  const clockLine = fill(S.scenarioClock[lang], {
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
