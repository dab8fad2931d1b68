// English strings of the Situation Manual (src/aar/situationManual.ts), read through
// src/i18n/catalogue.ts; keys must match sitman.ko.ts (the i18n test checks both ways).
export const sitmanEn = {
  manual: {
    roleText: {
      facilitator: {
        name: 'Facilitator',
        duty: 'Creates the session, runs the clock (pause, speed, skip), sends custom injects, and stops at the discussion questions to record the team’s answers.',
      },
      commander: {
        name: 'Incident commander',
        duty: 'Sets priorities, calls staff in, decides escalation and situation reports, and sums up the team’s answers to the discussion questions.',
      },
      network: {
        name: 'Network (NOC)',
        duty: 'Reads link graphs and NetFlow, and applies filters at the border and inside the network.',
      },
      security: {
        name: 'Security',
        duty: 'Confirms the cause (UDP 1434) from IDS alerts and shares information with KISA and other bodies.',
      },
      systems: {
        name: 'Systems / DNS',
        duty: 'Keeps DNS answering, and isolates and patches infected SQL servers.',
      },
      comms: {
        name: 'Communications',
        duty: 'Writes and sends notices to customers, the press and the authorities.',
      },
      projector: {
        name: 'Projector',
        duty: 'A read-only screen: the map, the clock, who holds which role, and the discussion question the facilitator puts up.',
      },
    },
    objectives: {
      detect: {
        text: 'Notice the anomaly and identify its cause (a worm on UDP 1434 targeting MS SQL servers).',
        capability: 'Situational Assessment',
      },
      contain: {
        text: 'Stop worm traffic at the border and reduce worm traffic leaving the network.',
        capability: 'Cybersecurity',
      },
      keepServices: {
        text: 'Keep DNS and subscriber and customer services up, and restore them.',
        capability: 'Infrastructure Systems',
      },
      inform: {
        text: 'Report to KISA and give customers and the press accurate information.',
        capability: 'Public Information and Warning',
      },
      recover: {
        text: 'Use staff well and leave as few vulnerable servers as possible before Monday morning.',
        capability: 'Operational Coordination',
      },
    },
    agenda: {
      introduction:
        'Introduction and seating: join with the room code or QR code, skim this manual',
      detection: 'Module 1 — Detection: play, stop at its discussion question',
      response: 'Module 2 — Response: play (speed ×2–×4), discuss',
      recovery: 'Module 3 — Recovery: skip towards Monday, discuss',
      hotWash:
        'Hot wash: score beside the real response, lessons, improvement plan, participant feedback',
    },
    s: {
      docTitle: 'Situation Manual',
      subtitle: 'Incident-response exercise on the 1·25 Internet outage (25 January 2003)',
      purpose: '1. Purpose',
      purposeText:
        'This exercise replays 25 January 2003, when the SQL Slammer worm took the Korean Internet down, so that a team can practise the decisions of detection, response and recovery and compare them with the real response of the day. It is not a test of individuals: its aim is to find, together, the gaps in plans and procedures.',
      situation: 'Starting situation',
      objectives: '2. Objectives and capabilities',
      objective: 'Objective',
      capability: 'Capability (HSEEP)',
      measured: 'Measured by (weight)',
      scenario: '3. Scenario by module',
      window: 'Time window',
      events: 'What happened that day',
      injects: 'Injects (messages the team receives)',
      atTime: '{{t}}',
      afterEvent: '{{min}} min after {{event}}',
      noneInModule: 'none',
      roles: '4. Roles',
      role: 'Role',
      duty: 'Responsibilities',
      commands: 'Commands in this scenario',
      questions: '5. Discussion questions',
      questionsIntro:
        'At each question’s time the facilitator pauses the clock and puts the question on the projector. The team’s answers go into the after-action review under their module.',
      time: 'Time',
      module: 'Module',
      question: 'Question',
      logistics: '6. Logistics',
      project: 'What to project',
      projectList: [
        'Lobby: the room code and the join QR code (join as a projector seat)',
        'During play: the map, the clock and who holds which role — a discussion question the facilitator puts up shows in large type',
        'Afterwards: the score beside the real response (the facilitator’s debrief)',
      ],
      agenda: 'Timings for a 90-minute session',
      minutes: 'Minutes',
      activity: 'Activity',
      total: 'Total',
      needs: 'You need',
      needsList: [
        'The facilitator’s laptop (running the server: npm start) and a projector',
        'A laptop or phone per participant (a browser on the same network)',
        'This Situation Manual (one copy per participant)',
      ],
      scenarioClock:
        'Game clock: starts {{start}}, ends {{end}}. The facilitator fits it into 90 minutes with speed and skip.',
      footer: 'Level',
    },
    eventText: {
      worm_onset: 'the worm’s onset',
      worm_local: 'a local infection',
      link_saturated: 'a link saturating',
      dns_down: 'DNS failing',
      outage_start: 'the outage starting',
    },
  },
};
