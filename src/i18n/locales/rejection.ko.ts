// Korean reasons a command was refused; keys match rejection.en.ts.
import type { Widen } from './types';
import type { rejectionEn } from './rejection.en';

export const rejectionKo: Widen<typeof rejectionEn> = {
  MALFORMED: '명령 형식이 잘못되었습니다: {{detail}}',
  UNKNOWN_COMMAND: '알 수 없는 명령입니다: {{command}}',
  NOT_ALLOWED_IN_LEVEL: '이 시나리오에서는 "{{command}}" 명령을 쓸 수 없습니다.',
  ROLE_FORBIDDEN: '{{role}} 역할은 "{{command}}" 명령을 내릴 수 없습니다.',
  UNKNOWN_DEVICE: '{{kind}} {{id, quote, iga}} 이 네트워크에 없습니다.',
  UNKNOWN_STAFF: '직원 {{id, quote, iga}} 명단에 없습니다.',
  UNKNOWN_CONTACT: '연락처 {{id, quote, iga}} 없습니다.',
  UNKNOWN_INJECT: '상황 {{id, quote, iga}} 없습니다.',
  UNKNOWN_CHOICE: '상황 "{{id}}"에 "{{choice}}" 선택지가 없습니다.',
  NO_STAFF:
    '"{{command}}"에 {{skill}} 담당 {{needed}}명이 필요하지만 지금 {{available}}명만 가능합니다.',
  PRECONDITION: '"{{command}}" 전제 조건 미충족: {{condition}}',
  ALREADY_DONE: '이미 처리되었거나 진행 중입니다: {{detail}}',
  INJECT_NOT_ACTIVE: '상황 {{id, quote, eunneun}} 지금 열려 있지 않습니다 ({{status}}).',
  INJECT_NO_DEADLINE: '상황 "{{id}}"에는 답변 기한이 없어 연장할 수 없습니다.',
  EXTENSION_TOO_LARGE:
    '상황 "{{id}}"의 기한은 모두 합쳐 {{max}}분까지만 늘릴 수 있습니다 (이미 {{extended}}분, 이번 요청 {{minutes}}분).',
  CLOCK_STATE: '시계 상태 때문에 불가: {{detail}}',
  TICK_IN_PAST: '명령 시각 {{tick, iga}} 현재 시각 {{now}}보다 이릅니다.',
  RUN_ENDED: '상황이 종료되었습니다.',
  ENGINE_REFUSED: '네트워크 모델이 거부했습니다: {{detail}}',
};
