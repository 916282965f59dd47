import { z } from 'zod';

// What the user is told when IndexedDB refuses a write. The popup, the badge's tooltip and
// a notification all say the same thing, so the wording lives here once.

export const storageProblemSchema = z.object({
  /** What could not be done, e.g. "keep the promise made on “Invoice 4411”". */
  action: z.string().max(2000),
  /** Why, in the user's words. */
  message: z.string().max(2000),
  at: z.number(),
});
export type StorageProblem = z.infer<typeof storageProblemSchema>;

function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const { name, inner } = error as { name?: unknown; inner?: unknown };
  // Dexie wraps the browser's DOMException; the inner error says what really happened.
  const innerName = typeof inner === 'object' && inner !== null ? (inner as { name?: unknown }).name : undefined;
  return [name, innerName].filter((n): n is string => typeof n === 'string').join(' ');
}

export function describeStorageError(error: unknown): string {
  const name = errorName(error);
  if (/Quota/i.test(name)) {
    return 'The browser has no room left for Step Ahead’s data. Free some disk space, or export and then clear old data.';
  }
  if (/Version|Upgrade/i.test(name)) return 'Step Ahead’s database could not be upgraded. Restart the browser; if it persists, export your data and reinstall.';
  if (/Closed|Open|InvalidState|Abort|Unknown/i.test(name)) {
    return 'The browser could not open Step Ahead’s database (private mode, a profile problem, or a full disk). Restart the browser and try again.';
  }
  return `Step Ahead could not save its data (${name || 'unknown error'}).`;
}

export function storageProblem(action: string, error: unknown, now: number): StorageProblem {
  return { action, message: describeStorageError(error), at: now };
}
