// Korean strings of the Situation Manual; keys match sitman.en.ts.
import type { Widen } from './types';
import type { sitmanEn } from './sitman.en';

export const sitmanKo: Widen<typeof sitmanEn> = {
  manual: {
    roleText: {
      facilitator: {
        name: '진행자',
        duty: '세션을 만들고 시계(일시정지·배속·건너뛰기)를 운영하며, 돌발 상황(인젝트)을 보내고 토론 질문에서 멈춰 팀의 답을 기록합니다.',
      },
      commander: {
        name: '사고 대응 책임자',
        duty: '우선순위를 정하고 인력을 호출하며, 상황 보고와 에스컬레이션을 결정하고 팀의 토론 답을 정리합니다.',
      },
      network: {
        name: '네트워크 (NOC)',
        duty: '회선 그래프와 NetFlow를 보고 경계·내부 장비에 필터를 적용합니다.',
      },
      security: {
        name: '보안',
        duty: 'IDS 경보로 원인(UDP 1434)을 확인하고 KISA 등 외부 기관과 정보를 나눕니다.',
      },
      systems: {
        name: '시스템 / DNS',
        duty: 'DNS 서버를 살리고 감염된 SQL 서버를 격리·패치합니다.',
      },
      comms: {
        name: '대외 커뮤니케이션',
        duty: '고객·언론·기관에 보낼 공지를 작성하고 보냅니다.',
      },
      projector: {
        name: '프로젝터',
        duty: '읽기 전용 화면: 지도, 시계, 역할 현황과 진행자가 띄운 토론 질문을 방 전체에 보여 줍니다.',
      },
    },
    objectives: {
      detect: {
        text: '이상 징후를 알아차리고 원인(MS SQL 서버를 노리는 UDP 1434 웜)을 확인한다.',
        capability: '상황 평가',
      },
      contain: {
        text: '경계에서 웜 트래픽을 막고 자사에서 나가는 웜 트래픽을 줄인다.',
        capability: '사이버 보안',
      },
      keepServices: {
        text: 'DNS와 가입자·고객 서비스를 지키고 복구한다.',
        capability: '기반 시설 시스템',
      },
      inform: {
        text: 'KISA에 신고하고 고객과 언론에 정확한 정보를 알린다.',
        capability: '대국민 정보 제공 및 경보',
      },
      recover: {
        text: '인력을 효율적으로 운영하고 월요일 업무 시작 전에 취약 서버를 줄인다.',
        capability: '운영 조정',
      },
    },
    agenda: {
      introduction: '소개와 역할 배정: 방 코드/QR로 입장, 상황 매뉴얼 훑어보기',
      detection: '모듈 1 — 탐지: 플레이, 첫 토론 질문에서 멈춤',
      response: '모듈 2 — 대응: 플레이(배속 2–4배), 토론',
      recovery: '모듈 3 — 복구: 건너뛰기로 월요일까지, 토론',
      hotWash: '사후 검토: 점수와 실제 대응 비교, 교훈, 개선 계획, 참가자 피드백',
    },
    s: {
      docTitle: '상황 매뉴얼',
      subtitle: '1·25 인터넷 대란 (2003년 1월 25일) 사고 대응 토론형 훈련',
      purpose: '1. 목적',
      purposeText:
        '이 훈련은 2003년 1월 25일 SQL Slammer 웜이 국내 인터넷을 마비시킨 날을 재현해, 팀이 탐지·대응·복구 과정에서 내리는 결정을 연습하고 실제 그날의 대응과 비교하도록 합니다. 잘잘못을 가리는 시험이 아니라, 계획과 절차의 빈틈을 함께 찾는 자리입니다.',
      situation: '시작 상황',
      objectives: '2. 훈련 목표와 역량',
      objective: '목표',
      capability: '역량 (HSEEP)',
      measured: '점수 항목 (가중치)',
      scenario: '3. 시나리오 (모듈별)',
      window: '시간대',
      events: '그날 있었던 일',
      injects: '들어오는 상황(인젝트)',
      atTime: '{{t}}',
      afterEvent: '{{event}} 후 {{min}}분',
      noneInModule: '없음',
      roles: '4. 역할',
      role: '역할',
      duty: '하는 일',
      commands: '이 시나리오에서 쓸 수 있는 명령',
      questions: '5. 토론 질문',
      questionsIntro:
        '진행자는 각 질문의 시각에 시계를 멈추고 질문을 프로젝터에 띄웁니다. 팀의 답은 사후 검토 보고서에 모듈별로 남습니다.',
      time: '시각',
      module: '모듈',
      question: '질문',
      logistics: '6. 진행 안내',
      project: '프로젝터에 띄울 것',
      projectList: [
        '로비: 방 코드와 참가 QR 코드 (프로젝터 좌석으로 입장)',
        '플레이 중: 지도, 시계, 역할 현황 — 진행자가 띄운 토론 질문은 크게 표시됩니다',
        '끝난 뒤: 점수와 실제 대응 비교 화면 (진행자의 사후 검토)',
      ],
      agenda: '90분 세션 시간표',
      minutes: '분',
      activity: '내용',
      total: '합계',
      needs: '준비물',
      needsList: [
        '진행자 노트북 1대 (서버 실행: npm start) 과 프로젝터',
        '참가자마다 노트북 또는 휴대전화 (같은 네트워크의 브라우저)',
        '이 상황 매뉴얼 (참가자당 1부)',
      ],
      scenarioClock:
        '게임 시계: {{start}} 시작, {{end}} 종료. 진행자가 배속과 건너뛰기로 90분에 맞춥니다.',
      footer: '시나리오',
    },
    eventText: {
      worm_onset: '웜 발생',
      worm_local: '자사 감염 호스트 발견',
      link_saturated: '회선 포화',
      dns_down: 'DNS 장애',
      outage_start: '가입자 장애 시작',
    },
  },
};
