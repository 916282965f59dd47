import type { Reminder } from '../schemas/reminder.ts';
import type { SendRecord } from '../schemas/send.ts';

// A reply that promised a concrete ETA becomes the thread's reminder. Only what the feature
// needs is kept (DESIGN.md §6): thread, subject, customer, the ETA and the promise sentence.

export function reminderFromSend(record: SendRecord, id: string, now: number): Reminder | null {
  if (!record.promise) return null;
  const etaAt = Date.parse(record.promise.due);
  if (!Number.isFinite(etaAt)) return null;
  return {
    id,
    threadId: record.threadId,
    subject: record.subject,
    customer: record.customer,
    etaText: record.promise.text,
    sentence: record.promise.sentence,
    etaAt,
    dueAt: etaAt,
    leadNotice: true,
    notified: [],
    source: 'send',
    createdAt: record.sentAt,
    updatedAt: now,
  };
}

/** Whether `incoming` (made at `madeAt`) replaces the thread's `existing` reminder: the later promise wins. */
export function replaces(madeAt: number, existing: Pick<Reminder, 'createdAt'>): boolean {
  return madeAt >= existing.createdAt;
}
