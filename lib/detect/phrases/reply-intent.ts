import type { PhraseTable } from '../phrase-matcher.ts';
import { COMMON_SLOTS } from './common-slots.ts';

// Phrase syntax ({slot}, {slot?}, {...}, ^) is described at the top of ../phrase-matcher.ts.

// A reply that reads as the end of the issue: eta-present asks no ETA of it.
export const RESOLUTION: PhraseTable = {
  slots: {
    ...COMMON_SLOTS,
    done: ['fixed', 'resolved', 'solved', 'deployed', 'restored', 'corrected', 'released', 'applied', 'live'],
    problem: ['issue', 'problem', 'bug', 'error', 'outage', 'incident', 'fix', 'patch', 'ticket', 'case'],
  },
  phrases: [
    { phrase: '{det?} {problem} {have} been {done}', note: '"the issue has been resolved"' },
    { phrase: '{det?} {problem} is {adverb?} {done}' },
    { phrase: 'is now {done}' },
    { phrase: 'has now been {done}' },
    { phrase: 'is working again' },
    { phrase: 'are working again' },
    { phrase: 'should {adverb?} work again' },
    { phrase: 'should now work' },
    { phrase: 'back to normal' },
    { phrase: 'up and running again' },
    { phrase: 'closing this ticket' },
    { phrase: 'closing this case' },
    { phrase: 'close this ticket' },
    { phrase: 'mark this {problem?} as resolved' },
    { phrase: 'marking this {problem?} as resolved' },
    { phrase: 'you are all set' },
    { phrase: 'that should do it' },
    { phrase: 'this resolves' },
  ],
};

// Our own commitment to act: when a reply has none and asks the customer for something, the
// ball is in their court.
export const OWN_COMMITMENT: PhraseTable = {
  slots: COMMON_SLOTS,
  phrases: [
    { phrase: '{actor} {will} {adverb?}', note: '"I will", "our engineering team is going to"' },
    { phrase: '{actor} {be} {adverb?} working on' },
    { phrase: '{actor} {be} {adverb?} looking into' },
    { phrase: '{actor} {be} {adverb?} investigating' },
    { phrase: '{actor} {be} {adverb?} checking' },
    { phrase: '{actor} {be} {adverb?} reviewing' },
    { phrase: 'let me {adverb?} check' },
    { phrase: 'let me {adverb?} look' },
  ],
};

// The first words of a sentence whose promise waits on the customer: "Once you send the
// logs, I will…" is their step first, not a commitment of ours to put a date on.
export const CONDITIONAL_OPENING: PhraseTable = {
  phrases: ['^ once you', '^ when you', '^ after you', '^ as soon as you', '^ if you', '^ when we receive', '^ once we receive', '^ once we have'],
};

// Owning a missed ETA: an apology, or saying plainly that we are late.
export const MISS_ACKNOWLEDGEMENT: PhraseTable = {
  slots: {
    sorry: ['sorry', 'apologies', 'my apologies', 'i apologise', 'i apologize', 'we apologise', 'we apologize', 'apologize', 'apologise'],
  },
  phrases: [
    { phrase: '{sorry}' },
    { phrase: 'took longer than {...} expected' },
    { phrase: 'taking longer than {...} expected' },
    { phrase: 'took longer than' },
    { phrase: 'taking longer than' },
    { phrase: 'later than {...} promised' },
    { phrase: 'later than i said' },
    { phrase: 'i missed' },
    { phrase: 'we missed' },
    { phrase: 'as promised' },
    { phrase: 'i promised' },
    { phrase: 'we promised' },
    { phrase: 'i did not get back' },
    { phrase: 'we did not get back' },
    { phrase: 'i owe you' },
    { phrase: 'behind schedule' },
    { phrase: 'thank you for your patience' },
  ],
};
