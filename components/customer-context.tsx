import { useId, useState, type ReactNode } from 'react';
import { customerDomainSchema, directoryEntrySchema, emptyEntry, entryForAddress, type CustomerEntry, type Person } from '../lib/schemas/directory.ts';
import type { DirectoryView } from '../lib/settings/merge.ts';
import { LockNote } from './settings-lock.tsx';
import { useTeamConfig } from './settings-store.ts';

// What the team knows about the customer of the open thread — who they are, who looks after
// them, their environment and the last weekly check-in — so the writer is up to speed with
// no context building. Shown in the side panel and edited in place; the same editor serves
// the options page's directory. Everything is rendered as text.

const NOTE_FIELDS = [
  { key: 'environment', label: 'Environment' },
  { key: 'versions', label: 'Versions' },
  { key: 'contacts', label: 'Contacts' },
] as const;

const CHECK_IN_FIELDS = [
  { key: 'goingWell', label: 'What’s going well' },
  { key: 'frustrations', label: 'What frustrates them' },
  { key: 'goals', label: 'What we are trying to make happen' },
  { key: 'troubleshooting', label: 'Troubleshooting context' },
] as const;

const PEOPLE = [
  { key: 'engineer', label: 'Assigned engineer' },
  { key: 'backup', label: 'Backup engineer' },
  { key: 'accountOwner', label: 'Account owner (always on Cc)' },
] as const;

function personText(person: Person | null): string {
  if (!person) return 'Not set';
  return person.name ? `${person.name} <${person.email}>` : person.email;
}

/** The read-only view of an entry. */
export function CustomerFacts({ entry }: { entry: CustomerEntry }) {
  const filledNotes = NOTE_FIELDS.filter((f) => entry.notes[f.key].trim());
  const filledCheckIn = CHECK_IN_FIELDS.filter((f) => entry.checkIn[f.key].trim());
  return (
    <div className="customer-facts" data-testid="step-ahead-customer-facts">
      <p className="customer-title">
        <strong>{entry.name || entry.domain}</strong> <span className="muted">{entry.domain}</span>
        {entry.strategic && <span className="badge">Strategic</span>}
        {entry.preSales && <span className="badge">Pre-sales</span>}
      </p>
      <dl className="facts">
        {PEOPLE.map(({ key, label }) => (
          <Fact key={key} label={label} testId={`step-ahead-customer-${key}`}>
            {personText(entry[key])}
          </Fact>
        ))}
        {filledNotes.map(({ key, label }) => (
          <Fact key={key} label={label}>
            {entry.notes[key]}
          </Fact>
        ))}
      </dl>
      {filledCheckIn.length > 0 && (
        <>
          <h3>Weekly check-in{entry.checkIn.updatedOn ? `, ${entry.checkIn.updatedOn}` : ''}</h3>
          <dl className="facts">
            {filledCheckIn.map(({ key, label }) => (
              <Fact key={key} label={label}>
                {entry.checkIn[key]}
              </Fact>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="prewrap" data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

interface EditorProps {
  entry: CustomerEntry;
  /** False for a new entry: its domain can still be typed. */
  fixedDomain: boolean;
  onSave(entry: CustomerEntry): Promise<void>;
  onCancel(): void;
}

type PersonDraft = { name: string; email: string };

/** The form for one customer; validates with the directory schema before saving. */
export function CustomerEditor({ entry, fixedDomain, onSave, onCancel }: EditorProps) {
  const id = useId();
  const [draft, setDraft] = useState(entry);
  const [people, setPeople] = useState<Record<(typeof PEOPLE)[number]['key'], PersonDraft>>({
    engineer: { name: entry.engineer?.name ?? '', email: entry.engineer?.email ?? '' },
    backup: { name: entry.backup?.name ?? '', email: entry.backup?.email ?? '' },
    accountOwner: { name: entry.accountOwner?.name ?? '', email: entry.accountOwner?.email ?? '' },
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const candidate = {
      ...draft,
      engineer: people.engineer.email.trim() ? people.engineer : null,
      backup: people.backup.email.trim() ? people.backup : null,
      accountOwner: people.accountOwner.email.trim() ? people.accountOwner : null,
    };
    const parsed = directoryEntrySchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join(' ') ?? '';
      setError(`${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await onSave(parsed.data);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'Not saved. Try again.');
    } finally {
      setBusy(false);
    }
  };

  const text = (label: string, value: string, onChange: (v: string) => void, multiline = false, key = label) => (
    <div className="field" key={key}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {multiline ? (
        <textarea id={`${id}-${key}`} rows={3} maxLength={5000} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
      ) : (
        <input id={`${id}-${key}`} maxLength={200} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
      )}
    </div>
  );

  return (
    <form
      className="customer-editor"
      aria-label={`Customer ${draft.domain || 'entry'}`}
      data-testid="step-ahead-customer-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      {fixedDomain ? (
        <p>
          Domain: <strong>{draft.domain}</strong>
        </p>
      ) : (
        text('Domain', draft.domain, (v) => setDraft({ ...draft, domain: v }), false, 'domain')
      )}
      {text('Name', draft.name, (v) => setDraft({ ...draft, name: v }), false, 'name')}
      <fieldset className="inline">
        <legend>Kind</legend>
        <label className="choice">
          <input type="checkbox" checked={draft.strategic} onChange={(e) => setDraft({ ...draft, strategic: e.currentTarget.checked })} />
          Strategic
        </label>
        <label className="choice">
          <input type="checkbox" checked={draft.preSales} onChange={(e) => setDraft({ ...draft, preSales: e.currentTarget.checked })} />
          Pre-sales
        </label>
      </fieldset>
      {PEOPLE.map(({ key, label }) => (
        <fieldset key={key} className="person">
          <legend>{label}</legend>
          {text('Name', people[key].name, (v) => setPeople({ ...people, [key]: { ...people[key], name: v } }), false, `${key}-name`)}
          {text('Email', people[key].email, (v) => setPeople({ ...people, [key]: { ...people[key], email: v } }), false, `${key}-email`)}
        </fieldset>
      ))}
      <fieldset>
        <legend>Technical notes</legend>
        {NOTE_FIELDS.map(({ key, label }) =>
          text(label, draft.notes[key], (v) => setDraft({ ...draft, notes: { ...draft.notes, [key]: v } }), true, `notes-${key}`),
        )}
      </fieldset>
      <fieldset>
        <legend>Weekly check-in</legend>
        {CHECK_IN_FIELDS.map(({ key, label }) =>
          text(label, draft.checkIn[key], (v) => setDraft({ ...draft, checkIn: { ...draft.checkIn, [key]: v } }), true, `checkin-${key}`),
        )}
        <div className="field">
          <label htmlFor={`${id}-updated`}>Check-in date</label>
          <input
            id={`${id}-updated`}
            type="date"
            value={draft.checkIn.updatedOn ?? ''}
            onChange={(e) => setDraft({ ...draft, checkIn: { ...draft.checkIn, updatedOn: e.currentTarget.value || null } })}
          />
        </div>
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="step-ahead-customer-save">
          Save customer
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function domainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  const parsed = customerDomainSchema.safeParse(at >= 0 ? email.slice(at + 1) : '');
  return parsed.success ? parsed.data : null;
}

/** The side panel's card for the open thread's customer. */
export function CustomerContext({ customer }: { customer: { name: string; email: string } | null }) {
  const id = useId();
  const team = useTeamConfig();
  const [editing, setEditing] = useState(false);
  if (!customer) return null;
  const views = team.config.directory;
  const entries = views.map((v) => v.entry);
  const entry = entryForAddress(entries, customer.email);
  const view: DirectoryView | undefined = entry ? views.find((v) => v.entry.domain === entry.domain) : undefined;
  const domain = entry?.domain ?? domainOf(customer.email);
  const locked = view?.origin === 'locked';
  return (
    <section className="card customer-context" aria-labelledby={`${id}-h`} data-testid="step-ahead-customer-context" data-domain={domain ?? ''}>
      <h2 id={`${id}-h`}>Customer</h2>
      {team.loading ? (
        <p className="muted">Loading…</p>
      ) : editing && domain ? (
        <CustomerEditor
          entry={entry ?? emptyEntry(domain)}
          fixedDomain
          onSave={async (next) => {
            await team.saveCustomer(next);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : entry ? (
        <>
          <CustomerFacts entry={entry} />
          {locked && <LockNote id={`${id}-lock`} />}
          <div className="actions">
            <button type="button" disabled={locked} aria-describedby={locked ? `${id}-lock` : undefined} onClick={() => setEditing(true)} data-testid="step-ahead-customer-edit">
              Edit customer
            </button>
          </div>
        </>
      ) : domain ? (
        <>
          <p className="muted">Nothing is on file for {domain} yet.</p>
          <div className="actions">
            <button type="button" onClick={() => setEditing(true)} data-testid="step-ahead-customer-add">
              Add {domain} to the directory
            </button>
          </div>
        </>
      ) : (
        <p className="muted">The customer’s address has no domain the directory can use.</p>
      )}
      {team.error && (
        <p className="error-banner" role="alert">
          {team.error}
        </p>
      )}
    </section>
  );
}
