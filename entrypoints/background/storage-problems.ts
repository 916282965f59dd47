import { browser } from 'wxt/browser';
import { storageProblem, storageProblemSchema, type StorageProblem } from '../../lib/reminders/storage-error.ts';

// A failed IndexedDB write (quota, a database the browser could not open) is told to the
// user three ways, since any one of them may itself be out of reach: a notification, the
// badge ("!", via the `onProblem` callback) and a banner in the popup, which reads the
// problem from storage.local (a different store from IndexedDB, so usually still writable).

export const STORAGE_PROBLEM_KEY = 'storageProblem';
export const STORAGE_PROBLEM_NOTIFICATION = 'step-ahead:storage-problem';

export async function reportStorageProblem(action: string, error: unknown, now: number): Promise<StorageProblem> {
  const problem = storageProblem(action, error, now);
  console.error(`[step-ahead] could not ${action}`, error);
  // The same problem already waiting in the popup is not written or notified again: a database
  // that stays broken would otherwise notify at every alarm, and every write wakes listeners.
  const stored = await browser.storage.local.get(STORAGE_PROBLEM_KEY).catch(() => ({}) as Record<string, unknown>);
  const shown = storageProblemSchema.safeParse((stored as Record<string, unknown>)[STORAGE_PROBLEM_KEY]);
  if (shown.success && shown.data.action === problem.action && shown.data.message === problem.message) return shown.data;
  await browser.storage.local.set({ [STORAGE_PROBLEM_KEY]: problem }).catch((e: unknown) => {
    console.error('[step-ahead] could not keep the storage problem for the popup either', e);
  });
  await browser.notifications
    ?.create(STORAGE_PROBLEM_NOTIFICATION, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Step Ahead could not save',
      message: `Could not ${action}. ${problem.message}`,
    })
    .catch((e: unknown) => console.error('[step-ahead] could not show the storage problem', e));
  return problem;
}

export async function hasStorageProblem(): Promise<boolean> {
  try {
    const stored = await browser.storage.local.get(STORAGE_PROBLEM_KEY);
    return stored[STORAGE_PROBLEM_KEY] != null;
  } catch {
    return false;
  }
}
