import { CustomerContext } from '../../components/customer-context.tsx';
import { EtaSummary } from '../../components/eta-summary.tsx';
import { QuestionList } from '../../components/question-list.tsx';
import { RuleChecklist } from '../../components/rule-checklist.tsx';
import { ScaffoldButtons } from '../../components/scaffold-buttons.tsx';
import { ThreadClocks } from '../../components/thread-clocks.tsx';
import { ThreadFacts } from '../../components/thread-facts.tsx';
import { ThreadFlagToggles } from '../../components/thread-flags.tsx';
import type { PanelSnapshot } from '../../lib/schemas/panel.ts';
import { usePanelSnapshot, useThreadActions } from './use-panel-snapshot.ts';

// The side panel: the live checklist for the compose being written in the active Gmail tab.
// Everything from an email is rendered as React text, never as HTML.

export const EMPTY_STATE_TEXT = 'Open a customer’s email in Gmail and click Reply — Step Ahead checks your reply as you type.';

export function App() {
  const load = usePanelSnapshot();
  if (load.loading) {
    return (
      <main className="panel" aria-busy="true">
        <p className="muted placeholder">Loading…</p>
      </main>
    );
  }
  return load.snapshot ? <SnapshotView snapshot={load.snapshot} /> : <EmptyState />;
}

function EmptyState() {
  return (
    <main className="panel empty" data-testid="step-ahead-panel-empty">
      <h1>Step Ahead</h1>
      <p>{EMPTY_STATE_TEXT}</p>
      <p className="muted">
        The checklist shows which of your team’s rules the reply meets, which of the customer’s questions it answers, and
        the ETA it promises.
      </p>
    </main>
  );
}

function SnapshotView({ snapshot }: { snapshot: PanelSnapshot }) {
  const actions = useThreadActions(snapshot);
  const { thread } = snapshot;
  const canChange = thread.threadId !== null;
  const composing = snapshot.composeId !== null;
  return (
    <div className="panel" data-testid="step-ahead-panel" data-state={composing ? 'compose' : 'thread'}>
      <header className="panel-header">
        <h1>{thread.subject.trim() || '(no subject)'}</h1>
        {thread.customer && (
          <p className="customer">
            <span className="customer-name">{thread.customer.name || thread.customer.email}</span>
            {thread.customer.name && <span className="customer-email"> {thread.customer.email}</span>}
          </p>
        )}
      </header>
      <main>
        {actions.error && (
          <p className="error-banner" role="alert">
            {actions.error}
          </p>
        )}
        {composing ? (
          <RuleChecklist rules={snapshot.rules} failing={snapshot.failing} />
        ) : (
          <p className="notice" data-testid="step-ahead-panel-no-compose">
            Reply to start a checklist.
          </p>
        )}
        <QuestionList questions={snapshot.questions} markOf={actions.markOf} onMark={actions.setMark} canMark={canChange} />
        {composing && <EtaSummary eta={snapshot.eta} thread={thread} />}
        <ScaffoldButtons snapshot={snapshot} />
        <ThreadFlagToggles flags={actions.flags} onChange={actions.setFlag} disabled={!canChange} />
        <ThreadClocks clocks={snapshot.clocks} />
        <ThreadFacts thread={thread} />
        <CustomerContext customer={thread.customer} />
      </main>
    </div>
  );
}
