// 한국어 UI 문자열. 키는 en.ts와 정확히 같아야 한다 (단위 테스트가 양방향으로 확인).
import type { Resource } from './types';

export const ko = {
  app: {
    title: '1·25',
    subtitle: '대한민국 인터넷이 멈춘 날',
    tagline: '2003년 1월 25일 토요일 오후 2시(KST). SQL 슬래머 웜이 UDP 1434번 포트로 몰려온다.',
  },
  loading: {
    label: '불러오는 중 {{percent}}%',
    fonts: '글꼴을 불러오는 중…',
    failed: '{{file}} 파일을 불러오지 못했습니다 — {{reason}}',
    failedHint: '게임이 완전히 빌드되었는지 확인한 뒤 페이지를 새로 고치세요.',
    reload: '새로 고침',
  },
  menu: {
    heading: '주 메뉴',
    newGame: '새 게임',
    continue: '이어하기',
    continueNone: '이어서 할 저장된 게임이 없습니다',
    replays: '다시 보기',
    team: '팀 훈련',
    settings: '설정',
    comingLater: '이 빌드에서는 아직 사용할 수 없습니다',
  },
  settings: {
    heading: '설정',
    language: '언어',
    volume: '음량',
    mute: '소리 끄기',
    reducedMotion: '움직임 줄이기',
    saved: '설정을 저장했습니다',
  },
  levelSelect: {
    heading: '조직을 선택하세요',
    back: '뒤로',
    isp: '인터넷 서비스 사업자',
    enterprise: '기업',
    difficulty: '난이도: {{level}}',
  },
} satisfies Resource;
