// Korean strings of the shortcuts screen; keys match shortcuts.en.ts.
import type { Widen } from './types';
import type { shortcutsEn } from './shortcuts.en';

export const shortcutsKo: Widen<typeof shortcutsEn> = {
  shortcuts: {
    heading: '키보드 단축키',
    pause: 'P (또는 Space) — 일시정지 / 계속',
    speed: '1 / 2 / 3 — 배속 ×1 / ×2 / ×4',
    skip: 'N — 다음 사건으로 건너뛰기',
    devices: 'D — 장비 목록; 화살표로 이동, Enter로 조치 열기',
    monitor: 'M — 모니터링 그래프',
    inbox: 'I — 수신함과 메시지',
    tasks: 'T — 작업과 인력',
    score: 'S — 점수: 항목별 점수, 가중치, 바뀐 이유',
    help: '? — 이 도움말',
    close: '닫기',
  },
};
