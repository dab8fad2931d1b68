// Korean strings of the team-session screens; keys match team.en.ts.
import type { Widen } from './types';
import type { teamEn } from './team.en';

export const teamKo: Widen<typeof teamEn> = {
  heading: '팀 훈련',
};
