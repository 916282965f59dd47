import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sectionBounds, sectionRange, type Section } from '../../lib/reminders/sections.ts';
import { storageProblemSchema, type StorageProblem } from '../../lib/reminders/storage-error.ts';
import type { Reminder } from '../../lib/schemas/reminder.ts';
import { parseReminderRows } from '../background/db.ts';
import { popupDb } from './popup-db.ts';

// The popup's data: one page of each section straight from the dueAt index, plus each
// section's size. Only what is on screen is read, so 10,000 reminders open as fast as ten.

export const PAGE_SIZE = 20;

/** The clock the lists are drawn against; ticks so a reminder moves to "overdue" on time. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export interface SectionData {
  rows: Reminder[];
  total: number;
}

export type SectionLoad = { state: 'loading' } | { state: 'ready'; data: SectionData } | { state: 'error'; error: string };

export function useSection(section: Section, now: number, limit: number): SectionLoad {
  const [from, to] = sectionRange(section, sectionBounds(now));
  const result = useLiveQuery(
    async (): Promise<SectionLoad> => {
      try {
        const range = popupDb().reminders.where('dueAt').between(from, to, true, false);
        // limit 0 asks for the size only (Dexie reads a zero limit as "no limit").
        const [rows, total] = await Promise.all([limit > 0 ? range.clone().limit(limit).toArray() : [], range.count()]);
        return { state: 'ready', data: { rows: parseReminderRows(rows), total } };
      } catch (error) {
        return { state: 'error', error: (error as Error).message || String(error) };
      }
    },
    [from, to, limit],
  );
  return result ?? { state: 'loading' };
}

const PROBLEM_KEY = 'storageProblem';

/** The last storage problem the background reported, until the user dismisses it. */
export function useStorageProblem(): { problem: StorageProblem | null; dismiss(): void } {
  const [problem, setProblem] = useState<StorageProblem | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      browser.storage.local
        .get(PROBLEM_KEY)
        .then((stored) => {
          const parsed = storageProblemSchema.safeParse(stored[PROBLEM_KEY]);
          if (live) setProblem(parsed.success ? parsed.data : null);
        })
        .catch(() => undefined);
    void read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && PROBLEM_KEY in changes) void read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return {
    problem,
    dismiss: () => void browser.storage.local.remove(PROBLEM_KEY).catch(() => undefined),
  };
}
