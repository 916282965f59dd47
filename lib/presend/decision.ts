import type { PanelRule, PanelSnapshot } from '../schemas/panel.ts';
import type { PresendSettings } from '../schemas/settings.ts';
import { isOurAddress } from '../thread-context.ts';
import type { RuleId } from '../types.ts';

// What happens at Send, decided from the check of the draft and the team's pre-send options.
// Pure: the content script asks, and does what the answer says.
//
// Which failures stop a send: error-level ones, by default. Warnings (status summary,
// expectations, ownership…) are judgement calls the in-compose status already shows while
// typing; stopping every reply on them would train people to click "Send anyway" without
// reading. A team that wants warnings to stop mail too sets `presend.blockOnWarnings`. When the
// checklist opens, it lists every failing error and warning check, as the status counts them.

export interface SendAddressing {
  kind: 'new' | 'reply' | 'forward';
  recipients: { to: readonly string[]; cc: readonly string[]; bcc: readonly string[] };
  accountAddress: string | null;
  teamDomains: readonly string[];
}

/** Why a send is (not) checked, for the log and the tests. */
export type CheckScope = 'checked' | 'no-customer' | 'new-message-off';

/**
 * Only mail that reaches a customer is checked: a note to colleagues owes no ETA. With no
 * recipient at all Gmail refuses the send itself, so there is nothing for us to stop.
 * New messages and forwards follow `checkNewMessages`; replies are always checked.
 */
export function sendScope(addressing: SendAddressing, presend: PresendSettings): CheckScope {
  const { to, cc, bcc } = addressing.recipients;
  const customerBound = [...to, ...cc, ...bcc].some(
    (address) => !isOurAddress(address, addressing.accountAddress, addressing.teamDomains),
  );
  if (!customerBound) return 'no-customer';
  if (addressing.kind !== 'reply' && !presend.checkNewMessages) return 'new-message-off';
  return 'checked';
}

export interface FailingCheck {
  ruleId: RuleId;
  title: string;
  severity: 'error' | 'warning';
  /** The findings' messages, in the checklist's order. */
  messages: string[];
}

const SEVERITY_RANK = { error: 0, warning: 1 } as const;

function isFailing(rule: PanelRule): rule is PanelRule & { severity: 'error' | 'warning' } {
  return rule.status === 'fail' && (rule.severity === 'error' || rule.severity === 'warning');
}

/** Failing error and warning checks, errors first, each group in the checklist's rule order. */
export function failingChecks(snapshot: Pick<PanelSnapshot, 'rules'>): FailingCheck[] {
  return snapshot.rules
    .filter(isFailing)
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => SEVERITY_RANK[a.rule.severity] - SEVERITY_RANK[b.rule.severity] || a.index - b.index)
    .map(({ rule }) => ({
      ruleId: rule.ruleId,
      title: rule.title,
      severity: rule.severity,
      messages: rule.findings.map((finding) => finding.message),
    }));
}

/**
 * - `send`: every check passes; the mail goes with no extra step;
 * - `block`: the checklist opens and the mail waits for "Send anyway" or a fix;
 * - `inform`: something fails but does not stop the mail (warnings only, or a team that never
 *   blocks): the mail goes and the checklist is shown beside it.
 */
export type SendDecision =
  | { action: 'send'; failing: [] }
  | { action: 'block'; failing: FailingCheck[] }
  | { action: 'inform'; failing: FailingCheck[] };

export function decideSend(snapshot: Pick<PanelSnapshot, 'rules'>, presend: PresendSettings): SendDecision {
  const failing = failingChecks(snapshot);
  if (failing.length === 0) return { action: 'send', failing: [] };
  const stopping = failing.some((check) => check.severity === 'error' || presend.blockOnWarnings);
  return stopping && presend.mode === 'block' ? { action: 'block', failing } : { action: 'inform', failing };
}
