// Korean strings of the replay viewer; keys match replay.en.ts.
import type { Widen } from './types';
import type { replayEn } from './replay.en';

export const replayKo: Widen<typeof replayEn> = {
  heading: '다시 보기',
};
