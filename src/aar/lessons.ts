/**
 * Lessons tied to what happened: each rule looks at the run's facts (key times, commands, messages)
 * and, when it applies, says what it means with the evidence from this run and the sources behind
 * it. Rules are ordered as a trainer would debrief: detection, containment, DNS, reporting,
 * communication, recovery.
 */
import type { LocalText } from '../game';
import { clock, duration } from './format';
import type { KeyTimeId, Lesson, OutageSummary } from './types';

export interface LessonFacts {
  times: Record<KeyTimeId, number | null>;
  outage: OutageSummary;
  /** Command types in log order with their ticks. */
  commands: { tick: number; type: string; args: Record<string, unknown> }[];
  /** Tasks that took effect (a command's effect lands after its duration), in landing order. */
  landed: { tick: number; type: string }[];
  falseClaims: number;
  /** Contacts (by kind) still waiting for news at the end. */
  contactsLeftWaiting: number;
  endTick: number;
}

const both = (f: (lang: 'ko' | 'en') => string): LocalText => ({ ko: f('ko'), en: f('en') });

interface Rule {
  id: string;
  test: (f: LessonFacts) => Omit<Lesson, 'id'> | null;
}

const first = (f: LessonFacts, type: string) => f.commands.find((c) => c.type === type);

const RULES: Rule[] = [
  {
    id: 'filter-after-dns-fell',
    test: ({ times: t }) =>
      t.dnsDown !== null && (t.firstFilter === null || t.firstFilter > t.dnsDown)
        ? {
            kind: 'improvement',
            text: {
              ko: '네임서버가 무너진 뒤에야 UDP 1434를 막았습니다. 국제 관문의 포화와 IDS 경보가 첫 신호였으니, 그때 경계에서 걸렀다면 DNS 재시도 폭주가 시작되기 전에 부하를 줄일 수 있었습니다.',
              en: 'UDP 1434 was filtered only after the name servers fell. Gateway saturation and IDS alerts were the first signs; filtering at the border then would have cut the load before the DNS retry storm began.',
            },
            evidence: both((l) =>
              l === 'ko'
                ? `DNS 장애 ${clock(t.dnsDown!, l)}, 첫 필터 ${t.firstFilter === null ? '없음' : clock(t.firstFilter, l)}`
                : `DNS down ${clock(t.dnsDown!, l)}, first filter ${t.firstFilter === null ? 'never' : clock(t.firstFilter, l)}`,
            ),
            sources: ['M03', 'CAIDA-TR', 'MIC-0218'],
          }
        : null,
  },
  {
    id: 'filter-before-dns-fell',
    test: ({ times: t }) =>
      t.firstFilter !== null && (t.dnsDown === null || t.firstFilter <= t.dnsDown)
        ? {
            kind: 'strength',
            text: {
              ko: '네임서버가 버티는 동안 경계에서 웜 트래픽을 걸렀습니다. 실제로는 KT가 15:40에야 유입을 차단했습니다.',
              en: 'Worm traffic was filtered at the border while the name servers still held. On the day KT blocked the inflow only at 15:40.',
            },
            evidence: both((l) =>
              l === 'ko'
                ? `첫 필터 ${clock(t.firstFilter!, l)}`
                : `first filter ${clock(t.firstFilter!, l)}`,
            ),
            sources: ['SBS', 'DONGA'],
          }
        : null,
  },
  {
    id: 'moved-dns-before-filter',
    test: (f) => {
      // Compare when things took effect, not when they were ordered: a filter ordered first can
      // still land after the move.
      const move = f.landed.find((c) => c.type === 'dns.moveResolution');
      if (!move) return null;
      if (f.times.firstFilter !== null && f.times.firstFilter <= move.tick) return null;
      return {
        kind: 'improvement',
        text: {
          ko: '웜 트래픽을 막기 전에 DNS를 다른 클러스터로 옮기면 같은 재시도 폭주가 그 클러스터로 옮겨갑니다. 1월 25일 구로 DNS도 16시경 과부하로 무너졌습니다.',
          en: 'Moving DNS to another cluster before the worm traffic is stopped moves the same retry storm there. On 25 January Guro overloaded too, at about 16:00.',
        },
        evidence: both((l) =>
          l === 'ko'
            ? `DNS 이전 완료 ${clock(move.tick, l)}, 그때까지 필터 없음`
            : `DNS moved at ${clock(move.tick, l)} with no filter in place yet`,
        ),
        sources: ['DONGA', 'CCTODAY'],
      };
    },
  },
  {
    id: 'late-diagnosis',
    test: ({ times: t }) => {
      if (t.onset === null) return null;
      const late = t.diagnosis === null ? null : (t.diagnosis - t.onset) / 60;
      if (late !== null && late <= 30) return null;
      return {
        kind: 'improvement',
        text: {
          ko: '원인(UDP 1434의 SQL Slammer)을 늦게 확인했습니다. 웜은 10분 안에 취약 호스트의 90%를 감염시켰으니, 넷플로나 IDS로 포트를 먼저 확인해야 필터를 정확히 걸 수 있습니다.',
          en: 'The cause (SQL Slammer on UDP 1434) was confirmed late. The worm infected 90 % of vulnerable hosts within 10 minutes; netflow or the IDS names the port, and only then can a filter be precise.',
        },
        evidence: both((l) =>
          late === null
            ? l === 'ko'
              ? '런이 끝날 때까지 UDP 1434를 확인하지 못함'
              : 'UDP 1434 never confirmed during the run'
            : l === 'ko'
              ? `웜 발생 ${duration(late, l)} 뒤 확인 (${clock(t.diagnosis!, l)})`
              : `confirmed ${duration(late, l)} after onset (${clock(t.diagnosis!, l)})`,
        ),
        sources: ['CAIDA-TR', 'M03'],
      };
    },
  },
  {
    id: 'kisa-late',
    test: ({ times: t }) => {
      const from = t.firstAnomaly ?? t.onset;
      if (from === null) return null;
      if (t.kisaNotified !== null && t.kisaNotified - from <= 3600) return null;
      return {
        kind: 'improvement',
        text: {
          ko: 'KISA 신고가 늦었거나 없었습니다. 정보통신부 조사는 트래픽 기반 조기경보를 대책으로 꼽았습니다. 조기 신고가 다른 사업자의 차단을 앞당깁니다.',
          en: 'KISA was told late or not at all. The MIC findings called for traffic-based early warning; an early report lets other operators block sooner.',
        },
        evidence: both((l) =>
          t.kisaNotified === null
            ? l === 'ko'
              ? 'KISA에 신고하지 않음'
              : 'KISA never notified'
            : l === 'ko'
              ? `첫 이상 징후 ${clock(from, l)}, KISA 신고 ${clock(t.kisaNotified, l)}`
              : `first anomaly ${clock(from, l)}, KISA notified ${clock(t.kisaNotified, l)}`,
        ),
        sources: ['MIC-0218'],
      };
    },
  },
  {
    id: 'customers-not-informed',
    test: ({ times: t, outage }) => {
      if (outage.startTick === null) return null;
      if (t.customersInformed !== null && t.customersInformed - outage.startTick <= 7200)
        return null;
      return {
        kind: 'improvement',
        text: {
          ko: '장애 동안 고객에게 늦게 알리거나 알리지 않았습니다. 1월 25일에는 PC방과 게임 이용자의 문의가 고객센터를 마비시켰고, 이후 보상 요구로 이어졌습니다.',
          en: 'Customers heard late or not at all during the outage. On 25 January PC-bang and gamer complaints swamped the call centres, and refund claims followed.',
        },
        evidence: both((l) =>
          t.customersInformed === null
            ? l === 'ko'
              ? '고객 공지 없음'
              : 'no notice to customers'
            : l === 'ko'
              ? `장애 시작 ${clock(outage.startTick!, l)}, 고객 공지 ${clock(t.customersInformed, l)}`
              : `outage from ${clock(outage.startTick!, l)}, customers informed ${clock(t.customersInformed, l)}`,
        ),
        sources: ['SBS', 'KCC'],
      };
    },
  },
  {
    id: 'false-claims',
    test: (f) =>
      f.falseClaims > 0
        ? {
            kind: 'improvement',
            text: {
              ko: '확인되지 않은 내용을 대외에 알렸습니다. 원인을 확인하기 전에는 아는 것과 모르는 것을 구분해 말하십시오.',
              en: 'Messages claimed things that were not true at the time. Until the cause is confirmed, say what is known and what is not.',
            },
            evidence: both((l) =>
              l === 'ko'
                ? `사실과 다른 주장 ${f.falseClaims}건`
                : `${f.falseClaims} false claim(s)`,
            ),
            // Our own scoring rule, not a finding of the day: no source to cite.
            sources: [],
          }
        : null,
  },
  {
    id: 'contacts-left-waiting',
    test: (f) =>
      f.contactsLeftWaiting > 0
        ? {
            kind: 'improvement',
            text: {
              ko: '소식을 기다리던 기관이나 고객에게 끝까지 연락하지 않았습니다.',
              en: 'Some contacts who expected to hear from you never did.',
            },
            evidence: both((l) =>
              l === 'ko'
                ? `끝까지 기다린 연락처 ${f.contactsLeftWaiting}곳`
                : `${f.contactsLeftWaiting} contact(s) still waiting at the end`,
            ),
            sources: ['HANKYUNG'],
          }
        : null,
  },
  {
    id: 'outage-vs-real',
    test: ({ outage: o }) => {
      if (o.comparison === 'none') return null;
      const real = (l: 'ko' | 'en') =>
        `${duration(o.real.minMinutes, l)} – ${duration(o.real.maxMinutes, l)}`;
      return {
        kind: o.comparison === 'longer' ? 'improvement' : 'strength',
        text:
          o.comparison === 'longer'
            ? {
                ko: '장애가 실제 그날보다 길었습니다. 방송통신위원회는 실제 장애 시간(3시간 44분–5시간 5분)을 기준으로 요금 반환을 명령했습니다.',
                en: 'The outage lasted longer than on the real day. The KCC ordered refunds for the real outage time (3 h 44 min – 5 h 5 min).',
              }
            : {
                ko: '장애 시간이 실제 그날(요금 반환 기준 3시간 44분–5시간 5분)보다 길지 않았습니다.',
                en: 'The outage was no longer than on the real day (the KCC refund decision measured 3 h 44 min – 5 h 5 min).',
              },
        evidence: both((l) =>
          l === 'ko'
            ? `이번 장애 ${duration(o.spanMinutes, l)}${o.ongoingAtEnd ? ' (끝날 때도 계속)' : ''}, 실제 ${real(l)}`
            : `this run ${duration(o.spanMinutes, l)}${o.ongoingAtEnd ? ' (still going at the end)' : ''}, real ${real(l)}`,
        ),
        sources: ['KCC'],
      };
    },
  },
  {
    id: 'no-dns-capacity',
    test: (f) =>
      f.times.dnsDown !== null && !first(f, 'dns.addServers')
        ? {
            kind: 'improvement',
            text: {
              ko: 'DNS 용량을 늘리지 않았습니다. KT는 사고 뒤 혜화 DNS 서버를 12대에서 22대로 늘렸습니다. 해외 루트 DNS 재시도 부하를 견딜 여유가 필요합니다.',
              en: 'DNS capacity was never added. After the incident KT raised the Hyehwa DNS servers from 12 to 22; resolvers need headroom for retries to root servers abroad.',
            },
            evidence: both((l) =>
              l === 'ko' ? '서버 증설 명령 없음' : 'no order to add DNS servers',
            ),
            sources: ['JOONGANG', 'MIC-0218'],
          }
        : null,
  },
  {
    id: 'no-patching',
    test: (f) =>
      first(f, 'patch.start')
        ? null
        : {
            kind: 'improvement',
            text: {
              ko: '월요일 전에 취약 서버를 패치하지 않았습니다. 장관은 1월 26일 월요일 출근 전 패치를 당부했습니다. 메모리에만 있는 웜은 재부팅으로 사라지지만 패치하지 않으면 다시 감염됩니다.',
              en: 'Exposed servers were not patched before Monday; on 26 January the minister told everyone to patch before work. The worm lives in memory only: a reboot clears it, but an unpatched server is infected again.',
            },
            evidence: both((l) => (l === 'ko' ? '패치 명령 없음' : 'no order to start patching')),
            sources: ['HANKYUNG', 'CAIDA-TR'],
          },
  },
];

export function lessonsFor(facts: LessonFacts): Lesson[] {
  const out: Lesson[] = [];
  for (const rule of RULES) {
    const l = rule.test(facts);
    if (l) out.push({ id: rule.id, ...l });
  }
  return out;
}
