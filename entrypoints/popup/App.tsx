import { useState } from 'react';
import { browser } from 'wxt/browser';
import { DataTransfer } from '../../components/data-transfer.tsx';
import { OpenCases } from '../../components/open-cases.tsx';
import { ReminderRow, type ReminderActions } from '../../components/reminder-row.tsx';
import type { Section } from '../../lib/reminders/sections.ts';
import { sendMessage } from '../../utils/messaging.ts';
import { useAfterPaint, useSettings, useThreadRecords } from './use-open-cases.ts';
import { PAGE_SIZE, useNow, useSection, useStorageProblem } from './use-reminders.ts';

// The reminders popup (toolbar action): overdue, due today, upcoming, and the open cases'
// clocks. Lists are paged from the database's dueAt index (PAGE_SIZE at a time), so the
// first paint costs the same with ten reminders or ten thousand.

const TITLES: Record<Section, string> = { overdue: 'Overdue', today: 'Due today', upcoming: 'Upcoming' };

export const EMPTY_TEXT = 'No promises to keep right now.';

function useActions(setError: (message: string | null) => void): ReminderActions {
  const attempt = (work: Promise<unknown>) =>
    work.then(
      () => setError(null),
      (error: unknown) => setError((error as Error).message || 'That did not work.'),
    );
  return {
    // The popup closes once Gmail takes focus; the background finishes the job.
    open: (r) => void attempt(sendMessage('openThread', { threadId: r.threadId })),
    sendNewEta: (r) => void attempt(sendMessage('openThread', { threadId: r.threadId, scaffoldId: 'missed-eta' })),
    snooze: (r, choice) => void attempt(sendMessage('snoozeReminder', { id: r.id, ...choice })),
    edit: (r, dueAt) => void attempt(sendMessage('editReminder', { id: r.id, dueAt })),
    done: (r) => void attempt(sendMessage('completeReminder', { id: r.id })),
  };
}

function ReminderSection({ section, now, actions }: { section: Section; now: number; actions: ReminderActions }) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const load = useSection(section, now, limit);
  if (load.state === 'loading') return null;
  if (load.state === 'error') {
    return (
      <p className="error-banner" role="alert">
        Could not read the reminders: {load.error}
      </p>
    );
  }
  const { rows, total } = load.data;
  if (total === 0) return null;
  return (
    <section className={`reminders ${section}`} aria-labelledby={`section-${section}`} data-section={section} data-count={total}>
      <h2 id={`section-${section}`}>
        {TITLES[section]} <span className="count">{total}</span>
      </h2>
      <ul>
        {rows.map((reminder) => (
          <ReminderRow key={reminder.id} reminder={reminder} overdue={section === 'overdue'} now={now} actions={actions} />
        ))}
      </ul>
      {rows.length < total && (
        <button type="button" className="more" onClick={() => setLimit(limit + PAGE_SIZE)}>
          Show {Math.min(PAGE_SIZE, total - rows.length)} more of {total - rows.length}
        </button>
      )}
    </section>
  );
}

function OpenCasesSection({ now, after, onOpen }: { now: number; after: boolean; onOpen(threadId: string): void }) {
  // Nothing of the cases is read or worked out until the reminders have painted.
  const painted = useAfterPaint(after);
  const records = useThreadRecords(now, painted);
  const settings = useSettings();
  if (!painted) return null;
  return (
    <section className="cases" aria-labelledby="section-cases" aria-busy={records === undefined || settings === null}>
      <h2 id="section-cases">Open cases</h2>
      {records !== undefined && settings ? (
        <OpenCases records={records} settings={settings} now={now} onOpenThread={onOpen} />
      ) : (
        <p className="muted">Working out the clocks…</p>
      )}
    </section>
  );
}

function EmptyState() {
  return (
    <div className="empty" data-testid="step-ahead-popup-empty">
      <p>
        <strong>{EMPTY_TEXT}</strong>
      </p>
      <p>
        When you send a reply that promises a time — “I’ll have an update by 3 pm ET tomorrow” — Step Ahead keeps the promise
        here and reminds you before it falls due (one business hour ahead by default), and again when it does.
      </p>
      <p className="muted">
        To add one by hand, open the side panel while replying and use <em>Remind me</em> beside the ETA. A missed ETA shows
        here as overdue, with a button to send the customer a new one.
      </p>
    </div>
  );
}

export function App() {
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  const actions = useActions(setError);
  const { problem, dismiss } = useStorageProblem();
  const overdue = useSection('overdue', now, 0);
  const today = useSection('today', now, 0);
  const upcoming = useSection('upcoming', now, 0);
  const loads = [overdue, today, upcoming];
  const loaded = loads.every((l) => l.state !== 'loading');
  const empty = loaded && loads.every((l) => l.state === 'ready' && l.data.total === 0);
  const inTab = typeof location !== 'undefined' && new URLSearchParams(location.search).has('tab');

  return (
    <div className="popup" data-testid="step-ahead-popup" aria-busy={!loaded}>
      <header>
        <h1>Step Ahead</h1>
      </header>
      {problem && (
        <div className="error-banner" role="alert" data-testid="step-ahead-storage-problem">
          <p>
            <strong>Could not {problem.action}.</strong> {problem.message}
          </p>
          <button type="button" className="link" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {error && (
        <p className="error-banner" role="alert">
          {error}
        </p>
      )}
      <main>
        {empty ? (
          <EmptyState />
        ) : (
          (['overdue', 'today', 'upcoming'] as const).map((section) => (
            <ReminderSection key={section} section={section} now={now} actions={actions} />
          ))
        )}
        <OpenCasesSection now={now} after={loaded} onOpen={(threadId) => void sendMessage('openThread', { threadId }).catch(() => undefined)} />
      </main>
      <footer>
        <DataTransfer compact={!inTab} />
        {!inTab && (
          <button
            type="button"
            className="link"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html?tab=1') })}
            title="Import needs a file picker, which closes a popup in some browsers"
          >
            Open in a tab
          </button>
        )}
      </footer>
    </div>
  );
}
