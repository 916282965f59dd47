import type { Slots } from '../phrase-matcher.ts';

// Word groups the phrase tables share. Write each alternative in its long form ("I will",
// not "I'll"): the matcher expands contractions in drafts before comparing. An alternative
// may use another slot in braces.

export const COMMON_SLOTS: Slots = {
  // Teams a support engineer names when someone else does the work.
  team: [
    'team',
    'engineering team',
    'engineers',
    'developers',
    'dev team',
    'development team',
    'product team',
    'support team',
    'billing team',
    'finance team',
    'qa team',
    'ops team',
    'operations team',
    'devops team',
    'infrastructure team',
    'platform team',
    'security team',
    'sales team',
    'account team',
    'success team',
    'customer success team',
    'backend team',
    'frontend team',
    'data team',
    'release team',
  ],

  // Who does the work, said with ownership: "I", "we", or a named team of ours.
  actor: [
    'i',
    'we',
    'i myself',
    'we both',
    'my {team}',
    'our {team}',
    'the {team}',
    'engineering',
    'support',
    'billing',
    'my colleague',
    'my colleagues',
    'my manager',
  ],

  // Ways of saying "will" about our own future action.
  will: [
    'will',
    'shall',
    'am going to',
    'are going to',
    'is going to',
    'plan to',
    'plans to',
    'intend to',
    'aim to',
    'expect to',
    'would like to',
    'want to',
    'need to',
  ],

  be: ['am', 'is', 'are', 'was', 'were'],
  have: ['have', 'has', 'had'],

  // Adverbs that sit between "will" and the verb without changing the meaning.
  adverb: [
    'also',
    'now',
    'then',
    'next',
    'first',
    'immediately',
    'personally',
    'quickly',
    'still',
    'today',
    'tomorrow',
    'gladly',
    'happily',
    'definitely',
    'certainly',
    'right away',
    'in turn',
    'meanwhile',
    'continue to',
    'be sure to',
    'make sure to',
  ],

  // Articles and possessives before a noun.
  det: ['a', 'an', 'the', 'my', 'our', 'your', 'another', 'this', 'that', 'some'],
};
