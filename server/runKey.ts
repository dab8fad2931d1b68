// What a run *is*, for deduplication: the level it was played on, its seed and its command log.
// Everything else in a run file (versions, player names, the result) either follows from those
// three by re-simulation or is informational, so two files with the same key are the same run.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../src/game';

interface Keyed {
  level: { sha256: string };
  seed: number;
  commands: readonly { tick: number; role: string; type: string; args: unknown }[];
  observations?: readonly unknown[];
}

/** SHA-256 (hex) of the level hash, the seed and the canonical JSON of the command log. */
export function runKey(file: Keyed): string {
  const commands = file.commands.map((c) => ({
    tick: c.tick,
    role: c.role,
    type: c.type,
    args: c.args,
  }));
  // Evaluators' observations make a session's file another record of the day (two rooms of an
  // exercise may play the same log); files without them keep the key they always had.
  const observed = file.observations?.length ? `\n${canonicalJson(file.observations)}` : '';
  return createHash('sha256')
    .update(`${file.level.sha256}\n${file.seed >>> 0}\n${canonicalJson(commands)}${observed}`)
    .digest('hex');
}
