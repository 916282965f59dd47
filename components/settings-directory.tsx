import { useId, useState } from 'react';
import { emptyEntry, type CustomerEntry } from '../lib/schemas/directory.ts';
import type { DirectoryView } from '../lib/settings/merge.ts';
import { CustomerEditor, CustomerFacts } from './customer-context.tsx';
import { LockNote, TeamDefaultNote } from './settings-lock.tsx';

// The customer directory on the options page: every customer domain, added, edited and
// removed here or from the side panel; entries the team's policy locks are shown, not edited.

interface Props {
  directory: DirectoryView[];
  onSave(entry: CustomerEntry): Promise<void>;
  onRemove(domain: string): void;
}

export function DirectorySettings({ directory, onSave, onRemove }: Props) {
  const id = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="step-ahead-options-directory">
      <h2 id={`${id}-h`}>Customer directory</h2>
      <p className="muted">
        One entry per customer email domain. The account owner must be on To or Cc of every reply to that customer; the side
        panel shows the entry beside the customer’s threads.
      </p>
      {directory.length === 0 && !adding && <p className="muted">No customers yet.</p>}
      <ul className="directory">
        {directory.map(({ entry, origin }) => (
          <li key={entry.domain} className="directory-entry" data-domain={entry.domain} data-origin={origin}>
            {editing === entry.domain ? (
              <CustomerEditor
                entry={entry}
                fixedDomain
                onSave={async (next) => {
                  await onSave(next);
                  setEditing(null);
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <>
                <CustomerFacts entry={entry} />
                {origin === 'locked' ? (
                  <LockNote id={`${id}-${entry.domain}-lock`} />
                ) : origin === 'policy' ? (
                  <TeamDefaultNote />
                ) : null}
                <div className="actions">
                  <button
                    type="button"
                    disabled={origin === 'locked'}
                    aria-describedby={origin === 'locked' ? `${id}-${entry.domain}-lock` : undefined}
                    onClick={() => setEditing(entry.domain)}
                  >
                    Edit {entry.name || entry.domain}
                  </button>
                  {origin === 'local' && (
                    <button type="button" onClick={() => onRemove(entry.domain)}>
                      Remove {entry.name || entry.domain}
                    </button>
                  )}
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {adding ? (
        <CustomerEditor
          entry={emptyEntry('example.com')}
          fixedDomain={false}
          onSave={async (next) => {
            if (directory.some((view) => view.entry.domain === next.domain && view.origin === 'locked')) {
              throw new Error(`${next.domain} is set by your team’s policy`);
            }
            await onSave(next);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)} data-testid="step-ahead-options-add-customer">
          Add a customer
        </button>
      )}
    </section>
  );
}
