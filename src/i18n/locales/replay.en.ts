// English strings of the replay viewer (timeline, ghost, what-if fork). Own file so that work on
// it does not collide with the rest; keys must match replay.ko.ts (the i18n test checks both ways).
export const replayEn = {
  heading: 'Replay',
} as const;
