// The autosave's shape (docs/RUN-FORMAT.md), apart from writing and restoring one (autosave.ts):
// the title screen checks a save's shape before the game's first screen, while writing one needs
// the level's SHA-256, whose code the browser fetches only once a game is under way.
import { z } from '../engine/zod';
import {
  RUN_FORMAT_VERSION,
  hashSchema,
  levelRefSchema,
  loggedCommandSchema,
  msSchema,
  nonEmpty,
  parentRefSchema,
  parseVersioned,
  playerSchema,
  seedSchema,
} from './runFileFields';

export const autosaveSchema = z.strictObject({
  formatVersion: z.literal(RUN_FORMAT_VERSION),
  kind: z.literal('autosave'),
  gameVersion: nonEmpty,
  level: levelRefSchema,
  seed: seedSchema,
  players: z.array(playerSchema).check(z.minLength(1)),
  parent: z.optional(parentRefSchema),
  commands: z.array(loggedCommandSchema),
  atMs: msSchema,
  hash: hashSchema,
});
export type Autosave = z.infer<typeof autosaveSchema>;

export const parseAutosave = (json: unknown) => parseVersioned(json, autosaveSchema);
