// What a bot in an empty role decides, as pure functions of the room's run (docs/TEAMS.md "Bots").
// The server calls `botDecisions` at every pacing step of a running room; whatever it returns goes
// through the room's ordinary command path (the game core checks it with the bot's role, exactly
// as a player's), so a bot can never do what its role may not. Nothing here remembers anything:
// what a bot does follows from the run's state and log, so a server restart (which rebuilds the
// run from its log) does not change it.
//
// historical — the level's historical response (level.history.response) for this role: each
//   scripted command once, at the first pacing step at or after its time. Commands that fell due
//   before the bot took the role are not sent late (the real organisation did them then or never).
// sensible — a short checklist per role, decided on every 5-sim-minute mark from what the run
//   shows, each step sent once (a refused step, e.g. nobody free, is tried again at the next mark).
//   Arguments come from the level's historical response, so the bot names the same devices and
//   clusters the real staff did; a level without such a command skips that step.
//     commander  — load rising (international links ≥ 70 % or subscribers online < 90 %): call in
//                  the staff the history called.
//     network    — load rising: link graphs; after the graphs: NetFlow on the history's device;
//                  once UDP 1434 is known: the history's filters, one per mark.
//     security   — load rising: IDS.
//     systems    — DNS answering < 90 %: DNS logs on the history's cluster; once the DNS overload
//                  is known: move resolution as the history did (the first move only).
//     comms      — once UDP 1434 is known (diagnosed): notify KISA with the history's report.
import {
  canonicalJson,
  isoToTick,
  type Level,
  type Run,
  type ScriptedCommand,
} from '../../src/game';
import type { BotKind, SeatRole } from '../../src/net/protocol.ts';

export interface BotCommand {
  type: string;
  args: Record<string, unknown>;
}

/** Sim seconds between a sensible bot's decisions. */
export const SENSIBLE_EVERY_S = 300;

/** The history's scripted commands for `role`, with their ticks, in order. */
export function historicalScript(
  level: Level,
  role: SeatRole,
): { tick: number; command: BotCommand }[] {
  const out: { tick: number; command: BotCommand }[] = [];
  for (const c of level.history.response as ScriptedCommand[]) {
    const tick = isoToTick(c.at);
    if (c.role !== role || tick === undefined) continue;
    out.push({ tick, command: { type: c.type, args: c.args ?? {} } });
  }
  return out;
}

/**
 * What the bot playing `role` sends at this pacing step, given the tick of its previous step
 * (`sinceTick`, exclusive) and the run now.
 */
export function botDecisions(
  kind: BotKind,
  role: SeatRole,
  run: Run,
  sinceTick: number,
): BotCommand[] {
  const tick = run.state.tick;
  if (tick <= sinceTick) return [];
  if (kind === 'historical')
    return historicalScript(run.level, role)
      .filter((s) => s.tick > sinceTick && s.tick <= tick)
      .map((s) => s.command);
  // One decision per mark crossed since the previous step (several marks: still one decision).
  if (Math.floor(tick / SENSIBLE_EVERY_S) === Math.floor(sinceTick / SENSIBLE_EVERY_S)) return [];
  const next = sensibleStep(role, run);
  return next ? [next] : [];
}

/** The history's commands of a type (any role: the sensible bot borrows their arguments). */
function historyArgs(level: Level, type: string): Record<string, unknown>[] {
  return (level.history.response as ScriptedCommand[])
    .filter((c) => c.type === type)
    .map((c) => c.args ?? {});
}

const key = (c: BotCommand) => `${c.type} ${canonicalJson(c.args)}`;

/** The first step of the role's checklist that applies now and is not in the log yet. */
export function sensibleStep(role: SeatRole, run: Run): BotCommand | undefined {
  const s = run.state;
  const m = s.engine.m;
  const loadRising = m.intlLinkUtilPct >= 70 || m.subscribersOnlinePct < 90;
  const done = new Set(run.log.map((c) => key(c)));
  const observed = new Set(s.observations.map((o) => o.command));
  const first = (cands: BotCommand[]) => cands.find((c) => !done.has(key(c)));
  const of = (type: string, pick?: (a: Record<string, unknown>) => boolean) =>
    historyArgs(run.level, type)
      .filter((a) => !pick || pick(a))
      .map((args) => ({ type, args }));
  const steps: BotCommand[] = [];
  switch (role) {
    case 'commander':
      if (loadRising) steps.push(...of('staff.call'));
      break;
    case 'network':
      if (loadRising) steps.push({ type: 'diag.linkGraphs', args: {} });
      if (observed.has('diag.linkGraphs')) steps.push(...of('diag.netflow'));
      if (s.flags.knowsUdp1434 !== undefined) steps.push(...of('filter.apply'));
      break;
    case 'security':
      if (loadRising) steps.push({ type: 'diag.ids', args: {} });
      break;
    case 'systems':
      if (m.dnsSuccessPct < 90) steps.push(...of('diag.dnsLogs').slice(0, 1));
      if (s.flags.knowsDnsOverload !== undefined)
        steps.push(...of('dns.moveResolution').slice(0, 1));
      break;
    case 'comms':
      if (s.flags.knowsUdp1434 !== undefined)
        steps.push(...of('comms.send', (a) => a.to === 'kisa').slice(0, 1));
      break;
  }
  return first(steps);
}
