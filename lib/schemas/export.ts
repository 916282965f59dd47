import { z } from 'zod';
import { threadRecordSchema } from './panel.ts';
import { reminderSchema } from './reminder.ts';
import { sendRecordSchema } from './send.ts';
import { readPartialSettings } from '../settings/merge.ts';
import {
  DIRECTORY_KEY,
  DIRECTORY_VERSION,
  directoryEnvelope,
  migrateStoredSettings,
  readStoredDirectory,
  SETTINGS_KEY,
  settingsEnvelope,
  storedSettingsVersion,
  type DirectoryEnvelope,
  type SettingsEnvelope,
} from '../settings/versions.ts';

// The export file: every row of the database and the settings, as JSON. An import is the
// whole file or nothing: it is parsed here completely, and any problem — a wrong type, a
// missing table, an over-long string, a prototype key — refuses it with a message that says
// where, before anything is written.

export const EXPORT_FORMAT = 'step-ahead-export';
export const EXPORT_VERSION = 1;
/** Bigger than any real export (10,000 reminders are about 5 MB) and small enough to parse safely. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
const MAX_ROWS = 200_000;

export const sendLogEntrySchema = z.object({ ...sendRecordSchema.shape, id: z.number().int().positive().optional() });

function unique<T>(key: (row: T, index: number) => unknown, what: string) {
  return (rows: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    rows.forEach((row, index) => {
      const k = key(row, index);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `${what} ${String(k)} appears twice`, path: [index] });
      seen.add(k);
    });
  };
}

function plainObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : null;
}

/**
 * The path of the first key in `raw` that `normalised` (what the schema kept of it) lacks, or
 * null. The schemas strip keys they do not know; in an import such a key is a sign of a
 * damaged or crafted file (20 MB of junk beside the settings), so it refuses the file.
 */
function droppedKey(raw: unknown, normalised: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (Array.isArray(raw)) {
    if (!Array.isArray(normalised) || normalised.length !== raw.length) return path;
    for (const [i, item] of raw.entries()) {
      const found = droppedKey(item, normalised[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  const object = plainObject(raw);
  if (!object) return null;
  const kept = plainObject(normalised);
  if (!kept) return path;
  for (const [key, value] of Object.entries(object)) {
    if (!(key in kept)) return [...path, key];
    const found = droppedKey(value, kept[key], [...path, key]);
    if (found) return found;
  }
  return null;
}

type Issue = { path: PropertyKey[]; message: string };

/** The stored settings as the extension writes them, or why they are refused. */
function normalisedSettings(raw: unknown): { envelope: SettingsEnvelope } | { issue: Issue } {
  const migrated = migrateStoredSettings(raw);
  if (migrated.problems[0]) return { issue: { path: [], message: migrated.problems[0] } };
  // An envelope holds `version` and `settings`, nothing else (a bare object is version 1).
  if ((storedSettingsVersion(raw) ?? 1) >= 2) {
    const extra = Object.keys(plainObject(raw) ?? {}).find((key) => key !== 'version' && key !== 'settings');
    if (extra !== undefined) return { issue: { path: [extra], message: 'not part of the settings' } };
  }
  // A broken field would be replaced by its default on read; in an import it is a sign of a
  // damaged file, so the whole file is refused instead.
  const valid = readPartialSettings(migrated.fields, 'settings');
  if (valid.problems[0]) return { issue: { path: [], message: valid.problems[0] } };
  const fields: Record<string, unknown> = { ...valid.fields };
  if (Object.keys(valid.rules).length > 0 || 'rules' in migrated.fields) fields.rules = valid.rules;
  const dropped = droppedKey(migrated.fields, fields);
  if (dropped) return { issue: { path: ['settings', ...dropped], message: 'not a setting Step Ahead keeps' } };
  return { envelope: settingsEnvelope(fields) };
}

/** The stored customer directory as the extension writes it, or why it is refused. */
function normalisedDirectory(raw: unknown): { envelope: DirectoryEnvelope } | { issue: Issue } {
  const object = plainObject(raw);
  const extra = object && Object.keys(object).find((key) => key !== 'version' && key !== 'entries');
  if (extra) return { issue: { path: [extra], message: 'not part of the customer directory' } };
  if (object && typeof object.version === 'number' && object.version > DIRECTORY_VERSION) {
    return { issue: { path: ['version'], message: `written by a newer Step Ahead (version ${object.version})` } };
  }
  const read = readStoredDirectory(raw);
  if (read.problems[0]) return { issue: { path: [], message: read.problems[0] } };
  const dropped = droppedKey(object?.entries, read.entries);
  if (dropped) return { issue: { path: ['entries', ...dropped], message: 'not part of a customer entry' } };
  return { envelope: directoryEnvelope(read.entries) };
}

/**
 * storage.local's settings and customer directory, absent when the user never saved any.
 * Read with the extension's own readers, refused unless they read cleanly with nothing left
 * over, and passed on normalised: what an import writes is what the extension would write.
 */
const storageSchema = z
  .strictObject({ [SETTINGS_KEY]: z.unknown().optional(), [DIRECTORY_KEY]: z.unknown().optional() })
  .transform((stored, ctx) => {
    const out: { [SETTINGS_KEY]?: SettingsEnvelope; [DIRECTORY_KEY]?: DirectoryEnvelope } = {};
    if (stored[SETTINGS_KEY] !== undefined) {
      const settings = normalisedSettings(stored[SETTINGS_KEY]);
      if ('issue' in settings) ctx.addIssue({ code: 'custom', message: settings.issue.message, path: [SETTINGS_KEY, ...settings.issue.path] });
      else out[SETTINGS_KEY] = settings.envelope;
    }
    if (stored[DIRECTORY_KEY] !== undefined) {
      const directory = normalisedDirectory(stored[DIRECTORY_KEY]);
      if ('issue' in directory) ctx.addIssue({ code: 'custom', message: directory.issue.message, path: [DIRECTORY_KEY, ...directory.issue.path] });
      else out[DIRECTORY_KEY] = directory.envelope;
    }
    return out;
  });

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `not a Step Ahead export (format must be "${EXPORT_FORMAT}")` }),
  version: z.literal(EXPORT_VERSION, { error: `written by a newer Step Ahead (version must be ${EXPORT_VERSION})` }),
  exportedAt: z.number().finite(),
  storage: storageSchema,
  threads: z.array(threadRecordSchema).max(MAX_ROWS).superRefine(unique((t) => t.threadId, 'thread')),
  // One reminder per thread, as the extension keeps them (a newer promise replaces the older).
  reminders: z
    .array(reminderSchema)
    .max(MAX_ROWS)
    .superRefine(unique((r) => r.id, 'reminder'))
    .superRefine(unique((r) => r.threadId, 'a reminder for thread')),
  sendLog: z
    .array(sendLogEntrySchema)
    .max(MAX_ROWS)
    // Rows without an id are given one on import; two with one id would silently merge.
    .superRefine(unique((r, index) => r.id ?? `no id ${index}`, 'send-log row')),
});

export type ExportFile = z.output<typeof exportFileSchema>;
/** What an export writes: the storage values go out exactly as stored. */
export type ExportFileOut = Omit<ExportFile, 'storage'> & { storage: Partial<Record<typeof SETTINGS_KEY | typeof DIRECTORY_KEY, unknown>> };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ImportParse = { ok: true; file: ExportFile } | { ok: false; error: string };

function where(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'the file' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Reads an export file's text. Refuses with a message naming the first problems found. */
export function parseExportText(text: string): ImportParse {
  if (text.length > IMPORT_MAX_BYTES) return { ok: false, error: `The file is too large (over ${IMPORT_MAX_BYTES / 1024 / 1024} MB).` };
  let forbidden: string | null = null;
  let json: unknown;
  try {
    json = JSON.parse(text, function (key, value) {
      // JSON.parse makes "__proto__" an own key; refusing it keeps a crafted file from ever
      // reaching code that might spread it into an object's prototype.
      if (FORBIDDEN_KEYS.has(key) && forbidden === null) forbidden = key;
      return value;
    });
  } catch (error) {
    return { ok: false, error: `The file is not JSON: ${(error as Error).message}` };
  }
  if (forbidden !== null) return { ok: false, error: `The file contains a key named "${forbidden}", which Step Ahead never writes.` };
  const parsed = exportFileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((issue) => `${where(issue.path)}: ${issue.message}`);
    const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : '';
    return { ok: false, error: `The file was not imported: ${lines.join('; ')}${more}.` };
  }
  return { ok: true, file: parsed.data };
}
