// English reasons a command was refused, one per rejection code of the core
// (src/game/rejectionText.ts), read through src/i18n/rejection.ts by the CLI, the server and the
// Ops screen's refusal module, which is fetched with the first refusal (never on the first load).
// Keys must match rejection.ko.ts (its type checks both ways).
export const rejectionEn = {
  MALFORMED: 'Malformed command: {{detail}}',
  UNKNOWN_COMMAND: 'Unknown command: {{command}}',
  NOT_ALLOWED_IN_LEVEL: 'The command "{{command}}" is not available in this scenario.',
  ROLE_FORBIDDEN: 'The {{role}} role may not issue "{{command}}".',
  UNKNOWN_DEVICE: 'There is no {{kind}} "{{id}}" in this network.',
  UNKNOWN_STAFF: 'No staff member "{{id}}" on the roster.',
  UNKNOWN_CONTACT: 'No contact "{{id}}".',
  UNKNOWN_INJECT: 'No situation "{{id}}".',
  UNKNOWN_CHOICE: 'Situation "{{id}}" has no choice "{{choice}}".',
  NO_STAFF: '"{{command}}" needs {{needed}} {{skill}} staff; only {{available}} free now.',
  PRECONDITION: '"{{command}}" precondition not met: {{condition}}',
  ALREADY_DONE: 'Already done or in progress: {{detail}}',
  INJECT_NOT_ACTIVE: 'Situation "{{id}}" is not open now ({{status}}).',
  INJECT_NO_DEADLINE: 'Situation "{{id}}" has no deadline to extend.',
  EXTENSION_TOO_LARGE:
    'The deadline of situation "{{id}}" can be extended by at most {{max}} game minutes in all (already {{extended}}, asked {{minutes}}).',
  CLOCK_STATE: 'Not possible in the current clock state: {{detail}}',
  TICK_IN_PAST: 'Command tick {{tick}} is before the current tick {{now}}.',
  RUN_ENDED: 'The run has ended.',
  ENGINE_REFUSED: 'The network model refused: {{detail}}',
};
