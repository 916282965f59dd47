import type { PanelEta, PanelThread } from '../lib/schemas/panel.ts';
import { ReminderRemindMe } from './reminder-remind-me.tsx';

// The ETA the reply promises, as written and as the time it was read as. With the thread,
// "remind me" sits beside it (issue 7).

export function EtaSummary({ eta, thread }: { eta: PanelEta | null; thread?: PanelThread }) {
  return (
    <section className="card" aria-labelledby="eta-heading">
      <h2 id="eta-heading">ETA</h2>
      {eta === null ? (
        <p className="muted" data-testid="step-ahead-panel-eta">
          No ETA in this reply
        </p>
      ) : (
        <div data-testid="step-ahead-panel-eta">
          <p>
            <q>{eta.text}</q>
          </p>
          {eta.vague || eta.end === null ? (
            <p className="tone-warning">
              <span className="icon" aria-hidden="true">
                !
              </span>{' '}
              <strong>Not a time:</strong> {eta.display}
            </p>
          ) : (
            <p>
              Due <time dateTime={eta.end}>{eta.display}</time>
            </p>
          )}
        </div>
      )}
      {thread && <ReminderRemindMe eta={eta} thread={thread} />}
    </section>
  );
}
