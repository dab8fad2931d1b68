// The evaluation guide's words in both languages: the guide (src/game/evaluationGuide.ts) holds
// only ids, parts and tasks, so a run file stays language-neutral; its names and task texts are
// catalogue text in the `aar` locale namespace (evaluation.objectives.<capability>).
import type { LocalText } from '../game';
import type { HseepRating } from '../game/evaluationGuide';
import { L } from './text';

/** What the objective asks for, in both languages. */
export const objectiveText = (capability: string): LocalText =>
  L(`evaluation.objectives.${capability}.text`);

/** The core capability's name (HSEEP), in both languages. */
export const capabilityName = (capability: string): LocalText =>
  L(`evaluation.objectives.${capability}.capabilityName`);

/** A critical task's text, in both languages. */
export const taskText = (capability: string, task: string): LocalText =>
  L(`evaluation.objectives.${capability}.tasks.${task}`);

/** HSEEP's four performance ratings, worded. */
export const HSEEP_RATING_TEXT: Record<HseepRating, LocalText> = {
  P: L('records.hseepRatingText.p'),
  S: L('records.hseepRatingText.s'),
  M: L('records.hseepRatingText.m'),
  U: L('records.hseepRatingText.u'),
};
