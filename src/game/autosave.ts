// Autosaves (docs/RUN-FORMAT.md): a run in progress as its command log, restored by replaying it,
// never by trusting saved state. Checked by the title screen's Continue entry and written during play.
import type { Level } from './levelSchema';
import { GAME_VERSION } from './incident';
import { hashGame, replayLog } from './run';
import { levelHash } from './levelHash';
import { RUN_FORMAT_VERSION, parentOut, type ForkableRun } from './runFileFields';
import { parseAutosave, type Autosave } from './autosaveSchema';

export { autosaveSchema, parseAutosave, type Autosave } from './autosaveSchema';

/** A run in progress, serialised for autosave (restored by re-simulation, not by trusting state). */
export function toAutosave(run: ForkableRun): Autosave {
  return {
    formatVersion: RUN_FORMAT_VERSION,
    kind: 'autosave',
    gameVersion: GAME_VERSION,
    level: { id: run.level.meta.id, sha256: levelHash(run.level) },
    seed: run.seed,
    players: run.players.map((p) => ({ id: p.id, roles: [...p.roles] })),
    ...parentOut(run),
    commands: run.log.map((c) => ({ ...c })),
    atMs: run.state.engine.tMs,
    hash: hashGame(run.state),
  };
}

/** Restores an autosave to the same engine time by replaying its log; checks the hash it saved. */
export function restoreAutosave(
  json: unknown,
  level: Level,
): { ok: true; run: ForkableRun } | { ok: false; message: string } {
  const parsed = parseAutosave(json);
  if (!parsed.ok) return { ok: false, message: parsed.errors.join('\n') };
  const save = parsed.value;
  if (save.level.id !== level.meta.id || save.level.sha256 !== levelHash(level)) {
    return {
      ok: false,
      message: `autosave is for level ${save.level.id} (${save.level.sha256.slice(0, 12)}…), not this one`,
    };
  }
  const r = replayLog(level, save.seed, save.commands, save.atMs, save.players);
  if (!r.ok)
    return {
      ok: false,
      message: `command #${r.index} refused at tick ${r.tick}: ${r.rejection.code}`,
    };
  const hash = hashGame(r.run.state);
  if (hash !== save.hash)
    return {
      ok: false,
      message: `restored state hash ${hash} differs from the saved ${save.hash}`,
    };
  // A resumed fork keeps naming its parent, so its finished run file still does.
  return { ok: true, run: save.parent ? { ...r.run, parent: { ...save.parent } } : r.run };
}
