// English strings of the debrief screen, fetched with it (see src/i18n/index.ts); keys must
// match debrief.ko.ts (the i18n test checks both ways).
export const debriefEn = {
  debrief: {
    heading: 'Debrief',
    score: 'Your score',
    history: 'The historical response',
    part: 'Part',
    you: 'You',
    real: 'History',
    timeline: 'What really happened that day',
    lessons: 'Lessons',
    sources: 'Sources',
    aarFailed: 'The review could not be built: {{reason}}',
    downloadAar: 'After-action review (printable page)',
    downloadAarJson: 'After-action review (JSON)',
    downloadRun: 'Run file (verifiable)',
    again: 'Back to the title',
    computing: 'Scoring the historical response…',
  },
  parts: {
    subscriberHours: 'Subscriber-hours lost',
    dnsAvailability: 'DNS availability',
    infectedHostHours: 'Infected host-hours',
    outboundWorm: 'Worm traffic sent out',
    timeToDetect: 'Time to detect',
    timeToFilter: 'Time to first filter',
    timeToNotifyKisa: 'Time to notify KISA',
    communications: 'Communications',
    mondayReadiness: 'Ready for Monday',
    staffCost: 'Staff cost',
    total: 'Total',
  },
} as const;
