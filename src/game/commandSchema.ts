/**
 * The shape of every game command: `{ type, args }` with dot-namespaced types. Shapes only; what
 * a command does and when it is allowed live in commands.ts. Kept separate so the level schema and
 * the run-file schema can validate scripted and logged commands without importing game logic.
 */
import { z } from 'zod';
import type { PlayerRole } from './roles';

const id = z.string().min(1).max(80);
const none = z.object({}).strict();

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
const customText = z
  .object({
    ko: z.string().max(CUSTOM_INJECT_TEXT_MAX).regex(/\S/, 'must not be empty'),
    en: z.string().max(CUSTOM_INJECT_TEXT_MAX).regex(/\S/, 'must not be empty'),
  })
  .strict();
const customInjectArgs = z
  .object({
    to: z.enum(CUSTOM_INJECT_TARGETS),
    text: customText,
    choices: z
      .array(z.object({ id, text: customText }).strict())
      .min(1)
      .max(CUSTOM_INJECT_CHOICES_MAX)
      .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, {
        message: 'choice ids must be unique',
      })
      .optional(),
  })
  .strict();

/** Argument schema per command type. Unknown keys are refused: a typo must not be ignored. */
export const commandArgSchemas = {
  'diag.linkGraphs': none,
  'diag.netflow': z.object({ device: id }).strict(),
  'diag.ids': none,
  'diag.dnsLogs': z.object({ cluster: id }).strict(),
  'filter.apply': z.object({ device: id, direction, port: z.literal(1434).default(1434) }).strict(),
  'filter.remove': z
    .object({ device: id, direction, port: z.literal(1434).default(1434) })
    .strict(),
  'ratelimit.apply': z
    .object({
      device: id,
      direction,
      port: z.literal(1434).default(1434),
      mbps: z.number().positive(),
    })
    .strict(),
  'ratelimit.remove': z
    .object({ device: id, direction, port: z.literal(1434).default(1434) })
    .strict(),
  'nullroute.apply': z.object({ segment: id }).strict(),
  'nullroute.remove': z.object({ segment: id }).strict(),
  'link.disconnect': z.object({ link: id }).strict(),
  'link.reconnect': z.object({ link: id }).strict(),
  'dns.addServers': z.object({ cluster: id, servers: z.number().int().min(1).max(100) }).strict(),
  'dns.restart': z.object({ cluster: id }).strict(),
  'dns.moveResolution': z.object({ from: id, to: id }).strict(),
  'patch.start': z
    .object({ segment: id, hostsPerHour: z.number().int().min(1).max(100000) })
    .strict(),
  'patch.stop': z.object({ segment: id }).strict(),
  'reboot.segment': z.object({ segment: id }).strict(),
  'staff.call': z.object({ staff: id }).strict(),
  'incident.escalate': z.object({ severity: z.number().int().min(1).max(3) }).strict(),
  'comms.send': z
    .object({
      to: id,
      blocks: z.array(id).min(1).max(10),
      claims: z.array(claimSchema).max(CLAIMS.length).default([]),
    })
    .strict(),
  'inject.answer': z.object({ inject: id, choice: id }).strict(),
  /**
   * The facilitator's own inject (team sessions): ko/en text to one role or everyone, optionally
   * with choices the addressed role(s) answer with `inject.answer`.
   */
  'inject.custom': customInjectArgs,
  'clock.pause': none,
  'clock.resume': none,
  'clock.speed': z.object({ speed: z.union([z.literal(1), z.literal(2), z.literal(4)]) }).strict(),
  'clock.skip': none,
  /** A note for the after-action review; `question` links a team's answer to a discussion question. */
  'note.add': z
    .object({
      text: z.string().min(1).max(2000),
      question: z.number().int().min(0).max(99).optional(),
    })
    .strict(),
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
  const schema = commandArgSchemas[type as CommandType] as z.ZodType;
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
