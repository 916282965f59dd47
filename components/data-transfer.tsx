import { useRef, useState } from 'react';
import { IMPORT_MAX_BYTES } from '../lib/schemas/export.ts';
import { sendMessage } from '../utils/messaging.ts';

// Export, import and clear of everything Step Ahead keeps (reminders, thread marks, the send
// log, settings and directory). The background does the work in one transaction each; this
// only picks files and says what happened. Used in the popup's footer and on the options page.

type Status = { tone: 'info' | 'error'; text: string } | null;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DataTransfer({ compact = false }: { compact?: boolean }) {
  const file = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<Status>) {
    setBusy(true);
    try {
      setStatus(await work());
    } catch (error) {
      setStatus({ tone: 'error', text: (error as Error).message || 'That did not work.' });
    } finally {
      setBusy(false);
    }
  }

  const exportAll = () =>
    run(async () => {
      const data = await sendMessage('exportData', undefined);
      download(`step-ahead-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(data, null, 1));
      return { tone: 'info', text: 'Exported.' };
    });

  const importFile = (picked: File | undefined) =>
    run(async () => {
      if (!picked) return null;
      if (picked.size > IMPORT_MAX_BYTES) return { tone: 'error', text: 'The file is too large to be a Step Ahead export.' };
      const result = await sendMessage('importData', { text: await picked.text() });
      if (file.current) file.current.value = '';
      return result.ok
        ? { tone: 'info', text: `Imported ${result.reminders} reminders and ${result.threads} threads.` }
        : { tone: 'error', text: result.error };
    });

  const clear = () =>
    run(async () => {
      setConfirmClear(false);
      const result = await sendMessage('clearData', undefined);
      return result.ok ? { tone: 'info', text: 'All reminders, marks and the send log are deleted. Settings are kept.' } : { tone: 'error', text: result.error };
    });

  return (
    <section className={compact ? 'data-transfer compact' : 'data-transfer card'} aria-label="Your data" data-testid="step-ahead-data-transfer">
      {!compact && <h2>Your data</h2>}
      <div className="data-actions">
        <button type="button" onClick={exportAll} disabled={busy}>
          Export
        </button>
        <button type="button" onClick={() => file.current?.click()} disabled={busy} title="Replaces everything with the file's contents">
          Import…
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="step-ahead-import-file"
          onChange={(event) => importFile(event.target.files?.[0])}
        />
        {confirmClear ? (
          <>
            <button type="button" className="danger" onClick={clear} disabled={busy}>
              Delete all reminders and marks
            </button>
            <button type="button" className="link" onClick={() => setConfirmClear(false)}>
              Keep them
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmClear(true)} disabled={busy}>
            Clear…
          </button>
        )}
      </div>
      {!compact && <p className="muted">An import replaces all Step Ahead data with the file’s. A file that is damaged or not Step Ahead’s is refused, and nothing changes.</p>}
      {status && (
        <p className={status.tone === 'error' ? 'tone-error' : 'muted'} role={status.tone === 'error' ? 'alert' : 'status'} data-testid="step-ahead-data-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
