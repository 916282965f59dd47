import type { PhraseTable } from '../phrase-matcher.ts';
import { COMMON_SLOTS } from './common-slots.ts';

// Phrase syntax ({slot}, {slot?}, {...}, ^) is described at the top of ../phrase-matcher.ts.

// Sentences that say what happens next and who does it. A step may be ours ("I will
// reproduce this on 4.2") or the customer's ("Could you send the logs?"). Courtesy lines
// ("let me know if you have questions", "feel free to reach out") are deliberately absent:
// they promise nothing and ask for nothing.

export const NEXT_STEPS: PhraseTable = {
  slots: {
    ...COMMON_SLOTS,
    // What we do next. "be", "know", "help" and "value" are left out on purpose: "I will be
    // happy to help" is not a step.
    action: [
      'look into', 'look at', 'check', 'investigate', 'reproduce', 'test', 'retest', 'try',
      'deploy', 'release', 'ship', 'send', 'share', 'update', 'follow up', 'get back',
      'reach out', 'contact', 'email', 'call', 'ping', 'circle back', 'confirm', 'verify',
      'review', 'escalate', 'raise', 'open', 'file', 'create', 'schedule', 'set up',
      'arrange', 'book', 'loop in', 'ask', 'work on', 'work with', 'dig into', 'fix',
      'patch', 'prepare', 'run', 'monitor', 'keep', 'let you know', 'provide', 'write',
      'draft', 'post', 'push', 'merge', 'roll out', 'roll back', 'apply', 'restart',
      'reset', 'enable', 'disable', 'install', 'upgrade', 'migrate', 'configure',
      'collect', 'gather', 'analyze', 'analyse', 'compare', 'debug', 'trace', 'coordinate',
      'sync', 'talk', 'speak', 'meet', 'discuss', 'add', 'remove', 'refund', 'credit',
      'process', 'submit', 'forward', 'bring in', 'involve', 'pull', 'double check',
      'take a look', 'start', 'begin', 'continue', 'finish', 'complete', 'hand',
      'set', 'find out', 'figure out', 'walk you through', 'join', 'host', 'record',
    ],
    // The same work going on from now: "I will be testing this tonight".
    'action ing': [
      'looking into', 'looking at', 'checking', 'testing', 'working on', 'investigating',
      'reproducing', 'deploying', 'sending', 'reviewing', 'following up', 'reaching out',
      'monitoring', 'digging into', 'updating', 'escalating', 'scheduling', 'setting up',
    ],
    // What we ask the customer to do.
    ask: [
      'try', 'send', 'share', 'run', 'check', 'confirm', 'upload', 'attach', 'provide',
      'restart', 'reboot', 'update', 'upgrade', 'install', 'reinstall', 'enable', 'disable',
      'clear', 'collect', 'gather', 'capture', 'grab', 'export', 'test', 'verify', 'reply',
      'forward', 'schedule', 'book', 'pick', 'choose', 'review', 'approve', 'sign', 'reset',
      'apply', 'add', 'remove', 'rerun', 'retry', 'open', 'create', 'change', 'set',
      'switch', 'turn on', 'turn off', 'look for', 'download', 'record', 'describe',
      'tell me', 'tell us', 'give', 'submit', 'fill in', 'fill out', 'accept', 'join',
    ],
  },
  phrases: [
    { phrase: 'next steps', note: 'a heading or "the next steps are"' },
    'next step',
    { phrase: '^next ,', note: '"Next, I will …"' },
    '^next :',
    'here is the plan',
    'the plan is',
    'our plan is',
    'my plan is',
    'what happens next',
    "here is what i will do",
    "here is what we will do",
    'going forward ,',
    'from here ,',
    'action items',
    { phrase: '{actor} {will} {adverb?} {action}', note: '"I will reproduce", "our engineering team will deploy"' },
    { phrase: '{actor} will be {action ing}', note: '"I will be testing this tonight"' },
    { phrase: '{actor} would be happy to {action}', note: 'an offer that names the step' },
    { phrase: 'let me {action}', note: '"let me check with engineering"; "let me know" is not here' },
    { phrase: 'let us {action}' },
    { phrase: 'i will have {det?} {...} for you', note: '"I will have a build for you"' },
    // The customer's step.
    { phrase: 'could you {adverb?} {ask}' },
    { phrase: 'could you please {ask}' },
    { phrase: 'can you {adverb?} {ask}' },
    { phrase: 'can you please {ask}' },
    { phrase: 'would you {adverb?} {ask}' },
    { phrase: 'would you please {ask}' },
    { phrase: 'would you be able to {ask}' },
    { phrase: 'would you mind' },
    { phrase: 'please {ask}' },
    { phrase: 'if you could {ask}' },
    { phrase: 'once you {ask}', note: '"Once you send the logs, I will …"' },
    { phrase: 'once you have {...} , {actor}' },
    { phrase: 'as soon as you {ask}' },
    { phrase: 'after you {ask}' },
    { phrase: 'when you get a chance , {ask}' },
    { phrase: 'you will need to' },
    { phrase: 'you need to {ask}' },
    { phrase: 'your next step' },
    { phrase: 'on your side , {ask}' },
    { phrase: 'on your end , {ask}' },
    { phrase: '^try {...} and let me know' },
  ],
};
