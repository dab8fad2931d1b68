// Korean strings of the score panels; keys must match score.en.ts (the i18n test checks both ways).
import type { Widen } from './types';
import type { scoreEn } from './score.en';

export const scoreKo: Widen<typeof scoreEn> = {
  scorePanel: {
    heading: '점수',
    running: '진행 중 점수: 1000점 중 {{total}}점',
    final: '최종 점수: 1000점 중 {{total}}점',
    open: '점수: 항목별 점수, 가중치, 바뀐 이유 (S)',
    history: '점수가 바뀐 이유 (최근 순)',
    noChanges: '아직 점수가 바뀌지 않았습니다.',
    computing: '지금까지의 하루를 다시 계산하는 중…',
    sealed: '(네트워크를 채우는 트래픽의 정체를 확인하면 공개)',
    sealedNote:
      '팀이 네트워크를 채우는 트래픽의 정체를 확인하기 전까지(붐비는 회선의 NetFlow 또는 IDS) 그 정체를 드러낼 말은 여기서 가려집니다. 점수는 보이지만 원인은 보이지 않습니다. 디브리핑에서는 모두 보여 줍니다.',
    falseClaims: '보낼 때 사실이 아니었던 주장',
    noFalseClaims: '사실과 다른 주장을 보낸 메시지가 없습니다.',
    how: '점수는 어떻게 매겨지나',
    close: '닫기',
    total: '합계',
  },
  claimWarning: {
    heading: '내가 가진 정보로는 이 메시지를 뒷받침할 수 없습니다',
    cost: '메시지가 도착할 때 사실이 아닌 주장은 벌점 {{points}}점이며 받는 쪽의 신뢰를 잃습니다.',
    revise: '메시지 고치기',
    sendAnyway: '그래도 보내기',
    sentFalse: '사실이 아닌 주장: {{text}}',
  },
};
