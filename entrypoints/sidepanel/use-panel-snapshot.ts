import { useCallback, useEffect, useState } from 'react';
import { panelSnapshotSchema, type PanelSnapshot, type ThreadFlags } from '../../lib/schemas/panel.ts';
import { z } from '../../lib/schemas/zod-mini.ts';
import { onMessage, sendMessage } from '../../utils/messaging.ts';
import type { Mark } from '../../components/question-list.tsx';

// The side panel's data: the snapshot the background relays, plus the user's clicks shown at
// once (optimistically) until a snapshot from the Gmail tab carries them. The last snapshot
// stays on screen until the next one arrives, so typing never blanks the panel.

export type PanelLoad = { loading: true } | { loading: false; snapshot: PanelSnapshot | null };

const incoming = z.nullable(panelSnapshotSchema);

function parseIncoming(data: unknown): PanelSnapshot | null | undefined {
  const parsed = incoming.safeParse(data);
  if (parsed.success) return parsed.data;
  console.warn('[step-ahead] ignored a malformed panel snapshot', parsed.error.issues.slice(0, 3));
  return undefined;
}

export function usePanelSnapshot(): PanelLoad {
  const [load, setLoad] = useState<PanelLoad>({ loading: true });
  useEffect(() => {
    let live = true;
    // A broadcast that arrives before the answer to getPanelState is newer than that answer.
    let heardBroadcast = false;
    const stop = onMessage('panelStateChanged', ({ data }) => {
      const snapshot = parseIncoming(data);
      if (snapshot === undefined || !live) return;
      heardBroadcast = true;
      setLoad({ loading: false, snapshot });
    });
    sendMessage('getPanelState', undefined).then(
      (data) => {
        const snapshot = parseIncoming(data);
        if (live && !heardBroadcast && snapshot !== undefined) setLoad({ loading: false, snapshot });
      },
      (error: unknown) => {
        console.warn('[step-ahead] could not ask the background for the panel state', error);
        if (live && !heardBroadcast) setLoad({ loading: false, snapshot: null });
      },
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return load;
}

interface PendingMark {
  threadId: string;
  mark: Mark | null;
}
type PendingFlags = { threadId: string } & Partial<ThreadFlags>;

export interface ThreadActions {
  /** The mark to show for a question: the user's click until the snapshot confirms it. */
  markOf(questionId: string, fromSnapshot: Mark | undefined): Mark | undefined;
  flags: ThreadFlags;
  setMark(questionId: string, mark: Mark | null): void;
  setFlag(flag: keyof ThreadFlags, value: boolean): void;
  /** Why the last change could not be saved, for the user. */
  error: string | null;
}

export function useThreadActions(snapshot: PanelSnapshot | null): ThreadActions {
  const threadId = snapshot?.thread.threadId ?? null;
  const [pendingMarks, setPendingMarks] = useState<Record<string, PendingMark>>({});
  const [pendingFlags, setPendingFlags] = useState<PendingFlags | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Once a snapshot shows what the user clicked, the snapshot is the truth again, so a later
  // change made elsewhere (another Gmail tab) shows through.
  useEffect(() => {
    if (!snapshot) return;
    setPendingMarks((pending) => {
      const left: Record<string, PendingMark> = {};
      let changed = false;
      for (const [questionId, entry] of Object.entries(pending)) {
        const shown = snapshot.questions.find((q) => q.id === questionId)?.mark ?? null;
        if (entry.threadId === snapshot.thread.threadId && shown !== entry.mark) left[questionId] = entry;
        else changed = true;
      }
      return changed ? left : pending;
    });
    setPendingFlags((pending) => {
      if (!pending) return pending;
      if (pending.threadId !== snapshot.thread.threadId) return null;
      const confirmed = (Object.keys(pending) as Array<keyof PendingFlags>)
        .filter((key) => key !== 'threadId')
        .every((key) => snapshot.flags[key as keyof ThreadFlags] === pending[key]);
      return confirmed ? null : pending;
    });
  }, [snapshot]);

  const markOf = useCallback(
    (questionId: string, fromSnapshot: Mark | undefined) => {
      const pending = pendingMarks[questionId];
      if (pending && pending.threadId === threadId) return pending.mark ?? undefined;
      return fromSnapshot;
    },
    [pendingMarks, threadId],
  );

  const setMark = useCallback(
    (questionId: string, mark: Mark | null) => {
      if (!threadId) return;
      setError(null);
      setPendingMarks((pending) => ({ ...pending, [questionId]: { threadId, mark } }));
      sendMessage('setQuestionMark', { threadId, questionId, mark }).catch((cause: unknown) => {
        console.warn('[step-ahead] could not save a question mark', cause);
        setPendingMarks(({ [questionId]: _dropped, ...rest }) => rest);
        setError('Could not save that mark. Try again.');
      });
    },
    [threadId],
  );

  const setFlag = useCallback(
    (flag: keyof ThreadFlags, value: boolean) => {
      if (!threadId) return;
      setError(null);
      setPendingFlags((pending) => ({ ...(pending?.threadId === threadId ? pending : { threadId }), [flag]: value }));
      sendMessage('setThreadFlag', { threadId, flag, value }).catch((cause: unknown) => {
        console.warn('[step-ahead] could not save a thread flag', cause);
        setPendingFlags(null);
        setError('Could not save that change. Try again.');
      });
    },
    [threadId],
  );

  const base = snapshot?.flags ?? { resolved: false, waitingOnCustomer: false };
  const flags: ThreadFlags =
    pendingFlags && pendingFlags.threadId === threadId
      ? {
          resolved: pendingFlags.resolved ?? base.resolved,
          waitingOnCustomer: pendingFlags.waitingOnCustomer ?? base.waitingOnCustomer,
        }
      : base;

  return { markOf, flags, setMark, setFlag, error };
}
