import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings.ts';
import { isOurAddress, threadContextOf, type ThreadMessageInput } from '../../lib/thread-context.ts';
import { LINEAR_BOUND_MS } from '../helpers/bounds.ts';

const NY = 'America/New_York';
const base = { timeZone: NY, schedule: DEFAULT_SETTINGS.schedule };
const DANA = { name: 'Dana Reyes', email: 'dana@northwind.example' };
const MARCO = { name: 'Marco Bianchi', email: 'marco.bianchi@acme.example' };
const LEE = { name: 'Lee Park', email: 'lee@support.northwind.example' };

let counter = 0;
function message(from: ThreadMessageInput['from'], iso: string | null, bodyHtml: string | null): ThreadMessageInput {
  return { messageId: `m${++counter}`, from, date: iso === null ? null : { iso }, bodyHtml };
}

// The thread of tests/fixtures/gmail/thread-earlier-eta-2026-11.html, as the adapter reads it.
const ETA_THREAD = [
  message(MARCO, '2026-11-10T14:03:00-05:00', null),
  message(
    DANA,
    '2026-11-12T16:18:00-05:00',
    '<div dir="ltr">Hi Marco,<br><br>Thanks for the export details. Engineering has reproduced the timeout on a copy of your March data. I will have an answer for you by 3 pm ET Tuesday.<br><br>Best,<br>Dana</div><div class="gmail_signature">Dana Reyes | Northwind Support</div>',
  ),
  message(MARCO, '2026-11-13T10:02:00-05:00', '<div dir="ltr">Thanks Dana. Will the fix also cover the April export? We run it on Monday morning.</div>'),
];

describe('threadContextOf', () => {
  it('finds the customer message being answered, our reply and the ETA it promised', () => {
    const facts = threadContextOf(ETA_THREAD, { ...base, accountAddress: 'dana@northwind.example', teamDomains: [] });
    expect(facts.customerMessage).toBe(ETA_THREAD[2]);
    expect(facts.customer).toEqual(MARCO);
    expect(facts.ourReplies).toEqual([ETA_THREAD[1]]);
    expect(facts.earlierEtas).toEqual([
      { due: '2026-11-17T15:00:00-05:00', text: 'I will have an answer for you by 3 pm ET Tuesday.' },
    ]);
    expect(facts.messageCount).toBe(3);
    expect(facts.lastCustomerAt).toBe('2026-11-13T10:02:00-05:00');
    expect(facts.ourLastReplyAt).toBe('2026-11-12T16:18:00-05:00');
  });

  it.each([
    ['the account address, in any case', DANA, 'DANA@Northwind.example', [], true],
    ['a team domain', DANA, null, ['northwind.example'], true],
    ['a subdomain of a team domain', LEE, null, ['northwind.example'], true],
    ['neither', LEE, DANA.email, ['other.example'], false],
  ] as const)('tells us from the customer through %s', (_name, sender, account, teamDomains, isUs) => {
    const thread = [message(MARCO, '2026-11-16T09:00:00-05:00', 'Hello?'), message(sender, '2026-11-16T10:00:00-05:00', 'On it.')];
    const facts = threadContextOf(thread, { ...base, accountAddress: account, teamDomains });
    expect(isOurAddress(sender.email, account, teamDomains)).toBe(isUs);
    expect(facts.customerMessage).toBe(isUs ? thread[0] : thread[1]);
    expect(facts.ourReplies).toEqual(isUs ? [thread[1]] : []);
  });

  it('keeps several promises oldest first, with each one read as of the day it was written', () => {
    const thread = [
      message(MARCO, '2026-11-02T09:00:00-05:00', 'Is the export fixed?'),
      message(DANA, '2026-11-02T11:00:00-05:00', 'Not yet. I will update you by Wednesday at noon.'),
      message(MARCO, '2026-11-05T09:00:00-05:00', 'Any news?'),
      message(DANA, '2026-11-05T10:00:00-05:00', 'Still testing.<br>You will hear from me tomorrow at 10 am.'),
    ];
    const facts = threadContextOf(thread, { ...base, accountAddress: DANA.email, teamDomains: [] });
    expect(facts.earlierEtas).toEqual([
      { due: '2026-11-04T12:00:00-05:00', text: 'I will update you by Wednesday at noon.' },
      { due: '2026-11-06T10:00:00-05:00', text: 'You will hear from me tomorrow at 10 am.' },
    ]);
    expect(facts.customerMessage).toBe(thread[2]);
    expect(facts.ourLastReplyAt).toBe('2026-11-05T10:00:00-05:00');
  });

  it('ignores promises in quoted history, vague ones, and messages with no date', () => {
    const thread = [
      message(MARCO, '2026-11-02T09:00:00-05:00', 'Hi'),
      message(
        DANA,
        '2026-11-02T11:00:00-05:00',
        'We will look into it soon.<div class="gmail_quote"><blockquote>I will call you by Friday at 3 pm.</blockquote></div>',
      ),
      message(DANA, null, 'I will send it by Friday at 3 pm.'),
    ];
    const facts = threadContextOf(thread, { ...base, accountAddress: DANA.email, teamDomains: [] });
    expect(facts.earlierEtas).toEqual([]);
    expect(facts.ourLastReplyAt).toBe('2026-11-02T11:00:00-05:00');
  });

  it('reads a thread where we wrote last, or the customer only, or nobody readable', () => {
    const ours = threadContextOf([message(DANA, '2026-11-02T11:00:00-05:00', 'Hello')], { ...base, accountAddress: DANA.email, teamDomains: [] });
    expect(ours.customerMessage).toBeNull();
    expect(ours.customer).toBeNull();
    expect(ours.lastCustomerAt).toBeNull();

    const theirs = threadContextOf([message(MARCO, 'not a date', null)], { ...base, accountAddress: null, teamDomains: [] });
    expect(theirs.customer).toEqual(MARCO);
    expect(theirs.lastCustomerAt).toBeNull();
    expect(theirs.ourReplies).toEqual([]);

    const unknown = threadContextOf([message(null, null, null)], { ...base, accountAddress: DANA.email, teamDomains: [] });
    expect(unknown).toMatchObject({ customerMessage: null, customer: null, messageCount: 1, earlierEtas: [] });
    expect(threadContextOf([], { ...base, accountAddress: null, teamDomains: [] }).messageCount).toBe(0);
  });

  it('stays linear on a 200 KB adversarial reply of ours', () => {
    const hostile = `${'<div><span>'.repeat(5_000)}${'by 3 pm ... ?? << '.repeat(8_000)}`.slice(0, 200_000);
    const thread = [message(MARCO, '2026-11-02T09:00:00-05:00', 'Hi'), message(DANA, '2026-11-02T11:00:00-05:00', hostile)];
    const start = performance.now();
    const facts = threadContextOf(thread, { ...base, accountAddress: DANA.email, teamDomains: [] });
    expect(performance.now() - start).toBeLessThan(LINEAR_BOUND_MS);
    expect(facts.customerMessage).toBe(thread[0]);
  });
});
