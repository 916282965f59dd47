import { useCallback, useState } from 'react';
import { DEFAULT_TEMPLATES, SCAFFOLD_IDS, type ScaffoldId } from '../lib/scaffolds/index.ts';
import { insertScaffoldReplySchema, selectPlaceholderReplySchema } from '../lib/scaffolds/messages.ts';
import type { PanelSnapshot } from '../lib/schemas/panel.ts';
import { sendMessage } from '../utils/messaging.ts';
import { PlaceholderNav, remainingPlaceholders, type Inserted } from './placeholder-nav.tsx';

// The side panel's scaffolds: one button per scaffold inserts it into the draft being
// written (through the background, into the active Gmail tab's compose), then the slots it
// left are listed with a jump to the next one.

interface Props {
  snapshot: PanelSnapshot;
}

export function ScaffoldButtons({ snapshot }: Props) {
  const composing = snapshot.composeId !== null;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [inserted, setInserted] = useState<Inserted | null>(null);
  const [navStatus, setNavStatus] = useState<string | null>(null);

  const insert = useCallback((scaffoldId: ScaffoldId) => {
    setBusy(true);
    setMessage(null);
    setNavStatus(null);
    sendMessage('insertScaffold', { scaffoldId })
      .then((answer) => {
        const reply = insertScaffoldReplySchema.safeParse(answer);
        if (!reply.success) throw new Error('malformed reply');
        if (reply.data.inserted) {
          setInserted({ placeholders: reply.data.placeholders ?? [], at: Date.now() });
          setMessage(`${DEFAULT_TEMPLATES[scaffoldId].label} inserted. Ctrl+Z in the draft takes it out.`);
        } else {
          setMessage(reply.data.reason ?? 'Nothing was inserted.');
        }
      })
      .catch((error: unknown) => {
        console.warn('[step-ahead] could not insert a scaffold', error);
        setMessage('Could not reach Gmail. Reload the Gmail tab and try again.');
      })
      .finally(() => setBusy(false));
  }, []);

  const move = useCallback((direction: 'next' | 'previous') => {
    setBusy(true);
    sendMessage('selectPlaceholder', { direction })
      .then((answer) => {
        const reply = selectPlaceholderReplySchema.safeParse(answer);
        if (!reply.success) throw new Error('malformed reply');
        setNavStatus(
          reply.data.selected
            ? `Selected ${reply.data.selected} in the draft.`
            : (reply.data.reason ?? 'No placeholders left in the draft.'),
        );
      })
      .catch((error: unknown) => {
        console.warn('[step-ahead] could not move to a placeholder', error);
        setNavStatus('Could not reach Gmail.');
      })
      .finally(() => setBusy(false));
  }, []);

  const placeholders = composing ? remainingPlaceholders(snapshot, inserted) : [];
  return (
    <section className="card scaffolds" aria-labelledby="scaffolds-heading" data-testid="step-ahead-scaffolds">
      <h2 id="scaffolds-heading">Scaffolds</h2>
      {!composing && <p className="muted">Reply to insert a scaffold into your draft.</p>}
      <div className="scaffold-buttons">
        {SCAFFOLD_IDS.map((id) => (
          <button
            key={id}
            type="button"
            data-testid="step-ahead-scaffold-button"
            data-scaffold={id}
            disabled={!composing || busy}
            onClick={() => insert(id)}
          >
            {DEFAULT_TEMPLATES[id].label}
          </button>
        ))}
      </div>
      <p className="muted" role="status" data-testid="step-ahead-scaffold-status">
        {message ?? ''}
      </p>
      {composing && <PlaceholderNav placeholders={placeholders} onMove={move} status={navStatus} busy={busy} />}
    </section>
  );
}
