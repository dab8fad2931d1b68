/**
 * The shape of every game command: `{ type, args }` with dot-namespaced types. Shapes only; what
 * a command does and when it is allowed live in commands.ts. Kept separate so the level schema and
 * the run-file schema can validate scripted and logged commands without importing game logic.
 */
import { z } from '../engine/zod';
import type { PlayerRole } from './roles';

// zod/mini's functional form (src/engine/zod.ts says why): `z.strictObject` refuses unknown keys,
// checks go in `.check(...)`, defaults in `z._default(schema, value)`.
const id = z.string().check(z.minLength(1), z.maxLength(80));
const none = z.strictObject({});
/** The port a filter or rate limit applies to: the worm's, and the default. */
const port = z._default(z.literal(1434), 1434);
/** An integer in [min, max]. */
const int = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));

export const CLAIMS = [
  'worm.active',
  'worm.udp1434',
  'worm.contained',
  'network.ownHostsInfected',
  'network.ownHostsClean',
  'dns.degraded',
  'dns.restored',
  'service.degraded',
  'service.restored',
] as const;
export const claimSchema = z.enum(CLAIMS);
export type Claim = z.infer<typeof claimSchema>;

export const direction = z.enum(['ingress', 'egress']);

/** Most characters in each language of a facilitator's custom inject text. */
export const CUSTOM_INJECT_TEXT_MAX = 500;
/** Most answer choices a custom inject may offer. */
export const CUSTOM_INJECT_CHOICES_MAX = 4;
/** Who a custom inject may be addressed to: one team role or everyone (never the facilitator). */
export const CUSTOM_INJECT_TARGETS = [
  'commander',
  'network',
  'security',
  'systems',
  'comms',
  'all',
] as const satisfies readonly (PlayerRole | 'all')[];
export type CustomInjectTarget = (typeof CUSTOM_INJECT_TARGETS)[number];
const customLine = z
  .string()
  .check(z.maxLength(CUSTOM_INJECT_TEXT_MAX), z.regex(/\S/, 'must not be empty'));
const customText = z.strictObject({
  ko: customLine,
  en: customLine,
});
const customInjectArgs = z.strictObject({
  to: z.enum(CUSTOM_INJECT_TARGETS),
  text: customText,
  choices: z.optional(
    z.array(z.strictObject({ id, text: customText })).check(
      z.minLength(1),
      z.maxLength(CUSTOM_INJECT_CHOICES_MAX),
      z.refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, {
        message: 'choice ids must be unique',
      }),
    ),
  ),
});

/** Most game minutes a situation's deadline may be extended by, in all. */
export const INJECT_EXTEND_MAX_MIN = 60;

/** Argument schema per command type. Unknown keys are refused: a typo must not be ignored. */
export const commandArgSchemas = {
  'diag.linkGraphs': none,
  'diag.netflow': z.strictObject({ device: id }),
  'diag.ids': none,
  'diag.dnsLogs': z.strictObject({ cluster: id }),
  'filter.apply': z.strictObject({ device: id, direction, port }),
  'filter.remove': z.strictObject({ device: id, direction, port }),
  'ratelimit.apply': z.strictObject({
    device: id,
    direction,
    port,
    mbps: z.number().check(z.positive()),
  }),
  'ratelimit.remove': z.strictObject({ device: id, direction, port }),
  'nullroute.apply': z.strictObject({ segment: id }),
  'nullroute.remove': z.strictObject({ segment: id }),
  'link.disconnect': z.strictObject({ link: id }),
  'link.reconnect': z.strictObject({ link: id }),
  'dns.addServers': z.strictObject({ cluster: id, servers: int(1, 100) }),
  'dns.restart': z.strictObject({ cluster: id }),
  'dns.moveResolution': z.strictObject({ from: id, to: id }),
  'patch.start': z.strictObject({ segment: id, hostsPerHour: int(1, 100000) }),
  'patch.stop': z.strictObject({ segment: id }),
  'reboot.segment': z.strictObject({ segment: id }),
  'staff.call': z.strictObject({ staff: id }),
  'incident.escalate': z.strictObject({ severity: int(1, 3) }),
  'comms.send': z.strictObject({
    to: id,
    blocks: z.array(id).check(z.minLength(1), z.maxLength(10)),
    claims: z._default(z.array(claimSchema).check(z.maxLength(CLAIMS.length)), []),
  }),
  'inject.answer': z.strictObject({ inject: id, choice: id }),
  /**
   * The facilitator gives the players more time on an open situation: its deadline moves by
   * `minutes` game minutes (at most INJECT_EXTEND_MAX_MIN in all per situation).
   */
  'inject.extend': z.strictObject({ inject: id, minutes: int(1, INJECT_EXTEND_MAX_MIN) }),
  /**
   * The facilitator's own inject (team sessions): ko/en text to one role or everyone, optionally
   * with choices the addressed role(s) answer with `inject.answer`.
   */
  'inject.custom': customInjectArgs,
  /** `situation`: paused because this situation arrived (the player's pause-on-situation option). */
  'clock.pause': z.strictObject({ situation: z.optional(id) }),
  'clock.resume': none,
  'clock.speed': z.strictObject({ speed: z.union([z.literal(1), z.literal(2), z.literal(4)]) }),
  'clock.skip': none,
  /** A note for the after-action review; `question` links a team's answer to a discussion question. */
  'note.add': z.strictObject({
    text: z.string().check(z.minLength(1), z.maxLength(2000)),
    question: z.optional(int(0, 99)),
  }),
} as const;

export type CommandType = keyof typeof commandArgSchemas;
export const COMMAND_TYPES = Object.keys(commandArgSchemas) as CommandType[];
export const commandTypeSchema = z.enum(COMMAND_TYPES as [CommandType, ...CommandType[]]);
export type CommandArgs<T extends CommandType> = z.output<(typeof commandArgSchemas)[T]>;

/**
 * Commands that take no staff and no sim time and are always available: they steer the clock,
 * answer a situation or annotate the log. Every other command must be listed in the level.
 */
export const INSTANT_COMMANDS: readonly CommandType[] = [
  'inject.answer',
  'inject.extend',
  'inject.custom',
  'clock.pause',
  'clock.resume',
  'clock.speed',
  'clock.skip',
  'note.add',
];

/** A parsed, typed command (args defaults filled in). */
export type ParsedCommand = {
  [T in CommandType]: { type: T; args: CommandArgs<T> };
}[CommandType];

/**
 * Parses `{type, args}`: an unknown type or bad args give a list of path-named problems instead of
 * throwing, so a refused command can carry the reason.
 */
export function parseCommand(
  type: string,
  args: unknown,
): { ok: true; command: ParsedCommand } | { ok: false; unknownType: boolean; problems: string[] } {
  // hasOwn, not `in`: "valueOf" or "__proto__" must be unknown commands, not prototype members.
  if (!Object.hasOwn(commandArgSchemas, type))
    return { ok: false, unknownType: true, problems: [`type: unknown command "${type}"`] };
  const schema = commandArgSchemas[type as CommandType] as z.ZodMiniType;
  const result = schema.safeParse(args ?? {});
  if (!result.success) {
    return {
      ok: false,
      unknownType: false,
      problems: result.error.issues.map(
        (i) =>
          `args${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${i.message}`,
      ),
    };
  }
  return { ok: true, command: { type, args: result.data } as ParsedCommand };
}
