import { checksSummary } from '../lib/checks-summary.ts';
import type { PanelRule } from '../lib/schemas/panel.ts';

// Every rule with its state. Error, warning and pass differ by icon, colour and a word, so
// nothing depends on seeing colour. Rules keep the engine's order while the user types, so
// nothing jumps; switched-off rules go last.

interface Look {
  icon: string;
  label: string;
  tone: 'error' | 'warning' | 'info' | 'pass' | 'off';
}

export function lookOf(rule: PanelRule): Look {
  if (rule.status === 'off') return { icon: '–', label: 'Off', tone: 'off' };
  if (rule.status === 'pass') return { icon: '✓', label: 'Passes', tone: 'pass' };
  if (rule.status === 'pending') return { icon: '·', label: 'Not yet', tone: 'off' };
  if (rule.severity === 'error') return { icon: '✕', label: 'Error', tone: 'error' };
  if (rule.severity === 'warning') return { icon: '!', label: 'Warning', tone: 'warning' };
  return { icon: 'i', label: 'Note', tone: 'info' };
}

export function RuleChecklist({ rules, failing }: { rules: readonly PanelRule[]; failing: number }) {
  const ordered = [...rules.filter((r) => r.status !== 'off'), ...rules.filter((r) => r.status === 'off')];
  // An empty draft has run no checks yet: its summary is neither good nor bad news.
  const tone = failing > 0 ? 'summary-fail' : rules.some((r) => r.status === 'pending') ? 'summary-pending' : 'summary-pass';
  return (
    <section className="card" aria-labelledby="checks-heading">
      <h2 id="checks-heading">Checks</h2>
      <p className={`summary ${tone}`} role="status" data-testid="step-ahead-panel-failing">
        {checksSummary({ rules, failing })}
      </p>
      <ul className="rules">
        {ordered.map((rule) => {
          const look = lookOf(rule);
          return (
            <li
              key={rule.ruleId}
              className={`rule tone-${look.tone}`}
              data-testid="step-ahead-panel-rule"
              data-rule={rule.ruleId}
              data-status={rule.status}
            >
              <div className="rule-head">
                <span className="icon" aria-hidden="true">
                  {look.icon}
                </span>
                <span className="rule-title">{rule.title}</span>
                <span className="tag">{look.label}</span>
              </div>
              {rule.status === 'fail' && rule.findings.length > 0 && (
                <ul className="findings">
                  {rule.findings.map((finding, index) => (
                    <li key={index} className={`finding tone-${finding.severity}`}>
                      <p className="finding-message">{finding.message}</p>
                      {finding.excerpt && (
                        <p className="excerpt">
                          <span className="visually-hidden">In your draft: </span>
                          <q>{finding.excerpt}</q>
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
