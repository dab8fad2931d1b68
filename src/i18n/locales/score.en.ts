// English strings of the score panels (Ops score panel, how the score works), fetched with them
// (see src/i18n/index.ts); keys must match score.ko.ts (the i18n test checks both ways). The
// wording of parts, quantities and causes is shared with the after-action review in
// src/aar/scoreWords.ts.
export const scoreEn = {
  scorePanel: {
    heading: 'Score',
    running: 'Running score: {{total}} of 1000',
    final: 'Final score: {{total}} of 1000',
    open: 'Score: points, weights and what changed it (S)',
    history: 'What changed the score (latest first)',
    noChanges: 'The score has not changed yet.',
    computing: 'Replaying the day so far…',
    sealed: '(named once you identify what floods the network)',
    sealedNote:
      'Until your team identifies what floods the network (NetFlow on a busy link, or the IDS), the words that would name it stay sealed here: you see the points, not the cause. The debrief shows everything.',
    falseClaims: 'Claims that were false when sent',
    noFalseClaims: 'No message has made a false claim.',
    how: 'How the score works',
    close: 'Close',
    total: 'Total',
  },
  claimWarning: {
    heading: 'Your own information does not support this message',
    cost: 'A claim that is false when the message lands costs {{points}} penalty points and trust with the recipient.',
    revise: 'Revise the message',
    sendAnyway: 'Send anyway',
    sentFalse: 'False claim: {{text}}',
  },
} as const;
