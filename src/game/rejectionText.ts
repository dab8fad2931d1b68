/**
 * Why a command was refused, as plain ko/en data. The core emits `{ code, params }`; views and the
 * CLI render it with `renderRejection`. Placeholders are `{name}` and are filled from params.
 */
export const REJECTION_CODES = [
  'MALFORMED',
  'UNKNOWN_COMMAND',
  'NOT_ALLOWED_IN_LEVEL',
  'ROLE_FORBIDDEN',
  'UNKNOWN_DEVICE',
  'UNKNOWN_STAFF',
  'UNKNOWN_CONTACT',
  'UNKNOWN_INJECT',
  'UNKNOWN_CHOICE',
  'NO_STAFF',
  'PRECONDITION',
  'ALREADY_DONE',
  'INJECT_NOT_ACTIVE',
  'INJECT_NO_DEADLINE',
  'EXTENSION_TOO_LARGE',
  'CLOCK_STATE',
  'TICK_IN_PAST',
  'RUN_ENDED',
  'ENGINE_REFUSED',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  code: RejectionCode;
  params: Record<string, string | number>;
}

export const rejectionText: Record<RejectionCode, { ko: string; en: string }> = {
  MALFORMED: {
    ko: '명령 형식이 잘못되었습니다: {detail}',
    en: 'Malformed command: {detail}',
  },
  UNKNOWN_COMMAND: {
    ko: '알 수 없는 명령입니다: {command}',
    en: 'Unknown command: {command}',
  },
  NOT_ALLOWED_IN_LEVEL: {
    ko: '이 시나리오에서는 "{command}" 명령을 쓸 수 없습니다.',
    en: 'The command "{command}" is not available in this scenario.',
  },
  ROLE_FORBIDDEN: {
    ko: '{role} 역할은 "{command}" 명령을 내릴 수 없습니다.',
    en: 'The {role} role may not issue "{command}".',
  },
  UNKNOWN_DEVICE: {
    ko: '{kind} "{id}"(이)가 이 네트워크에 없습니다.',
    en: 'There is no {kind} "{id}" in this network.',
  },
  UNKNOWN_STAFF: {
    ko: '직원 "{id}"(이)가 명단에 없습니다.',
    en: 'No staff member "{id}" on the roster.',
  },
  UNKNOWN_CONTACT: {
    ko: '연락처 "{id}"(이)가 없습니다.',
    en: 'No contact "{id}".',
  },
  UNKNOWN_INJECT: {
    ko: '상황 "{id}"(이)가 없습니다.',
    en: 'No situation "{id}".',
  },
  UNKNOWN_CHOICE: {
    ko: '상황 "{id}"에 "{choice}" 선택지가 없습니다.',
    en: 'Situation "{id}" has no choice "{choice}".',
  },
  NO_STAFF: {
    ko: '"{command}"에 {skill} 담당 {needed}명이 필요하지만 지금 {available}명만 가능합니다.',
    en: '"{command}" needs {needed} {skill} staff; only {available} free now.',
  },
  PRECONDITION: {
    ko: '"{command}" 전제 조건 미충족: {condition}',
    en: '"{command}" precondition not met: {condition}',
  },
  ALREADY_DONE: {
    ko: '이미 처리되었거나 진행 중입니다: {detail}',
    en: 'Already done or in progress: {detail}',
  },
  INJECT_NOT_ACTIVE: {
    ko: '상황 "{id}"은(는) 지금 열려 있지 않습니다 ({status}).',
    en: 'Situation "{id}" is not open now ({status}).',
  },
  INJECT_NO_DEADLINE: {
    ko: '상황 "{id}"에는 답변 기한이 없어 연장할 수 없습니다.',
    en: 'Situation "{id}" has no deadline to extend.',
  },
  EXTENSION_TOO_LARGE: {
    ko: '상황 "{id}"의 기한은 모두 합쳐 {max}분까지만 늘릴 수 있습니다 (이미 {extended}분, 이번 요청 {minutes}분).',
    en: 'The deadline of situation "{id}" can be extended by at most {max} game minutes in all (already {extended}, asked {minutes}).',
  },
  CLOCK_STATE: {
    ko: '시계 상태 때문에 불가: {detail}',
    en: 'Not possible in the current clock state: {detail}',
  },
  TICK_IN_PAST: {
    ko: '명령 시각 {tick}이(가) 현재 시각 {now}보다 이릅니다.',
    en: 'Command tick {tick} is before the current tick {now}.',
  },
  RUN_ENDED: {
    ko: '상황이 종료되었습니다.',
    en: 'The run has ended.',
  },
  ENGINE_REFUSED: {
    ko: '네트워크 모델이 거부했습니다: {detail}',
    en: 'The network model refused: {detail}',
  },
};

/** Fills a rejection's template in the given language; unknown placeholders stay visible. */
export function renderRejection(rejection: Rejection, lang: 'ko' | 'en'): string {
  return rejectionText[rejection.code][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(rejection.params, name) ? String(rejection.params[name]) : whole,
  );
}
