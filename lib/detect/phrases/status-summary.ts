import type { PhraseTable } from '../phrase-matcher.ts';
import { COMMON_SLOTS } from './common-slots.ts';

// Phrase syntax ({slot}, {slot?}, {...}, ^) is described at the top of ../phrase-matcher.ts.

// Sentences that tell the customer where the issue stands right now: what we found, what
// is done, what is still going on.

const STATUS_SLOTS = {
  ...COMMON_SLOTS,
  // Work that has happened: "we have reproduced", "engineering identified".
  done: [
    'reproduced', 'identified', 'found', 'confirmed', 'fixed', 'deployed', 'released',
    'shipped', 'resolved', 'isolated', 'narrowed down', 'narrowed it down', 'pinpointed',
    'traced', 'tracked down', 'located', 'diagnosed', 'verified', 'tested', 'completed',
    'finished', 'merged', 'rolled out', 'rolled back', 'received', 'reviewed', 'patched',
    'escalated', 'determined', 'applied', 'pushed', 'implemented', 'investigated',
    'looked into', 'started', 'begun', 'made progress', 'ruled out', 'discovered',
    'root caused', 'analyzed', 'analysed', 'checked', 'worked around', 'restored',
    'corrected', 'refunded', 'credited', 'processed', 'opened', 'filed', 'logged',
    'raised', 'been able to reproduce', 'not been able to reproduce', 'not yet',
    'been investigating', 'been working on', 'been looking into', 'been testing',
  ],
  // Work going on now: "we are still investigating".
  ongoing: [
    'investigating', 'working on', 'working through', 'working with', 'looking into',
    'looking at', 'testing', 'reviewing', 'waiting on', 'waiting for', 'digging into',
    'debugging', 'tracking', 'analyzing', 'analysing', 'monitoring', 'reproducing',
    'preparing', 'deploying', 'rolling out', 'finalizing', 'finalising', 'validating',
    'verifying', 'trying to reproduce', 'able to reproduce', 'unable to reproduce',
    'still seeing', 'seeing the same', 'in touch with', 'in contact with',
  ],
  // The things a status is about.
  thing: [
    'the fix', 'the patch', 'the hotfix', 'the issue', 'the bug', 'the problem', 'the crash',
    'the error', 'the outage', 'the incident', 'the change', 'the release', 'the deploy',
    'the deployment', 'the migration', 'the root cause', 'the cause', 'your ticket',
    'your case', 'your request', 'your refund', 'your account', 'the workaround', 'this',
    'it', 'that', 'the build', 'the new version', 'the update',
  ],
  // What state it is in.
  state: [
    'deployed', 'live', 'fixed', 'resolved', 'released', 'merged', 'ready', 'scheduled',
    'in progress', 'in review', 'on staging', 'in staging', 'in production', 'blocked',
    'pending', 'confirmed', 'reproducible', 'caused by', 'related to', 'due to',
    'still happening', 'still open', 'still under investigation', 'under investigation',
    'being worked on', 'being tested', 'being reviewed', 'being deployed', 'a known',
    'now available', 'available in', 'on track', 'delayed', 'done', 'complete', 'completed',
    'closed', 'escalated', 'with engineering', 'with our engineering team', 'now working',
    'working again', 'back to normal', 'restored',
  ],
};

export const STATUS_SUMMARY: PhraseTable = {
  slots: STATUS_SLOTS,
  phrases: [
    { phrase: 'current status', note: 'a heading or "the current status is"' },
    'status update',
    'quick update',
    'brief update',
    'short update',
    'progress update',
    'an update on',
    'here is an update',
    'here is a quick update',
    'here is the latest',
    'the latest on',
    '^status :',
    '^update :',
    '^summary :',
    '^tl ; dr',
    '^tldr',
    'where things stand',
    'where we stand',
    'where we are with',
    'here is where we are',
    'to recap',
    'to summarize',
    'to summarise',
    'in summary',
    'good news',
    'bad news',
    { phrase: '{actor} {have} {adverb?} {done}', note: '"we have reproduced the crash"' },
    { phrase: '{actor} {have} just {done}' },
    { phrase: '{actor} {have} already {done}' },
    { phrase: '{actor} {have} successfully {done}' },
    { phrase: '{actor} {have} finally {done}' },
    { phrase: '{actor} {done}', note: 'simple past: "engineering identified the cause"' },
    { phrase: '{actor} {be} {adverb?} {ongoing}', note: '"we are still investigating"' },
    { phrase: '{actor} {be} currently {ongoing}' },
    { phrase: '{actor} {be} actively {ongoing}' },
    { phrase: '{thing} {be} {adverb?} {state}', note: '"the fix is deployed to staging"' },
    { phrase: '{thing} {be} currently {state}' },
    { phrase: '{thing} {be} not {state}' },
    { phrase: '{thing} {have} been {done}', note: '"the patch has been released"' },
    { phrase: '{thing} {have} {adverb?} {done}' },
    { phrase: 'there {be} a known' },
    { phrase: 'a fix {be}' },
    { phrase: 'the root cause' },
    { phrase: 'so far , {actor}' },
    { phrase: 'at this point , {actor}' },
    { phrase: 'at the moment , {actor}' },
    { phrase: 'right now , {actor}' },
  ],
};

// Lines that open a mail without saying anything about the issue. statusNearTop skips them
// when it counts "the first few sentences".
export const OPENERS: PhraseTable = {
  slots: COMMON_SLOTS,
  phrases: [
    '^hi', '^hello', '^hey', '^dear', '^greetings', '^good morning', '^good afternoon',
    '^good evening', '^morning', '^hiya', '^thanks', '^thank you', '^many thanks',
    '^i hope', '^hope', '^i trust', '^happy', '^apologies for the', '^sorry for the',
    '^i appreciate', '^appreciate', '^great to hear', '^good to hear', '^nice to',
    '^it was great', '^it was good', '^welcome', '^thx', '^cheers',
  ],
};
