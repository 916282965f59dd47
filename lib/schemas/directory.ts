import { z } from './zod-mini.ts';
import type { DirectoryEntry } from '../types.ts';

// The customer directory: what the team knows about each customer, by email domain. It feeds
// the cc-account-owner rule (the account owner must be on To or Cc) and the side panel's
// customer context, so nobody has to rebuild the picture when an issue arrives. Entries come
// from local storage, team files and managed policy: all untrusted, all parsed here.

const text = (max: number) => z.string().check(z.maxLength(max));
const textOrEmpty = (max: number) => z._default(text(max), '');

export const customerDomainSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(253),
    z.regex(/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a customer domain looks like example.com'),
  );

const email = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(320),
    z.regex(/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/, 'an email address looks like name@example.com'),
  );

export const personSchema = z.object({
  name: textOrEmpty(200),
  email,
});
export type Person = z.infer<typeof personSchema>;

export const technicalNotesSchema = z.object({
  /** Where and how they run the product: cloud, on-premises, OS, integrations. */
  environment: textOrEmpty(5000),
  /** Product versions, agents, SDKs in use. */
  versions: textOrEmpty(5000),
  /** Their people: admins, champions, who to call during an outage. */
  contacts: textOrEmpty(5000),
});

/** The weekly check-in: four questions the assigned engineer keeps current. */
export const checkInSchema = z.object({
  goingWell: textOrEmpty(5000),
  frustrations: textOrEmpty(5000),
  /** What we are trying to make happen for them. */
  goals: textOrEmpty(5000),
  /** Context useful when troubleshooting their next issue. */
  troubleshooting: textOrEmpty(5000),
  /** The day of the last check-in, YYYY-MM-DD. */
  updatedOn: z._default(z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD'))), null),
});

export const EMPTY_NOTES = technicalNotesSchema.parse({});
export const EMPTY_CHECK_IN = checkInSchema.parse({});

export const directoryEntrySchema = z.object({
  domain: customerDomainSchema,
  name: textOrEmpty(200),
  strategic: z._default(z.boolean(), false),
  preSales: z._default(z.boolean(), false),
  engineer: z._default(z.nullable(personSchema), null),
  backup: z._default(z.nullable(personSchema), null),
  /** The sales consultant who must be on Cc (cc-account-owner). */
  accountOwner: z._default(z.nullable(personSchema), null),
  notes: z._default(technicalNotesSchema, EMPTY_NOTES),
  checkIn: z._default(checkInSchema, EMPTY_CHECK_IN),
});
export type CustomerEntry = z.infer<typeof directoryEntrySchema>;

export const DIRECTORY_MAX_ENTRIES = 2000;

export const directorySchema = z
  .array(directoryEntrySchema)
  .check(
    z.maxLength(DIRECTORY_MAX_ENTRIES),
    z.refine((entries) => new Set(entries.map((e) => e.domain)).size === entries.length, 'a domain is listed twice'),
  );

export function emptyEntry(domain: string): CustomerEntry {
  return directoryEntrySchema.parse({ domain });
}

export interface DirectoryResult {
  entries: CustomerEntry[];
  problems: string[];
}

/**
 * Reads a directory from untrusted input entry by entry: a broken entry is dropped and
 * reported, the rest are kept; a later duplicate of a domain is dropped too.
 */
export function readDirectory(untrusted: unknown): DirectoryResult {
  if (untrusted === undefined || untrusted === null) return { entries: [], problems: [] };
  if (!Array.isArray(untrusted)) return { entries: [], problems: ['the customer directory is not a list; it was ignored'] };
  const entries: CustomerEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [index, item] of untrusted.slice(0, DIRECTORY_MAX_ENTRIES).entries()) {
    const parsed = directoryEntrySchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(`customer ${index + 1}: ${issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'invalid'}; ignored`);
      continue;
    }
    if (seen.has(parsed.data.domain)) {
      problems.push(`customer ${index + 1}: ${parsed.data.domain} is listed twice; the first is kept`);
      continue;
    }
    seen.add(parsed.data.domain);
    entries.push(parsed.data);
  }
  if (untrusted.length > DIRECTORY_MAX_ENTRIES) problems.push(`only the first ${DIRECTORY_MAX_ENTRIES} customers are kept`);
  return { entries, problems };
}

/** The entry for an address's domain, or for the nearest parent domain listed. */
export function entryForAddress(entries: readonly CustomerEntry[], address: string): CustomerEntry | null {
  const at = address.lastIndexOf('@');
  const domain = (at >= 0 ? address.slice(at + 1) : address).trim().replace(/>$/, '').toLowerCase();
  if (!domain) return null;
  let best: CustomerEntry | null = null;
  for (const entry of entries) {
    if (domain === entry.domain || domain.endsWith(`.${entry.domain}`)) {
      if (!best || entry.domain.length > best.domain.length) best = entry;
    }
  }
  return best;
}

/**
 * What the engine's rules read (lib/types.ts DirectoryEntry). Longest domain first: the rule
 * takes the first entry that covers an address, and `eu.acme.com` is more specific than
 * `acme.com`.
 */
export function toRuleDirectory(entries: readonly CustomerEntry[]): DirectoryEntry[] {
  return [...entries].sort((a, b) => b.domain.length - a.domain.length).map((entry) => ({
    domain: entry.domain,
    name: entry.name || entry.domain,
    ...(entry.accountOwner ? { accountOwner: { name: entry.accountOwner.name || entry.accountOwner.email, email: entry.accountOwner.email } } : {}),
  }));
}
