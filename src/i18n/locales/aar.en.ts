// English strings of the after-action review (src/aar): the HTML page, the score's wording, the
// lessons and a session's records. Read through src/i18n/catalogue.ts in the browser, the CLI and
// the server alike; keys must match aar.ko.ts (the i18n test checks both ways).
export const aarEn = {
  format: {
    clock: '{{day}} Jan {{hm}}',
    hoursMinutes: '{{h}} h {{m}} min',
    minutes: '{{m}} min',
  },
  html: {
    s: {
      docTitle: 'After-action review',
      overview: 'Exercise overview',
      level: 'Scenario',
      player: 'Player',
      seed: 'Seed',
      players: 'Players and roles',
      commands: 'Commands',
      runEnd: 'Run ends',
      ended: 'finished',
      saved: 'saved before the end',
      scoreTotal: 'Score',
      verified:
        'This review was computed by re-simulating the run file from its seed; the run verified.',
      keyTimes: 'Key times',
      event: 'Event',
      thisRun: 'This run',
      afterOnset: 'After onset',
      ghost: 'Historical response (same seed)',
      never: 'never',
      outage: 'Outage compared with the real day',
      outageSpan: 'From the first outage to the last recovery',
      outageMinutes: 'Time actually in outage',
      outageReal: 'The real 25 January (KCC refund decision)',
      outageGhost: 'The historical response in this simulation',
      outageNone: 'Subscribers never lost service.',
      stillGoing: '(still going at the end)',
      cmpShorter: 'shorter than the real day',
      cmpWithin: 'within the real range',
      cmpLonger: 'longer than the real day',
      charts: 'Curves',
      chartSubs: 'Subscribers online',
      chartDns: 'DNS success',
      chartInfected: 'Own infected hosts',
      chartScore: 'Score as it built up',
      hosts: 'hosts',
      points: 'points',
      you: 'This run',
      history: 'Historical response',
      chartDesc:
        'Solid line: this run; dashed: the historical response on the same seed. Vertical rules mark this run’s key times.',
      scoreParts: 'Score by part',
      part: 'Part',
      weight: 'Weight',
      diff: 'Difference',
      total: 'Total (of 1000)',
      falseClaims: 'Claims that were false when sent',
      noFalseClaims: 'No message made a false claim.',
      scoreHistory: 'What changed the score',
      when: 'When',
      why: 'Cause',
      lessons: 'Strengths and areas for improvement',
      strength: 'Strength',
      improvement: 'Area for improvement',
      evidence: 'Evidence',
      sourcesShort: 'Sources',
      noLessons: 'No lesson applies.',
      whoDidWhat: 'Who did what',
      role: 'Role',
      heldBy: 'Held by',
      bot: 'bot',
      count: 'Commands',
      types: 'Command types',
      log: 'Command log',
      time: 'Time',
      command: 'Command',
      args: 'Arguments',
      noCommands: 'No commands were given.',
      notes: 'Discussion notes',
      timeline: 'The real day',
      sources: 'Sources',
      footer: 'Verification',
      levelHash: 'Level SHA-256',
      finalHash: 'Final state hash',
      gameVersion: 'Game version',
    },
    keyTimeLabels: {
      onset: 'Worm onset (worldwide)',
      firstAnomaly: 'First anomaly seen',
      firstLook: 'First diagnostic command',
      diagnosis: 'Diagnosis (UDP 1434 known)',
      firstFilter: 'First filter in place',
      kisaNotified: 'KISA notified',
      customersInformed: 'Customers informed',
      dnsDown: 'DNS first down',
      dnsRestored: 'DNS restored',
    },
    roleLabels: {
      solo: 'Solo (every role)',
      facilitator: 'Facilitator',
      commander: 'Incident commander',
      network: 'Network (NOC)',
      security: 'Security',
      systems: 'Systems / DNS',
      comms: 'Communications',
    },
  },
  exercise: {
    s: {
      discussion: 'Discussion — the team’s answers by module',
      question: 'Question',
      answer: 'Team’s answer',
      time: 'Time',
      observations: 'Evaluator observations',
      capability: 'Capability',
      task: 'Critical task',
      rating: 'Rating',
      note: 'Note',
      decision: 'Decision',
      feedback: 'Participant feedback (anonymous)',
      responses: 'Responses',
      statement: 'Statement (1 strongly disagree – 5 strongly agree)',
      average: 'Average',
      noFeedback: 'No feedback was received.',
      plan: 'Improvement plan',
      planIntro: 'For the facilitator to fill in: one row per area for improvement.',
      issue: 'Issue',
      action: 'Corrective action',
      owner: 'Owner',
      due: 'Due date',
    },
  },
  records: {
    feedbackStatementText: {
      objectives: 'The exercise objectives were clear.',
      realism: 'The scenario was realistic.',
      roles: 'I understood my role and responsibilities.',
      facilitation: 'The facilitation helped the exercise.',
      useful: 'The exercise will help me in my actual work.',
    },
    feedbackQuestionText: {
      wentWell: 'What went well?',
      improve: 'What should be improved?',
      monday: 'What will you change when you are back at work on Monday?',
    },
    planCsvHeader: ['Issue', 'Corrective action', 'Capability', 'Owner', 'Due date', 'Lesson'],
    hseepRatingText: {
      p: 'Performed without challenges',
      s: 'Performed with some challenges',
      m: 'Performed with major challenges',
      u: 'Unable to be performed',
    },
    moduleText: {
      detection: 'Module 1 — Detection',
      response: 'Module 2 — Response',
      recovery: 'Module 3 — Recovery',
    },
  },
  score: {
    partLabels: {
      subscriberHours: 'Subscriber-hours lost',
      dnsAvailability: 'DNS availability',
      infectedHostHours: 'Own infected host-hours',
      outboundWorm: 'Worm traffic sent out',
      timeToDetect: 'Time to detect',
      timeToFilter: 'Time until worm traffic at the border was stopped',
      timeToNotifyKisa: 'Time to notify KISA',
      communications: 'Communications',
      mondayReadiness: 'Readiness for Monday',
      staffCost: 'Staff cost',
      serviceHours: 'Leased-line and IDC service-hours lost',
    },
    claimLabels: {
      worm_active: 'a worm is active',
      worm_udp1434: 'it spreads on UDP 1434',
      worm_contained: 'the worm is contained',
      network_ownHostsInfected: 'some of our servers are infected',
      network_ownHostsClean: 'our servers are clean',
      dns_degraded: 'DNS is degraded',
      dns_restored: 'DNS is restored',
      service_degraded: 'service is degraded',
      service_restored: 'service is restored',
    },
    quantity: {
      subscriberHours: '{{v}} subscriber-hours lost',
      dnsAvailability: '{{v}} % of DNS lookups unanswered',
      infectedHostHours: '{{v}} infected host-hours',
      outboundWorm: '{{v}} GB of worm traffic sent out',
      timeToDetect: 'worm identified after {{v}} min',
      timeToFilter: 'border clear of the worm after {{v}} min',
      timeToNotifyKisa: 'KISA told after {{v}} min',
      communications: '{{v}} penalty points',
      mondayReadiness: '{{v}} % of exposed SQL hosts still unpatched',
      staffCost: '₩{{v}} thousand of overtime',
      serviceHours: '{{v}} line/service-hours lost',
    },
    counting: {
      timeToDetect: 'not identified yet: {{v}} min since the worm’s onset, still counting',
      timeToFilter:
        'worm traffic still crossing the border: {{v}} min since the onset, still counting',
      timeToNotifyKisa: 'KISA not told yet: {{v}} min since the onset, still counting',
    },
    never: {
      timeToDetect: 'never identified (counted to the end: {{v}} min)',
      timeToFilter: 'the border never cleared of the worm (counted to the end: {{v}} min)',
      timeToNotifyKisa: 'KISA never told (counted to the end: {{v}} min)',
    },
    beforeOnset: 'no worm yet (the clock has not started)',
    zeroAtText: '0 points at {{q}}',
    unitAmount: {
      subscriberHours: '{{v}} subscriber-hours',
      dnsAvailability: '{{v}} % unanswered',
      infectedHostHours: '{{v}} host-hours',
      outboundWorm: '{{v}} GB',
      timeToDetect: '{{v}} min',
      timeToFilter: '{{v}} min',
      timeToNotifyKisa: '{{v}} min',
      communications: '{{v}} penalty points',
      mondayReadiness: '{{v}} % unpatched',
      staffCost: '₩{{v}} thousand',
      serviceHours: '{{v}} line/service-hours',
    },
    column: {
      part: 'Part',
      measured: 'Measured',
      points: 'Points (of 100)',
      weight: 'Weight',
      share: 'Share of 1000',
    },
    runningScoreMeaning:
      'The running score is the day scored as if it ended now: the losses so far count in full, and a moment not reached yet (cause identified, border clear, KISA told) counts as the minutes since the trouble began. So it falls while an outage lasts or a clock runs, even while you respond well; a part stops falling once its effect happens, and some parts recover (DNS availability, Monday readiness). The final score is this value at the end of the day.',
    claimTruthText: {
      worm_contained: '{{m}} Mbit/s of worm traffic was still leaving our network; {{inf}}',
      network_ownHostsInfected: 'none of our SQL hosts was infected',
      dns_degraded: 'DNS answered {{p}} % of lookups',
      dns_restored: 'DNS answered only {{p}} % of lookups',
      service_degraded: '{{p}} % of subscribers were online',
      service_restored: 'only {{p}} % of subscribers were online',
      unknown: 'it was not so at the time',
    },
    infected: '{{i}} of {{n}} own SQL hosts infected ({{p}} %)',
    noWorm: 'no worm was loose yet',
    falseClaimText: 'claim ‘{{claim}}’ to {{to}} was false at {{time}}: {{truth}}',
    happened: {
      timeToDetect:
        'worm identified at {{time}}, {{m}} min after the onset — this part stops falling',
      timeToFilter:
        'border worm traffic under 1 % of international capacity at {{time}}, {{m}} min after the onset — stops falling',
      timeToNotifyKisa: 'KISA told at {{time}}, {{m}} min after the onset — stops falling',
    },
    lost: {
      subscriberHours:
        'subscribers offline: {{amount}} subscriber-hours lost ({{now}} % online now)',
      serviceHours:
        'leased lines and IDC services down: {{amount}} line/service-hours lost ({{now}} down now)',
      infectedHostHours: 'own hosts infected: {{amount}} host-hours ({{now}} infected now)',
      outboundWorm: '{{amount}} GB of worm traffic sent from our network to the Internet',
    },
    causeText: {
      onset: 'the worm’s onset at {{time}} started this clock',
      reopened:
        'border worm traffic rose above 2 % again at {{time}} — counted from the onset again',
      unanswered:
        '{{p}} % of DNS lookups unanswered in this stretch (the part is the share over the day so far)',
      overdue: '{{to}} expected to hear from us by {{time}} and did not',
      late: 'message to {{to}} at {{time}}, late: the missed-notice penalty becomes a late-notice one',
      answerPenalty: {
        expired: 'no answer to ‘{{subject}}’ in time ({{time}}): {{points}} penalty points',
        answered: 'answer ‘{{choice}}’ to ‘{{subject}}’ at {{time}}: {{points}} penalty points',
      },
      unpatched: '{{p}} % of the exposed SQL hosts unpatched ({{h}} hosts in this stretch)',
      overtime: '₩{{a}} thousand of overtime',
    },
    sinceStillRunning: 'since {{from}}, still running',
    warningText: {
      notDiagnosed: '‘{{claim}}’: nothing you have run (IDS, NetFlow) has identified a worm yet.',
      dnsNotAnswering:
        '‘{{claim}}’: your DNS monitor shows {{cluster}} answering {{p}} % of lookups.',
      dnsAnswering: '‘{{claim}}’: your DNS monitor shows every cluster answering (lowest {{p}} %).',
      outageOngoing: '‘{{claim}}’: the event log reported an outage at {{time}} and no end since.',
      noFilterInPlace: '‘{{claim}}’: no filter or rate limit has been put in place yet.',
      intlOutSaturated: '‘{{claim}}’: the graph of {{link}} shows {{p}} % outbound.',
      ownHostsSeenInfected:
        '‘{{claim}}’: the event log reported our own hosts infected at {{time}}.',
    },
    partDefinitions: {
      subscriberHours: {
        measure:
          '∫ subscribers offline dt (domestic reachability × DNS × international reachability per segment)',
        why: 'what customers lived through',
      },
      serviceHours: {
        measure: '∫ (leased lines down + hosted IDC services down) dt',
        why: 'an IDC LAN at 98 % loss or a cut leased line is a business down, whatever DNS does',
      },
      dnsAvailability: {
        measure: 'share of DNS lookups unanswered over the run so far',
        why: 'the mechanism of the Korean outage; recovery needs the flood stopped and a restart',
      },
      infectedHostHours: {
        measure: '∫ own infected hosts dt',
        why: 'hosts working for the worm',
      },
      outboundWorm: {
        measure: 'worm traffic leaving our network for the Internet',
        why: 'what we did to everyone else',
      },
      timeToDetect: {
        measure:
          'from the onset to the first time the organisation knew of the worm or UDP 1434 (a diagnosis, or a situation’s answer that shares it)',
        why: 'seeing it is what every other action waits for',
      },
      timeToFilter: {
        measure:
          'from the onset until worm traffic crossing our border both ways is under 1 % of international capacity; reset above 2 %',
        why: 'the effect of filtering, not the order: an inbound-only filter earns nothing',
      },
      timeToNotifyKisa: {
        measure: 'from the onset to the landing of a message to KISA',
        why: 'national coordination (the 2003 MIC review)',
      },
      communications: {
        measure:
          'claims false when sent (checked against the truth then), notices missed or late, situation answers’ penalties',
        why: 'trust is a physical resource in an outage',
      },
      mondayReadiness: {
        measure: 'unpatched SQL hosts at the end ÷ at the start',
        why: 'Monday morning’s office networks (re-infection risk)',
      },
      staffCost: {
        measure: 'overtime of people called in, per hour on shift',
        why: 'people are not free; calling everyone at once has a cost',
      },
    },
    howItWorks: {
      heading: 'How the score works',
      intro:
        'Every part measures an effect on the network or on people, from what the engine measured — never which orders were given. A command that changes nothing in the network changes nothing in the score.',
      formula:
        'part = 100 × max(0, 1 − measured ÷ its 0-point limit) (0–100). total = 10 × Σ(weight × part) ÷ Σ weight (of 1000). The weights on this level add up to {{sum}}.',
      measure: 'How it is measured',
      why: 'Why',
      zeroAt: '0 points at',
      maxShare: 'At most (of 1000)',
    },
  },
  lessons: {
    filterAfterDnsFell: {
      text: 'UDP 1434 was filtered only after the name servers fell. Gateway saturation and IDS alerts were the first signs; filtering at the border then would have cut the load before the DNS retry storm began.',
      evidence: 'DNS down {{dns}}, first filter {{filter}}',
      never: 'never',
    },
    filterBeforeDnsFell: {
      text: 'Worm traffic was filtered at the border while the name servers still held. On the day KT blocked the inflow only at 15:40.',
      evidence: 'first filter {{filter}}',
    },
    movedDnsBeforeFilter: {
      text: 'Moving DNS to another cluster before the worm traffic is stopped moves the same retry storm there. On 25 January Guro overloaded too, at about 16:00.',
      evidence: 'DNS moved at {{moved}} with no filter in place yet',
    },
    lateDiagnosis: {
      text: 'The cause (SQL Slammer on UDP 1434) was confirmed late. The worm infected 90 % of vulnerable hosts within 10 minutes; netflow or the IDS names the port, and only then can a filter be precise.',
      evidence: 'confirmed {{late}} after onset ({{at}})',
      never: 'UDP 1434 never confirmed during the run',
    },
    kisaLate: {
      text: 'KISA was told late or not at all. The MIC findings called for traffic-based early warning; an early report lets other operators block sooner.',
      evidence: 'first anomaly {{from}}, KISA notified {{at}}',
      never: 'KISA never notified',
    },
    customersNotInformed: {
      text: 'Customers heard late or not at all during the outage. On 25 January PC-bang and gamer complaints swamped the call centres, and refund claims followed.',
      evidence: 'outage from {{from}}, customers informed {{at}}',
      never: 'no notice to customers',
    },
    falseClaims: {
      text: 'Messages claimed things that were not true at the time. Until the cause is confirmed, say what is known and what is not.',
      evidence: '{{n}} false claim(s)',
    },
    contactsLeftWaiting: {
      text: 'Some contacts who expected to hear from you never did.',
      evidence: '{{n}} contact(s) still waiting at the end',
    },
    outageVsReal: {
      longer:
        'The outage lasted longer than on the real day. The KCC ordered refunds for the real outage time (3 h 44 min – 5 h 5 min).',
      notLonger:
        'The outage was no longer than on the real day (the KCC refund decision measured 3 h 44 min – 5 h 5 min).',
      evidence: 'this run {{span}}{{still}}, real {{real}}',
      stillGoing: ' (still going at the end)',
      realRange: '{{min}} – {{max}}',
    },
    noDnsCapacity: {
      text: 'DNS capacity was never added. After the incident KT raised the Hyehwa DNS servers from 12 to 22; resolvers need headroom for retries to root servers abroad.',
      evidence: 'no order to add DNS servers',
    },
    noPatching: {
      text: 'Exposed servers were not patched before Monday; on 26 January the minister told everyone to patch before work. The worm lives in memory only: a reboot clears it, but an unpatched server is infected again.',
      evidence: 'no order to start patching',
    },
  },
  /** The exercise evaluation guide's words (ids in src/game/evaluationGuide.ts). */
  evaluation: {
    objectives: {
      'situational-assessment': {
        text: 'Notice the anomaly and identify its cause (a worm on UDP 1434 targeting MS SQL servers).',
        capabilityName: 'Situational Assessment',
        tasks: {
          'notice-anomaly': 'Notice the anomaly and start an investigation.',
          'confirm-cause': 'Confirm the cause with evidence (link graphs, NetFlow, IDS).',
        },
      },
      cybersecurity: {
        text: 'Stop worm traffic at the border and reduce worm traffic leaving the network.',
        capabilityName: 'Cybersecurity',
        tasks: {
          'border-filter': 'Filter UDP 1434 on the border devices.',
          'own-infections': 'Find the network’s own infected servers and stop them sending.',
        },
      },
      'infrastructure-systems': {
        text: 'Keep DNS and subscriber and customer services up, and restore them.',
        capabilityName: 'Infrastructure Systems',
        tasks: {
          'dns-service': 'Keep DNS answering (capacity, moving resolution, restarts).',
          'restore-service': 'Restore subscriber and customer service.',
        },
      },
      'public-information': {
        text: 'Report to KISA and give customers and the press accurate information.',
        capabilityName: 'Public Information and Warning',
        tasks: {
          'report-kisa': 'Report to KISA in time.',
          'inform-public': 'Tell customers and the press only what is confirmed.',
        },
      },
      'operational-coordination': {
        text: 'Use staff well and leave as few vulnerable servers as possible before Monday morning.',
        capabilityName: 'Operational Coordination',
        tasks: {
          staff: 'Call in the staff needed and divide the work.',
          monday: 'Plan and start patching vulnerable servers before Monday.',
        },
      },
    },
  },
};
