// English UI strings. Keys must match ko.ts exactly (a unit test checks both ways).
export const en = {
  app: {
    title: '1·25',
    subtitle: 'The day Korea went dark',
    tagline: 'Saturday 25 January 2003, 14:00 KST. SQL Slammer is about to hit UDP port 1434.',
  },
  loading: {
    label: 'Loading {{percent}}%',
    fonts: 'Loading fonts…',
    failed: 'Could not load {{file}} — {{reason}}',
    failedHint: 'Check that the game was built completely, then reload the page.',
    reload: 'Reload',
  },
  menu: {
    heading: 'Main menu',
    newGame: 'New game',
    continue: 'Continue',
    continueNone: 'No saved run to continue',
    replays: 'Replays',
    team: 'Team session',
    settings: 'Settings',
    comingLater: 'Not available yet in this build',
  },
  settings: {
    heading: 'Settings',
    language: 'Language',
    volume: 'Volume',
    mute: 'Mute sound',
    reducedMotion: 'Reduce motion',
    saved: 'Settings saved',
  },
  levelSelect: {
    heading: 'Choose your organisation',
    back: 'Back',
    isp: 'Internet service provider',
    enterprise: 'Enterprise',
    difficulty: 'Difficulty: {{level}}',
  },
} as const;
