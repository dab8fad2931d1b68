// English strings of the device panel's state and action reasons, fetched once Ops is on screen
// (see src/i18n/index.ts); keys must match device.ko.ts (the i18n test checks both ways).
export const deviceEn = {
  state: {
    heading: 'What we know',
    nothingKnown: 'Nothing recorded yet: no order of ours has landed here.',
    linkLoad: 'Load {{inPct}}% in · {{outPct}}% out (MRTG 5-min average, {{at}})',
    busiestLink: 'Busiest link: {{link}} at {{pct}}% (MRTG, {{at}})',
    disconnected: 'Disconnected by us at {{since}}',
    filterInPlace: 'UDP 1434 filter in place, {{direction}}, since {{since}}',
    rateLimitInPlace: 'UDP 1434 limited to {{mbps}} Mbps, {{direction}}, since {{since}}',
    netflowWorm:
      'NetFlow at {{at}}: UDP 1434 worm traffic, {{outKpps}}k pps going out (our hosts infected), {{inKpps}}k pps coming in',
    netflowClean: 'NetFlow at {{at}}: nothing unusual',
    dnsAnswering: '{{cluster}}: answering · {{qps}} queries/s · {{ok}}% answered ({{at}})',
    dnsNotAnswering: '{{cluster}}: NOT answering · {{qps}} queries/s · {{ok}}% answered ({{at}})',
    serversAdded: '{{cluster}}: {{n}} servers added by us',
    resolutionMoved: '{{cluster}}: resolution moved to {{to}} at {{since}}',
    nullRouted: '{{segment}}: null-routed (cut off) since {{since}}',
    patching:
      '{{segment}}: patching since {{since}}, {{rate}} hosts/h with the hands free now — {{done}} of {{hosts}} SQL servers done',
    rebooted: '{{segment}}: infected hosts rebooted at {{at}}',
    underWay: 'Under way: {{name}} — {{pct}}%, done at {{due}}',
    failed: 'Failed at {{at}}: {{name}} — order it again',
  },
  why: {
    inPlace: 'Already in place since {{since}}.',
    'nothingToUndo.filter': 'No filter of ours is in place here.',
    'nothingToUndo.rateLimit': 'No rate limit of ours is in place here.',
    'nothingToUndo.nullRoute': 'This segment is not null-routed.',
    'nothingToUndo.disconnected': 'This link is connected.',
    'nothingToUndo.patching': 'No patching under way here.',
    'needs.knowsUdp1434':
      'Needs the flooding traffic identified first — run NetFlow on a busy link or read the IDS alerts.',
    'needs.knowsWorm':
      'Needs the flooding traffic identified first — run NetFlow on a busy link or read the IDS alerts.',
    'needs.knowsInfectedHosts':
      'Needs our own infected hosts found first — run NetFlow on a link that sends the traffic out.',
    // Before a diagnosis (src/ui/panels/ops/disclosure.ts): what is seen, not what it is.
    'needs.knowsInfectedHosts_observed':
      'Needs our own servers that send the flood found first — run NetFlow on a link that sends the traffic out.',
    'needs.knowsDnsOverload': 'Needs the DNS trouble understood first — read the DNS logs.',
    'needs.escalated': 'Needs the incident escalated first.',
    'needs.kisaNotified': 'Needs KISA told first.',
    staffBusy: 'All {{skill}} staff busy until {{until}}.',
    staffArriving: 'No {{skill}} staff free — the next one arrives at {{at}}.',
    staffNone: 'No {{skill}} staff on shift — call someone in (Tasks tab).',
    underWay: 'Already under way.',
    alreadyDone: 'Already done.',
    ended: 'The shift is over.',
  },
};
