/**
 * The score's wording in Korean and English, one source for every place that explains a score:
 * the Ops score panel, the "how the score works" panel, the debrief, the composer's warning, the
 * event log's naming of a false claim, and the after-action review (HTML and JSON). It lives with
 * the review because the review renders in Node as well as in the browser (no i18next there);
 * the views fetch it with the panels that use it, never on the first load.
 */
import {
  SCORE_PARTS,
  tickToIso,
  type Claim,
  type ClaimFacts,
  type ClaimWarning,
  type Level,
  type LocalText,
  type PartChange,
  type ScoreCause,
  type ScoreHistoryEntry,
  type ScorePart,
  type ScoreRow,
} from '../game';
import type { Lang } from './format';

type Params = Record<string, string | number>;

/** `{{name}}` replaced by params (the values are already formatted). */
function fill(text: string, params: Params): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}
const say = (t: LocalText, lang: Lang, params: Params = {}) => fill(t[lang], params);

/** A number in the reader's language, at most `digits` decimals. */
export function num(x: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', {
    maximumFractionDigits: digits,
  }).format(x);
}

/** "+8.2" / "−6" (a real minus sign), one decimal. */
export function signed(x: number, lang: Lang): string {
  const r = Math.round(x * 10) / 10;
  if (r === 0) return '±0';
  return `${r > 0 ? '+' : '−'}${num(Math.abs(r), lang)}`;
}

/** "15:12" (the day is the 25th unless it is not). */
export function hhmm(tick: number): string {
  const iso = tickToIso(tick);
  const day = Number(iso.slice(8, 10));
  return day === 25 ? iso.slice(11, 16) : `${day}/1 ${iso.slice(11, 16)}`;
}

export const PART_LABELS: Record<ScorePart, LocalText> = {
  subscriberHours: { ko: '가입자 장애 시간', en: 'Subscriber-hours lost' },
  dnsAvailability: { ko: 'DNS 가용성', en: 'DNS availability' },
  infectedHostHours: { ko: '자사 감염 호스트 시간', en: 'Own infected host-hours' },
  outboundWorm: { ko: '외부로 나간 웜 트래픽', en: 'Worm traffic sent out' },
  timeToDetect: { ko: '탐지까지 걸린 시간', en: 'Time to detect' },
  timeToFilter: {
    ko: '경계의 웜 트래픽을 막기까지 걸린 시간',
    en: 'Time until worm traffic at the border was stopped',
  },
  timeToNotifyKisa: { ko: 'KISA 신고까지 걸린 시간', en: 'Time to notify KISA' },
  communications: { ko: '커뮤니케이션', en: 'Communications' },
  mondayReadiness: { ko: '월요일 대비', en: 'Readiness for Monday' },
  staffCost: { ko: '인력 비용', en: 'Staff cost' },
  serviceHours: {
    ko: '전용회선·IDC 서비스 장애 시간',
    en: 'Leased-line and IDC service-hours lost',
  },
};

export const CLAIM_LABELS: Record<Claim, LocalText> = {
  'worm.active': { ko: '웜이 활동 중이다', en: 'a worm is active' },
  'worm.udp1434': { ko: 'UDP 1434번 포트로 퍼진다', en: 'it spreads on UDP 1434' },
  'worm.contained': { ko: '웜을 막았다', en: 'the worm is contained' },
  'network.ownHostsInfected': {
    ko: '우리 서버 일부가 감염되었다',
    en: 'some of our servers are infected',
  },
  'network.ownHostsClean': { ko: '우리 서버는 깨끗하다', en: 'our servers are clean' },
  'dns.degraded': { ko: 'DNS가 불안정하다', en: 'DNS is degraded' },
  'dns.restored': { ko: 'DNS가 복구되었다', en: 'DNS is restored' },
  'service.degraded': { ko: '서비스가 불안정하다', en: 'service is degraded' },
  'service.restored': { ko: '서비스가 복구되었다', en: 'service is restored' },
};

/** The measured quantity of each part in its own unit; timed parts by status. */
const QUANTITY: Record<ScorePart, LocalText> = {
  subscriberHours: { ko: '가입자-시간 {{v}} 손실', en: '{{v}} subscriber-hours lost' },
  dnsAvailability: {
    ko: 'DNS 조회의 {{v}} % 무응답',
    en: '{{v}} % of DNS lookups unanswered',
  },
  infectedHostHours: { ko: '감염 호스트-시간 {{v}}', en: '{{v}} infected host-hours' },
  outboundWorm: { ko: '웜 트래픽 {{v}} GB를 외부로 보냄', en: '{{v}} GB of worm traffic sent out' },
  timeToDetect: { ko: '웜 발생 {{v}}분 뒤 웜을 확인', en: 'worm identified after {{v}} min' },
  timeToFilter: {
    ko: '웜 발생 {{v}}분 뒤 경계의 웜 트래픽 1 % 미만',
    en: 'border clear of the worm after {{v}} min',
  },
  timeToNotifyKisa: {
    ko: '웜 발생 {{v}}분 뒤 KISA에 신고',
    en: 'KISA told after {{v}} min',
  },
  communications: { ko: '벌점 {{v}}점', en: '{{v}} penalty points' },
  mondayReadiness: {
    ko: '노출된 SQL 호스트의 {{v}} %가 아직 패치 전',
    en: '{{v}} % of exposed SQL hosts still unpatched',
  },
  staffCost: { ko: '초과근무 {{v}}천 원', en: '₩{{v}} thousand of overtime' },
  serviceHours: { ko: '회선·서비스-시간 {{v}} 손실', en: '{{v}} line/service-hours lost' },
};
const COUNTING: Partial<Record<ScorePart, LocalText>> = {
  timeToDetect: {
    ko: '아직 확인 못 함: 웜 발생 후 {{v}}분째 (계속 늘어남)',
    en: 'not identified yet: {{v}} min since the worm’s onset, still counting',
  },
  timeToFilter: {
    ko: '웜 트래픽이 아직 경계를 넘나듦: 웜 발생 후 {{v}}분째 (계속 늘어남)',
    en: 'worm traffic still crossing the border: {{v}} min since the onset, still counting',
  },
  timeToNotifyKisa: {
    ko: 'KISA에 아직 신고하지 않음: 웜 발생 후 {{v}}분째 (계속 늘어남)',
    en: 'KISA not told yet: {{v}} min since the onset, still counting',
  },
};
const NEVER: Partial<Record<ScorePart, LocalText>> = {
  timeToDetect: {
    ko: '끝까지 웜을 확인하지 못함 (끝까지 {{v}}분으로 계산)',
    en: 'never identified (counted to the end: {{v}} min)',
  },
  timeToFilter: {
    ko: '끝까지 경계의 웜 트래픽이 1 % 아래로 내려가지 않음 ({{v}}분으로 계산)',
    en: 'the border never cleared of the worm (counted to the end: {{v}} min)',
  },
  timeToNotifyKisa: {
    ko: '끝까지 KISA에 신고하지 않음 ({{v}}분으로 계산)',
    en: 'KISA never told (counted to the end: {{v}} min)',
  },
};
const BEFORE_ONSET: LocalText = {
  ko: '아직 웜이 없음 (시계가 돌지 않음)',
  en: 'no worm yet (the clock has not started)',
};

const DIGITS: Record<ScorePart, number> = {
  subscriberHours: 0,
  dnsAvailability: 1,
  infectedHostHours: 0,
  outboundWorm: 1,
  timeToDetect: 0,
  timeToFilter: 0,
  timeToNotifyKisa: 0,
  communications: 0,
  mondayReadiness: 1,
  staffCost: 0,
  serviceHours: 0,
};

/** "KISA told after 225 min", "not identified yet: 40 min since the worm's onset…". */
export function quantityText(row: ScoreRow, lang: Lang): string {
  const v = num(row.quantity, lang, DIGITS[row.part]);
  if (row.status === 'beforeOnset') return say(BEFORE_ONSET, lang);
  if (row.status === 'counting') return say(COUNTING[row.part]!, lang, { v });
  if (row.status === 'never') return say(NEVER[row.part]!, lang, { v });
  return say(QUANTITY[row.part], lang, { v });
}

/** "0 points at 360 min" — the quantity at which the part reaches 0. */
export function zeroAtText(row: Pick<ScoreRow, 'part' | 'zeroAt'>, lang: Lang): string {
  const v = num(row.zeroAt, lang, 1);
  return say({ ko: '{{q}}이면 0점', en: '0 points at {{q}}' }, lang, {
    q: say(UNIT_AMOUNT[row.part], lang, { v }),
  });
}

/** A quantity with its unit, for limits and the how-it-works table. */
const UNIT_AMOUNT: Record<ScorePart, LocalText> = {
  subscriberHours: { ko: '가입자-시간 {{v}}', en: '{{v}} subscriber-hours' },
  dnsAvailability: { ko: '무응답 {{v}} %', en: '{{v}} % unanswered' },
  infectedHostHours: { ko: '호스트-시간 {{v}}', en: '{{v}} host-hours' },
  outboundWorm: { ko: '{{v}} GB', en: '{{v}} GB' },
  timeToDetect: { ko: '{{v}}분', en: '{{v}} min' },
  timeToFilter: { ko: '{{v}}분', en: '{{v}} min' },
  timeToNotifyKisa: { ko: '{{v}}분', en: '{{v}} min' },
  communications: { ko: '벌점 {{v}}점', en: '{{v}} penalty points' },
  mondayReadiness: { ko: '패치 전 {{v}} %', en: '{{v}} % unpatched' },
  staffCost: { ko: '{{v}}천 원', en: '₩{{v}} thousand' },
  serviceHours: { ko: '회선·서비스-시간 {{v}}', en: '{{v}} line/service-hours' },
};

/** "37/100 × weight 1 = 30.3 of 82.6" pieces, as the tables lay them out. */
export const COLUMN: Record<'part' | 'measured' | 'points' | 'weight' | 'share', LocalText> = {
  part: { ko: '항목', en: 'Part' },
  measured: { ko: '측정값', en: 'Measured' },
  points: { ko: '점수 (100점 만점)', en: 'Points (of 100)' },
  weight: { ko: '가중치', en: 'Weight' },
  share: { ko: '총점 기여 (1000점 중)', en: 'Share of 1000' },
};

export const RUNNING_SCORE_MEANING: LocalText = {
  ko: '진행 중 점수는 "지금 하루가 끝난다면" 받을 점수입니다. 지금까지의 손실은 모두 반영되고, 아직 이루지 못한 시각(원인 확인, 경계 차단, KISA 신고)은 문제가 시작된 뒤 지금까지의 분으로 계산됩니다. 그래서 옳게 대응하는 중에도 장애가 이어지거나 시계가 도는 동안 점수는 내려갑니다. 해당 효과가 일어나면 그 항목은 더 내려가지 않고, DNS 가용성과 월요일 대비처럼 회복되는 항목도 있습니다. 최종 점수는 하루가 끝났을 때의 이 값입니다.',
  en: 'The running score is the day scored as if it ended now: the losses so far count in full, and a moment not reached yet (cause identified, border clear, KISA told) counts as the minutes since the trouble began. So it falls while an outage lasts or a clock runs, even while you respond well; a part stops falling once its effect happens, and some parts recover (DNS availability, Monday readiness). The final score is this value at the end of the day.',
};

/** Contact, situation and answer names for the wording (from the level). */
export interface ScoreNames {
  contact(id: string): LocalText;
  inject(id: string): LocalText;
  choice(inject: string, choice: string): LocalText;
}

export function namesFromLevel(level: Level): ScoreNames {
  const plain = (s: string): LocalText => ({ ko: s, en: s });
  return {
    contact: (id) => level.contacts.find((c) => c.id === id)?.name ?? plain(id),
    inject: (id) => level.injects.find((i) => i.id === id)?.subject ?? plain(id),
    choice: (inject, choice) =>
      level.injects.find((i) => i.id === inject)?.choices.find((c) => c.id === choice)?.label ??
      plain(choice),
  };
}

const pct1 = (x: number, lang: Lang) => num(x, lang, 1);

/** What was really so when a false claim was sent. */
export function claimTruthText(claim: Claim, f: ClaimFacts | null, lang: Lang): string {
  if (!f) return say({ ko: '당시 사실과 달랐음', en: 'it was not so at the time' }, lang);
  const infected = () =>
    say(
      {
        ko: '자사 SQL 호스트 {{n}}대 중 {{i}}대 감염 ({{p}} %)',
        en: '{{i}} of {{n}} own SQL hosts infected ({{p}} %)',
      },
      lang,
      {
        i: num(f.ownInfected, lang, 0),
        n: num(f.ownSqlHosts, lang, 0),
        p: pct1(f.ownSqlHosts > 0 ? (100 * f.ownInfected) / f.ownSqlHosts : 0, lang),
      },
    );
  const noWorm = { ko: '아직 웜이 퍼지기 전이었음', en: 'no worm was loose yet' };
  switch (claim) {
    case 'worm.active':
    case 'worm.udp1434':
      return say(noWorm, lang);
    case 'worm.contained':
      if (!f.wormStarted) return say(noWorm, lang);
      return say(
        {
          ko: '웜 트래픽 {{m}} Mbit/s가 아직 우리 망에서 외부로 나가고 있었음; {{inf}}',
          en: '{{m}} Mbit/s of worm traffic was still leaving our network; {{inf}}',
        },
        lang,
        { m: num(f.outboundWormMbps, lang, 1), inf: infected() },
      );
    case 'network.ownHostsInfected':
      return say(
        { ko: '감염된 자사 SQL 호스트가 없었음', en: 'none of our SQL hosts was infected' },
        lang,
      );
    case 'network.ownHostsClean':
      return infected();
    case 'dns.degraded':
      return say(
        { ko: 'DNS가 조회의 {{p}} %에 응답하고 있었음', en: 'DNS answered {{p}} % of lookups' },
        lang,
        { p: pct1(f.dnsSuccessPct, lang) },
      );
    case 'dns.restored':
      return say(
        { ko: 'DNS가 조회의 {{p}} %에만 응답했음', en: 'DNS answered only {{p}} % of lookups' },
        lang,
        { p: pct1(f.dnsSuccessPct, lang) },
      );
    case 'service.degraded':
      return say(
        { ko: '가입자의 {{p}} %가 접속되어 있었음', en: '{{p}} % of subscribers were online' },
        lang,
        { p: pct1(f.subscribersOnlinePct, lang) },
      );
    case 'service.restored':
      return say(
        { ko: '가입자의 {{p}} %만 접속되어 있었음', en: 'only {{p}} % of subscribers were online' },
        lang,
        { p: pct1(f.subscribersOnlinePct, lang) },
      );
  }
}

/** "claim 'worm contained' to KISA was false at 15:12: 31 % of own SQL hosts still infected". */
export function falseClaimText(
  m: { to: string; claim: Claim; at: number; facts: ClaimFacts | null },
  lang: Lang,
  names: ScoreNames,
): string {
  return say(
    {
      ko: '{{time}} {{to}}에 보낸 주장 ‘{{claim}}’은 사실이 아니었습니다: {{truth}}',
      en: 'claim ‘{{claim}}’ to {{to}} was false at {{time}}: {{truth}}',
    },
    lang,
    {
      claim: CLAIM_LABELS[m.claim][lang],
      to: names.contact(m.to)[lang],
      time: hhmm(m.at),
      truth: claimTruthText(m.claim, m.facts, lang),
    },
  );
}

const HAPPENED: Partial<Record<ScorePart, LocalText>> = {
  timeToDetect: {
    ko: '{{time}}에 웜 확인 (발생 {{m}}분 뒤) — 이 항목은 더 내려가지 않음',
    en: 'worm identified at {{time}}, {{m}} min after the onset — this part stops falling',
  },
  timeToFilter: {
    ko: '{{time}}에 경계의 웜 트래픽이 국제 용량의 1 % 미만 (발생 {{m}}분 뒤) — 더 내려가지 않음',
    en: 'border worm traffic under 1 % of international capacity at {{time}}, {{m}} min after the onset — stops falling',
  },
  timeToNotifyKisa: {
    ko: '{{time}}에 KISA 신고 도착 (발생 {{m}}분 뒤) — 더 내려가지 않음',
    en: 'KISA told at {{time}}, {{m}} min after the onset — stops falling',
  },
};

const LOST: Partial<Record<ScorePart, LocalText>> = {
  subscriberHours: {
    ko: '가입자 접속 불가: 가입자-시간 {{amount}} 손실 (지금 {{now}} % 접속)',
    en: 'subscribers offline: {{amount}} subscriber-hours lost ({{now}} % online now)',
  },
  serviceHours: {
    ko: '전용회선·IDC 서비스 중단: 회선·서비스-시간 {{amount}} 손실 (지금 {{now}}개 중단)',
    en: 'leased lines and IDC services down: {{amount}} line/service-hours lost ({{now}} down now)',
  },
  infectedHostHours: {
    ko: '감염된 자사 호스트: 호스트-시간 {{amount}} (지금 {{now}}대 감염)',
    en: 'own hosts infected: {{amount}} host-hours ({{now}} infected now)',
  },
  outboundWorm: {
    ko: '우리 망에서 인터넷으로 웜 트래픽 {{amount}} GB가 나감',
    en: '{{amount}} GB of worm traffic sent from our network to the Internet',
  },
};

/** One cause of one part's change, in words. */
export function causeText(part: ScorePart, c: ScoreCause, lang: Lang, names: ScoreNames): string {
  switch (c.kind) {
    case 'onset':
      return say(
        {
          ko: '{{time}} 웜 발생으로 이 시계가 시작됨',
          en: 'the worm’s onset at {{time}} started this clock',
        },
        lang,
        { time: hhmm(c.at) },
      );
    case 'counting':
      return say(COUNTING[part]!, lang, { v: num(c.minutes, lang, 0) });
    case 'never':
      return say(NEVER[part]!, lang, { v: num(c.minutes, lang, 0) });
    case 'happened':
      return say(HAPPENED[part]!, lang, { time: hhmm(c.at), m: num(c.minutes, lang, 0) });
    case 'reopened':
      return say(
        {
          ko: '{{time}} 경계의 웜 트래픽이 다시 2 %를 넘음 — 웜 발생부터 다시 셈',
          en: 'border worm traffic rose above 2 % again at {{time}} — counted from the onset again',
        },
        lang,
        { time: hhmm(c.at) },
      );
    case 'lost':
      return say(LOST[part]!, lang, {
        amount: num(c.amount, lang, c.amount < 10 ? 1 : 0),
        now: num(c.now, lang, 1),
      });
    case 'unanswered':
      return say(
        {
          ko: '이 구간 DNS 조회의 {{p}} % 무응답 (항목은 지금까지 하루 전체의 비율)',
          en: '{{p}} % of DNS lookups unanswered in this stretch (the part is the share over the day so far)',
        },
        lang,
        { p: pct1(c.pct, lang) },
      );
    case 'falseClaim':
      return falseClaimText(c, lang, names);
    case 'overdue':
      return say(
        {
          ko: '{{to}}: {{time}}까지 연락을 기다렸지만 받지 못함',
          en: '{{to}} expected to hear from us by {{time}} and did not',
        },
        lang,
        { to: names.contact(c.to)[lang], time: hhmm(c.at) },
      );
    case 'late':
      return say(
        {
          ko: '{{time}} {{to}}에 늦게 연락: 미통보 벌점이 지연 통보 벌점으로 바뀜',
          en: 'message to {{to}} at {{time}}, late: the missed-notice penalty becomes a late-notice one',
        },
        lang,
        { to: names.contact(c.to)[lang], time: hhmm(c.at) },
      );
    case 'answerPenalty':
      return say(
        c.expired
          ? {
              ko: '{{time}} ‘{{subject}}’에 제때 답하지 않음: 벌점 {{points}}점',
              en: 'no answer to ‘{{subject}}’ in time ({{time}}): {{points}} penalty points',
            }
          : {
              ko: '{{time}} ‘{{subject}}’에 ‘{{choice}}’라고 답함: 벌점 {{points}}점',
              en: 'answer ‘{{choice}}’ to ‘{{subject}}’ at {{time}}: {{points}} penalty points',
            },
        lang,
        {
          time: hhmm(c.at),
          subject: names.inject(c.inject)[lang],
          choice: names.choice(c.inject, c.choice)[lang],
          points: num(c.points, lang, 0),
        },
      );
    case 'unpatched':
      return say(
        {
          ko: '노출된 SQL 호스트의 {{p}} %가 패치 전 (이 구간 {{h}}대 변화)',
          en: '{{p}} % of the exposed SQL hosts unpatched ({{h}} hosts in this stretch)',
        },
        lang,
        { p: pct1(c.pct, lang), h: signed(c.hosts, lang) },
      );
    case 'overtime':
      return say({ ko: '초과근무 {{a}}천 원', en: '₩{{a}} thousand of overtime' }, lang, {
        a: num(c.amount, lang, 0),
      });
  }
}

/** A part's change: "−6.2 Communications: claim … was false at 15:12: …; …". */
export function changeText(ch: PartChange, lang: Lang, names: ScoreNames): string {
  return `${signed(ch.delta, lang)} ${PART_LABELS[ch.part][lang]}: ${ch.causes
    .map((c) => causeText(ch.part, c, lang, names))
    .join('; ')}`;
}

/** The entry's heading: "15:12 −8.4 → 632" or "14:52–15:07 −12 → 640". */
export function entryHeading(e: ScoreHistoryEntry, lang: Lang, pending = false): string {
  const when = pending
    ? say({ ko: '{{from}}부터 지금까지', en: 'since {{from}}, still running' }, lang, {
        from: hhmm(e.fromTick),
      })
    : hhmm(e.fromTick) === hhmm(e.tick)
      ? hhmm(e.tick)
      : `${hhmm(e.fromTick)}–${hhmm(e.tick)}`;
  return `${when} ${signed(e.delta, lang)} → ${num(e.total, lang, 1)}`;
}

/** Both languages of an entry, for the review's JSON. */
export function entryWords(e: ScoreHistoryEntry, names: ScoreNames) {
  return {
    heading: { ko: entryHeading(e, 'ko'), en: entryHeading(e, 'en') },
    changes: e.changes.map((c) => ({
      ko: changeText(c, 'ko', names),
      en: changeText(c, 'en', names),
    })),
  };
}

/** The composer's warning for one claim, from the player's own information. */
export function warningText(
  w: ClaimWarning,
  lang: Lang,
  deviceName: (id: string) => string,
): string {
  const claim = CLAIM_LABELS[w.claim][lang];
  switch (w.code) {
    case 'notDiagnosed':
      return say(
        {
          ko: '‘{{claim}}’: 지금까지 실행한 진단(IDS, NetFlow) 중 웜을 확인한 것이 없습니다.',
          en: '‘{{claim}}’: nothing you have run (IDS, NetFlow) has identified a worm yet.',
        },
        lang,
        { claim },
      );
    case 'dnsNotAnswering':
      return say(
        {
          ko: '‘{{claim}}’: DNS 모니터에 {{cluster}}의 응답률이 {{p}} %로 나옵니다.',
          en: '‘{{claim}}’: your DNS monitor shows {{cluster}} answering {{p}} % of lookups.',
        },
        lang,
        { claim, cluster: deviceName(w.cluster), p: num(w.successPct, lang, 0) },
      );
    case 'dnsAnswering':
      return say(
        {
          ko: '‘{{claim}}’: DNS 모니터에 모든 클러스터가 응답하고 있습니다 (최저 {{p}} %).',
          en: '‘{{claim}}’: your DNS monitor shows every cluster answering (lowest {{p}} %).',
        },
        lang,
        { claim, p: num(w.successPct, lang, 0) },
      );
    case 'outageOngoing':
      return say(
        {
          ko: '‘{{claim}}’: 이벤트 기록에 {{time}} 장애 시작이 있고 그 뒤 복구 기록이 없습니다.',
          en: '‘{{claim}}’: the event log reported an outage at {{time}} and no end since.',
        },
        lang,
        { claim, time: hhmm(w.since) },
      );
    case 'noFilterInPlace':
      return say(
        {
          ko: '‘{{claim}}’: 아직 적용된 필터나 속도 제한이 없습니다.',
          en: '‘{{claim}}’: no filter or rate limit has been put in place yet.',
        },
        lang,
        { claim },
      );
    case 'intlOutSaturated':
      return say(
        {
          ko: '‘{{claim}}’: {{link}} 그래프의 나가는 방향이 {{p}} %입니다.',
          en: '‘{{claim}}’: the graph of {{link}} shows {{p}} % outbound.',
        },
        lang,
        { claim, link: deviceName(w.link), p: num(w.outPct, lang, 0) },
      );
    case 'ownHostsSeenInfected':
      return say(
        {
          ko: '‘{{claim}}’: 이벤트 기록에 {{time}} 자사 호스트 감염이 있습니다.',
          en: '‘{{claim}}’: the event log reported our own hosts infected at {{time}}.',
        },
        lang,
        { claim, time: hhmm(w.since) },
      );
  }
}

/** What each part measures and why, as docs/SCORING.md says (a unit test keeps them together). */
export const PART_DEFINITIONS: Record<ScorePart, { measure: LocalText; why: LocalText }> = {
  subscriberHours: {
    measure: {
      ko: '접속하지 못한 가입자 × 시간 (국내 도달성 × DNS × 국제 도달성, 세그먼트별)',
      en: '∫ subscribers offline dt (domestic reachability × DNS × international reachability per segment)',
    },
    why: { ko: '고객이 겪은 일', en: 'what customers lived through' },
  },
  serviceHours: {
    measure: {
      ko: '끊긴 전용회선 + 중단된 IDC 서비스 × 시간',
      en: '∫ (leased lines down + hosted IDC services down) dt',
    },
    why: {
      ko: '손실률 98 %의 IDC LAN이나 끊긴 전용회선은 DNS와 무관하게 멈춘 사업',
      en: 'an IDC LAN at 98 % loss or a cut leased line is a business down, whatever DNS does',
    },
  },
  dnsAvailability: {
    measure: {
      ko: '응답하지 못한 DNS 조회의 비율, 지금까지 전체 시간에 대해',
      en: 'share of DNS lookups unanswered over the run so far',
    },
    why: {
      ko: '한국 대란의 구조; 복구하려면 범람을 멈추고 재시작해야 함',
      en: 'the mechanism of the Korean outage; recovery needs the flood stopped and a restart',
    },
  },
  infectedHostHours: {
    measure: { ko: '감염된 자사 호스트 × 시간', en: '∫ own infected hosts dt' },
    why: { ko: '웜을 위해 일하는 호스트', en: 'hosts working for the worm' },
  },
  outboundWorm: {
    measure: {
      ko: '우리 망에서 인터넷으로 나간 웜 트래픽',
      en: 'worm traffic leaving our network for the Internet',
    },
    why: { ko: '우리가 다른 모두에게 한 일', en: 'what we did to everyone else' },
  },
  timeToDetect: {
    measure: {
      ko: '웜 발생부터 조직이 웜이나 UDP 1434를 처음 안 때까지 (진단 결과 또는 그것을 알려 준 상황 답변)',
      en: 'from the onset to the first time the organisation knew of the worm or UDP 1434 (a diagnosis, or a situation’s answer that shares it)',
    },
    why: {
      ko: '보는 것이 다른 모든 조치의 시작',
      en: 'seeing it is what every other action waits for',
    },
  },
  timeToFilter: {
    measure: {
      ko: '웜 발생부터 경계를 넘는 웜 트래픽(양방향)이 국제 용량의 1 % 미만이 된 때까지; 2 %를 넘으면 다시 셈',
      en: 'from the onset until worm traffic crossing our border both ways is under 1 % of international capacity; reset above 2 %',
    },
    why: {
      ko: '명령이 아닌 차단의 효과: 들어오는 쪽만 막으면 점수 없음',
      en: 'the effect of filtering, not the order: an inbound-only filter earns nothing',
    },
  },
  timeToNotifyKisa: {
    measure: {
      ko: '웜 발생부터 KISA에 보낸 메시지가 도착할 때까지',
      en: 'from the onset to the landing of a message to KISA',
    },
    why: {
      ko: '국가 차원의 조율 (2003년 정보통신부 검토)',
      en: 'national coordination (the 2003 MIC review)',
    },
  },
  communications: {
    measure: {
      ko: '보낼 때 사실이 아닌 주장, 기다리던 곳에 늦거나 빠진 통보, 상황 답변의 벌점',
      en: 'claims false when sent (checked against the truth then), notices missed or late, situation answers’ penalties',
    },
    why: { ko: '장애 중 신뢰는 실제 자원', en: 'trust is a physical resource in an outage' },
  },
  mondayReadiness: {
    measure: {
      ko: '끝날 때 패치 안 된 SQL 호스트 ÷ 시작할 때',
      en: 'unpatched SQL hosts at the end ÷ at the start',
    },
    why: {
      ko: '월요일 아침 사무실 망 (재감염 위험)',
      en: 'Monday morning’s office networks (re-infection risk)',
    },
  },
  staffCost: {
    measure: {
      ko: '불러낸 사람들의 근무 시간당 초과근무 수당',
      en: 'overtime of people called in, per hour on shift',
    },
    why: {
      ko: '사람은 공짜가 아님; 한꺼번에 모두 부르면 비용이 듦',
      en: 'people are not free; calling everyone at once has a cost',
    },
  },
};

export const HOW_IT_WORKS = {
  heading: { ko: '점수는 어떻게 매겨지나', en: 'How the score works' },
  intro: {
    ko: '모든 항목은 엔진이 측정한 망과 사람에 대한 효과입니다 — 어떤 명령을 내렸는지는 읽지 않습니다. 망에서 아무것도 바꾸지 않는 명령은 점수도 바꾸지 않습니다.',
    en: 'Every part measures an effect on the network or on people, from what the engine measured — never which orders were given. A command that changes nothing in the network changes nothing in the score.',
  },
  formula: {
    ko: '항목 점수 = 100 × max(0, 1 − 측정값 ÷ 0점 기준) (0–100). 총점 = 10 × Σ(가중치 × 항목 점수) ÷ Σ가중치 (1000점 만점). 이 레벨의 가중치 합은 {{sum}}입니다.',
    en: 'part = 100 × max(0, 1 − measured ÷ its 0-point limit) (0–100). total = 10 × Σ(weight × part) ÷ Σ weight (of 1000). The weights on this level add up to {{sum}}.',
  },
  measure: { ko: '측정 방법', en: 'How it is measured' },
  why: { ko: '이유', en: 'Why' },
  zeroAt: { ko: '0점 기준', en: '0 points at' },
  maxShare: { ko: '최대 기여 (1000점 중)', en: 'At most (of 1000)' },
} as const satisfies Record<string, LocalText>;

/** The how-it-works table for a level: its weights and limits beside the definitions. */
export function howItWorksRows(level: Level, lang: Lang) {
  const sum = Object.values(level.scoring.weights).reduce((a, w) => a + w, 0);
  return SCORE_PARTS.map((part) => ({
    part,
    label: PART_LABELS[part][lang],
    measure: PART_DEFINITIONS[part].measure[lang],
    why: PART_DEFINITIONS[part].why[lang],
    weight: level.scoring.weights[part],
    zeroAt: say(UNIT_AMOUNT[part], lang, { v: num(level.scoring.zeroAt[part], lang, 1) }),
    maxShare: sum > 0 ? Math.round((10000 * level.scoring.weights[part]) / sum) / 10 : 0,
  }));
}

export function howItWorksFormula(weights: Record<ScorePart, number>, lang: Lang): string {
  const sum = Object.values(weights).reduce((a, w) => a + w, 0);
  return say(HOW_IT_WORKS.formula, lang, { sum: num(sum, lang, 1) });
}

export { say as sayLocal };
