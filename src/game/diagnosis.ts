/**
 * Diagnosis commands reveal information. Players see observations shaped like 2003 tools — MRTG
 * graphs (5-minute averages, published late), sampled NetFlow, IDS alert counts, resolver query
 * logs — and the knowledge they gain becomes flags (`knowsUdp1434`…) that later commands require.
 */
import type { EngineParams, EngineState } from '../engine';
import type { ParsedCommand } from './commandSchema';
import type { DiagnosisResult } from './commands';

/** Worm packets per second on a link above which NetFlow's top talkers show UDP 1434 clearly. */
const NETFLOW_VISIBLE_PPS = 200;

const pct = (x: number) => Math.round(x);

export function diagnose(
  cmd: ParsedCommand,
  s: EngineState,
  p: EngineParams,
): DiagnosisResult | null {
  switch (cmd.type) {
    case 'diag.linkGraphs': {
      const data: Record<string, number> = {};
      let worst = { id: '', pct: 0 };
      for (const l of s.obs.links) {
        data[`${l.id}.in`] = pct(l.inPct);
        data[`${l.id}.out`] = pct(l.outPct);
        const m = Math.max(l.inPct, l.outPct);
        if (m > worst.pct) worst = { id: l.id, pct: m };
      }
      return {
        data,
        flags: [],
        text: {
          ko: `MRTG 그래프(5분 평균): 가장 붐비는 회선 ${worst.id || '-'} ${pct(worst.pct)}%`,
          en: `MRTG graphs (5-minute averages): busiest link ${worst.id || '-'} at ${pct(worst.pct)}%`,
        },
      };
    }
    case 'diag.netflow': {
      const i = p.network.links.findIndex((l) => l.id === cmd.args.device);
      const l = s.links[i]!;
      const worm = l.wormUpPps + l.wormDownPps;
      const visible = worm >= NETFLOW_VISIBLE_PPS;
      const outbound = l.wormUpPps >= NETFLOW_VISIBLE_PPS;
      return {
        data: {
          link: cmd.args.device,
          udp1434: visible,
          outboundKpps: Math.round(l.wormUpPps / 100) / 10,
          inboundKpps: Math.round(l.wormDownPps / 100) / 10,
        },
        flags: visible
          ? outbound
            ? ['knowsUdp1434', 'knowsInfectedHosts']
            : ['knowsUdp1434']
          : [],
        text: visible
          ? {
              ko: `NetFlow ${cmd.args.device}: 상위 트래픽은 UDP 1434, 404바이트 패킷 (밖으로 ${Math.round(l.wormUpPps / 1000)}k pps, 안으로 ${Math.round(l.wormDownPps / 1000)}k pps)`,
              en: `NetFlow ${cmd.args.device}: top talkers are UDP 1434, 404-byte packets (out ${Math.round(l.wormUpPps / 1000)}k pps, in ${Math.round(l.wormDownPps / 1000)}k pps)`,
            }
          : {
              ko: `NetFlow ${cmd.args.device}: 특이한 트래픽 없음`,
              en: `NetFlow ${cmd.args.device}: nothing unusual among the top talkers`,
            },
      };
    }
    case 'diag.ids': {
      const alerts = Math.round(s.obs.idsAlertsPerMin);
      return {
        data: { alertsPerMin: alerts },
        flags: alerts > 0 ? ['knowsWorm', 'knowsUdp1434'] : [],
        text:
          alerts > 0
            ? {
                ko: `IDS: MS-SQL Resolution Service 오버플로(UDP 1434) 경보 분당 ${alerts}건`,
                en: `IDS: MS-SQL Resolution Service overflow (UDP 1434) alerts, ${alerts}/min`,
              }
            : { ko: 'IDS: 특이 경보 없음', en: 'IDS: no unusual alerts' },
      };
    }
    case 'diag.dnsLogs': {
      const i = p.network.clusters.findIndex((c) => c.id === cmd.args.cluster);
      const c = s.clusters[i]!;
      const def = p.network.clusters[i]!;
      const o = s.obs.dns.find((d) => d.id === cmd.args.cluster);
      const overloaded = c.status !== 'up' || c.rho > def.overloadRho;
      return {
        data: {
          cluster: cmd.args.cluster,
          queriesPerSec: o ? Math.round(o.queriesPerSec) : 0,
          successPct: o ? Math.round(o.successPct) : 0,
          status: c.status,
          overloaded,
        },
        flags: overloaded ? ['knowsDnsOverload'] : [],
        text: overloaded
          ? {
              ko: `DNS ${cmd.args.cluster}: 초당 ${o ? Math.round(o.queriesPerSec) : '?'}건, 해외 루트 조회 시간 초과와 재시도, PTR 역조회 폭증 — 과부하`,
              en: `DNS ${cmd.args.cluster}: ${o ? Math.round(o.queriesPerSec) : '?'} queries/s, upstream root lookups timing out and retried, PTR lookups piling up — overloaded`,
            }
          : {
              ko: `DNS ${cmd.args.cluster}: 정상 범위`,
              en: `DNS ${cmd.args.cluster}: within normal range`,
            },
      };
    }
    default:
      return null;
  }
}
