import { z } from './zod-mini.ts';
import { RULE_IDS, type RuleId, type Schedule, type Severity } from '../types.ts';
import { scaffoldOverridesSchema } from '../scaffolds/schema.ts';

// Settings are read from storage, imports and managed policy: all of them untrusted. They
// are parsed here, and anything that fails falls back to the defaults field by field
// instead of crashing the checker.

const wallTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time is written HH:MM, 00:00 to 24:00'));

const interval = z
  .object({ start: wallTime, end: wallTime })
  .check(z.refine((i) => i.start < i.end, 'an interval must end after it starts'));

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD'));

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .check(z.maxLength(64), z.refine(isValidTimeZone, { error: (issue) => `unknown time zone "${String(issue.input)}"` }));

const weekdayHours = (start: string, end: string) => [{ start, end }];

export const DEFAULT_SCHEDULE: Schedule = {
  timeZone: 'America/New_York',
  // Sunday … Saturday. Monday–Friday 08:00–17:00 (customer correspondence 101: M–F 8–5 ET).
  week: [
    [],
    weekdayHours('08:00', '17:00'),
    weekdayHours('08:00', '17:00'),
    weekdayHours('08:00', '17:00'),
    weekdayHours('08:00', '17:00'),
    weekdayHours('08:00', '17:00'),
    [],
  ],
  holidays: [],
};

export const scheduleSchema = z.object({
  timeZone: timeZoneSchema,
  week: z.array(z.array(interval).check(z.maxLength(8))).check(z.length(7)),
  holidays: z.array(z.object({ date: isoDate, name: z.string().check(z.maxLength(200)) })).check(z.maxLength(1000)),
});

export const ROLES = ['support-engineer', 'sales-consultant', 'custom'] as const;
export type Role = (typeof ROLES)[number];

/** Response targets in business minutes. */
export const targetsSchema = z.object({
  acknowledgeMinutes: z.int().check(z.positive(), z.maximum(100_000)),
  actionableMinutes: z.int().check(z.positive(), z.maximum(100_000)),
  resolutionMinutes: z.nullable(z.int().check(z.positive(), z.maximum(1_000_000))),
});
export type Targets = z.infer<typeof targetsSchema>;

// Correspondence 101: support engineers acknowledge within an hour, give an actionable
// response within 24 hours and resolve within 72; sales consultants acknowledge within
// 15 minutes and answer within the hour.
export const ROLE_TARGETS: Record<Exclude<Role, 'custom'>, Targets> = {
  'support-engineer': {
    acknowledgeMinutes: 60,
    actionableMinutes: 24 * 60,
    resolutionMinutes: 72 * 60,
  },
  'sales-consultant': { acknowledgeMinutes: 15, actionableMinutes: 60, resolutionMinutes: null },
};

export const DEFAULT_SEVERITIES: Record<RuleId, Severity> = {
  'questions-answered': 'error',
  'eta-present': 'error',
  'eta-concrete': 'warning',
  'next-steps': 'warning',
  'status-summary': 'warning',
  expectations: 'warning',
  'no-red-text': 'error',
  'placeholders-filled': 'error',
  ownership: 'warning',
  'missed-eta-followup': 'warning',
  'cc-account-owner': 'warning',
};

const ruleSeverity = z.enum(['error', 'warning', 'info', 'off']);

const rulesSchema = z.object(
  Object.fromEntries(RULE_IDS.map((id) => [id, z._default(ruleSeverity, DEFAULT_SEVERITIES[id])])) as {
    [K in RuleId]: z.ZodMiniDefault<typeof ruleSeverity>;
  },
);

const domain = z.pipe(
  z.string().check(z.maxLength(253), z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain looks like example.com')),
  z.transform((d: string) => d.toLowerCase()),
);

/**
 * What happens at Send (issue 6). `block`: a reply that fails a check stops at a checklist
 * until the writer fixes it or chooses "Send anyway"; `never-block`: the mail goes and the
 * checklist is shown beside it. Only error-level failures stop a send unless
 * `blockOnWarnings`; the checklist lists warnings too.
 */
export const presendSchema = z.object({
  mode: z._default(z.enum(['block', 'never-block']), 'block'),
  /** "Send anyway" asks for a short reason, kept in the send log. */
  requireReason: z._default(z.boolean(), false),
  /** New messages (and forwards) to customers are checked too, not only replies. */
  checkNewMessages: z._default(z.boolean(), true),
  blockOnWarnings: z._default(z.boolean(), false),
});
export type PresendSettings = z.infer<typeof presendSchema>;
export const DEFAULT_PRESEND: PresendSettings = presendSchema.parse({});

export const settingsSchema = z.object({
  schedule: z._default(scheduleSchema, DEFAULT_SCHEDULE),
  role: z._default(z.enum(ROLES), 'support-engineer'),
  /** Used when role is `custom`; otherwise the role's targets apply. */
  customTargets: z._default(targetsSchema, ROLE_TARGETS['support-engineer']),
  rules: z._default(rulesSchema, DEFAULT_SEVERITIES),
  /** An ETA outside business hours is flagged by eta-concrete. */
  etaWithinBusinessHours: z._default(z.boolean(), true),
  /** The team's own mail domains: mail from them is "us", not the customer. */
  teamDomains: z._default(z.array(domain).check(z.maxLength(100)), []),
  reminderLeadMinutes: z._default(z.int().check(z.minimum(0), z.maximum(7 * 24 * 60)), 60),
  /** The team's wording for scaffolds, by scaffold id; others keep the built-in wording (lib/scaffolds). */
  scaffolds: z._default(scaffoldOverridesSchema, {}),
  presend: z._default(presendSchema, DEFAULT_PRESEND),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export function targetsFor(settings: Settings): Targets {
  return settings.role === 'custom' ? settings.customTargets : ROLE_TARGETS[settings.role];
}

export interface SettingsResult {
  settings: Settings;
  /** Human-readable problems found; empty when the input was valid. */
  problems: string[];
}

/**
 * Reads settings from untrusted input. Valid fields are kept; each invalid top-level field
 * falls back to its default and is reported, so a single broken value never loses the rest.
 */
export function readSettings(untrusted: unknown): SettingsResult {
  // Only own properties count: a hostile object must not smuggle values in through its
  // prototype, and JSON's "__proto__" key is just an unknown key here.
  const input =
    typeof untrusted === 'object' && untrusted !== null && !Array.isArray(untrusted)
      ? Object.fromEntries(Object.entries(untrusted))
      : untrusted;
  const whole = settingsSchema.safeParse(input ?? {});
  if (whole.success) return { settings: whole.data, problems: [] };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { settings: DEFAULT_SETTINGS, problems: ['settings are not an object; defaults used'] };
  }
  const problems: string[] = [];
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    if (!Object.prototype.hasOwnProperty.call(input, key)) continue;
    const value = (input as Record<string, unknown>)[key];
    const field = settingsSchema.shape[key].safeParse(value);
    if (field.success) kept[key] = value;
    else problems.push(`${key}: ${field.error.issues[0]?.message ?? 'invalid'}; default used`);
  }
  return { settings: settingsSchema.parse(kept), problems };
}
