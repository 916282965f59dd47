import type { PanelSnapshot } from '../lib/schemas/panel.ts';

// The `[[…]]` slots still in the draft and a Tab-like jump to the next one. The list comes
// from the draft's last check (placeholders-filled findings); right after an insertion, before
// that check has run, from what the insertion reported.

export interface Inserted {
  placeholders: string[];
  /** When the insertion answered, epoch ms: a snapshot older than this predates it. */
  at: number;
}

/** The slots left: the snapshot's, once it has checked the draft since the insertion. */
export function remainingPlaceholders(snapshot: PanelSnapshot, inserted: Inserted | null): string[] {
  if (inserted && snapshot.updatedAt < inserted.at) return inserted.placeholders;
  const rule = snapshot.rules.find((r) => r.ruleId === 'placeholders-filled');
  if (rule && rule.status !== 'off') return rule.findings.map((f) => f.excerpt ?? '').filter((t) => t.length > 0);
  return inserted?.placeholders ?? [];
}

interface Props {
  placeholders: string[];
  onMove(direction: 'next' | 'previous'): void;
  /** What the last jump did, for the live region. */
  status: string | null;
  busy: boolean;
}

export function PlaceholderNav({ placeholders, onMove, status, busy }: Props) {
  if (placeholders.length === 0 && !status) return null;
  return (
    <div className="placeholder-nav" data-testid="step-ahead-placeholder-nav" data-count={placeholders.length}>
      <h3>
        {placeholders.length === 0
          ? 'No placeholders left'
          : `${placeholders.length} placeholder${placeholders.length === 1 ? '' : 's'} to fill`}
      </h3>
      {placeholders.length > 0 && (
        <>
          <ol className="placeholder-list">
            {placeholders.map((text, index) => (
              <li key={`${index}:${text}`} data-testid="step-ahead-placeholder">
                {text}
              </li>
            ))}
          </ol>
          <div className="actions">
            <button type="button" onClick={() => onMove('previous')} disabled={busy}>
              Previous
            </button>
            <button type="button" data-testid="step-ahead-next-placeholder" onClick={() => onMove('next')} disabled={busy}>
              Next placeholder
            </button>
          </div>
          <p className="muted">In the draft, Alt+Shift+N selects the next one; type to fill it.</p>
        </>
      )}
      <p className="muted" role="status">
        {status ?? ''}
      </p>
    </div>
  );
}
