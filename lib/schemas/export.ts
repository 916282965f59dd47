import { z } from 'zod';
import { threadRecordSchema } from './panel.ts';
import { reminderSchema } from './reminder.ts';
import { sendRecordSchema } from './send.ts';
import { teamConfigOf } from '../settings/store.ts';
import { DIRECTORY_KEY, SETTINGS_KEY } from '../settings/versions.ts';

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

function unique<T>(key: (row: T) => unknown, what: string) {
  return (rows: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    rows.forEach((row, index) => {
      const k = key(row);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `${what} ${String(k)} appears twice`, path: [index] });
      seen.add(k);
    });
  };
}

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `not a Step Ahead export (format must be "${EXPORT_FORMAT}")` }),
  version: z.literal(EXPORT_VERSION, { error: `written by a newer Step Ahead (version must be ${EXPORT_VERSION})` }),
  exportedAt: z.number().finite(),
  /**
   * storage.local's settings and customer directory exactly as stored (lib/settings), absent
   * when the user never saved any. Checked below with the same reader the extension uses.
   */
  storage: z.strictObject({ [SETTINGS_KEY]: z.unknown().optional(), [DIRECTORY_KEY]: z.unknown().optional() }),
  threads: z.array(threadRecordSchema).max(MAX_ROWS).superRefine(unique((t) => t.threadId, 'thread')),
  reminders: z.array(reminderSchema).max(MAX_ROWS).superRefine(unique((r) => r.id, 'reminder')),
  sendLog: z.array(sendLogEntrySchema).max(MAX_ROWS),
}).superRefine((file, ctx) => {
  // A partly broken setting would be replaced by its default on read; in an import it is a
  // sign of a damaged file, so the whole file is refused instead.
  const { problems } = teamConfigOf(file.storage, null);
  for (const problem of problems.slice(0, 3)) ctx.addIssue({ code: 'custom', message: problem, path: ['storage'] });
});

export type ExportFile = z.infer<typeof exportFileSchema>;

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
