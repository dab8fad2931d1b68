// The level hash (docs/ARCHITECTURE.md, "Hashes"): asked for when a run is saved, exported or
// checked, and not kept on the Run, in a module of its own: starting a game then needs no SHA-256
// code, which the browser fetches with the autosave writer once the game is up (src/ui/session).
import { canonicalJson } from '../engine/hash';
import type { Level } from './levelSchema';
import { sha256 } from './sha256';

const levelHashes = new WeakMap<Level, string>();

/** SHA-256 of the level's canonical JSON (as parsed, defaults filled in). */
export function levelHash(level: Level): string {
  let h = levelHashes.get(level);
  if (!h) {
    h = sha256(canonicalJson(level));
    levelHashes.set(level, h);
  }
  return h;
}
