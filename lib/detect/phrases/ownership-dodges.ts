import type { PhraseTable } from '../phrase-matcher.ts';
import { COMMON_SLOTS } from './common-slots.ts';

// Phrase syntax ({slot}, {slot?}, {...}, ^) is described at the top of ../phrase-matcher.ts.

// Commitments that hide who will keep them: passive voice ("it will be looked into"),
// nobody in particular ("someone will get back to you") or no time in particular ("at some
// point"). Each row carries the hint shown to the writer. A passive that names its agent
// ("… will be reviewed by our billing team") is listed under exceptions and not flagged.

export const OWNERSHIP_DODGES: PhraseTable = {
  slots: {
    ...COMMON_SLOTS,
    // What the promise is about; optional, it only widens the highlighted range.
    subject: [
      'it', 'this', 'that', 'the issue', 'the problem', 'the bug', 'your issue', 'your case',
      'your ticket', 'your request', 'your question', 'your feedback', 'your refund',
      'the request', 'the ticket', 'the case', 'a fix', 'the fix', 'a solution',
      'an update', 'you',
    ],
    // Passive future and "should" forms of a promise.
    'will be': [
      'will be', 'will get', 'shall be', 'is being', 'are being', 'is going to be',
      'are going to be', 'should be', 'should get', 'needs to be', 'need to be', 'would be',
    ],
    // Passive reports of a hand-over with no one named.
    'has been': ['has been', 'have been', 'was', 'were', 'got'],
    // Nobody in particular.
    someone: [
      'someone', 'somebody', 'someone else', 'somebody else', 'the team',
      'the relevant team', 'the appropriate team', 'the right team', 'the responsible team',
      'the relevant people', 'the right people', 'the appropriate people', 'the right person',
      'the appropriate person', 'the relevant person', 'a member of the team',
      'a member of our team', 'a team member', 'one of the team', 'the relevant department',
    ],
    // Who did or will do it, when a passive does name them.
    agent: [
      'me', 'myself', 'us', 'our {team}', 'my {team}', 'the {team}', 'engineering',
      'our engineers',
    ],
  },
  phrases: [
    { phrase: '{subject?} {will be} looked into', suggestion: 'Say who will look into it: "I will look into it."' },
    { phrase: '{subject?} {will be} looked at', suggestion: 'Say who will look at it: "I will take a look."' },
    { phrase: '{subject?} {will be} investigated', suggestion: 'Say who will investigate: "I will investigate this."' },
    { phrase: '{subject?} {will be} handled', suggestion: 'Say who is handling it: "I am handling this myself."' },
    { phrase: '{subject?} {will be} reviewed', suggestion: 'Say who will review it: "I will review it."' },
    { phrase: '{subject?} {will be} addressed', suggestion: 'Say who will address it: "We will address this."' },
    { phrase: '{subject?} {will be} fixed', suggestion: 'Say who will fix it: "Our engineers will fix this, and I will tell you when."' },
    { phrase: '{subject?} {will be} resolved', suggestion: 'Say who will resolve it: "I will get this resolved."' },
    { phrase: '{subject?} {will be} sorted', suggestion: 'Say who will sort it out: "I will sort this out."' },
    { phrase: '{subject?} {will be} sorted out', suggestion: 'Say who will sort it out: "I will sort this out."' },
    { phrase: '{subject?} {will be} corrected', suggestion: 'Say who will correct it: "We will correct it."' },
    { phrase: '{subject?} {will be} patched', suggestion: 'Say who will patch it: "Our engineers will patch it."' },
    { phrase: '{subject?} {will be} checked', suggestion: 'Say who will check: "I will check."' },
    { phrase: '{subject?} {will be} examined', suggestion: 'Say who will examine it: "I will examine it."' },
    { phrase: '{subject?} {will be} considered', suggestion: 'Say who will consider it: "I will raise it with our product team."' },
    { phrase: '{subject?} {will be} evaluated', suggestion: 'Say who will evaluate it: "Our product team will evaluate it."' },
    { phrase: '{subject?} {will be} triaged', suggestion: 'Say who will triage it: "I will triage it."' },
    { phrase: '{subject?} {will be} prioritized', suggestion: 'Say who will prioritise it: "I will ask our engineers to prioritise it."' },
    { phrase: '{subject?} {will be} prioritised', suggestion: 'Say who will prioritise it: "I will ask our engineers to prioritise it."' },
    { phrase: '{subject?} {will be} worked on', suggestion: 'Say who will work on it: "I am working on it."' },
    { phrase: '{subject?} {will be} dealt with', suggestion: 'Say who will deal with it: "I will deal with it."' },
    { phrase: '{subject?} {will be} taken care of', suggestion: 'Say who will take care of it: "I will take care of it."' },
    { phrase: '{subject?} {will be} followed up', suggestion: 'Say who will follow up: "I will follow up."' },
    { phrase: '{subject?} {will be} followed up on', suggestion: 'Say who will follow up: "I will follow up."' },
    { phrase: '{subject?} {will be} escalated', suggestion: 'Say who will escalate it: "I will escalate this to our engineering team."' },
    { phrase: '{subject?} {will be} passed on', suggestion: 'Say who will pass it on, and to whom: "I will pass this to our billing team."' },
    { phrase: '{subject?} {will be} forwarded', suggestion: 'Say who will forward it, and to whom: "I will forward this to our billing team."' },
    { phrase: '{subject?} {will be} processed', suggestion: 'Say who will process it: "I will process it."' },
    { phrase: '{subject?} {will be} sent', suggestion: 'Say who will send it: "I will send it."' },
    { phrase: '{subject?} {will be} shared', suggestion: 'Say who will share it: "I will share it."' },
    { phrase: '{subject?} {will be} scheduled', suggestion: 'Say who will schedule it: "I will schedule it."' },
    { phrase: '{subject?} {will be} provided', suggestion: 'Say who will provide it: "We will provide a fix."' },
    { phrase: '{subject?} {will be} notified', suggestion: 'Say who will tell them: "I will let you know."' },
    { phrase: '{subject?} {will be} contacted', suggestion: 'Say who will get in touch: "I will contact you."' },
    { phrase: '{subject?} {will be} informed', suggestion: 'Say who will tell them: "I will let you know."' },
    { phrase: '{subject?} {will be} updated', suggestion: 'Say who will update them: "I will update you."' },
    { phrase: '{subject?} {will be} assigned', suggestion: 'Say who will take it: "I am taking this myself."' },
    { phrase: '{subject?} {has been} escalated', suggestion: 'Say who escalated it and who owns it now: "I have escalated this to our engineering team and will follow up."', note: 'the customer cannot tell who escalated it or who owns it now' },
    { phrase: '{subject?} {has been} forwarded', suggestion: 'Say who forwarded it, and to whom: "I have forwarded this to our billing team."' },
    { phrase: '{subject?} {has been} passed on', suggestion: 'Say who passed it on, and to whom: "I have passed this to our billing team."' },
    { phrase: '{subject?} {has been} passed along', suggestion: 'Say who passed it on, and to whom: "I have passed this to our billing team."' },
    { phrase: '{subject?} {has been} handed over', suggestion: 'Say who handed it over, and who owns it now: "I have handed this to our engineers and will follow up."' },
    { phrase: '{subject?} {has been} handed off', suggestion: 'Say who handed it over, and who owns it now: "I have handed this to our engineers and will follow up."' },
    { phrase: '{subject?} {has been} referred', suggestion: 'Say who referred it, and to whom: "I have referred this to our product team."' },
    { phrase: '{someone} will', suggestion: 'Name who will do it, or say "I will".', note: '"someone will get back to you"' },
    { phrase: '{someone} should', suggestion: 'Name who should do it, or say "I will".' },
    { phrase: '{someone} is going to', suggestion: 'Name who will do it, or say "I will".' },
    { phrase: '{someone} needs to', suggestion: 'Name who will do it, or say "I will".' },
    { phrase: 'someone from {...} will', suggestion: 'Name the person, or say "I will ask our … team to …".' },
    { phrase: 'someone on {...} will', suggestion: 'Name the person, or say "I will ask our … team to …".' },
    { phrase: 'somebody from {...} will', suggestion: 'Name the person, or say "I will ask our … team to …".' },
    { phrase: 'somebody on {...} will', suggestion: 'Name the person, or say "I will ask our … team to …".' },
    { phrase: 'will {...} at some point', suggestion: 'Replace "at some point" with a time you can keep.' },
    { phrase: 'will eventually', suggestion: 'Replace "eventually" with a time you can keep.' },
    { phrase: 'in due course', suggestion: 'Replace "in due course" with a time you can keep.' },
    { phrase: 'at some stage', suggestion: 'Replace "at some stage" with a time you can keep.' },
  ],
  exceptions: [
    { phrase: '{will be} {...} by {agent}', note: 'the passive names who does it' },
    { phrase: '{has been} {...} by {agent}' },
  ],
};
