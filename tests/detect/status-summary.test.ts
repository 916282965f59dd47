import { describe, expect, it } from 'vitest';
import {
  findStatusSummaries,
  statusNearTop,
  statusTableProblems,
} from '../../lib/detect/status-summary.ts';
import { one, splitByHand } from './sentences-by-hand.ts';

const summaries = [
  'The fix is deployed to staging.',
  "We've reproduced the crash.",
  'We’ve reproduced the crash on 4.2.',
  'Current status: waiting on the vendor.',
  'We are still investigating.',
  'Quick update: the build passed overnight.',
  'Engineering has identified the cause.',
  'Summary: the import fails on rows over 64 KB.',
  "Here's where things stand.",
  'I have narrowed it down to the proxy settings.',
  'The patch has been released in 5.1.3.',
  'I found the root cause in the retry logic.',
  'Our engineering team is currently reviewing your logs.',
  "I'm still waiting on the vendor's reply.",
  'This is a known issue in the 4.x line.',
  'The issue is caused by an expired certificate.',
  'We have not been able to reproduce it yet.',
  'Good news: your account is restored.',
  'To recap, the sync runs but skips archived rows.',
  'Your refund is pending with our billing team.',
  'It’s been fixed in 5.2.',
];

const notSummaries = [
  'Thanks for your patience.',
  'Hi Jane,',
  'Let me know if you have questions.',
  'I will send the logs tomorrow.',
  'Could you send the logs?',
  'Have a great weekend!',
  'I hope you are doing well.',
  'Our documentation covers this in detail.',
  'We have a webinar next week.',
  'I am looking forward to your reply.',
  'Please find attached the export.',
  'Can you confirm the version you run?',
];

describe('findStatusSummaries', () => {
  it('compiles its tables without problems', () => {
    expect(statusTableProblems).toEqual([]);
  });

  it.each(summaries)('finds a status summary in %j', (text) => {
    expect(findStatusSummaries(one(text, 7))).toEqual(one(text, 7));
  });

  it.each(notSummaries)('finds no status summary in %j', (text) => {
    expect(findStatusSummaries(one(text))).toEqual([]);
  });
});

describe('statusNearTop', () => {
  it('is true when the status comes right after greeting and thanks', () => {
    const draft =
      'Hi Jane,\nThanks for your patience.\nWe have reproduced the crash. I will send a fix by Friday.';
    expect(statusNearTop(splitByHand(draft))).toBe(true);
  });

  it('is false when the status is buried under other sentences', () => {
    const draft = [
      'Hi Jane,',
      'I looked at the screenshots you sent.',
      'The dashboard has several panels.',
      'Each one loads its own data.',
      'We have reproduced the crash.',
    ].join('\n');
    expect(statusNearTop(splitByHand(draft))).toBe(false);
    expect(statusNearTop(splitByHand(draft), { within: 4 })).toBe(true);
  });

  it('is false when there is no status at all', () => {
    expect(statusNearTop(splitByHand('Hi Jane,\nThanks!\nCould you send the logs?'))).toBe(false);
  });

  it('counts a long thank-you that carries content as a sentence', () => {
    const draft = [
      'Thanks for sending the logs, the screenshots and the exact steps you took on Monday morning.',
      'The dashboard has several panels.',
      'Each one loads its own data.',
      'We have reproduced the crash.',
    ].join('\n');
    expect(statusNearTop(splitByHand(draft))).toBe(false);
  });

  it('counts a pleasantry that also gives the status', () => {
    expect(statusNearTop(one('Thanks for waiting, we have found the cause.'), { within: 1 })).toBe(true);
  });

  it('survives empty and malformed input', () => {
    expect(statusNearTop([])).toBe(false);
    expect(statusNearTop(null as unknown as [])).toBe(false);
    expect(statusNearTop(one(''), { within: -3 })).toBe(false);
  });
});
