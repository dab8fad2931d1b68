/**
 * renderAarHtml(aar, lang): a standalone, printable page (no script, no external assets) in the
 * HSEEP after-action report shape trainers file: overview, key times, curves, score beside the real
 * day's response, strengths and areas for improvement, who did what, an improvement-plan table to
 * fill in, the real timeline and the sources. Every piece of text is escaped.
 */
import type { LocalText, ScorePart } from '../game';
import { escapeHtml as e } from './escape';
import {
  discussionSection,
  feedbackSection,
  observationsSection,
  planSection,
} from './exerciseHtml';
import { clock, duration, type Lang } from './format';
import { lineChart } from './svgChart';
import {
  COLUMN,
  PART_LABELS,
  RUNNING_SCORE_MEANING,
  howItWorksFormula,
  num,
  zeroAtText,
} from './scoreWords';
import type { Aar, KeyTimeId } from './types';

type Strings = Record<string, LocalText>;

const S = {
  docTitle: { ko: '사후 검토 보고서', en: 'After-action review' },
  overview: { ko: '개요', en: 'Exercise overview' },
  level: { ko: '시나리오', en: 'Scenario' },
  player: { ko: '플레이어', en: 'Player' },
  seed: { ko: '시드', en: 'Seed' },
  players: { ko: '참가자와 역할', en: 'Players and roles' },
  commands: { ko: '명령 수', en: 'Commands' },
  runEnd: { ko: '종료 시각', en: 'Run ends' },
  ended: { ko: '완료', en: 'finished' },
  saved: { ko: '중간 저장', en: 'saved before the end' },
  scoreTotal: { ko: '점수', en: 'Score' },
  verified: {
    ko: '이 보고서는 런 파일을 시드부터 다시 시뮬레이션해 검증한 결과입니다.',
    en: 'This review was computed by re-simulating the run file from its seed; the run verified.',
  },
  keyTimes: { ko: '주요 시각', en: 'Key times' },
  event: { ko: '사건', en: 'Event' },
  thisRun: { ko: '이번 대응', en: 'This run' },
  afterOnset: { ko: '웜 발생 후', en: 'After onset' },
  ghost: { ko: '실제 대응(같은 시드)', en: 'Historical response (same seed)' },
  never: { ko: '없음', en: 'never' },
  outage: { ko: '장애 시간과 실제 그날', en: 'Outage compared with the real day' },
  outageSpan: {
    ko: '첫 장애부터 마지막 복구까지',
    en: 'From the first outage to the last recovery',
  },
  outageMinutes: { ko: '실제 장애 상태였던 시간', en: 'Time actually in outage' },
  outageReal: {
    ko: '실제 1월 25일 (방송통신위원회 요금 반환 결정)',
    en: 'The real 25 January (KCC refund decision)',
  },
  outageGhost: {
    ko: '실제 대응을 이 시뮬레이션에서',
    en: 'The historical response in this simulation',
  },
  outageNone: { ko: '가입자 장애가 없었습니다.', en: 'Subscribers never lost service.' },
  stillGoing: { ko: '(끝날 때도 계속)', en: '(still going at the end)' },
  cmpShorter: { ko: '실제보다 짧음', en: 'shorter than the real day' },
  cmpWithin: { ko: '실제 범위 안', en: 'within the real range' },
  cmpLonger: { ko: '실제보다 김', en: 'longer than the real day' },
  charts: { ko: '추이', en: 'Curves' },
  chartSubs: { ko: '접속 가능한 가입자', en: 'Subscribers online' },
  chartDns: { ko: 'DNS 응답 성공률', en: 'DNS success' },
  chartInfected: { ko: '자사 감염 호스트', en: 'Own infected hosts' },
  chartScore: { ko: '점수 누적', en: 'Score as it built up' },
  hosts: { ko: '호스트', en: 'hosts' },
  points: { ko: '점', en: 'points' },
  you: { ko: '이번 대응', en: 'This run' },
  history: { ko: '실제 대응', en: 'Historical response' },
  chartDesc: {
    ko: '실선은 이번 대응, 점선은 같은 시드에서의 실제 대응입니다. 세로선은 이번 대응의 주요 시각입니다.',
    en: 'Solid line: this run; dashed: the historical response on the same seed. Vertical rules mark this run’s key times.',
  },
  scoreParts: { ko: '점수 항목', en: 'Score by part' },
  part: { ko: '항목', en: 'Part' },
  weight: { ko: '가중치', en: 'Weight' },
  diff: { ko: '차이', en: 'Difference' },
  total: { ko: '합계 (1000점 만점)', en: 'Total (of 1000)' },
  falseClaims: { ko: '사실이 아니었던 주장', en: 'Claims that were false when sent' },
  noFalseClaims: {
    ko: '사실과 다른 주장을 보내지 않았습니다.',
    en: 'No message made a false claim.',
  },
  scoreHistory: { ko: '점수가 바뀐 이유', en: 'What changed the score' },
  when: { ko: '구간', en: 'When' },
  why: { ko: '원인', en: 'Cause' },
  lessons: { ko: '잘한 점과 개선할 점', en: 'Strengths and areas for improvement' },
  strength: { ko: '잘한 점', en: 'Strength' },
  improvement: { ko: '개선할 점', en: 'Area for improvement' },
  evidence: { ko: '근거', en: 'Evidence' },
  sourcesShort: { ko: '출처', en: 'Sources' },
  noLessons: { ko: '해당하는 교훈이 없습니다.', en: 'No lesson applies.' },
  whoDidWhat: { ko: '누가 무엇을 했나', en: 'Who did what' },
  role: { ko: '역할', en: 'Role' },
  heldBy: { ko: '담당', en: 'Held by' },
  bot: { ko: '봇', en: 'bot' },
  count: { ko: '명령', en: 'Commands' },
  types: { ko: '명령 종류', en: 'Command types' },
  log: { ko: '명령 기록', en: 'Command log' },
  time: { ko: '시각', en: 'Time' },
  command: { ko: '명령', en: 'Command' },
  args: { ko: '대상', en: 'Arguments' },
  noCommands: { ko: '명령이 없습니다.', en: 'No commands were given.' },
  notes: { ko: '토론 기록', en: 'Discussion notes' },
  timeline: { ko: '실제 그날의 타임라인', en: 'The real day' },
  sources: { ko: '출처', en: 'Sources' },
  footer: { ko: '검증 정보', en: 'Verification' },
  levelHash: { ko: '시나리오 해시', en: 'Level SHA-256' },
  finalHash: { ko: '최종 상태 해시', en: 'Final state hash' },
  gameVersion: { ko: '게임 버전', en: 'Game version' },
} satisfies Strings;

const KEY_TIME_LABELS: Record<KeyTimeId, LocalText> = {
  onset: { ko: '웜 발생 (전 세계)', en: 'Worm onset (worldwide)' },
  firstAnomaly: { ko: '첫 이상 징후', en: 'First anomaly seen' },
  firstLook: { ko: '첫 진단 명령', en: 'First diagnostic command' },
  diagnosis: { ko: '원인 확인 (UDP 1434)', en: 'Diagnosis (UDP 1434 known)' },
  firstFilter: { ko: '첫 필터 적용', en: 'First filter in place' },
  kisaNotified: { ko: 'KISA 신고', en: 'KISA notified' },
  customersInformed: { ko: '고객 공지', en: 'Customers informed' },
  dnsDown: { ko: 'DNS 첫 장애', en: 'DNS first down' },
  dnsRestored: { ko: 'DNS 복구', en: 'DNS restored' },
};

const ROLE_LABELS: Record<string, LocalText> = {
  solo: { ko: '혼자 (모든 역할)', en: 'Solo (every role)' },
  facilitator: { ko: '진행자', en: 'Facilitator' },
  commander: { ko: '사고 지휘', en: 'Incident commander' },
  network: { ko: '네트워크 (NOC)', en: 'Network (NOC)' },
  security: { ko: '보안', en: 'Security' },
  systems: { ko: '시스템/DNS', en: 'Systems / DNS' },
  comms: { ko: '대외 커뮤니케이션', en: 'Communications' },
};

const CSS = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --you: #0b5fa5; --ghost: #b3541e; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", system-ui, sans-serif; color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid var(--ink); padding-bottom: .15rem; margin-top: 1.8rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
th, td { border: 1px solid var(--rule); padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #f1f1f1; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font-size: .88em; }
.muted { color: var(--muted); }
.lesson { border-left: 4px solid var(--rule); padding: .2rem .75rem; margin: .6rem 0; }
.lesson.strength { border-color: #2e7d32; }
.lesson.improvement { border-color: #b3541e; }
.lesson .kind { font-weight: bold; }
figure.chart { margin: .75rem 0; }
figure.chart figcaption { font-weight: bold; }
svg .grid { stroke: #e3e3e3; stroke-width: 1; }
svg .tick, svg .axisline { stroke: #888; stroke-width: 1; }
svg .marker { stroke: #999; stroke-width: 1; stroke-dasharray: 2 3; }
svg .axis { font-size: 11px; fill: #444; }
.legend { font-size: .85rem; }
.legend .key { margin-right: 1.2rem; white-space: nowrap; }
.plan td { height: 2.2rem; }
ul.causes { margin: 0; padding-left: 1.1rem; }
.plan th:nth-child(1) { width: 42%; } .plan th:nth-child(2) { width: 32%; } .plan th:nth-child(3), .plan th:nth-child(4) { width: 13%; }
footer { margin-top: 2rem; font-size: .8rem; color: var(--muted); word-break: break-all; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  table, figure, .lesson { break-inside: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: none; }
  a { color: inherit; text-decoration: none; }
  article + article { break-before: page; }
}
`;

function t(s: LocalText, lang: Lang): string {
  return e(s[lang]);
}

function argsText(args: Record<string, unknown>): string {
  return Object.entries(args)
    .map(
      ([k, v]) =>
        `${k}=${Array.isArray(v) ? v.join('+') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`,
    )
    .join(', ');
}

const at = (tick: number | null, lang: Lang) =>
  tick === null ? t(S.never, lang) : e(clock(tick, lang));
const roleName = (role: string, lang: Lang) =>
  ROLE_LABELS[role] ? t(ROLE_LABELS[role], lang) : e(role);

function overview(aar: Aar, lang: Lang): string {
  const rows: [string, string][] = [
    [
      t(S.level, lang),
      `${t(aar.level.title, lang)} <span class="muted">(${e(aar.level.id)})</span>`,
    ],
    ...(aar.run.playerName !== null
      ? ([[t(S.player, lang), e(aar.run.playerName)]] as [string, string][])
      : []),
    [t(S.seed, lang), e(aar.run.seed)],
    [
      t(S.players, lang),
      aar.run.players
        .map((p) => `${e(p.id)}: ${p.roles.map((r) => roleName(r, lang)).join(', ')}`)
        .join('<br>'),
    ],
    [t(S.commands, lang), e(aar.run.commands)],
    [
      t(S.runEnd, lang),
      `${e(clock(aar.run.endTick, lang))} (${t(aar.run.ended ? S.ended : S.saved, lang)})`,
    ],
    [
      t(S.scoreTotal, lang),
      `<strong>${e(aar.score.total)}</strong> / 1000 · ${t(S.history, lang)} ${e(aar.score.ghostTotal)}`,
    ],
  ];
  return (
    `<section><h2>${t(S.overview, lang)}</h2><table><tbody>` +
    rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('') +
    `</tbody></table><p class="muted">${t(S.verified, lang)}</p></section>`
  );
}

function keyTimes(aar: Aar, lang: Lang): string {
  const rows = aar.keyTimes
    .map(
      (k) =>
        `<tr><th scope="row">${t(KEY_TIME_LABELS[k.id], lang)}</th><td>${at(k.tick, lang)}</td>` +
        `<td class="num">${k.minutesAfterOnset === null ? '—' : e(duration(Math.max(0, k.minutesAfterOnset), lang))}</td>` +
        `<td>${at(k.ghostTick, lang)}</td></tr>`,
    )
    .join('');
  return (
    `<section><h2>${t(S.keyTimes, lang)}</h2><table><thead><tr><th>${t(S.event, lang)}</th><th>${t(S.thisRun, lang)}</th>` +
    `<th class="num">${t(S.afterOnset, lang)}</th><th>${t(S.ghost, lang)}</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function outage(aar: Aar, lang: Lang): string {
  const o = aar.outage;
  if (o.comparison === 'none')
    return `<section><h2>${t(S.outage, lang)}</h2><p>${t(S.outageNone, lang)}</p></section>`;
  const cmp = { shorter: S.cmpShorter, within: S.cmpWithin, longer: S.cmpLonger }[o.comparison];
  return (
    `<section><h2>${t(S.outage, lang)}</h2><table><tbody>` +
    `<tr><th scope="row">${t(S.outageSpan, lang)}</th><td>${e(duration(o.spanMinutes, lang))} ${o.ongoingAtEnd ? t(S.stillGoing, lang) : ''} — <strong>${t(cmp, lang)}</strong><br><span class="muted">${at(o.startTick, lang)} → ${o.endTick === null ? '…' : at(o.endTick, lang)}</span></td></tr>` +
    `<tr><th scope="row">${t(S.outageMinutes, lang)}</th><td>${e(duration(o.outageMinutes, lang))}</td></tr>` +
    `<tr><th scope="row">${t(S.outageReal, lang)}</th><td>${e(duration(o.real.minMinutes, lang))} – ${e(duration(o.real.maxMinutes, lang))}</td></tr>` +
    `<tr><th scope="row">${t(S.outageGhost, lang)}</th><td>${e(duration(o.ghostSpanMinutes, lang))}</td></tr>` +
    `</tbody></table></section>`
  );
}

/**
 * Service curves are flat once DNS and subscribers are back: zoom them on the part of the day in
 * which service changed (to two hours after the last recovery in either run), so the outbreak is
 * not squeezed into the first sliver of a 34-hour axis. No zoom while something is still down.
 */
function serviceWindowEnd(aar: Aar): number | undefined {
  const restored = aar.keyTimes.find((k) => k.id === 'dnsRestored')!;
  const down = aar.keyTimes.find((k) => k.id === 'dnsDown')!;
  if (aar.outage.ongoingAtEnd) return undefined;
  if (
    (down.tick !== null && restored.tick === null) ||
    (down.ghostTick !== null && restored.ghostTick === null)
  )
    return undefined;
  const ends = [aar.outage.endTick, restored.tick, restored.ghostTick].filter(
    (t): t is number => t !== null,
  );
  const until = Math.max(aar.level.startTick + 6 * 3600, ...ends.map((t) => t + 2 * 3600));
  return until < aar.run.endTick ? until : undefined;
}

function charts(aar: Aar, lang: Lang): string {
  const { run, ghost } = aar.series;
  const untilTick = serviceWindowEnd(aar);
  const markers = aar.keyTimes
    .filter((k) => k.tick !== null && k.id !== 'onset')
    .map((k) => ({
      tick: k.tick!,
      label: `${KEY_TIME_LABELS[k.id][lang]} ${clock(k.tick!, lang)}`,
    }));
  const pair = (key: 'subscribersOnlinePct' | 'dnsSuccessPct' | 'ownInfected' | 'scoreTotal') => [
    {
      label: S.you[lang],
      ticks: run.tick,
      values: run[key],
      colour: '#0b5fa5',
      dash: '',
    },
    {
      label: S.history[lang],
      ticks: ghost.tick,
      values: ghost[key],
      colour: '#b3541e',
      dash: '6 4',
    },
  ];
  const desc = S.chartDesc[lang];
  return (
    `<section><h2>${t(S.charts, lang)}</h2><p class="muted">${e(desc)}</p>` +
    lineChart({
      title: S.chartSubs[lang],
      description: desc,
      lines: pair('subscribersOnlinePct'),
      untilTick,
      yMin: 0,
      yMax: 100,
      unit: '%',
      lang,
      markers,
    }) +
    lineChart({
      title: S.chartDns[lang],
      description: desc,
      lines: pair('dnsSuccessPct'),
      untilTick,
      yMin: 0,
      yMax: 100,
      unit: '%',
      lang,
      markers,
    }) +
    lineChart({
      title: S.chartInfected[lang],
      description: desc,
      lines: pair('ownInfected'),
      yMin: 0,
      unit: S.hosts[lang],
      lang,
      markers,
    }) +
    lineChart({
      title: S.chartScore[lang],
      description: desc,
      lines: pair('scoreTotal'),
      yMin: 0,
      yMax: 1000,
      unit: S.points[lang],
      lang,
      markers,
    }) +
    `</section>`
  );
}

function scoreParts(aar: Aar, lang: Lang): string {
  const sign = (d: number) => (d > 0 ? `+${d}` : String(d));
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const rows = aar.score.parts
    .map(
      (p) =>
        `<tr><th scope="row">${t(PART_LABELS[p.part], lang)}</th>` +
        // Format-1 reviews lack the words and shares; their cells stay empty.
        `<td>${p.quantityText ? t(p.quantityText, lang) : e(p.raw)}${p.zeroAt !== undefined ? `<br><span class="muted">${e(zeroAtText(p, lang))}</span>` : ''}</td>` +
        `<td class="num">${e(num(p.value, lang))}/100</td><td class="num">× ${e(num(p.weight, lang))}</td>` +
        `<td class="num">${p.contribution !== undefined ? `${e(num(p.contribution, lang))} / ${e(num(p.maxContribution, lang))}` : ''}</td>` +
        `<td class="num">${e(num(p.ghost, lang))}</td><td class="num">${e(sign(r1(p.value - p.ghost)))}</td></tr>`,
    )
    .join('');
  return (
    `<section><h2>${t(S.scoreParts, lang)}</h2><p class="muted">${e(
      howItWorksFormula(
        Object.fromEntries(aar.score.parts.map((p) => [p.part, p.weight])) as Record<
          ScorePart,
          number
        >,
        lang,
      ),
    )}</p>` +
    `<table><thead><tr><th>${t(COLUMN.part, lang)}</th><th>${t(COLUMN.measured, lang)}</th><th class="num">${t(COLUMN.points, lang)}</th>` +
    `<th class="num">${t(COLUMN.weight, lang)}</th><th class="num">${t(COLUMN.share, lang)}</th>` +
    `<th class="num">${t(S.history, lang)}</th><th class="num">${t(S.diff, lang)}</th></tr></thead><tbody>${rows}` +
    `<tr><th scope="row">${t(S.total, lang)}</th><td></td><td></td><td></td><td class="num"><strong>${e(num(aar.score.total, lang))}</strong> / 1000</td><td class="num">${e(num(aar.score.ghostTotal, lang))}</td>` +
    `<td class="num">${e(sign(r1(aar.score.total - aar.score.ghostTotal)))}</td></tr></tbody></table></section>`
  );
}

/** Every change of the running score with its causes, and the claims that were false. */
function scoreHistory(aar: Aar, lang: Lang): string {
  if (!aar.scoreHistory) return '';
  const claims = aar.falseClaims ?? [];
  const rows = aar.scoreHistory
    .map(
      (h) =>
        `<tr><td>${e(t(h.words.heading, lang))}</td><td><ul class="causes">${h.words.changes
          .map((c) => `<li>${e(t(c, lang))}</li>`)
          .join('')}</ul></td></tr>`,
    )
    .join('');
  return (
    `<section><h2>${t(S.falseClaims, lang)}</h2>` +
    (claims.length
      ? `<ul>${claims.map((c) => `<li>${e(t(c.text, lang))}</li>`).join('')}</ul>`
      : `<p>${t(S.noFalseClaims, lang)}</p>`) +
    `</section><section><h2>${t(S.scoreHistory, lang)}</h2><p class="muted">${e(t(RUNNING_SCORE_MEANING, lang))}</p>` +
    `<table><thead><tr><th>${t(S.when, lang)} · ${t(COLUMN.share, lang)}</th><th>${t(S.why, lang)}</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function lessons(aar: Aar, lang: Lang): string {
  if (aar.lessons.length === 0)
    return `<section><h2>${t(S.lessons, lang)}</h2><p>${t(S.noLessons, lang)}</p></section>`;
  const items = aar.lessons
    .map(
      (l) =>
        `<div class="lesson ${l.kind}"><p><span class="kind">${t(l.kind === 'strength' ? S.strength : S.improvement, lang)}:</span> ${t(l.text, lang)}</p>` +
        `<p class="muted">${t(S.evidence, lang)}: ${t(l.evidence, lang)}${l.sources.length > 0 ? ` · ${t(S.sourcesShort, lang)}: ${l.sources.map((s) => e(s)).join(', ')}` : ''}</p></div>`,
    )
    .join('');
  return `<section><h2>${t(S.lessons, lang)}</h2>${items}</section>`;
}

function whoDidWhat(aar: Aar, lang: Lang): string {
  if (aar.actions.length === 0)
    return `<section><h2>${t(S.whoDidWhat, lang)}</h2><p>${t(S.noCommands, lang)}</p></section>`;
  const roles = aar.roles
    .map(
      (r) =>
        `<tr><th scope="row">${roleName(r.role, lang)}</th><td>${r.players.map(e).join(', ')}</td><td class="num">${e(r.commands)}</td>` +
        `<td>${Object.entries(r.types)
          .map(([k, n]) => `<code>${e(k)}</code> ×${e(n)}`)
          .join(', ')}</td></tr>`,
    )
    .join('');
  const log = aar.actions
    .map(
      (a) =>
        `<tr><td>${e(clock(a.tick, lang))}</td><td>${roleName(a.role, lang)}</td><td>${a.bot ? `${t(S.bot, lang)} (${e(a.bot)})` : a.players.map(e).join(', ')}</td>` +
        `<td><code>${e(a.type)}</code></td><td>${e(argsText(a.args))}</td></tr>`,
    )
    .join('');
  return (
    `<section><h2>${t(S.whoDidWhat, lang)}</h2><table><thead><tr><th>${t(S.role, lang)}</th><th>${t(S.heldBy, lang)}</th>` +
    `<th class="num">${t(S.count, lang)}</th><th>${t(S.types, lang)}</th></tr></thead><tbody>${roles}</tbody></table>` +
    `<h3>${t(S.log, lang)}</h3><table><thead><tr><th>${t(S.time, lang)}</th><th>${t(S.role, lang)}</th><th>${t(S.heldBy, lang)}</th>` +
    `<th>${t(S.command, lang)}</th><th>${t(S.args, lang)}</th></tr></thead><tbody>${log}</tbody></table></section>`
  );
}

function notes(aar: Aar, lang: Lang): string {
  // Answers to discussion questions have their own section (exerciseHtml.ts); the rest are here.
  const free = aar.notes.filter((n) => n.question === null);
  if (free.length === 0) return '';
  const rows = free
    .map(
      (n) =>
        `<tr><td>${e(clock(n.tick, lang))}</td><td>${roleName(n.role, lang)}</td><td>${e(n.text)}</td></tr>`,
    )
    .join('');
  return (
    `<section><h2>${t(S.notes, lang)}</h2><table><thead><tr><th>${t(S.time, lang)}</th><th>${t(S.role, lang)}</th>` +
    `<th>${t(S.notes, lang)}</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function timeline(aar: Aar, lang: Lang): string {
  const rows = aar.timeline
    .map((x) => `<tr><td>${e(clock(x.tick, lang))}</td><td>${t(x.text, lang)}</td></tr>`)
    .join('');
  return `<section><h2>${t(S.timeline, lang)}</h2><table><tbody>${rows}</tbody></table></section>`;
}

function sources(aar: Aar, lang: Lang): string {
  const items = aar.sources
    .map((s) => `<li><strong>${e(s.code)}</strong> — ${e(s.text)}</li>`)
    .join('');
  return `<section><h2>${t(S.sources, lang)}</h2><ul>${items}</ul></section>`;
}

function article(aar: Aar, lang: Lang): string {
  return (
    `<article lang="${lang}"><header><h1>${t(S.docTitle, lang)} — ${t(aar.level.title, lang)}</h1></header>` +
    overview(aar, lang) +
    keyTimes(aar, lang) +
    outage(aar, lang) +
    charts(aar, lang) +
    scoreParts(aar, lang) +
    scoreHistory(aar, lang) +
    lessons(aar, lang) +
    whoDidWhat(aar, lang) +
    discussionSection(aar, lang) +
    notes(aar, lang) +
    observationsSection(aar, lang) +
    feedbackSection(aar, lang) +
    planSection(aar, lang) +
    timeline(aar, lang) +
    sources(aar, lang) +
    `<footer><strong>${t(S.footer, lang)}</strong> · ${t(S.levelHash, lang)} ${e(aar.level.sha256)} · ` +
    `${t(S.finalHash, lang)} ${e(aar.run.finalHash)} · ${t(S.gameVersion, lang)} ${e(aar.run.gameVersion)}</footer></article>`
  );
}

/** The page in one language, or both (Korean first, each on its own printed pages). */
export function renderAarHtml(aar: Aar, lang: Lang | 'both'): string {
  const langs: Lang[] = lang === 'both' ? ['ko', 'en'] : [lang];
  const title = langs.map((l) => `${S.docTitle[l]} — ${aar.level.title[l]}`).join(' / ');
  return (
    `<!doctype html>\n<html lang="${langs[0]}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${e(title)}</title><style>${CSS}</style></head><body>` +
    langs.map((l) => article(aar, l)).join('') +
    `</body></html>\n`
  );
}
