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
import { L } from './text';

type Strings = Record<string, LocalText>;

const S = {
  docTitle: L('html.s.docTitle'),
  overview: L('html.s.overview'),
  level: L('html.s.level'),
  player: L('html.s.player'),
  seed: L('html.s.seed'),
  players: L('html.s.players'),
  commands: L('html.s.commands'),
  runEnd: L('html.s.runEnd'),
  ended: L('html.s.ended'),
  saved: L('html.s.saved'),
  scoreTotal: L('html.s.scoreTotal'),
  verified: L('html.s.verified'),
  keyTimes: L('html.s.keyTimes'),
  event: L('html.s.event'),
  thisRun: L('html.s.thisRun'),
  afterOnset: L('html.s.afterOnset'),
  ghost: L('html.s.ghost'),
  never: L('html.s.never'),
  outage: L('html.s.outage'),
  outageSpan: L('html.s.outageSpan'),
  outageMinutes: L('html.s.outageMinutes'),
  outageReal: L('html.s.outageReal'),
  outageGhost: L('html.s.outageGhost'),
  outageNone: L('html.s.outageNone'),
  stillGoing: L('html.s.stillGoing'),
  cmpShorter: L('html.s.cmpShorter'),
  cmpWithin: L('html.s.cmpWithin'),
  cmpLonger: L('html.s.cmpLonger'),
  charts: L('html.s.charts'),
  chartSubs: L('html.s.chartSubs'),
  chartDns: L('html.s.chartDns'),
  chartInfected: L('html.s.chartInfected'),
  chartScore: L('html.s.chartScore'),
  hosts: L('html.s.hosts'),
  points: L('html.s.points'),
  you: L('html.s.you'),
  history: L('html.s.history'),
  chartDesc: L('html.s.chartDesc'),
  scoreParts: L('html.s.scoreParts'),
  part: L('html.s.part'),
  weight: L('html.s.weight'),
  diff: L('html.s.diff'),
  total: L('html.s.total'),
  falseClaims: L('html.s.falseClaims'),
  noFalseClaims: L('html.s.noFalseClaims'),
  scoreHistory: L('html.s.scoreHistory'),
  when: L('html.s.when'),
  why: L('html.s.why'),
  lessons: L('html.s.lessons'),
  strength: L('html.s.strength'),
  improvement: L('html.s.improvement'),
  evidence: L('html.s.evidence'),
  sourcesShort: L('html.s.sourcesShort'),
  noLessons: L('html.s.noLessons'),
  whoDidWhat: L('html.s.whoDidWhat'),
  role: L('html.s.role'),
  heldBy: L('html.s.heldBy'),
  bot: L('html.s.bot'),
  count: L('html.s.count'),
  types: L('html.s.types'),
  log: L('html.s.log'),
  time: L('html.s.time'),
  command: L('html.s.command'),
  args: L('html.s.args'),
  noCommands: L('html.s.noCommands'),
  notes: L('html.s.notes'),
  timeline: L('html.s.timeline'),
  sources: L('html.s.sources'),
  footer: L('html.s.footer'),
  levelHash: L('html.s.levelHash'),
  finalHash: L('html.s.finalHash'),
  gameVersion: L('html.s.gameVersion'),
} satisfies Strings;

const KEY_TIME_LABELS: Record<KeyTimeId, LocalText> = {
  onset: L('html.keyTimeLabels.onset'),
  firstAnomaly: L('html.keyTimeLabels.firstAnomaly'),
  firstLook: L('html.keyTimeLabels.firstLook'),
  diagnosis: L('html.keyTimeLabels.diagnosis'),
  firstFilter: L('html.keyTimeLabels.firstFilter'),
  kisaNotified: L('html.keyTimeLabels.kisaNotified'),
  customersInformed: L('html.keyTimeLabels.customersInformed'),
  dnsDown: L('html.keyTimeLabels.dnsDown'),
  dnsRestored: L('html.keyTimeLabels.dnsRestored'),
};

const ROLE_LABELS: Record<string, LocalText> = {
  solo: L('html.roleLabels.solo'),
  facilitator: L('html.roleLabels.facilitator'),
  commander: L('html.roleLabels.commander'),
  network: L('html.roleLabels.network'),
  security: L('html.roleLabels.security'),
  systems: L('html.roleLabels.systems'),
  comms: L('html.roleLabels.comms'),
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
