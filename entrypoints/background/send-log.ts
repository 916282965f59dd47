import type { SendRecord } from '../../lib/schemas/send.ts';
import type { StepAheadDb } from './db.ts';

// The send log: one row per reply that left through Send, with what was checked and how it
// went. It is history for the user's export, not a working set, so it is capped: past the
// cap the oldest rows go (the auto-increment key is the order, no extra index needed).

export const SEND_LOG_LIMIT = 5_000;

/** Appends `record`; call inside a transaction that includes `db.sendLog`. */
export async function appendSendLog(db: StepAheadDb, record: SendRecord): Promise<void> {
  await db.sendLog.add({ ...record });
  const extra = (await db.sendLog.count()) - SEND_LOG_LIMIT;
  if (extra > 0) await db.sendLog.orderBy(':id').limit(extra).delete();
}
