// Korean texts of the session server; keys match server.en.ts.
import type { Widen } from './types';
import type { serverEn } from './server.en';

export const serverKo: Widen<typeof serverEn> = {
  error: {
    BAD_JSON: '메시지가 JSON이 아닙니다',
    BAD_MESSAGE: '메시지 형식이 잘못되었습니다',
    TOO_LARGE: '메시지가 너무 큽니다',
    RATE_LIMITED: '요청이 너무 많습니다. 잠시 후 다시 시도하세요',
    UNSUPPORTED_VERSION: '게임 버전이 서버와 다릅니다. 페이지를 새로 고치세요',
    NOT_JOINED: '먼저 방에 참가하세요',
    ALREADY_JOINED: '이미 방에 참가했습니다',
    UNKNOWN_ROOM: '그런 방 코드가 없습니다',
    BAD_TOKEN: '자리 토큰이 유효하지 않습니다',
    ROOM_FULL: '방이 가득 찼습니다',
    ROOM_ENDED: '세션이 끝났습니다',
    FORBIDDEN: '이 자리에서는 할 수 없습니다',
    NOT_RUNNING: '세션이 아직 시작되지 않았습니다',
    NO_ROLE: '먼저 역할을 고르세요',
    ROLE_TAKEN: '이미 다른 사람이 맡은 역할입니다',
    ROLE_NOT_IN_SESSION: '이 세션에 없는 역할입니다',
    UNKNOWN_SEAT: '그런 자리가 없습니다',
    OUT_OF_ORDER: '명령 순서 번호가 맞지 않습니다',
    SUPERSEDED: '다른 창에서 이 자리에 접속했습니다',
    ENDING: '세션을 마치는 중입니다. 더 이상 명령을 받지 않습니다',
    NOT_ENDED: '피드백은 세션이 끝난 뒤에 보낼 수 있습니다',
    ALREADY_SENT: '이 자리에서는 이미 피드백을 보냈습니다',
    STORAGE_FAILED: '서버가 저장하지 못했습니다. 세션은 계속됩니다. 잠시 후 다시 시도하세요',
    INTERNAL: '서버 내부 오류',
  },
  resync: '상태가 서버와 달라 기록에서 다시 계산합니다.',
  removed: '진행자가 이 자리를 없앴습니다.',
  ended: {
    facilitator: '진행자가 세션을 마쳤습니다.',
    finished: '시나리오가 끝났습니다.',
    idle: '아무도 접속하지 않아 세션이 만료되었습니다.',
  },
  withDetail: '{{reason}}: {{detail}}',
  closed: {
    superseded: '다른 창에서 이 자리에 접속했습니다.',
    badToken: '이 자리의 토큰이 더 이상 유효하지 않습니다.',
  },
};
