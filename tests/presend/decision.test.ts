import { describe, expect, it } from 'vitest';
import { decideSend, failingChecks, sendScope } from '../../lib/presend/decision.ts';
import type { PanelRule } from '../../lib/schemas/panel.ts';
import { DEFAULT_PRESEND } from '../../lib/schemas/settings.ts';

function rule(ruleId: PanelRule['ruleId'], severity: PanelRule['severity'], status: PanelRule['status'] = 'fail'): PanelRule {
  return {
    ruleId,
    title: ruleId,
    status,
    severity,
    findings: status === 'fail' ? [{ severity: severity === 'off' ? 'info' : severity, message: `${ruleId} fails`, suggestions: [] }] : [],
  };
}

const ADDRESSING = {
  kind: 'reply' as const,
  recipients: { to: ['priya@acme.example'], cc: [], bcc: [] },
  accountAddress: 'dana@northwind.example',
  teamDomains: ['northwind.example'],
};

describe('which sends are checked', () => {
  it('checks a reply to a customer', () => {
    expect(sendScope(ADDRESSING, DEFAULT_PRESEND)).toBe('checked');
  });

  it('leaves mail to colleagues alone, and mail with no recipient (Gmail refuses it itself)', () => {
    expect(sendScope({ ...ADDRESSING, recipients: { to: ['lee@northwind.example'], cc: [], bcc: [] } }, DEFAULT_PRESEND)).toBe('no-customer');
    expect(sendScope({ ...ADDRESSING, recipients: { to: [], cc: [], bcc: [] } }, DEFAULT_PRESEND)).toBe('no-customer');
  });

  it('counts a customer on Cc or Bcc', () => {
    expect(sendScope({ ...ADDRESSING, recipients: { to: ['lee@northwind.example'], cc: [], bcc: ['priya@acme.example'] } }, DEFAULT_PRESEND)).toBe('checked');
  });

  it('checks new messages and forwards to customers unless the team turned that off', () => {
    for (const kind of ['new', 'forward'] as const) {
      expect(sendScope({ ...ADDRESSING, kind }, DEFAULT_PRESEND)).toBe('checked');
      expect(sendScope({ ...ADDRESSING, kind }, { ...DEFAULT_PRESEND, checkNewMessages: false })).toBe('new-message-off');
    }
    expect(sendScope(ADDRESSING, { ...DEFAULT_PRESEND, checkNewMessages: false })).toBe('checked');
  });
});

describe('what happens at Send', () => {
  it('lets a reply with nothing failing go', () => {
    expect(decideSend({ rules: [rule('eta-present', 'error', 'pass'), rule('ownership', 'off', 'off')] }, DEFAULT_PRESEND)).toEqual({ action: 'send', failing: [] });
  });

  it('a pending rule (empty draft) or an info-level failure stops nothing', () => {
    expect(decideSend({ rules: [rule('eta-present', 'error', 'pending'), rule('ownership', 'info')] }, DEFAULT_PRESEND).action).toBe('send');
  });

  it('blocks on an error, listing errors first and warnings after', () => {
    const decision = decideSend({ rules: [rule('status-summary', 'warning'), rule('questions-answered', 'error'), rule('no-red-text', 'error')] }, DEFAULT_PRESEND);
    expect(decision.action).toBe('block');
    expect(decision.failing.map((check) => check.ruleId)).toEqual(['questions-answered', 'no-red-text', 'status-summary']);
    expect(decision.failing[0]!.messages).toEqual(['questions-answered fails']);
  });

  it('lets warnings alone through with the checklist shown, unless the team blocks on warnings', () => {
    const rules = [rule('status-summary', 'warning')];
    expect(decideSend({ rules }, DEFAULT_PRESEND).action).toBe('inform');
    expect(decideSend({ rules }, { ...DEFAULT_PRESEND, blockOnWarnings: true }).action).toBe('block');
  });

  it('a team that never blocks sends a failing reply with the checklist shown', () => {
    expect(decideSend({ rules: [rule('questions-answered', 'error')] }, { ...DEFAULT_PRESEND, mode: 'never-block' }).action).toBe('inform');
  });

  it('failingChecks counts what the status counts: failing error and warning rules', () => {
    expect(failingChecks({ rules: [rule('ownership', 'info'), rule('eta-concrete', 'warning'), rule('eta-present', 'error', 'pass')] }).map((c) => c.ruleId)).toEqual([
      'eta-concrete',
    ]);
  });
});
