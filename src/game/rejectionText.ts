/**
 * Why a command was refused. The core emits `{ code, params }`; the words for each code are in the
 * locale files (src/i18n/locales/rejection.*.ts), which views read through i18next and the CLI and
 * the server through `renderRejection` (src/i18n/rejection.ts).
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
