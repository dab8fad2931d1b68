// Korean strings of the debrief screen; keys match debrief.en.ts.
import type { Widen } from './types';
import type { debriefEn } from './debrief.en';

export const debriefKo: Widen<typeof debriefEn> = {
  debrief: {
    heading: '결과 분석',
    score: '내 점수',
    history: '실제 대응',
    part: '항목',
    you: '나',
    real: '실제',
    timeline: '그날 실제로 있었던 일',
    lessons: '교훈',
    sources: '출처',
    aarFailed: '사후 검토 보고서를 만들지 못했습니다: {{reason}}',
    downloadAar: '사후 검토 보고서 (인쇄용 페이지)',
    downloadAarJson: '사후 검토 보고서 (JSON)',
    downloadRun: '실행 기록 파일 (검증 가능)',
    again: '처음 화면으로',
    computing: '실제 대응의 점수를 계산하는 중…',
  },
  parts: {
    subscriberHours: '가입자 접속 손실(시간)',
    dnsAvailability: 'DNS 가용성',
    infectedHostHours: '감염 호스트-시간',
    outboundWorm: '외부로 보낸 웜 트래픽',
    timeToDetect: '탐지까지 걸린 시간',
    timeToFilter: '경계 웜 트래픽 차단까지 걸린 시간',
    timeToNotifyKisa: 'KISA 신고까지 걸린 시간',
    communications: '대외 소통',
    mondayReadiness: '월요일 대비',
    staffCost: '인건비',
    serviceHours: '전용회선·IDC 서비스 장애 시간',
    total: '합계',
  },
};
