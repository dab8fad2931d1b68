/**
 * The level (scenario) file format, `formatVersion: 1`. Documented in docs/SCENARIO-FORMAT.md.
 * Everything the game needs besides the engine's own block: staff, allowed commands with their
 * cost, injects, contacts, scoring weights and the real day's history. All player-facing text is
 * a `{ ko, en }` pair. Cross-references (an inject's contact, a scripted command's staff…) are
 * checked here too, so a broken level fails at load with a path, not mid-run.
 * Written with zod/mini's functional API (src/engine/zod.ts says why): `z.strictObject` refuses
 * unknown keys, checks go in `.check(...)`, defaults in `z._default(schema, value)`.
 */
import { z } from '../engine/zod';
import { engineParamsSchema, formatZodIssues } from '../engine';
import { claimSchema, commandTypeSchema, INSTANT_COMMANDS, parseCommand } from './commandSchema';
import { PLAYER_ROLES, roleSchema, staffSkillSchema } from './roles';
import { isoToTick } from './simTime';

/**
 * 2: DNS clusters no longer restart on a timer (engine `autoRestartS` gone; staff restart them under
 * `procedures.dnsRestart`), patch rates come from staff (`procedures.patchHostsPerStaffHour`), contacts
 * can be asked to act (`request`), and the score has a `serviceHours` part.
 */
export const LEVEL_FORMAT_VERSION = 2;

const text = z.string().check(z.minLength(1));
export const localTextSchema = z.strictObject({ ko: text, en: text });
export type LocalText = z.infer<typeof localTextSchema>;

const idSchema = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case id (a-z, 0-9, ".", "_", "-")'));

/** ISO 8601 with an explicit offset, e.g. "2003-01-25T15:40+09:00". */
export const isoTimeSchema = z
  .string()
  .check(
    z.refine(
      (s) => isoToTick(s) !== undefined,
      'expected ISO time with offset, e.g. 2003-01-25T15:40+09:00',
    ),
  );

/** A number within [min, max] (either bound optional), checked in classic zod's order. */
const num = (min?: number, max?: number) =>
  z
    .number()
    .check(
      ...(min === undefined ? [] : [z.minimum(min)]),
      ...(max === undefined ? [] : [z.maximum(max)]),
    );
const positive = z.number().check(z.positive());
const int = (min: number, max?: number) =>
  z.number().check(z.int(), z.minimum(min), ...(max === undefined ? [] : [z.maximum(max)]));

/** Knowledge and status flags. Diagnosis commands set the `knows*` flags (DESIGN §5). */
export const FLAGS = [
  'knowsWorm',
  'knowsUdp1434',
  'knowsDnsOverload',
  'knowsInfectedHosts',
  'escalated',
  'kisaNotified',
] as const;
export const flagSchema = z.enum(FLAGS);
export type Flag = z.infer<typeof flagSchema>;

const metaSchema = z.strictObject({
  id: idSchema,
  version: int(1),
  title: localTextSchema,
  briefing: localTextSchema,
  /** One-line description for the level list (optional). */
  summary: z.optional(localTextSchema),
  organisation: z.enum(['isp', 'enterprise']),
  start: isoTimeSchema,
  end: isoTimeSchema,
  difficulty: z.enum(['easy', 'normal', 'hard']),
});

/** Real-time pacing (DESIGN §4): pace = clamp(pMax / (1 + k·activity), pMin, pMax), smoothed. */
export const clockParamsSchema = z
  .strictObject({
    /** Slowest pace, sim seconds per real second (the worm's first minutes). */
    pMin: positive,
    /** Fastest pace (quiet hours). */
    pMax: positive,
    /** Sensitivity to the engine's activity signal. */
    k: z.number().check(z.nonnegative()),
    /** Sim seconds over which the pace eases to its target; never jumps. */
    smoothingS: positive,
  })
  .check(
    z.refine((c) => c.pMin <= c.pMax, { message: 'pMin must not exceed pMax', path: ['pMin'] }),
  );
export type ClockParams = z.infer<typeof clockParamsSchema>;

const staffMemberSchema = z.strictObject({
  id: idSchema,
  name: localTextSchema,
  skill: staffSkillSchema,
  onDuty: z.boolean(),
  /** Minutes from being called in to arriving (Saturday afternoon: people are out). */
  callInMin: int(0, 24 * 60),
  /** Cost per hour on shift, for the staff-cost score part (called-in staff only). */
  costPerHour: z.number().check(z.nonnegative()),
});

const commandRuleSchema = z.strictObject({
  durationMin: num(0, 24 * 60),
  staff: int(0, 20),
  /** Which staff skill does the work; null for commands that need no one. */
  skill: z.nullable(staffSkillSchema),
  /** Player roles allowed to send it (solo holds all). */
  roles: z.array(z.enum(PLAYER_ROLES)).check(z.minLength(1)),
  /** Chance the task fails at completion (drawn from the game PRNG). */
  failureChance: num(0, 1),
  /** Flags that must be set before the command is accepted. */
  requires: z._default(z.array(flagSchema), []),
});
export type CommandRule = z.infer<typeof commandRuleSchema>;

/** Engine events an inject can wait for; `id` names a DNS cluster or a link where the event has one. */
export const ENGINE_EVENT_KINDS = [
  'worm.onset',
  'worm.local',
  'outage.start',
  'outage.end',
  'dns.down',
  'dns.up',
  'dns.capacityReady',
  'link.saturated',
  'link.cleared',
] as const;

type InjectTrigger =
  { at: string } | { event: (typeof ENGINE_EVENT_KINDS)[number]; id?: string; afterMin: number };

/**
 * `{ "at": ISO }` or `{ "event": kind, "id"?, "afterMin"? }`. One object checked by hand rather than
 * a zod union, so a mistake is reported at its field ("trigger.event: …") instead of as
 * "trigger: Invalid input".
 */
const injectTriggerFields = z
  .strictObject({
    at: z.optional(isoTimeSchema),
    /** An engine event kind, e.g. "dns.down", "outage.start", "worm.local". */
    event: z.optional(z.enum(ENGINE_EVENT_KINDS)),
    /** Restrict to the event's id (a DNS cluster or a link). */
    id: z.optional(text),
    /** Delay after the event, sim minutes. */
    afterMin: z.optional(num(0)),
  })
  .check(
    z.superRefine((t, ctx) => {
      if ((t.at === undefined) === (t.event === undefined)) {
        ctx.addIssue({
          code: 'custom',
          message: 'give either "at" (a time) or "event" (an engine event)',
        });
      } else if (t.at !== undefined && (t.id !== undefined || t.afterMin !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          message: '"id" and "afterMin" belong to an "event" trigger',
        });
      }
    }),
  );
const injectTriggerSchema = z.pipe(
  injectTriggerFields,
  z.transform((t: z.output<typeof injectTriggerFields>): InjectTrigger =>
    t.at !== undefined
      ? { at: t.at }
      : {
          event: t.event!,
          ...(t.id !== undefined ? { id: t.id } : {}),
          afterMin: t.afterMin ?? 0,
        },
  ),
);

const consequenceSchema = z.strictObject({
  /** Trust change with a contact (−100…100 scale). */
  trust: z._default(z.array(z.strictObject({ contact: idSchema, delta: z.number() })), []),
  setFlags: z._default(z.array(flagSchema), []),
  /** Staff who arrive (as if called) because of this choice. */
  staffArrive: z._default(z.array(idSchema), []),
  /** Direct score penalty points (subtracted from the communications part). */
  penalty: z._default(num(0), 0),
  /** Follow-up text shown to the player. */
  outcome: z.optional(localTextSchema),
});

const injectSchema = z.strictObject({
  id: idSchema,
  trigger: injectTriggerSchema,
  from: idSchema,
  subject: localTextSchema,
  message: localTextSchema,
  choices: z._default(
    z.array(
      z.strictObject({
        id: idSchema,
        label: localTextSchema,
        consequences: z._default(consequenceSchema, {
          trust: [],
          setFlags: [],
          staffArrive: [],
          penalty: 0,
        }),
      }),
    ),
    [],
  ),
  /** Minutes to answer before the default choice (if any) is taken. */
  expiresAfterMin: z.optional(positive),
  /** Whose consequences (trust, flags, staff, penalty) apply when the deadline passes unanswered. */
  defaultChoice: z.optional(idSchema),
  /**
   * What the players read when the deadline passes unanswered. Never the default choice's own
   * outcome text: silence is not that answer. Without it the game's generic no-answer text is shown.
   */
  noAnswer: z.optional(localTextSchema),
  /**
   * The worm's effect the text reports (traffic, alerts, DNS failing, an outage…), as the engine
   * event that makes it true. Such an inject must fire on an engine event, never on the clock: the
   * player's own network decides when it happens (test/unit/scenarios/injectTiming.test.ts).
   */
  reports: z.optional(z.strictObject({ event: z.enum(ENGINE_EVENT_KINDS), id: z.optional(text) })),
});

/**
 * A message that asks the contact to act on the network: a provider filtering UDP 1434 on its side of
 * the link it hands us. Whether it agrees is drawn from the run's seed (acceptChance) and it acts after
 * a delay drawn between delayMin[0] and delayMin[1] minutes; once applied, the engine has the filter.
 */
const requestSchema = z.strictObject({
  /** The link the contact filters at its far end (what it sends us across that link). */
  filterLink: text,
  acceptChance: z.number().check(z.minimum(0), z.maximum(1)),
  delayMin: z
    .tuple([num(0), num(0)])
    .check(
      z.refine((d: [number, number]) => d[0] <= d[1], 'delayMin: [shortest, longest] minutes'),
    ),
  /** What the contact answers, agreed or refused (ko/en), shown in the inbox. */
  accepted: localTextSchema,
  refused: localTextSchema,
});

const SEGMENT_KINDS = ['broadband', 'leased', 'idc', 'pcbang'] as const;
/**
 * What staff do without being told, and how fast hands work. Rates are per person actually on the job;
 * a command's typed rate can only ask for less.
 */
const proceduresSchema = z.strictObject({
  /**
   * Systems staff on duty restart a resolver cluster that stopped answering, afterMin minutes after it
   * failed and again retryMin after each failed restart, if someone is free (null: only on command).
   */
  dnsRestart: z._default(z.nullable(z.strictObject({ afterMin: num(0), retryMin: positive })), {
    afterMin: 15,
    retryMin: 30,
  }),
  /** Hosts one person patches (hotfix, reboot, check) per hour, by kind of segment. */
  patchHostsPerStaffHour: z._default(
    z.strictObject(
      Object.fromEntries(SEGMENT_KINDS.map((k) => [k, num(0)])) as Record<
        (typeof SEGMENT_KINDS)[number],
        ReturnType<typeof num>
      >,
    ),
    { broadband: 0.5, leased: 2, idc: 2.5, pcbang: 1 },
  ),
});

const CONTACT_KINDS = ['customer', 'kisa', 'mic', 'isp', 'vendor', 'press', 'executive'] as const;
const contactSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(CONTACT_KINDS),
  name: localTextSchema,
  /** Minutes after detection by which this contact expects to hear from you (timeliness). */
  expectWithinMin: z.optional(positive),
  options: z
    .array(
      z.strictObject({
        id: idSchema,
        text: localTextSchema,
        claims: z._default(z.array(claimSchema), []),
        request: z.optional(requestSchema),
      }),
    )
    .check(z.minLength(1)),
});

export const SCORE_PARTS = [
  'subscriberHours',
  'dnsAvailability',
  'infectedHostHours',
  'outboundWorm',
  'timeToDetect',
  'timeToFilter',
  'timeToNotifyKisa',
  'communications',
  'mondayReadiness',
  'staffCost',
  'serviceHours',
] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];
const partRecord = <T extends z.ZodMiniType>(v: T) =>
  z.strictObject(Object.fromEntries(SCORE_PARTS.map((p) => [p, v])) as Record<ScorePart, T>);

const scoringSchema = z.strictObject({
  /** Relative weight of each part in the total. */
  weights: partRecord(num(0)),
  /**
   * The raw value at which a part scores 0 (it scores 100 at 0 raw). Units: subscriber-hours,
   * % unavailable, host-hours, worm gigabytes, minutes, minutes, minutes, penalty points,
   * % of exposed hosts left, won (thousands), line/service-hours.
   */
  zeroAt: partRecord(positive),
});

const scriptedCommandSchema = z.strictObject({
  at: isoTimeSchema,
  role: roleSchema,
  type: commandTypeSchema,
  args: z._default(z.record(z.string(), z.unknown()), {}),
});

const historySchema = z.strictObject({
  timeline: z.array(z.strictObject({ at: isoTimeSchema, text: localTextSchema })),
  response: z.array(scriptedCommandSchema),
});

const discussionSchema = z.strictObject({
  at: isoTimeSchema,
  module: z.enum(['detection', 'response', 'recovery']),
  question: localTextSchema,
});

const labelMap = z.record(text, localTextSchema);
const labelsSchema = z.strictObject({
  nodes: z.optional(labelMap),
  links: z.optional(labelMap),
  segments: z.optional(labelMap),
  clusters: z.optional(labelMap),
});

const levelFields = z.strictObject({
  formatVersion: z.literal(LEVEL_FORMAT_VERSION),
  meta: metaSchema,
  engine: engineParamsSchema,
  clock: clockParamsSchema,
  staff: z.array(staffMemberSchema).check(z.minLength(1)),
  commands: z.partialRecord(commandTypeSchema, commandRuleSchema),
  injects: z.array(injectSchema),
  contacts: z.array(contactSchema).check(z.minLength(1)),
  scoring: scoringSchema,
  history: historySchema,
  discussion: z._default(z.array(discussionSchema), []),
  procedures: z._default(proceduresSchema, {
    dnsRestart: { afterMin: 15, retryMin: 30 },
    patchHostsPerStaffHour: { broadband: 0.5, leased: 2, idc: 2.5, pcbang: 1 },
  }),
  /** Names of the engine's devices in both languages (the engine's own `name`s are English). */
  labels: z.optional(labelsSchema),
});

export const levelSchema = levelFields.check(
  z.superRefine((level: z.output<typeof levelFields>, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const unique = (items: { id: string }[], path: string) => {
      const seen = new Set<string>();
      items.forEach((it, i) => {
        if (seen.has(it.id)) issue([path, i, 'id'], `duplicate id "${it.id}"`);
        seen.add(it.id);
      });
    };
    unique(level.staff, 'staff');
    unique(level.injects, 'injects');
    unique(level.contacts, 'contacts');
    if (level.labels) {
      for (const kind of ['nodes', 'links', 'segments', 'clusters'] as const) {
        const ids = new Set(level.engine.network[kind].map((d) => d.id));
        for (const id of Object.keys(level.labels[kind] ?? {})) {
          if (!ids.has(id))
            issue(['labels', kind, id], `no ${kind.slice(0, -1)} "${id}" in engine.network`);
        }
      }
    }
    const requestLinks = new Set(level.engine.network.links.map((l) => l.id));
    level.contacts.forEach((c, i) =>
      c.options.forEach((o, j) => {
        if (o.request && !requestLinks.has(o.request.filterLink))
          issue(
            ['contacts', i, 'options', j, 'request', 'filterLink'],
            `no link "${o.request.filterLink}" in engine.network`,
          );
      }),
    );
    const contacts = new Set(level.contacts.map((c) => c.id));
    const staff = new Set(level.staff.map((s) => s.id));
    const start = isoToTick(level.meta.start)!;
    const end = isoToTick(level.meta.end)!;
    if (end <= start) issue(['meta', 'end'], 'end must be after start');
    for (const t of INSTANT_COMMANDS) {
      if (level.commands[t])
        issue(['commands', t], 'instant command is always allowed; do not list it');
    }
    const clusterIds = new Set(level.engine.network.clusters.map((c) => c.id));
    const linkIds = new Set(level.engine.network.links.map((l) => l.id));
    const checkEventId = (path: (string | number)[], event: string, id: string) => {
      const ids = event.startsWith('dns.')
        ? clusterIds
        : event.startsWith('link.')
          ? linkIds
          : null;
      if (!ids) issue(path, `event "${event}" has no id`);
      else if (!ids.has(id))
        issue(path, `unknown ${event.startsWith('dns.') ? 'DNS cluster' : 'link'} "${id}"`);
    };
    level.injects.forEach((inj, i) => {
      if (!contacts.has(inj.from)) issue(['injects', i, 'from'], `unknown contact "${inj.from}"`);
      const t = inj.trigger;
      if ('event' in t && t.id !== undefined)
        checkEventId(['injects', i, 'trigger', 'id'], t.event, t.id);
      if (inj.reports) {
        if (inj.reports.id !== undefined)
          checkEventId(['injects', i, 'reports', 'id'], inj.reports.event, inj.reports.id);
        if ('at' in t)
          issue(
            ['injects', i, 'trigger'],
            `reports the worm's effect "${inj.reports.event}", so it must fire on an engine event, not at a fixed time`,
          );
      }
      const choiceIds = new Set(inj.choices.map((c) => c.id));
      if (inj.defaultChoice && !choiceIds.has(inj.defaultChoice)) {
        issue(['injects', i, 'defaultChoice'], `no choice "${inj.defaultChoice}"`);
      }
      if (inj.noAnswer && inj.expiresAfterMin === undefined)
        issue(['injects', i, 'noAnswer'], 'the inject has no deadline (expiresAfterMin) to miss');
      inj.choices.forEach((c, j) => {
        c.consequences.trust.forEach((t, k) => {
          if (!contacts.has(t.contact))
            issue(
              ['injects', i, 'choices', j, 'consequences', 'trust', k, 'contact'],
              `unknown contact "${t.contact}"`,
            );
        });
        c.consequences.staffArrive.forEach((s, k) => {
          if (!staff.has(s))
            issue(
              ['injects', i, 'choices', j, 'consequences', 'staffArrive', k],
              `unknown staff "${s}"`,
            );
        });
      });
    });
    level.history.response.forEach((cmd, i) => {
      const parsed = parseCommand(cmd.type, cmd.args);
      if (!parsed.ok) parsed.problems.forEach((p) => issue(['history', 'response', i], p));
      const tick = isoToTick(cmd.at)!;
      if (tick < start || tick > end)
        issue(['history', 'response', i, 'at'], 'outside the level time span');
      if (i > 0 && tick < isoToTick(level.history.response[i - 1]!.at)!) {
        issue(['history', 'response', i, 'at'], 'scripted commands must be in time order');
      }
    });
  }),
);

export type Level = z.output<typeof levelSchema>;
export type StaffMember = Level['staff'][number];
export type Inject = Level['injects'][number];
export type Contact = Level['contacts'][number];

/**
 * Parses a level from unknown JSON. A wrong or missing `formatVersion` gives the one message
 * "unsupported version N, expected M" before anything else is checked: a file from another
 * version of the game would otherwise drown in unrelated schema errors.
 */
export function parseLevel(
  json: unknown,
): { ok: true; level: Level } | { ok: false; errors: string[] } {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, errors: ['(root): expected a JSON object'] };
  }
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (version !== LEVEL_FORMAT_VERSION) {
    return {
      ok: false,
      errors: [
        version === 1
          ? `formatVersion: version 1 levels are no longer played (DNS restarted itself on a timer there; version ${LEVEL_FORMAT_VERSION} restarts it through staff and load, see docs/SCENARIO-FORMAT.md), expected ${LEVEL_FORMAT_VERSION}`
          : `formatVersion: unsupported version ${String(version)}, expected ${LEVEL_FORMAT_VERSION}`,
      ],
    };
  }
  const result = levelSchema.safeParse(json);
  if (!result.success) return { ok: false, errors: formatIssues(result.error) };
  return { ok: true, level: result.data };
}

/** Zod issues as `path: problem` lines, in the engine's format (`network.links[3].capacityMbps: …`). */
export function formatIssues(error: z.core.$ZodError, prefix?: string): string[] {
  return formatZodIssues(error, prefix);
}
