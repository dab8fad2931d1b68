// Player-facing texts of the session server, in Korean and English. Error frames carry a short
// reason per code plus the specific detail (which field, which role…), which is data and stays
// as given.
import type { ErrorCode, LocalText } from '../../src/net/protocol.ts';

const REASONS: Record<ErrorCode, LocalText> = {
  BAD_JSON: { ko: '메시지가 JSON이 아닙니다', en: 'The message is not JSON' },
  BAD_MESSAGE: { ko: '메시지 형식이 잘못되었습니다', en: 'The message is malformed' },
  TOO_LARGE: { ko: '메시지가 너무 큽니다', en: 'The message is too large' },
  RATE_LIMITED: {
    ko: '요청이 너무 많습니다. 잠시 후 다시 시도하세요',
    en: 'Too many requests; try again shortly',
  },
  UNSUPPORTED_VERSION: {
    ko: '게임 버전이 서버와 다릅니다. 페이지를 새로 고치세요',
    en: 'This game version differs from the server’s; reload the page',
  },
  NOT_JOINED: { ko: '먼저 방에 참가하세요', en: 'Join a room first' },
  ALREADY_JOINED: { ko: '이미 방에 참가했습니다', en: 'Already joined' },
  UNKNOWN_ROOM: { ko: '그런 방 코드가 없습니다', en: 'No room with that code' },
  BAD_TOKEN: { ko: '자리 토큰이 유효하지 않습니다', en: 'The seat token is not valid' },
  ROOM_FULL: { ko: '방이 가득 찼습니다', en: 'The room is full' },
  ROOM_ENDED: { ko: '세션이 끝났습니다', en: 'The session has ended' },
  FORBIDDEN: { ko: '이 자리에서는 할 수 없습니다', en: 'This seat may not do that' },
  NOT_RUNNING: { ko: '세션이 아직 시작되지 않았습니다', en: 'The session has not started' },
  NO_ROLE: { ko: '먼저 역할을 고르세요', en: 'Choose a role first' },
  ROLE_TAKEN: { ko: '이미 다른 사람이 맡은 역할입니다', en: 'Someone else holds that role' },
  ROLE_NOT_IN_SESSION: {
    ko: '이 세션에 없는 역할입니다',
    en: 'That role is not part of this session',
  },
  UNKNOWN_SEAT: { ko: '그런 자리가 없습니다', en: 'No such seat' },
  OUT_OF_ORDER: {
    ko: '명령 순서 번호가 맞지 않습니다',
    en: 'The command sequence number is out of order',
  },
  SUPERSEDED: {
    ko: '다른 창에서 이 자리에 접속했습니다',
    en: 'This seat was opened in another window',
  },
  ENDING: {
    ko: '세션을 마치는 중입니다. 더 이상 명령을 받지 않습니다',
    en: 'The session is ending; no more commands are taken',
  },
  NOT_ENDED: {
    ko: '피드백은 세션이 끝난 뒤에 보낼 수 있습니다',
    en: 'Feedback is taken once the session has ended',
  },
  ALREADY_SENT: {
    ko: '이 자리에서는 이미 피드백을 보냈습니다',
    en: 'This seat has already sent its feedback',
  },
  STORAGE_FAILED: {
    ko: '서버가 저장하지 못했습니다. 세션은 계속됩니다. 잠시 후 다시 시도하세요',
    en: 'The server could not store it; the session goes on. Try again shortly',
  },
  INTERNAL: { ko: '서버 내부 오류', en: 'Internal server error' },
};

/** "<reason>: <detail>" in both languages (the detail names the field and why). */
export function errorText(code: ErrorCode, detail?: string): LocalText {
  const r = REASONS[code];
  return detail ? { ko: `${r.ko}: ${detail}`, en: `${r.en}: ${detail}` } : { ...r };
}

export const TEXT = {
  resync: {
    ko: '상태가 서버와 달라 기록에서 다시 계산합니다.',
    en: 'Your state differed from the server’s; re-simulating from the log.',
  },
  removed: { ko: '진행자가 이 자리를 없앴습니다.', en: 'The facilitator removed this seat.' },
  ended: {
    facilitator: { ko: '진행자가 세션을 마쳤습니다.', en: 'The facilitator ended the session.' },
    finished: { ko: '시나리오가 끝났습니다.', en: 'The scenario has reached its end.' },
    idle: {
      ko: '아무도 접속하지 않아 세션이 만료되었습니다.',
      en: 'The session expired: nobody was connected.',
    },
  },
} as const;
