import { useId, useState } from 'react';
import { ROLE_TARGETS, ROLES, type Role, type Settings, type Targets } from '../lib/schemas/settings.ts';
import { LockNote } from './settings-lock.tsx';

// Whose response targets the clocks hold the writer to: a support engineer's, a sales
// consultant's (the handbook's numbers), or the team's own, in business minutes.

const ROLE_LABELS: Record<Role, string> = {
  'support-engineer': 'Support engineer',
  'sales-consultant': 'Sales consultant',
  custom: 'Custom targets',
};

function describe(targets: Targets): string {
  const time = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} business hour${minutes === 60 ? '' : 's'}` : `${minutes} business minutes`);
  const parts = [`acknowledge within ${time(targets.acknowledgeMinutes)}`, `actionable reply within ${time(targets.actionableMinutes)}`];
  if (targets.resolutionMinutes !== null) parts.push(`resolve within ${time(targets.resolutionMinutes)}`);
  return parts.join(', ');
}

interface Props {
  role: Role;
  customTargets: Targets;
  roleLocked: boolean;
  targetsLocked: boolean;
  onRole(role: Role): void;
  onTargets(targets: Targets): void;
}

const TARGET_FIELDS: { key: keyof Targets; label: string }[] = [
  { key: 'acknowledgeMinutes', label: 'Acknowledge within (business minutes)' },
  { key: 'actionableMinutes', label: 'Actionable reply within (business minutes)' },
  { key: 'resolutionMinutes', label: 'Resolve within (business minutes)' },
];

export function RoleSettings({ role, customTargets, roleLocked, targetsLocked, onRole, onTargets }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const commit = (key: keyof Targets, text: string) => {
    const trimmed = text.trim();
    if (key === 'resolutionMinutes' && trimmed === '') {
      setError(null);
      onTargets({ ...customTargets, resolutionMinutes: null });
      return;
    }
    const value = Number(trimmed);
    if (!Number.isInteger(value) || value <= 0 || value > 1_000_000) {
      setError('A target is a whole number of business minutes, more than 0.');
      return;
    }
    setError(null);
    onTargets({ ...customTargets, [key]: value });
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="step-ahead-options-role">
      <h2 id={`${id}-h`}>Role and response targets</h2>
      {roleLocked && <LockNote id={`${id}-lock`} />}
      <fieldset disabled={roleLocked} aria-describedby={roleLocked ? `${id}-lock` : undefined}>
        <legend>Your role</legend>
        {ROLES.map((value) => (
          <label key={value} className="choice">
            <input type="radio" name={`${id}-role`} value={value} checked={role === value} onChange={() => onRole(value)} />
            {ROLE_LABELS[value]}
            {value !== 'custom' && <span className="muted"> — {describe(ROLE_TARGETS[value])}</span>}
          </label>
        ))}
      </fieldset>
      {role === 'custom' && (
        <fieldset disabled={targetsLocked} aria-describedby={targetsLocked ? `${id}-tlock` : undefined}>
          <legend>Custom targets</legend>
          {targetsLocked && <LockNote id={`${id}-tlock`} />}
          {TARGET_FIELDS.map(({ key, label }) => {
            const current = customTargets[key];
            return (
              <div className="field" key={key}>
                <label htmlFor={`${id}-${key}`}>{label}</label>
                <input
                  id={`${id}-${key}`}
                  type="number"
                  min={1}
                  className="narrow"
                  placeholder={key === 'resolutionMinutes' ? 'none' : undefined}
                  value={draft[key] ?? (current === null ? '' : String(current))}
                  onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
                  onBlur={(e) => {
                    commit(key, e.currentTarget.value);
                    setDraft(({ [key]: _done, ...rest }) => rest);
                  }}
                />
              </div>
            );
          })}
          <p className="muted">Leave “Resolve within” empty for no resolution target.</p>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </fieldset>
      )}
    </section>
  );
}

