import { useId, useState } from 'react';
import type { Settings } from '../lib/schemas/settings.ts';
import { LockNote } from './settings-lock.tsx';

// Smaller settings: how early a reminder comes, whether an ETA must fall in business hours,
// and the team's own mail domains (mail from them is ours, not the customer's).

interface Props {
  settings: Settings;
  locked: (key: 'reminderLeadMinutes' | 'etaWithinBusinessHours' | 'teamDomains') => boolean;
  onLead(minutes: number): void;
  onEtaHours(value: boolean): void;
  onDomains(domains: string[]): void;
}

const DOMAIN = /^[a-z0-9.-]+\.[a-z]{2,}$/i;

export function GeneralSettings({ settings, locked, onLead, onEtaHours, onDomains }: Props) {
  const id = useId();
  const [lead, setLead] = useState<string | null>(null);
  const [leadError, setLeadError] = useState<string | null>(null);
  const [domain, setDomain] = useState('');
  const [domainError, setDomainError] = useState<string | null>(null);

  const commitLead = (text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0 || value > 7 * 24 * 60) {
      setLeadError('A lead time is a whole number of minutes from 0 to 10080 (a week).');
      return;
    }
    setLeadError(null);
    setLead(null);
    if (value !== settings.reminderLeadMinutes) onLead(value);
  };

  const addDomain = () => {
    const value = domain.trim().toLowerCase().replace(/^@/, '');
    if (!DOMAIN.test(value)) {
      setDomainError('A domain looks like example.com.');
      return;
    }
    setDomainError(null);
    setDomain('');
    if (!settings.teamDomains.includes(value)) onDomains([...settings.teamDomains, value]);
  };

  const leadLocked = locked('reminderLeadMinutes');
  const etaLocked = locked('etaWithinBusinessHours');
  const domainsLocked = locked('teamDomains');
  return (
    <>
      <section className="card" aria-labelledby={`${id}-rh`} data-testid="step-ahead-options-reminders">
        <h2 id={`${id}-rh`}>Reminders and ETAs</h2>
        <div className="field">
          <label htmlFor={`${id}-lead`}>Remind me this many minutes before an ETA</label>
          <input
            id={`${id}-lead`}
            type="number"
            min={0}
            max={10080}
            className="narrow"
            disabled={leadLocked}
            aria-describedby={leadLocked ? `${id}-lead-lock` : undefined}
            value={lead ?? String(settings.reminderLeadMinutes)}
            onChange={(e) => setLead(e.currentTarget.value)}
            onBlur={(e) => commitLead(e.currentTarget.value)}
            data-testid="step-ahead-options-lead"
          />
          {leadLocked && <LockNote id={`${id}-lead-lock`} />}
          {leadError && (
            <p className="field-error" role="alert">
              {leadError}
            </p>
          )}
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={settings.etaWithinBusinessHours}
            disabled={etaLocked}
            aria-describedby={etaLocked ? `${id}-eta-lock` : undefined}
            onChange={(e) => onEtaHours(e.currentTarget.checked)}
          />
          Flag an ETA that falls outside business hours
        </label>
        {etaLocked && <LockNote id={`${id}-eta-lock`} />}
      </section>

      <section className="card" aria-labelledby={`${id}-dh`} data-testid="step-ahead-options-domains">
        <h2 id={`${id}-dh`}>Your team’s email domains</h2>
        <p className="muted">Mail from these domains (and their subdomains) is yours, not the customer’s.</p>
        {domainsLocked && <LockNote id={`${id}-dom-lock`} />}
        {settings.teamDomains.length === 0 ? (
          <p className="muted">None yet: only your own address counts as yours.</p>
        ) : (
          <ul className="chips">
            {settings.teamDomains.map((d) => (
              <li key={d}>
                {d}{' '}
                <button type="button" disabled={domainsLocked} aria-label={`Remove ${d}`} onClick={() => onDomains(settings.teamDomains.filter((x) => x !== d))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="row">
          <label htmlFor={`${id}-domain`}>Add a domain</label>
          <input
            id={`${id}-domain`}
            value={domain}
            disabled={domainsLocked}
            aria-describedby={domainsLocked ? `${id}-dom-lock` : undefined}
            placeholder="example.com"
            onChange={(e) => setDomain(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') addDomain();
            }}
          />
          <button type="button" onClick={addDomain} disabled={domainsLocked}>
            Add
          </button>
        </div>
        {domainError && (
          <p className="field-error" role="alert">
            {domainError}
          </p>
        )}
      </section>
    </>
  );
}
