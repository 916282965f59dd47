import { findOwnershipDodges } from '../detect/ownership.ts';
import type { Rule } from './rule.ts';

export const ownership: Rule = {
  meta: {
    id: 'ownership',
    title: 'Commitments are owned',
    defaultSeverity: 'warning',
    source: 'Staying a step ahead: speak as “I” or “we” so the customer knows who is making it happen.',
  },
  check({ draftSentences }) {
    return findOwnershipDodges(draftSentences).map((dodge) => ({
      message: `“${dodge.phrase}” leaves the customer guessing who acts: ${dodge.suggestion}`,
      range: dodge.range,
    }));
  },
};
