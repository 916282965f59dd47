import { useState } from 'react';
import { relativeDue } from '../lib/reminders/local-time.ts';
import { SNOOZE_LABELS, SNOOZE_PRESETS, type SnoozePreset } from '../lib/reminders/snooze.ts';
import type { Reminder } from '../lib/schemas/reminder.ts';
import { formatInstant } from './format-time.ts';
import { ReminderTimePicker } from './reminder-time-picker.tsx';

// One reminder in the popup: what was promised to whom and when, and what can be done about
// it. Email text (subject, promise) is rendered as React text, never as HTML. The row's
// data-testid and data-thread-id are the automation contract (README).

export interface ReminderActions {
  open(reminder: Reminder): void;
  snooze(reminder: Reminder, choice: { preset: SnoozePreset } | { until: number }): void;
  edit(reminder: Reminder, dueAt: number): void;
  done(reminder: Reminder): void;
  /** Opens the thread with the missed-ETA scaffold in a reply. */
  sendNewEta(reminder: Reminder): void;
}

type Editing = null | 'snooze-at' | 'edit';
type SnoozeChoice = SnoozePreset | 'at';

export function ReminderRow({
  reminder,
  overdue,
  now,
  actions,
}: {
  reminder: Reminder;
  overdue: boolean;
  now: number;
  actions: ReminderActions;
}) {
  const [editing, setEditing] = useState<Editing>(null);
  const [snoozeChoice, setSnoozeChoice] = useState<SnoozeChoice>('1h');
  const who = reminder.customer ? reminder.customer.name || reminder.customer.email : null;
  const iso = new Date(reminder.dueAt).toISOString();
  const snoozed = !reminder.leadNotice && reminder.dueAt !== reminder.etaAt;
  return (
    <li
      className={`reminder${overdue ? ' overdue' : ''}`}
      data-testid="step-ahead-reminder"
      data-thread-id={reminder.threadId}
      data-reminder-id={reminder.id}
    >
      <div className="reminder-head">
        <button type="button" className="subject link" onClick={() => actions.open(reminder)} title="Open the thread in Gmail">
          {reminder.subject.trim() || '(no subject)'}
        </button>
        <span className={overdue ? 'due tone-error' : 'due'}>
          <time dateTime={iso}>{formatInstant(iso)}</time> · {relativeDue(reminder.dueAt, now)}
        </span>
      </div>
      {(who || reminder.etaText) && (
        <p className="promise muted">
          {who && <span className="who">{who}</span>}
          {who && reminder.etaText && ': '}
          {reminder.etaText && <q title={reminder.sentence ?? undefined}>{reminder.etaText}</q>}
          {snoozed && <span> (snoozed)</span>}
        </p>
      )}
      <div className="reminder-actions">
        <button type="button" onClick={() => actions.open(reminder)}>
          Open thread
        </button>
        {overdue && (
          <button type="button" onClick={() => actions.sendNewEta(reminder)} title="Open the thread with a reply that owns the miss and gives a new ETA">
            Send a new ETA
          </button>
        )}
        {/* Choosing is not acting: Chrome fires `change` on a closed select at each arrow key,
            so the snooze happens only on the button. */}
        <span className="snooze" role="group" aria-label="Snooze">
          <select aria-label="Snooze for" value={snoozeChoice} onChange={(event) => setSnoozeChoice(event.target.value as SnoozeChoice)}>
            {SNOOZE_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {SNOOZE_LABELS[preset]}
              </option>
            ))}
            <option value="at">Pick a time…</option>
          </select>
          <button
            type="button"
            onClick={() => {
              if (snoozeChoice === 'at') setEditing('snooze-at');
              else actions.snooze(reminder, { preset: snoozeChoice });
            }}
          >
            Snooze
          </button>
        </span>
        <button type="button" onClick={() => setEditing(editing === 'edit' ? null : 'edit')}>
          Change time
        </button>
        <button type="button" onClick={() => actions.done(reminder)}>
          Done
        </button>
      </div>
      {editing === 'snooze-at' && (
        <ReminderTimePicker
          label="Snooze until"
          submitLabel="Snooze"
          initial={now + 60 * 60_000}
          now={now}
          onPick={(until) => {
            setEditing(null);
            actions.snooze(reminder, { until });
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing === 'edit' && (
        <ReminderTimePicker
          label="Promised for"
          submitLabel="Save"
          initial={reminder.dueAt}
          now={now}
          onPick={(dueAt) => {
            setEditing(null);
            actions.edit(reminder, dueAt);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </li>
  );
}
