/**
 * The systems desk's standing procedure for resolvers: a cluster that stopped answering is restarted
 * by the staff on duty without waiting for an order — an ordinary dns.restart task holding a person,
 * in the feed with who did it. Whether the restart sticks is the engine's business (load against
 * capacity), so recovery follows the network, not this schedule.
 */
import type { ParsedCommand } from './commandSchema';
import type { GameState } from './gameState';
import type { Level } from './levelSchema';
import { freeCount } from './staff';
import { startTask } from './tasks';

/**
 * Restarts a cluster that stopped answering: afterMin after it failed, retryMin after a
 * restart that did not stick — if nobody is restarting it already and someone with the skill is free.
 * The restart is an ordinary task (same duration and staff as the command) whose role is the systems
 * desk, marked as the standing procedure in the feed.
 */
export function runDnsProcedure(state: GameState, level: Level): GameState {
  const proc = level.procedures.dnsRestart;
  const rule = level.commands['dns.restart'];
  if (!proc || !rule || !state.dnsDown) return state;
  let s = state;
  for (const [cluster, seen] of Object.entries(state.dnsDown)) {
    const cs = s.engine.clusters.find((c) => c.id === cluster);
    if (!cs || cs.status !== 'down') continue;
    const wait = (seen.afterRestart ? proc.retryMin : proc.afterMin) * 60;
    if (s.tick < seen.since + Math.round(wait)) continue;
    const busy = s.tasks.some(
      (t) =>
        t.status === 'running' &&
        t.command.type === 'dns.restart' &&
        t.command.args.cluster === cluster,
    );
    if (busy) continue;
    if (rule.skill && rule.staff > 0 && freeCount(s.staff, rule.skill) < rule.staff) continue;
    const cmd: ParsedCommand = { type: 'dns.restart', args: { cluster } };
    s = startTask(s, level, 'systems', cmd, 'procedure');
  }
  return s;
}
