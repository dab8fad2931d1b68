// English strings of the shortcuts screen, fetched with it (see src/i18n/index.ts); keys must
// match shortcuts.ko.ts (the i18n test checks both ways).
export const shortcutsEn = {
  shortcuts: {
    heading: 'Keyboard shortcuts',
    pause: 'P (or Space) — pause / resume',
    speed: '1 / 2 / 3 — speed ×1 / ×2 / ×4',
    skip: 'N — skip to the next event',
    devices: 'D — device list; arrows move, Enter opens actions',
    monitor: 'M — monitoring graphs',
    inbox: 'I — inbox and messages',
    tasks: 'T — tasks and staff',
    score: 'S — score: points, weights and what changed it',
    help: '? — this help',
    close: 'Close',
  },
} as const;
