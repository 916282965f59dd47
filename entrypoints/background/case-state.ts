import { mergeCaseState, sameCase } from '../../lib/case-state.ts';
import type { PanelSnapshot } from '../../lib/schemas/panel.ts';
import { gmailAccountOf } from '../../lib/reminders/gmail-account.ts';
import { readThreadRecord, updateThreadRecord, type StepAheadDb } from './db.ts';

// Keeps each thread's case state (lib/schemas/case.ts) on its ThreadRecord, from the
// snapshots Gmail tabs report, so the popup can show every open case's clocks with no Gmail
// page open. A tab reports after every check, so a write happens only when the history or a
// flag actually changed; reports for the same thread are handled one after another so two
// tabs on one thread cannot interleave a read and a write.

export interface CaseStateRecorder {
  /** Called with every snapshot a Gmail tab reports (panel-relay.ts). Never throws. */
  record(snapshot: PanelSnapshot | null, tabUrl?: string): void;
  /** Settles when every record() so far has been written (tests). */
  idle(): Promise<void>;
}

/** Keys of composes that have no Gmail thread yet (compose-checker.ts threadKeyOf): nothing to keep. */
const isThreadKey = (key: string) => !key.startsWith('draft:') && !key.startsWith('compose:');

export function setupCaseState(db: StepAheadDb): CaseStateRecorder {
  const queues = new Map<string, Promise<void>>();

  async function write(threadId: string, snapshot: PanelSnapshot, account: string | null): Promise<void> {
    const report = snapshot.case!;
    const now = Date.now();
    const current = await readThreadRecord(db, threadId);
    const merged = mergeCaseState(current?.case, report, snapshot.flags, {
      now,
      ...(current ? { recordUpdatedAt: current.updatedAt } : {}),
    });
    // Threads we started and the customer never answered have no clocks to keep.
    if (merged.firstCustomerAt === null) return;
    const accountChanged = account !== null && current?.account !== account;
    if (sameCase(current?.case, merged) && !accountChanged) return;
    await updateThreadRecord(
      db,
      threadId,
      (record) => ({
        ...record,
        // Merged again against the row inside the transaction: the flags stored there are
        // the truth, the snapshot's may be a moment old.
        case: mergeCaseState(record.case, report, record.flags, { now, recordUpdatedAt: record.updatedAt }),
        ...(account !== null ? { account } : {}),
      }),
      now,
    );
  }

  function record(snapshot: PanelSnapshot | null, tabUrl?: string): void {
    try {
      const threadId = snapshot?.thread.threadId;
      if (!snapshot?.case || !threadId || !isThreadKey(threadId)) return;
      const account = gmailAccountOf(tabUrl);
      const previous = queues.get(threadId) ?? Promise.resolve();
      const next = previous
        .then(() => write(threadId, snapshot, account))
        .catch((error: unknown) => console.warn('[step-ahead] could not keep the thread’s case state', error))
        .finally(() => {
          if (queues.get(threadId) === next) queues.delete(threadId);
        });
      queues.set(threadId, next);
    } catch (error) {
      console.warn('[step-ahead] could not keep the thread’s case state', error);
    }
  }

  return {
    record,
    idle: async () => {
      while (queues.size > 0) await Promise.all([...queues.values()]);
    },
  };
}
