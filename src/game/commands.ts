/**
 * What each command does and when it is allowed. A command is checked in a fixed order —
 * shape, run still going, allowed in the level, sender's role, ids, knowledge preconditions,
 * duplicates, free staff, and finally a dry run against the engine — and the first failure becomes
 * the rejection `{ code, params }`. Accepted commands either act at once (clock, inject answers,
 * notes) or become a task that holds staff until its due tick, when the effect lands.
 */
import type { EngineParams } from '../engine';
import { applyAction, gameMetrics, type EngineAction } from './engineBridge';
import {
  commandArgSchemas,
  INJECT_EXTEND_MAX_MIN,
  INSTANT_COMMANDS,
  parseCommand,
  type Claim,
  type CommandType,
  type CustomInjectTarget,
  type ParsedCommand,
} from './commandSchema';
import type { GameState } from './gameState';
import type { CommandRule, Flag, Level, LocalText } from './levelSchema';
import type { Rejection } from './rejectionText';
import { PLAYER_ROLES, roleMayIssue, type PlayerRole, type Role } from './roles';
import { freeCount } from './staff';

/** Roles for the always-available instant commands (team mode: only the facilitator runs the clock). */
const INSTANT_ROLES: Partial<Record<CommandType, PlayerRole[]>> = {
  'clock.pause': ['facilitator'],
  'clock.resume': ['facilitator'],
  'clock.speed': ['facilitator'],
  'clock.skip': ['facilitator'],
  'inject.answer': ['commander', 'comms'],
  'inject.custom': ['facilitator'],
  'inject.extend': ['facilitator'],
  'note.add': ['facilitator', 'commander'],
};

/** Roles a custom inject addressed to `to` may be answered by. */
function customInjectRoles(to: CustomInjectTarget): readonly PlayerRole[] {
  return to === 'all' ? PLAYER_ROLES.filter((r) => r !== 'facilitator') : [to];
}

/**
 * Which team roles may send a command type in this level, or undefined when the level does not
 * offer it (or the type is unknown). Views use it to show each role only its own actions. One
 * exception is decided per inject: a facilitator's custom inject is answered (`inject.answer`)
 * by the role(s) it addresses, not by the roles listed here.
 */
export function commandRoles(level: Level, type: string): readonly PlayerRole[] | undefined {
  if (!Object.hasOwn(commandArgSchemas, type)) return undefined;
  const t = type as CommandType;
  if (INSTANT_COMMANDS.includes(t)) return INSTANT_ROLES[t];
  return level.commands[t]?.roles;
}

/** The engine action a command lands as, or null for game-only commands. */
export function engineActionFor(cmd: ParsedCommand): EngineAction | null {
  switch (cmd.type) {
    case 'filter.apply':
      return {
        type: 'acl.apply',
        device: cmd.args.device,
        direction: cmd.args.direction,
        port: 1434,
      };
    case 'filter.remove':
      return { type: 'acl.remove', device: cmd.args.device, direction: cmd.args.direction };
    case 'ratelimit.apply':
      return {
        type: 'ratelimit.apply',
        device: cmd.args.device,
        direction: cmd.args.direction,
        mbps: cmd.args.mbps,
      };
    case 'ratelimit.remove':
      return { type: 'ratelimit.remove', device: cmd.args.device, direction: cmd.args.direction };
    case 'nullroute.apply':
      return { type: 'nullroute.apply', segment: cmd.args.segment };
    case 'nullroute.remove':
      return { type: 'nullroute.remove', segment: cmd.args.segment };
    case 'link.disconnect':
      return { type: 'link.disconnect', link: cmd.args.link };
    case 'link.reconnect':
      return { type: 'link.reconnect', link: cmd.args.link };
    case 'dns.addServers':
      return { type: 'dns.addCapacity', cluster: cmd.args.cluster, servers: cmd.args.servers };
    case 'dns.restart':
      return { type: 'dns.restart', cluster: cmd.args.cluster };
    case 'dns.moveResolution':
      return { type: 'dns.moveResolution', from: cmd.args.from, to: cmd.args.to };
    case 'patch.start':
      return {
        type: 'patch.start',
        segment: cmd.args.segment,
        hostsPerHour: cmd.args.hostsPerHour,
      };
    case 'patch.stop':
      return { type: 'patch.stop', segment: cmd.args.segment };
    case 'reboot.segment':
      return { type: 'reboot.segment', segment: cmd.args.segment };
    default:
      return null;
  }
}

/** A device is a link (that interface) or a node (every link attached to it), as the engine takes it. */
type IdKind = 'device' | 'link' | 'segment' | 'cluster';

/** Engine ids a command refers to, with their kind, for UNKNOWN_DEVICE. */
function referencedIds(cmd: ParsedCommand): [IdKind, string][] {
  const a = cmd.args as Record<string, unknown>;
  switch (cmd.type) {
    case 'filter.apply':
    case 'filter.remove':
    case 'ratelimit.apply':
    case 'ratelimit.remove':
      return [['device', String(a.device)]];
    case 'diag.netflow':
      return [['link', String(a.device)]];
    case 'link.disconnect':
    case 'link.reconnect':
      return [['link', String(a.link)]];
    case 'nullroute.apply':
    case 'nullroute.remove':
    case 'patch.start':
    case 'patch.stop':
    case 'reboot.segment':
      return [['segment', String(a.segment)]];
    case 'dns.addServers':
    case 'dns.restart':
    case 'diag.dnsLogs':
      return [['cluster', String(a.cluster)]];
    case 'dns.moveResolution':
      return [
        ['cluster', String(a.from)],
        ['cluster', String(a.to)],
      ];
    default:
      return [];
  }
}

function hasId(p: EngineParams, kind: IdKind, id: string): boolean {
  const net = p.network;
  if (kind === 'device')
    return net.links.some((x) => x.id === id) || net.nodes.some((x) => x.id === id);
  const list = kind === 'link' ? net.links : kind === 'segment' ? net.segments : net.clusters;
  return list.some((x) => x.id === id);
}

const reject = (code: Rejection['code'], params: Rejection['params'] = {}): Rejection => ({
  code,
  params,
});

/** The level's rule for a non-instant command, or undefined if the level does not offer it. */
export function ruleFor(level: Level, type: CommandType): CommandRule | undefined {
  return level.commands[type];
}

/** Identity of a command for duplicate detection: same type and same args. */
const sameCommand = (a: ParsedCommand, b: ParsedCommand) =>
  a.type === b.type && JSON.stringify(a.args) === JSON.stringify(b.args);

/**
 * Checks a command against level, state and role. Returns the parsed command or the rejection.
 * Never throws and never changes state.
 */
export function checkCommand(
  state: GameState,
  level: Level,
  role: Role,
  type: string,
  args: unknown,
): { ok: true; command: ParsedCommand } | { ok: false; rejection: Rejection } {
  const parsed = parseCommand(type, args);
  if (!parsed.ok) {
    return parsed.unknownType
      ? { ok: false, rejection: reject('UNKNOWN_COMMAND', { command: type }) }
      : {
          ok: false,
          rejection: reject('MALFORMED', { command: type, detail: parsed.problems.join('; ') }),
        };
  }
  const cmd = parsed.command;
  const fail = (r: Rejection) => ({ ok: false as const, rejection: r });
  if (state.ended) return fail(reject('RUN_ENDED'));
  const instant = INSTANT_COMMANDS.includes(cmd.type);
  const rule = instant ? undefined : ruleFor(level, cmd.type);
  if (!instant && !rule) return fail(reject('NOT_ALLOWED_IN_LEVEL', { command: cmd.type }));
  const custom =
    cmd.type === 'inject.answer' && !level.injects.some((i) => i.id === cmd.args.inject)
      ? state.customInjects?.find((c) => c.id === cmd.args.inject)
      : undefined;
  const roles = custom
    ? customInjectRoles(custom.to)
    : instant
      ? INSTANT_ROLES[cmd.type]!
      : rule!.roles;
  if (!roleMayIssue(role, roles))
    return fail(reject('ROLE_FORBIDDEN', { role, command: cmd.type }));
  for (const [kind, id] of referencedIds(cmd)) {
    if (!hasId(level.engine, kind, id)) return fail(reject('UNKNOWN_DEVICE', { kind, id }));
  }
  const specific = checkSpecific(state, level, cmd);
  if (specific) return fail(specific);
  if (rule) {
    for (const flag of rule.requires) {
      if (state.flags[flag] === undefined) {
        return fail(reject('PRECONDITION', { command: cmd.type, condition: flag }));
      }
    }
    if (state.tasks.some((t) => t.status === 'running' && sameCommand(t.command, cmd))) {
      return fail(reject('ALREADY_DONE', { detail: `${cmd.type} is already in progress` }));
    }
    if (rule.skill && rule.staff > 0) {
      const available = freeCount(state.staff, rule.skill);
      if (available < rule.staff) {
        return fail(
          reject('NO_STAFF', {
            command: cmd.type,
            skill: rule.skill,
            needed: rule.staff,
            available,
          }),
        );
      }
    }
  }
  const action = engineActionFor(cmd);
  if (action) {
    // Dry run: the engine is pure, so asking it costs nothing and keeps its rules in one place.
    const r = applyAction(state.engine, level.engine, action);
    if (!r.ok) return fail(reject('ENGINE_REFUSED', { command: cmd.type, detail: r.message }));
  }
  return { ok: true, command: cmd };
}

/** Checks that depend on the command's own kind of object (staff, contacts, injects, clock). */
function checkSpecific(state: GameState, level: Level, cmd: ParsedCommand): Rejection | null {
  switch (cmd.type) {
    case 'staff.call': {
      const s = state.staff.find((x) => x.id === cmd.args.staff);
      if (!s) return reject('UNKNOWN_STAFF', { id: cmd.args.staff });
      if (s.status !== 'off') return reject('ALREADY_DONE', { detail: `${s.id} is ${s.status}` });
      return null;
    }
    case 'comms.send': {
      const c = level.contacts.find((x) => x.id === cmd.args.to);
      if (!c) return reject('UNKNOWN_CONTACT', { id: cmd.args.to });
      for (const b of cmd.args.blocks) {
        if (!c.options.some((o) => o.id === b))
          return reject('UNKNOWN_CHOICE', { id: c.id, choice: b });
      }
      return null;
    }
    case 'inject.answer': {
      const custom = level.injects.some((x) => x.id === cmd.args.inject)
        ? undefined
        : state.customInjects?.find((c) => c.id === cmd.args.inject);
      if (custom) {
        if (!custom.choices.some((c) => c.id === cmd.args.choice))
          return reject('UNKNOWN_CHOICE', { id: custom.id, choice: cmd.args.choice });
        return custom.status === 'active'
          ? null
          : reject('INJECT_NOT_ACTIVE', { id: custom.id, status: custom.status });
      }
      const def = level.injects.find((x) => x.id === cmd.args.inject);
      const rt = state.injects.find((x) => x.id === cmd.args.inject);
      if (!def || !rt) return reject('UNKNOWN_INJECT', { id: cmd.args.inject });
      if (!def.choices.some((c) => c.id === cmd.args.choice)) {
        return reject('UNKNOWN_CHOICE', { id: def.id, choice: cmd.args.choice });
      }
      if (rt.status !== 'active')
        return reject('INJECT_NOT_ACTIVE', { id: def.id, status: rt.status });
      return null;
    }
    case 'inject.extend': {
      const def = level.injects.find((x) => x.id === cmd.args.inject);
      const rt = state.injects.find((x) => x.id === cmd.args.inject);
      if (!def || !rt) {
        // A facilitator's custom inject waits without a deadline: there is nothing to extend.
        return state.customInjects?.some((c) => c.id === cmd.args.inject)
          ? reject('INJECT_NO_DEADLINE', { id: cmd.args.inject })
          : reject('UNKNOWN_INJECT', { id: cmd.args.inject });
      }
      if (rt.status !== 'active')
        return reject('INJECT_NOT_ACTIVE', { id: def.id, status: rt.status });
      if (def.expiresAfterMin === undefined) return reject('INJECT_NO_DEADLINE', { id: def.id });
      const extended = rt.extendedMin ?? 0;
      if (extended + cmd.args.minutes > INJECT_EXTEND_MAX_MIN)
        return reject('EXTENSION_TOO_LARGE', {
          id: def.id,
          minutes: cmd.args.minutes,
          extended,
          max: INJECT_EXTEND_MAX_MIN,
        });
      return null;
    }
    case 'note.add':
      return cmd.args.question !== undefined && cmd.args.question >= level.discussion.length
        ? reject('UNKNOWN_CHOICE', { id: 'discussion', choice: String(cmd.args.question) })
        : null;
    case 'incident.escalate':
      return state.flags.escalated !== undefined
        ? reject('ALREADY_DONE', { detail: 'incident already escalated' })
        : null;
    case 'clock.pause': {
      if (state.clock.paused) return reject('CLOCK_STATE', { detail: 'already paused' });
      const inject = cmd.args.situation;
      if (inject === undefined) return null;
      const i = level.injects.findIndex((x) => x.id === inject);
      const custom = state.customInjects?.find((c) => c.id === inject);
      const status = i >= 0 ? state.injects[i]!.status : custom?.status;
      if (status === undefined) return reject('UNKNOWN_INJECT', { id: inject });
      return status === 'active' ? null : reject('INJECT_NOT_ACTIVE', { id: inject, status });
    }
    case 'clock.resume':
      return state.clock.paused ? null : reject('CLOCK_STATE', { detail: 'not paused' });
    case 'clock.skip':
      return state.clock.paused ? reject('CLOCK_STATE', { detail: 'paused; resume first' }) : null;
    default:
      return null;
  }
}

/** Whether a claim is true of the network right now (the truth, not what monitoring shows). */
export function claimIsTrue(claim: Claim, state: GameState, level: Level): boolean {
  const m = gameMetrics(state.engine, level.engine);
  const onlineShare = m.subscribersTotal > 0 ? m.subscribersOnline / m.subscribersTotal : 1;
  switch (claim) {
    case 'worm.active':
    case 'worm.udp1434':
      return m.wormStarted;
    case 'worm.contained':
      // Contained = our network no longer feeds the worm to the Internet and nothing new is infected.
      return m.wormStarted && m.outboundWormMbps < 1;
    case 'network.ownHostsInfected':
      return m.ownInfected > 0;
    case 'network.ownHostsClean':
      return m.ownInfected === 0;
    case 'dns.degraded':
      return m.dnsSuccess < 0.9;
    case 'dns.restored':
      return m.dnsSuccess >= 0.95;
    case 'service.degraded':
      return onlineShare < 0.9;
    case 'service.restored':
      return onlineShare >= 0.95;
  }
}

/** Flags a diagnosis command's observation sets. */
export type DiagnosisResult = {
  data: Record<string, string | number | boolean>;
  text: LocalText;
  flags: Flag[];
};
