// English strings of the team-session screens (lobby, role consoles, facilitator console,
// projector). Kept in their own file so that work on them does not collide with the rest; keys
// must match team.ko.ts (the i18n test checks both ways).
export const teamEn = {
  heading: 'Team session',
} as const;
