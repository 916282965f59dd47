import { describe, expect, it } from 'vitest';
import { findQuestions } from '../../lib/detect/questions.ts';
import { matchAnswers } from '../../lib/detect/answers.ts';
import { parseMessage } from '../../lib/text/text-model.ts';
import type { Question, Segment, TextModel } from '../../lib/types.ts';
import { LINEAR_BOUND_MS } from '../helpers/bounds.ts';

function plain(text: string, segments?: Segment[]): TextModel {
  return {
    text,
    htmlOffsets: Int32Array.from({ length: text.length + 1 }, (_, i) => i),
    segments: segments ?? [{ kind: 'new', start: 0, end: text.length }],
    colours: [],
    inlineReplies: [],
  };
}

function check(customer: string, draft: TextModel | string, marks?: Record<string, 'answered' | 'not-applicable'>) {
  const questions = findQuestions(customer);
  const model = typeof draft === 'string' ? plain(draft) : draft;
  return matchAnswers(questions, customer, model, marks ? { marks } : {});
}

interface Row {
  name: string;
  customer: string;
  draft: string;
  /** Per question, in order: answered or not. */
  answered: boolean[];
  /** Per question: a piece of the reason, or of the answering sentence. */
  reason?: (string | null)[];
  by?: (string | null)[];
}

const rows: Row[] = [
  { name: 'yes/no answered by "Yes —"', customer: 'Is the fix in 4.2?', draft: 'Hi Sam,\n\nYes — the fix shipped in 4.2 last week.', answered: [true], by: ['Yes — the fix shipped in 4.2 last week.'] },
  { name: 'yes/no answered by a denial', customer: 'Does the Pro plan include SSO?', draft: 'Unfortunately the Pro plan does not include SSO; it is part of Enterprise.', answered: [true] },
  { name: 'yes/no answered by "Yes." and the next sentence', customer: 'Is the export feature available on mobile?', draft: 'Yes. Mobile export arrived in March.', answered: [true], by: ['Yes.'] },
  { name: 'when answered by a date', customer: 'When will the patch be released?', draft: 'The patch will be released on Thursday, May 14.', answered: [true] },
  { name: 'when answered by a relative time', customer: 'When will my account be restored?', draft: 'Your account will be restored within 2 business days.', answered: [true] },
  { name: 'when: topic without a time is not an answer', customer: 'When will the invoice be corrected?', draft: 'We are aware the invoice is wrong and apologise.', answered: [false], reason: ["mentions 'invoice' but gives no time"] },
  { name: 'wrong topic with a time does not count', customer: 'When will the invoice be sent?', draft: 'The login issue will be fixed tomorrow.', answered: [false], reason: ["no sentence in the draft addresses 'invoice'"] },
  { name: 'synonyms: bill for invoice', customer: 'When will I get the invoice?', draft: 'Your bill goes out on Friday.', answered: [true] },
  { name: 'synonyms: sign in for login', customer: 'Why does the login keep failing?', draft: 'Sign in fails because your SSO certificate expired yesterday.', answered: [true] },
  { name: 'synonyms: permissions for access', customer: 'Can you give me access to the billing page?', draft: 'I have granted you billing permissions; please reload the page.', answered: [true] },
  { name: 'request answered by a done statement', customer: 'Please reset my password.', draft: "I've reset your password and sent a new link.", answered: [true] },
  { name: 'request answered by "attached"', customer: 'Could you send me the March invoice?', draft: 'The March invoice is attached.', answered: [true] },
  { name: 'request left open', customer: 'Please enable the SSO setting for our workspace.', draft: 'Thanks for reaching out about your workspace.', answered: [false] },
  { name: 'deferred with a promise counts as addressed', customer: 'When will the invoice be sent?', draft: "I'll check on the invoice and get back to you by Friday.", answered: [true], reason: ['deferred'] },
  { name: 'deferred: "I don\'t know when yet"', customer: 'When will the SSO bug be fixed?', draft: "I don't know when the SSO fix will ship yet; I will confirm by Wednesday.", answered: [true], reason: ['deferred'] },
  { name: 'how answered by steps', customer: 'How do I enable two-factor authentication?', draft: 'To enable two-factor authentication, go to Settings > Security and click Enable.', answered: [true] },
  { name: 'why answered by a reason', customer: 'Why did the nightly export fail?', draft: 'The nightly export failed because the disk was full.', answered: [true] },
  { name: 'quantity answered by a price', customer: 'How much does an extra seat cost?', draft: 'Each additional seat is $12 per month.', answered: [true] },
  { name: 'quantity: no number', customer: 'How much does an extra seat cost?', draft: 'Extra seats are billed monthly.', answered: [false], reason: ["but gives no number"] },
  { name: 'status answered by a status statement', customer: 'Any update?', draft: 'Our engineers are still investigating the root cause.', answered: [true] },
  { name: 'status with topic answered', customer: 'Any update on the SSO outage?', draft: 'The SSO outage is resolved as of 10:40 ET.', answered: [true] },
  { name: 'which answered by an entity', customer: 'Which version fixes the crash?', draft: 'The crash is fixed in version 5.1.3.', answered: [true] },
  { name: 'who answered by a name', customer: 'Who is our account manager?', draft: 'Your account manager is Priya Patel.', answered: [true] },
  { name: 'where answered by a place', customer: 'Where can I find the API key?', draft: 'The API key is under Settings on the Developer page.', answered: [true] },
  { name: 'two questions: one answered, one not', customer: 'When is the release? And will it include the export fix?', draft: 'The release is planned for June 3.', answered: [true, false] },
  { name: 'several questions, each to its own sentence', customer: 'Is the fix in 4.2? Please reset my password. How many seats do we have?', draft: 'Yes, the fix is in 4.2. I have reset your password. You have 25 seats.', answered: [true, true, true], by: ['Yes, the fix is in 4.2.', 'I have reset your password.', 'You have 25 seats.'] },
  { name: 'a question back is not an answer', customer: 'Is the fix in 4.2?', draft: 'Which fix do you mean in 4.2?', answered: [false] },
  { name: 'a hand-off to another team is not an answer', customer: 'Please update the billing address on our account.', draft: 'I have forwarded your request to our billing team.', answered: [false], reason: ['handed on without an answer or a time'] },
  { name: 'a hand-off with a time is a promise', customer: 'Please update the billing address on our account.', draft: 'I have passed this on to our billing team, who will update the address by Thursday.', answered: [true], reason: ['deferred with a promise'] },
  { name: 'a promise with no time answers nothing yet', customer: 'When will the invoice be corrected?', draft: "We'll look into the invoice and get back to you.", answered: [false], reason: ['promised a follow-up but gave no time'] },
  { name: 'a topic-free promise continues the sentence before it', customer: 'Why are API responses so slow since yesterday?', draft: 'I can see the slower API responses in our monitoring too. I will send you an update by 4 pm ET today.', answered: [true], reason: ['deferred with a promise'] },
  { name: '"update you" is not a software update', customer: 'Is there a way to roll back to the previous app version?', draft: "I'll update you on the crash fix by Thursday.", answered: [false] },
  { name: 'a number the customer wrote is not an answer', customer: 'How much would annual billing cost for our 40 seats?', draft: 'Most of our customers on 40 seats or more choose annual billing.', answered: [false] },
  { name: 'a yes that belongs to another topic does not count', customer: 'Once SSO is on, can users still sign in with a password?', draft: 'Yes, SAML SSO is included in the Business plan at no extra cost.', answered: [false] },
  { name: 'an elliptical "Yes, we do." borrows the next sentence\'s topic', customer: 'Do you sign a DPA with customers in the EU?', draft: "Yes, we do. I've attached our standard DPA.", answered: [true] },
  { name: '"you can find…" is a statement, not a yes', customer: "I was wondering if it's possible to schedule reports in each recipient's own time zone.", draft: 'Scheduled reports are popular, and you can find an overview in our help center.', answered: [false] },
  { name: 'a request with an embedded question wants its answer', customer: 'I need to know how to download last year\'s invoices.', draft: 'Past invoices are under Billing > Invoice history; pick the year and click Download all.', answered: [true] },
  { name: 'a confirm request is answered by a confirmation', customer: 'Please confirm in writing that the subscription will not auto-renew.', draft: 'I confirm that auto-renewal is switched off for your subscription.', answered: [true] },
  { name: 'a proposal is answered by doing it', customer: 'Could we set up a call next week about approval workflows?', draft: "Happy to. I've sent an invite for Wednesday at 2 pm ET to go through the workflows.", answered: [true] },
  { name: '"what happened" wants a cause', customer: 'Our exports did not run last night. Can you check what happened?', draft: 'The exports were skipped because the scheduler lost its lock at 01:00 UTC.', answered: [true] },
  { name: '"what happened" is not answered by a restatement', customer: 'Our exports did not run last night. Can you check what happened?', draft: 'I checked and the exports did not run last night.', answered: [false] },
  { name: '"if not" is settled by a yes to the question before it', customer: 'Can you reproduce this? If not, what information do you need from us?', draft: 'Yes, I reproduced it with two browsers and logged it as BUG-5120.', answered: [true, true], reason: [null, 'settled by the answer to the question before it'] },
  { name: 'empty draft answers nothing', customer: 'Can you send the invoice?', draft: '', answered: [false], reason: ["no sentence in the draft addresses 'invoice'"] },
];

// Two questions that share a word ("release" is read as "fix"/"ship"): a yes, a no or a
// promise belongs to the question whose own words its sentence is about.
const ROLL_BACK_AND_VERSION =
  "Do we need to roll back to 4.1 before Friday's release? And can you confirm whether the fix will ship in 4.2.1?";
const FIX_VERSION = 'Can you confirm whether the fix will ship in 4.2.1?';

const siblingRows: Row[] = [
  { name: 'a "no" about the roll-back does not answer the 4.2.1 question', customer: ROLL_BACK_AND_VERSION, draft: 'No, you do not need to roll back to 4.1 before the release.', answered: [true, false] },
  {
    name: '"has a fix in testing" next to a "no" about the roll-back does not confirm 4.2.1',
    customer: ROLL_BACK_AND_VERSION,
    draft: 'This is a known issue in 4.2: the sync job stalls on large batches and engineering has a fix in testing. You do not need to roll back to 4.1.',
    answered: [true, false],
  },
  {
    name: 'a promise to send the release notes is not a promise about the fix',
    customer: ROLL_BACK_AND_VERSION,
    draft: 'You do not need to roll back to 4.1. Next step: I will send you the release notes by Thursday at 3 pm ET',
    answered: [true, false],
    reason: [null, "no sentence in the draft addresses '4.2.1'"],
  },
  {
    name: 'a promise about the asked version is a deferral, not a borrowed "no"',
    customer: ROLL_BACK_AND_VERSION,
    draft: 'You do not need to roll back to 4.1. Next step: I will send you the 4.2.1 release notes by Thursday at 3 pm ET.',
    answered: [true, true],
    reason: [null, 'deferred with a promise'],
  },
  {
    name: 'each sibling answered by its own sentence',
    customer: ROLL_BACK_AND_VERSION,
    draft: 'You do not need to roll back to 4.1. I confirm the fix will ship in 4.2.1.',
    answered: [true, true],
    by: ['You do not need to roll back to 4.1.', 'I confirm the fix will ship in 4.2.1.'],
  },
  { name: 'one sentence may answer both siblings', customer: ROLL_BACK_AND_VERSION, draft: 'No, you do not need to roll back, and yes, the fix will ship in 4.2.1.', answered: [true, true] },
  { name: '"rolling back is not needed" answers whether to roll back', customer: ROLL_BACK_AND_VERSION, draft: 'Rolling back to 4.1 is not needed.', answered: [true, false] },
  { name: 'a hyphenated "roll-back" is the same topic', customer: ROLL_BACK_AND_VERSION, draft: 'Yes, the fix ships in 4.2.1. No roll-back is needed.', answered: [true, true] },
  {
    name: 'a version question is not confirmed by a "no" about something else next to it',
    customer: FIX_VERSION,
    draft: 'This is a known issue in 4.2. You do not need to roll back. Engineering has a fix in testing.',
    answered: [false],
  },
  { name: 'a "no" that names another version still answers', customer: FIX_VERSION, draft: 'No, it will ship in 4.3 instead.', answered: [true] },
  { name: 'siblings that share a word may share an answer', customer: 'Can you reset my password? And can you also reset the MFA for Bob?', draft: "I've reset both.", answered: [true, true] },
];

describe('matchAnswers: sibling questions and versions', () => {
  for (const row of siblingRows) {
    it(row.name, () => {
      const statuses = check(row.customer, row.draft);
      expect(statuses.map((s) => s.answered)).toEqual(row.answered);
      row.reason?.forEach((piece, i) => {
        if (piece) expect(statuses[i]?.reason).toContain(piece);
      });
      row.by?.forEach((text, i) => {
        if (text) expect(statuses[i]?.answeredBy.map((b) => b.text)).toEqual([text]);
      });
    });
  }
});

describe('matchAnswers: table', () => {
  for (const row of rows) {
    it(row.name, () => {
      const statuses = check(row.customer, row.draft);
      expect(statuses.map((s) => s.answered)).toEqual(row.answered);
      row.reason?.forEach((piece, i) => {
        if (piece) expect(statuses[i]?.reason).toContain(piece);
      });
      row.by?.forEach((text, i) => {
        if (text) expect(statuses[i]?.answeredBy[0]?.text).toBe(text);
      });
      for (const s of statuses) {
        for (const by of s.answeredBy) expect(row.draft.slice(by.start, by.end)).toBe(by.text);
        if (s.answered) expect(s.answeredBy.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('matchAnswers: clauses read with the words around them', () => {
  // The finder may hand over a clause of a longer sentence; build those questions by hand.
  function clause(customer: string, text: string, type: Question['type']): Question {
    const start = customer.indexOf(text);
    return { id: `q-${start}`, text, range: [start, start + text.length], kind: 'question', type };
  }

  it('"with which algorithm?" is about the encryption named before it', () => {
    const customer = 'Is customer data encrypted at rest, and with which algorithm?';
    const q = clause(customer, 'with which algorithm?', 'which');
    const answered = (draft: string) => matchAnswers([q], customer, plain(draft))[0]?.answered;
    expect(answered('Customer data is encrypted at rest with AES-256.')).toBe(true);
    expect(answered('Our offices are in Berlin and Dublin.')).toBe(false);
  });

  it('"if so when?" wants a time for the thing asked before it', () => {
    const customer = 'Will we receive an RCA document, and if so when?';
    const q = clause(customer, 'if so when?', 'yesno');
    const [status] = matchAnswers([q], customer, plain('Yes, you will have the RCA by Friday, March 14.'));
    expect(status?.answered).toBe(true);
    const [none] = matchAnswers([q], customer, plain('Yes, we will publish an RCA.'));
    expect(none?.answered).toBe(false);
    expect(none?.reason).toContain('gives no time');
  });

  it('ignores the surroundings when the range does not point at the question', () => {
    const q = clause('with which algorithm?', 'with which algorithm?', 'which');
    const status = matchAnswers([{ ...q, range: [500, 520] }], 'short', plain('We use AES-256.'))[0];
    expect(status?.answered).toBe(true);
  });
});

describe('matchAnswers: inline replies and quoted text', () => {
  it('answers inline under each quoted question in an HTML draft', () => {
    const customer = 'Is the fix in 4.2? When will the invoice be sent?';
    const html =
      '<div>Hi Sam, answers below.</div>' +
      '<blockquote class="gmail_quote">Is the fix in 4.2?</blockquote><div>It is.</div>' +
      '<blockquote class="gmail_quote">When will the invoice be sent?</blockquote><div>Accounting handles that part.</div>';
    const draft = parseMessage(html, { format: 'html' });
    const statuses = matchAnswers(findQuestions(customer), customer, draft);
    expect(statuses.map((s) => [s.answered, s.reason])).toEqual([
      [true, 'answered inline under the quoted question'],
      [true, 'answered inline under the quoted question'],
    ]);
    expect(statuses[0]?.answeredBy.map((s) => s.text)).toEqual(['It is.']);
    expect(statuses[1]?.answeredBy.map((s) => s.text)).toEqual(['Accounting handles that part.']);
  });

  it('matches a plain-text ">" quote that was re-wrapped', () => {
    const customer = 'Could you please confirm that the nightly backup ran on the new cluster?';
    const text = 'See inline.\n> Could you please confirm that the nightly\n> backup ran on the new cluster?\nConfirmed, it ran at 02:00.\n> Thanks\nBye';
    const quotedStart = text.indexOf('> Could');
    const quotedEnd = text.indexOf('\nConfirmed');
    const replyStart = quotedEnd + 1;
    const replyEnd = text.indexOf('\n> Thanks');
    const segments: Segment[] = [
      { kind: 'new', start: 0, end: 11 },
      { kind: 'quoted', start: quotedStart, end: quotedEnd },
      { kind: 'new', start: replyStart, end: replyEnd },
      { kind: 'quoted', start: replyEnd + 1, end: replyEnd + 9 },
      { kind: 'new', start: replyEnd + 10, end: text.length },
    ];
    const draft: TextModel = { ...plain(text, segments), inlineReplies: [{ quoted: segments[1]!, reply: segments[2]! }] };
    const [status] = matchAnswers(findQuestions(customer), customer, draft);
    expect(status?.answered).toBe(true);
    expect(status?.reason).toBe('answered inline under the quoted question');
    expect(status?.answeredBy.map((s) => s.text)).toEqual(['Confirmed, it ran at 02:00.']);
  });

  it('a reply under a block of several questions must still be about each one', () => {
    const customer = 'Can you send the invoice? Is the SSO bug fixed?';
    const text = '> Can you send the invoice? Is the SSO bug fixed?\nYes, the SSO bug was fixed on Monday.';
    const segments: Segment[] = [
      { kind: 'quoted', start: 0, end: text.indexOf('\n') },
      { kind: 'new', start: text.indexOf('\n') + 1, end: text.length },
    ];
    const draft: TextModel = { ...plain(text, segments), inlineReplies: [{ quoted: segments[0]!, reply: segments[1]! }] };
    const statuses = matchAnswers(findQuestions(customer), customer, draft);
    expect(statuses.map((s) => s.answered)).toEqual([false, true]);
  });

  it('a reply under a block that asks more after the question must be about it', () => {
    const customer = 'Is there a bulk endpoint for contacts? Also, do you have an OpenAPI spec?';
    const html =
      '<div>Hi Yuki,</div><div class="gmail_quote"><blockquote class="gmail_quote">Is there a bulk endpoint for contacts? Also, do you have an OpenAPI spec?</blockquote>' +
      '<div>The OpenAPI spec is at https://api.example.com/v2/openapi.json.</div><blockquote class="gmail_quote">Thanks!</blockquote></div>';
    const draft = parseMessage(html, { format: 'html' });
    for (const q of findQuestions(customer)) {
      // Each question alone, as the engine may see it after the user marks the other one.
      const [status] = matchAnswers([q], customer, draft);
      expect([q.text, status?.answered]).toEqual([q.text, q.text.includes('OpenAPI')]);
    }
  });

  it('never counts the quoted customer text as an answer', () => {
    const customer = 'Please send the invoice for March.';
    const html = '<div>Thanks, looking now.</div><div class="gmail_quote">On Mon, Sam wrote:<blockquote class="gmail_quote">Please send the invoice for March. I have attached the March invoice request form.</blockquote></div>';
    const draft = parseMessage(html, { format: 'html' });
    const [status] = matchAnswers(findQuestions(customer), customer, draft);
    expect(status?.answered).toBe(false);
  });

  it('ignores given draft sentences that fall outside new segments', () => {
    const customer = 'Is the fix in 4.2?';
    const text = 'Looking into it.\n> Yes, the fix is in 4.2.';
    const segments: Segment[] = [
      { kind: 'new', start: 0, end: 16 },
      { kind: 'quoted', start: 17, end: text.length },
    ];
    const draftSentences = [
      { text: 'Looking into it.', start: 0, end: 16 },
      { text: 'Yes, the fix is in 4.2.', start: 19, end: text.length },
    ];
    const [status] = matchAnswers(findQuestions(customer), customer, plain(text, segments), { draftSentences });
    expect(status?.answered).toBe(false);
  });
});

describe('matchAnswers: marks', () => {
  it('a mark wins over the matcher', () => {
    const customer = 'Can you send the invoice? Is the fix in 4.2?';
    const [invoice, fix] = findQuestions(customer);
    const statuses = check(customer, 'Thanks for your patience.', { [invoice!.id]: 'not-applicable', [fix!.id]: 'answered' });
    expect(statuses.map((s) => [s.answered, s.mark, s.reason])).toEqual([
      [true, 'not-applicable', 'marked not applicable'],
      [true, 'answered', 'marked answered'],
    ]);
  });

  it('a mark for another question does not leak', () => {
    const customer = 'Can you send the invoice?';
    const statuses = check(customer, 'Thanks.', { someOtherId: 'answered' });
    expect(statuses[0]?.answered).toBe(false);
    expect(statuses[0]?.mark).toBeUndefined();
  });
});

describe('matchAnswers: robustness and cost', () => {
  it('never throws on odd input', () => {
    const q = findQuestions('Is it fixed?');
    expect(matchAnswers(q, '', plain(''))).toHaveLength(1);
    expect(matchAnswers([], '', plain('x'))).toEqual([]);
    expect(() => matchAnswers(q, '', { text: 'Yes 😀 مرحبا', htmlOffsets: new Int32Array(0), segments: [], colours: [], inlineReplies: [] })).not.toThrow();
    expect(() => matchAnswers(q, '', { ...plain('Yes'), inlineReplies: [{ quoted: { kind: 'quoted', start: 50, end: 90 }, reply: { kind: 'new', start: 0, end: 3 } }] })).not.toThrow();
  });

  it('a 200 KB customer text and a quoted block full of "?" stay linear', () => {
    const customer = 'Lorem ipsum. '.repeat(15_000) + 'If so, when?';
    const questions = findQuestions(customer);
    const quoted = '> ' + 'When? '.repeat(30_000);
    const text = `${quoted}\nSoon.`;
    const segments: Segment[] = [
      { kind: 'quoted', start: 0, end: quoted.length },
      { kind: 'new', start: quoted.length + 1, end: text.length },
    ];
    const draft: TextModel = { ...plain(text, segments), inlineReplies: [{ quoted: segments[0]!, reply: segments[1]! }] };
    const t0 = performance.now();
    const statuses = matchAnswers(questions, customer, draft);
    expect(performance.now() - t0).toBeLessThan(LINEAR_BOUND_MS);
    expect(statuses).toHaveLength(questions.length);
  });

  it('50 questions against a 200 KB draft finish fast', () => {
    const customer = Array.from({ length: 50 }, (_, i) => `When will item ${i} of the invoice batch be sent?`).join(' ');
    const draft = 'The invoice batch is on its way. '.repeat(3000) + '?'.repeat(50_000) + ' Dr. '.repeat(10_000);
    const questions = findQuestions(customer);
    expect(questions.length).toBe(50);
    const t0 = performance.now();
    const statuses = matchAnswers(questions, customer, plain(draft));
    expect(performance.now() - t0).toBeLessThan(LINEAR_BOUND_MS);
    expect(statuses).toHaveLength(50);
  });
});
