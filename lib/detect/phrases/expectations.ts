import type { PhraseTable } from '../phrase-matcher.ts';
import { COMMON_SLOTS } from './common-slots.ts';

// Phrase syntax ({slot}, {slot?}, {...}, ^) is described at the top of ../phrase-matcher.ts.

// Sentences that tell the customer when they will hear from us next or what they should
// expect to happen. Whether the time given is concrete is eta-concrete's business, not ours.

export const EXPECTATIONS: PhraseTable = {
  slots: {
    ...COMMON_SLOTS,
    // Ways we get back to the customer.
    'reach you': [
      'update you', 'follow up', 'get back to you', 'get back', 'reach out', 'contact you',
      'email you', 'write to you', 'write back', 'reply', 'respond', 'call you', 'ping you',
      'circle back', 'check in', 'touch base', 'report back', 'let you know', 'be in touch',
      'get in touch', 'keep you posted', 'keep you updated', 'keep you informed',
      'keep you in the loop', 'send you', 'send an update', 'send the next update',
      'send another update', 'send a note', 'share an update', 'share the next update',
      'share the results', 'share what we find', 'share what i find', 'post an update',
      'confirm', 'notify you', 'loop back',
    ],
    // Future forms for what happens to the customer; not "want to": "if you want to see" is
    // a condition, not an expectation.
    future: ['will', 'shall', 'are going to', 'should', 'may', 'might', 'are likely to'],
    // What the customer will see or get.
    receive: ['hear', 'hear back', 'receive', 'get', 'see', 'notice', 'be contacted', 'be notified'],
    // Messages and meetings that carry the next contact.
    contact: [
      'update', 'email', 'reply', 'response', 'call', 'message', 'note', 'check in',
      'status update', 'report', 'invite', 'invitation', 'meeting', 'sync', 'answer',
    ],
    // What the expectation is about.
    thing: [
      'the fix', 'the patch', 'the hotfix', 'the change', 'the release', 'the deploy',
      'the deployment', 'the migration', 'the update', 'the new version', 'the build',
      'the refund', 'your refund', 'the credit', 'the invoice', 'your account', 'the report',
      'it', 'this', 'that', 'the job', 'the sync', 'the import', 'the export', 'the upgrade',
    ],
    // States something will reach: "the fix should be live by Friday".
    state: [
      'live', 'available', 'deployed', 'fixed', 'resolved', 'ready', 'done', 'complete',
      'completed', 'finished', 'visible', 'back', 'restored', 'working', 'released',
      'in place', 'up and running', 'back to normal', 'processed', 'reflected',
    ],
  },
  phrases: [
    { phrase: 'you {future} {adverb?} {receive}', note: '"you will hear from me by Friday"' },
    { phrase: 'you can expect' },
    { phrase: 'expect {det} {contact}', note: '"expect an email from our billing team"' },
    { phrase: 'expect to hear' },
    { phrase: 'expect {thing} to' },
    { phrase: '{actor} {will} {adverb?} {reach you}', note: '"I will update you tomorrow"' },
    { phrase: '{actor} will be {adverb?} in touch' },
    { phrase: '{actor} will be {adverb?} sending' },
    { phrase: '{actor} will be {adverb?} following up' },
    { phrase: '{det} next {contact}', note: '"my next update", "our next call"' },
    { phrase: 'next update' },
    { phrase: '{thing} should be {adverb?} {state}', note: '"the fix should be live by Friday"' },
    { phrase: '{thing} will be {adverb?} {state}' },
    { phrase: '{thing} should {adverb?} take' },
    { phrase: '{thing} will {adverb?} take' },
    { phrase: '{thing} {be} expected to' },
    { phrase: 'eta' },
    { phrase: 'estimated time' },
    { phrase: 'no later than' },
    { phrase: 'what to expect' },
    { phrase: 'you will be notified' },
    { phrase: 'you will be contacted' },
  ],
};
