import { findResolution, waitingOnCustomer } from '../detect/reply-intent.ts';
import type { Rule } from './rule.ts';

export const etaPresent: Rule = {
  meta: {
    id: 'eta-present',
    title: 'An ETA is given while the ball is in our court',
    defaultSeverity: 'error',
    source:
      'Customer correspondence 101: when there is no immediate resolution, and whenever the next step is ours, tell the customer when to expect it.',
  },
  check({ thread, etas, draftSentences }) {
    if (thread.resolved || thread.waitingOnCustomer) return [];
    if (etas.length > 0) return []; // vague ones are eta-concrete's business
    if (draftSentences.length === 0) return [];
    // Unsure cases ask instead of nagging: a reply that reads as a resolution, or one that
    // hands the next step to the customer, needs no ETA from us.
    if (findResolution(draftSentences) || waitingOnCustomer(draftSentences)) return [];
    return [
      {
        message: 'No ETA: the next step is ours, so say when the customer will hear from us.',
        suggestions: [
          { action: 'insert-scaffold:expectations', label: 'Insert expectations' },
          { action: 'mark:resolved', label: 'This reply resolves the issue' },
          { action: 'mark:waiting-on-customer', label: 'Waiting on the customer' },
        ],
      },
    ];
  },
};
