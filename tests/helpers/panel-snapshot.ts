import type { PanelSnapshot } from '../../lib/schemas/panel.ts';

// A realistic panel snapshot, as the Gmail content script would send it for an inline reply
// to a customer's outage report; tests override what they are about.
export function makeSnapshot(overrides: Partial<PanelSnapshot> = {}): PanelSnapshot {
  return {
    composeId: 'compose-1',
    updatedAt: 1_763_560_000_000,
    failing: 2,
    rules: [
      {
        ruleId: 'questions-answered',
        title: 'Answer every question',
        status: 'fail',
        severity: 'error',
        findings: [
          {
            severity: 'error',
            message: 'The customer asked “Is my data safe?” and the reply does not answer it.',
            excerpt: 'Is my data safe?',
            suggestions: [],
          },
        ],
      },
      {
        ruleId: 'eta-present',
        title: 'Give an ETA',
        status: 'pass',
        severity: 'error',
        findings: [],
      },
      {
        ruleId: 'ownership',
        title: 'Own the problem',
        status: 'fail',
        severity: 'warning',
        findings: [{ severity: 'warning', message: 'Avoid passing the issue on.', excerpt: 'not our team', suggestions: [] }],
      },
      {
        ruleId: 'no-red-text',
        title: 'No red text',
        status: 'off',
        severity: 'off',
        findings: [],
      },
    ],
    questions: [
      {
        id: 'q-0',
        text: 'When will the dashboard be back?',
        kind: 'question',
        type: 'when',
        answered: true,
        reason: 'answered by: “We expect it back by 3 pm ET today.”',
        answeredBy: ['We expect it back by 3 pm ET today.'],
      },
      {
        id: 'q-1',
        text: 'Is my data safe?',
        kind: 'question',
        type: 'yes-no',
        answered: false,
        reason: 'no sentence in the reply answers it',
        answeredBy: [],
      },
    ],
    eta: {
      text: 'by 3 pm ET today',
      end: '2026-11-19T15:00:00-05:00',
      vague: false,
      display: 'Thu, Nov 19, 3:00 PM EST',
    },
    thread: {
      threadId: 'thread-abc',
      subject: 'Dashboard down since this morning',
      customer: { name: 'Dana Customer', email: 'dana@customer.example' },
      messageCount: 3,
      lastCustomerAt: '2026-11-19T09:12:00-05:00',
      ourLastReplyAt: '2026-11-18T16:40:00-05:00',
      earlierEtas: [{ due: '2026-11-18T17:00:00-05:00', text: 'We will update you by 5 pm ET.' }],
    },
    flags: { resolved: false, waitingOnCustomer: false },
    ...overrides,
  };
}
