import { useState } from 'react';
import type { PanelEta, PanelThread } from '../lib/schemas/panel.ts';
import { sendMessage } from '../utils/messaging.ts';
import { ReminderTimePicker } from './reminder-time-picker.tsx';

// "Remind me" beside the ETA in the side panel: keeps the thread's reminder at the ETA the
// reply promises, or at a time the user picks (also when the reply has no concrete ETA).
// A reminder set here replaces the thread's older one, as a newer promise does.

export function ReminderRemindMe({ eta, thread }: { eta: PanelEta | null; thread: PanelThread }) {
  const [picking, setPicking] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const threadId = thread.threadId;
  if (threadId === null) return null;
  const etaAt = eta && !eta.vague && eta.end !== null ? Date.parse(eta.end) : null;
  const now = Date.now();

  async function remind(dueAt: number, fromEta: boolean) {
    try {
      await sendMessage('createReminder', {
        threadId: threadId!,
        subject: thread.subject,
        customer: thread.customer,
        dueAt,
        etaText: fromEta && eta ? eta.text : null,
        sentence: null,
      });
      setStatus({ tone: 'ok', text: `Reminder set for ${new Date(dueAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}.` });
      setPicking(false);
    } catch (error) {
      setStatus({ tone: 'error', text: `Could not set the reminder: ${(error as Error).message}` });
    }
  }

  return (
    <div className="remind-me" data-testid="step-ahead-remind-me">
      {etaAt !== null && etaAt > now && (
        <button type="button" onClick={() => void remind(etaAt, true)}>
          Remind me
        </button>
      )}
      <button type="button" className="link" onClick={() => setPicking(!picking)} aria-expanded={picking}>
        {etaAt !== null && etaAt > now ? 'at another time…' : 'Remind me at…'}
      </button>
      {picking && (
        <ReminderTimePicker
          label="Remind me at"
          submitLabel="Set reminder"
          initial={etaAt ?? now + 24 * 60 * 60_000}
          now={now}
          onPick={(at) => void remind(at, false)}
          onCancel={() => setPicking(false)}
        />
      )}
      {status && (
        <p className={status.tone === 'error' ? 'tone-error' : 'muted'} role={status.tone === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
