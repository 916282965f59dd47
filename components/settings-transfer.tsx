import { useId, useRef, useState } from 'react';
import type { ImportOutcome } from '../lib/settings/store.ts';
import { TEAM_FILE_MAX_BYTES, teamFileText } from '../lib/settings/team-file.ts';
import type { CustomerEntry } from '../lib/schemas/directory.ts';

// Team files: import settings and customers from a JSON file a colleague or an admin shared,
// and export yours as one. A refused file says why and changes nothing.

interface Props {
  onImport(text: string): Promise<{ ok: true; outcome: ImportOutcome } | { ok: false; error: string }>;
  /** What an export writes: the user's effective settings and the directory. */
  exportContent(): { settings: Record<string, unknown>; directory: CustomerEntry[] };
  onReset(): void;
}

function summary(outcome: ImportOutcome): string {
  const parts = [`Imported ${outcome.settings} setting${outcome.settings === 1 ? '' : 's'} and ${outcome.customers} customer${outcome.customers === 1 ? '' : 's'}.`];
  if (outcome.lockedFields.length > 0) parts.push(`Your team’s policy still decides ${outcome.lockedFields.join(', ')}.`);
  if (outcome.ignoredLocks) parts.push('The file’s “locked” list was not applied: only a managed policy can lock settings.');
  return parts.join(' ');
}

export function TransferSettings({ onImport, exportContent, onReset }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > TEAM_FILE_MAX_BYTES) {
      setMessage({ ok: false, text: `The file was not imported: it is larger than ${TEAM_FILE_MAX_BYTES / 1024 / 1024} MB. Nothing was changed.` });
      return;
    }
    try {
      const result = await onImport(await file.text());
      setMessage(result.ok ? { ok: true, text: summary(result.outcome) } : { ok: false, text: result.error });
    } catch {
      setMessage({ ok: false, text: 'The file was not imported: it could not be read. Nothing was changed.' });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const download = () => {
    const blob = new Blob([teamFileText(exportContent())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'step-ahead-team.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="step-ahead-options-transfer">
      <h2 id={`${id}-h`}>Team file</h2>
      <p className="muted">
        Import settings and customers from a JSON team file, or export yours to share. An admin can set the same file for the
        whole team as managed policy (see docs/team-policy.md).
      </p>
      <div className="row">
        <label htmlFor={`${id}-file`}>Import a team file</label>
        <input id={`${id}-file`} ref={input} type="file" accept="application/json,.json" onChange={(e) => void readFile(e.currentTarget.files?.[0])} data-testid="step-ahead-options-import" />
      </div>
      <div className="actions">
        <button type="button" onClick={download}>
          Export my settings and customers
        </button>
        <button type="button" onClick={onReset}>
          Reset my settings to the team’s defaults
        </button>
      </div>
      <p
        className={message ? (message.ok ? 'notice' : 'error-banner') : undefined}
        role={message && !message.ok ? 'alert' : 'status'}
        data-testid="step-ahead-options-import-result"
      >
        {message?.text}
      </p>
    </section>
  );
}
