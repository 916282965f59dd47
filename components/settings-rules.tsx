import { useId } from 'react';
import { RULES } from '../lib/rules/index.ts';
import type { Origin } from '../lib/settings/merge.ts';
import type { Settings } from '../lib/schemas/settings.ts';
import type { RuleId } from '../lib/types.ts';
import { LockNote, TeamDefaultNote } from './settings-lock.tsx';

// Each rule on or off, and how loud: an error stops a send (by default), a warning is shown
// and counted, a note is shown only.

type Severity = Settings['rules'][RuleId];

const LEVELS: { value: Severity; label: string }[] = [
  { value: 'error', label: 'Error' },
  { value: 'warning', label: 'Warning' },
  { value: 'info', label: 'Note' },
  { value: 'off', label: 'Off' },
];

interface Props {
  rules: Settings['rules'];
  origins: Record<RuleId, Origin>;
  onChange(ruleId: RuleId, severity: Severity): void;
}

export function RuleSettings({ rules, origins, onChange }: Props) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="step-ahead-options-rules">
      <h2 id={`${id}-h`}>Rules</h2>
      <p className="muted">Errors stop a reply at Send until fixed or sent anyway; warnings are counted; notes are only shown.</p>
      <ul className="rule-settings">
        {RULES.map((rule) => {
          const ruleId = rule.meta.id;
          const locked = origins[ruleId] === 'locked';
          const selectId = `${id}-${ruleId}`;
          return (
            <li key={ruleId} className="rule-setting" data-rule={ruleId} data-locked={locked}>
              <label htmlFor={selectId} className="rule-setting-title">
                {rule.meta.title}
                <span className="muted rule-source">{rule.meta.source}</span>
              </label>
              <select
                id={selectId}
                value={rules[ruleId]}
                disabled={locked}
                aria-describedby={locked ? `${selectId}-lock` : undefined}
                onChange={(e) => onChange(ruleId, e.currentTarget.value as Severity)}
              >
                {LEVELS.map((level) => (
                  <option key={level.value} value={level.value}>
                    {level.label}
                  </option>
                ))}
              </select>
              {locked ? <LockNote id={`${selectId}-lock`} /> : origins[ruleId] === 'policy' ? <TeamDefaultNote /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
