import { findExpectations } from '../detect/expectations.ts';
import type { Rule } from './rule.ts';

export const expectations: Rule = {
  meta: {
    id: 'expectations',
    title: 'Expectations are set',
    defaultSeverity: 'warning',
    source: 'Staying a step ahead: every message tells the customer what to expect and when they will hear from us.',
  },
  check({ draftSentences, etas, thread }) {
    if (draftSentences.length === 0 || thread.resolved) return [];
    if (etas.some((eta) => !eta.vague)) return []; // a concrete ETA is an expectation set
    if (findExpectations(draftSentences).length > 0) return [];
    return [
      {
        message: 'No expectations set: tell the customer what to expect and when they will hear from us next.',
        suggestions: [{ action: 'insert-scaffold:expectations', label: 'Insert expectations' }],
      },
    ];
  },
};
