import type { CustomerEntry } from '../../lib/schemas/directory.ts';
import { settingsSchema } from '../../lib/schemas/settings.ts';
import { isLocked } from '../../lib/settings/merge.ts';
import { canRenderGeneric, GenericSettings } from '../../components/settings-generic.tsx';
import { DirectorySettings } from '../../components/settings-directory.tsx';
import { ScaffoldEditor } from '../../components/scaffold-editor.tsx';
import { GeneralSettings } from '../../components/settings-general.tsx';
import { RoleSettings } from '../../components/settings-role.tsx';
import { RuleSettings } from '../../components/settings-rules.tsx';
import { ScheduleSettings } from '../../components/settings-schedule.tsx';
import { useTeamConfig } from '../../components/settings-store.ts';
import { TransferSettings } from '../../components/settings-transfer.tsx';

// The options page: one column of cards, each saving as soon as a value is valid. What the
// team's policy locks is shown disabled with the reason; stored values that failed validation
// are named in a notice at the top, with the defaults in their place.

const PRESEND_LABELS: Record<string, string> = {
  mode: 'When a reply fails a check at Send',
  'mode.block': 'Stop at the checklist until fixed or sent anyway',
  'mode.never-block': 'Send, and show the checklist',
  requireReason: 'Ask for a reason when sending anyway',
  checkNewMessages: 'Check new messages and forwards too, not only replies',
  blockOnWarnings: 'Warnings stop a send too, not only errors',
};

export function App() {
  const team = useTeamConfig();
  const { config } = team;
  const { settings, locks } = config;
  const locked = (key: Parameters<typeof isLocked>[1]) => isLocked(locks, key);
  // The pre-send policy (issue 6) gets generic controls made from its schema.
  const presendSchema = settingsSchema.shape.presend;

  return (
    <div className="options" data-testid="step-ahead-options" aria-busy={team.loading}>
      <header>
        <h1>Step Ahead options</h1>
        <p className="muted">Changes are saved at once and reach open Gmail tabs without a reload.</p>
      </header>
      <main>
        {config.problems.length > 0 && (
          <div className="error-banner" role="alert" data-testid="step-ahead-options-problems">
            <p>Some saved settings could not be used; the defaults are in their place:</p>
            <ul>
              {config.problems.slice(0, 20).map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        {config.managed && (
          <p className="notice" data-testid="step-ahead-options-managed">
            Your team’s policy sets some of these values. Settings marked “Set by your team’s policy” cannot be changed here.
          </p>
        )}
        <p className="visually-hidden" role="status">
          {team.saved ?? ''}
        </p>
        {team.error && (
          <p className="error-banner" role="alert">
            {team.error}
          </p>
        )}

        <ScheduleSettings
          key={`schedule-${team.loading}-${settings.schedule.timeZone}`}
          schedule={settings.schedule}
          locked={locked('schedule')}
          onChange={(change) => void team.setField('schedule', change)}
        />
        <RoleSettings
          role={settings.role}
          customTargets={settings.customTargets}
          roleLocked={locked('role')}
          targetsLocked={locked('customTargets')}
          onRole={(role) => void team.setField('role', role)}
          onTargets={(targets) => void team.setField('customTargets', targets)}
        />
        <RuleSettings rules={settings.rules} origins={config.ruleOrigins} onChange={(ruleId, severity) => void team.setRule(ruleId, severity)} />
        <GeneralSettings
          settings={settings}
          locked={locked}
          onLead={(minutes) => void team.setField('reminderLeadMinutes', minutes)}
          onEtaHours={(value) => void team.setField('etaWithinBusinessHours', value)}
          onDomains={(domains) => void team.setField('teamDomains', domains)}
        />
        <ScaffoldEditor value={settings.scaffolds} locked={locked('scaffolds')} onChange={(scaffolds) => void team.setField('scaffolds', scaffolds)} />
        {canRenderGeneric(presendSchema) && (
          <GenericSettings
            key={`presend-${team.loading}`}
            title="At Send"
            description="What the pre-send checklist does when a reply fails a check."
            schema={presendSchema}
            value={settings.presend}
            locked={locked('presend')}
            labels={PRESEND_LABELS}
            onChange={(value) => void team.setField('presend', presendSchema.parse(value))}
            testId="step-ahead-options-presend"
          />
        )}
        <DirectorySettings directory={config.directory} onSave={team.saveCustomer} onRemove={(domain) => void team.removeCustomer(domain)} />
        <TransferSettings
          onImport={team.importText}
          onReset={() => void team.reset()}
          exportContent={() => ({
            settings: settings as unknown as Record<string, unknown>,
            directory: config.directory.map((view): CustomerEntry => view.entry),
          })}
        />
      </main>
    </div>
  );
}
