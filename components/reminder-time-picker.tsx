import { useId, useState } from 'react';
import { fromLocalInputValue, toLocalInputValue } from '../lib/reminders/local-time.ts';

// A chosen time for a reminder (a snooze, an edit, "remind me"): the browser's own
// date-and-time picker in the reader's zone, refusing a time already past.

export function ReminderTimePicker({
  label,
  submitLabel,
  initial,
  now,
  onPick,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  initial: number;
  now: number;
  onPick(at: number): void;
  onCancel?(): void;
}) {
  const id = useId();
  const [value, setValue] = useState(() => toLocalInputValue(Math.max(initial, now + 60_000)));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="time-picker"
      onSubmit={(event) => {
        event.preventDefault();
        const at = fromLocalInputValue(value);
        if (at === null) return setProblem('Pick a date and a time.');
        if (at <= Date.now()) return setProblem('Pick a time in the future.');
        setProblem(null);
        onPick(at);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input id={id} type="datetime-local" value={value} min={toLocalInputValue(now)} onChange={(e) => setValue(e.target.value)} />
      <button type="submit">{submitLabel}</button>
      {onCancel && (
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
      )}
      {problem && (
        <span className="tone-error" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
