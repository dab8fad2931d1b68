// Korean strings of the device panel's state and action reasons, fetched once Ops is on screen
// (see src/i18n/index.ts); keys must match device.en.ts (the i18n test checks both ways).
export const deviceKo = {
  state: {
    heading: '우리가 아는 상태',
    nothingKnown: '아직 기록이 없습니다. 이곳에 끝난 우리 조치가 없습니다.',
    linkLoad: '사용률 수신 {{inPct}}% · 송신 {{outPct}}% (MRTG 5분 평균, {{at}})',
    busiestLink: '가장 붐비는 회선: {{link}} {{pct}}% (MRTG, {{at}})',
    disconnected: '{{since}}에 우리가 연결을 끊음',
    filterInPlace: 'UDP 1434 차단 적용 중 ({{direction}} 방향, {{since}}부터)',
    rateLimitInPlace: 'UDP 1434 대역폭 {{mbps}}Mbps로 제한 중 ({{direction}} 방향, {{since}}부터)',
    netflowWorm:
      '{{at}} NetFlow: UDP 1434 웜 트래픽, 나가는 쪽 {{outKpps}}k pps(우리 호스트 감염), 들어오는 쪽 {{inKpps}}k pps',
    netflowClean: '{{at}} NetFlow: 특이한 트래픽 없음',
    dnsAnswering: '{{cluster}}: 응답 중 · 초당 {{qps}}건 · 성공률 {{ok}}% ({{at}})',
    dnsNotAnswering: '{{cluster}}: 응답 없음 · 초당 {{qps}}건 · 성공률 {{ok}}% ({{at}})',
    serversAdded: '{{cluster}}: 우리가 서버 {{n}}대 증설',
    resolutionMoved: '{{cluster}}: {{since}}에 질의 처리를 {{to, euro}} 옮김',
    nullRouted: '{{segment}}: {{since}}부터 널 라우팅(차단) 중',
    patching:
      '{{segment}}: {{since}}부터 패치 중, 지금 일손으로 시간당 {{rate}}대 — SQL 서버 {{hosts}}대 중 {{done}}대 완료',
    rebooted: '{{segment}}: {{at}}에 감염 호스트 재부팅',
    underWay: '진행 중: {{name}} — {{pct}}%, {{due}} 완료 예정',
    failed: '{{at}} 실패: {{name}} — 다시 지시하세요',
  },
  why: {
    inPlace: '{{since}}부터 이미 적용되어 있습니다.',
    'nothingToUndo.filter': '이곳에 우리가 건 차단이 없습니다.',
    'nothingToUndo.rateLimit': '이곳에 우리가 건 대역폭 제한이 없습니다.',
    'nothingToUndo.nullRoute': '이 구간은 널 라우팅되어 있지 않습니다.',
    'nothingToUndo.disconnected': '이 회선은 연결되어 있습니다.',
    'nothingToUndo.patching': '이곳에서 진행 중인 패치 작업이 없습니다.',
    'needs.knowsUdp1434':
      '먼저 폭주 트래픽의 정체를 알아내야 합니다 — 붐비는 회선에서 NetFlow를 돌리거나 IDS 경보를 확인하세요.',
    'needs.knowsWorm':
      '먼저 폭주 트래픽의 정체를 알아내야 합니다 — 붐비는 회선에서 NetFlow를 돌리거나 IDS 경보를 확인하세요.',
    'needs.knowsInfectedHosts':
      '먼저 우리 쪽 감염 호스트를 찾아야 합니다 — 트래픽을 밖으로 내보내는 회선에서 NetFlow를 돌리세요.',
    'needs.knowsInfectedHosts_observed':
      '먼저 폭주 트래픽을 내보내는 우리 서버를 찾아야 합니다 — 트래픽을 밖으로 내보내는 회선에서 NetFlow를 돌리세요.',
    'needs.knowsDnsOverload': '먼저 DNS 문제의 원인을 알아야 합니다 — DNS 로그를 확인하세요.',
    'needs.escalated': '먼저 사고 등급을 올려야 합니다.',
    'needs.kisaNotified': '먼저 KISA에 알려야 합니다.',
    staffBusy: '{{skill}} 인력이 모두 {{until}}까지 작업 중입니다.',
    staffArriving: '남은 {{skill}} 인력이 없습니다 — 다음 사람이 {{at}}에 도착합니다.',
    staffNone: '근무 중인 {{skill}} 인력이 없습니다 — 사람을 부르세요(작업과 인력 탭).',
    underWay: '이미 진행 중입니다.',
    alreadyDone: '이미 했습니다.',
    ended: '근무가 끝났습니다.',
  },
};
