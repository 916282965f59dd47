import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findQuestions, needsAnswer, questionId } from '../../lib/detect/questions.ts';
import { bundledRequestModel, loadRequestModel } from '../../lib/detect/request-classifier.ts';
import type { QuestionType } from '../../lib/types.ts';
import { LINEAR_BOUND_MS } from '../helpers/bounds.ts';

const one = (text: string) => findQuestions(text).map((q) => [q.text, q.type]);

describe('findQuestions: finds', () => {
  const positives: [string, QuestionType][] = [
    // direct questions
    ['Is the fix in 4.2?', 'yesno'],
    ['When will this be resolved?', 'when'],
    ['What version are you running?', 'which'],
    ['Which plan includes SSO?', 'which'],
    ['How do I export my data?', 'how'],
    ['Why did the sync stop?', 'why'],
    ['Who is our account manager?', 'who'],
    ['Where can I find the API key?', 'where'],
    ['How much does an extra seat cost?', 'quantity'],
    ['How many users can we add?', 'quantity'],
    ['How long will the migration take?', 'when'],
    ["What's the status of ticket 4411?", 'status'],
    ['Should we use SAML or OIDC?', 'which'],
    ['Is there an ETA for the patch?', 'when'],
    ['The fix is in 4.2, right?', 'yesno'],
    ["Isn't there a way to bulk import users?", 'yesno'],
    // without a question mark
    ['Can you send me the invoice', 'request'],
    ['When will the export be back', 'when'],
    ['Is there a workaround for now', 'yesno'],
    ['Could you e-mail me the signed contract.', 'request'],
    ['Did you get a chance to look at the logs.', 'yesno'],
    // indirect
    ['I was wondering whether the patch is out yet.', 'yesno'],
    ['Please let me know if the upgrade fixes it.', 'yesno'],
    ['Please let me know when the maintenance window is.', 'when'],
    ['Can you confirm the data was not lost.', 'yesno'],
    ['Could you advise on the best way to migrate.', 'how'],
    ['Please advise.', 'how'],
    ['Any update?', 'status'],
    ['Any news on this', 'status'],
    ["I'd like to know how the pricing works.", 'how'],
    ['Do you know if the outage is over?', 'yesno'],
    ['We need to know why the job failed.', 'why'],
    ['Let me know what you think.', 'which'],
    ['Just following up on my refund request.', 'status'],
    // requests
    ['Please send the invoice for March.', 'request'],
    ['Kindly reset my password.', 'request'],
    ['We need the SSO setting enabled.', 'request'],
    ['Could you escalate this to engineering?', 'request'],
    ['I need access to the admin console.', 'request'],
    ['Send me the logs from yesterday.', 'request'],
    ['Reset the password for jane@acme.com.', 'request'],
    ["I'd appreciate it if you could expedite this.", 'request'],
    ['When you get a chance, send me the updated quote.', 'request'],
    ['Jane, can you call me back today?', 'request'],
    ["Let's schedule a call for Tuesday.", 'request'],
    ['Please do not close this ticket yet.', 'request'],
  ];

  for (const [text, type] of positives) {
    it(`${text} → ${type}`, () => {
      const found = findQuestions(text);
      expect(found).toHaveLength(1);
      expect(found[0]?.type).toBe(type);
      expect(found[0]?.kind).toBe(type === 'request' ? 'request' : 'question');
    });
  }
});

// "Not found" means nothing the reply owes an answer: a courtesy line may be reported as a
// courtesy ask (see "rules and model together"), which the checklist leaves out.
describe('findQuestions: finds nothing that needs an answer in', () => {
  const negatives = [
    'What a mess!',
    'How great is that!',
    'What a relief this is!',
    'Thanks in advance!',
    'Thank you in advance for your help.',
    'Let me know if you have any questions.',
    'Let me know if you need anything else.',
    'Feel free to reach out if anything comes up.',
    "Please don't hesitate to contact me.",
    'If you have any questions, please call me.',
    'Please find attached the logs.',
    'Please see attached.',
    'Please note that we are closed on Friday.',
    'Please be advised that the office moved.',
    'I asked whether it was fixed.',
    'We asked them about the invoice last week.',
    'She wondered if the patch was out.',
    'The export failed at 3 p.m. yesterday.',
    'We upgraded to version 4.2 last night.',
    'Hi Jane,',
    'Best regards,',
    'Thanks,',
    'Have a great weekend!',
    'How are you?',
    'Hope this helps.',
    'Looking forward to hearing from you.',
    'See https://status.acme.com/incidents?id=42&x=1 for details.',
    '> Can you send me the invoice?',
    'I will send the invoice tomorrow.',
    'Our team is looking into it.',
    'Let me check with the team and get back to you.',
    'Update: the server is back.',
    'What we need is a stable release.',
    'Should you need anything, we are here.',
  ];
  for (const text of negatives) {
    it(text, () => {
      expect(findQuestions(text).filter(needsAnswer)).toEqual([]);
    });
  }
});

describe('findQuestions: rules and model together', () => {
  // Models that only speak through their bias: one calls everything an ask, one nothing.
  const shipped = {
    format: 'step-ahead/request-model',
    version: 1,
    featureSet: bundledRequestModel().featureSet,
    hashBits: 20,
    counting: 'binary',
    threshold: 0.5,
    weightUnit: 0.001,
  };
  const always = loadRequestModel({ ...shipped, bias: 9, indexGaps: [], weights: [] });
  const never = loadRequestModel({ ...shipped, bias: -9, indexGaps: [], weights: [] });

  it('lets the model find asks no rule recognises, typed from the sentence', () => {
    expect(findQuestions('Thursday at 2 pm works for us.', { model: never })).toEqual([]);
    const found = findQuestions('Thursday at 2 pm works for us.', { model: always });
    expect(found.map((q) => [q.text, q.kind, q.type])).toEqual([['Thursday at 2 pm works for us.', 'request', 'request']]);
  });

  // Unsure: below the threshold (0.5) but above the question floor (0.15).
  const unsure = loadRequestModel({ ...shipped, bias: -1, indexGaps: [], weights: [] });

  it('keeps question shapes and imperatives the model is merely unsure of, and nothing else', () => {
    expect(unsure.probability('Is it fixed?')).toBeLessThan(unsure.threshold);
    expect(findQuestions('Is it fixed?', { model: unsure }).map((q) => q.type)).toEqual(['yesno']);
    expect(findQuestions('When will the export be back', { model: unsure }).map((q) => q.type)).toEqual(['when']);
    expect(findQuestions('Reset the password for jane@acme.com.', { model: unsure }).map((q) => q.type)).toEqual(['request']);
    // A request phrase without those shapes is the model's call.
    expect(findQuestions('We still need the updated quote from your side.', { model: unsure })).toEqual([]);
  });

  it('drops a question shape the model is sure is no ask (newsletter and rhetorical questions)', () => {
    expect(findQuestions('Is it fixed?', { model: never })).toEqual([]);
    expect(findQuestions('Do you want to earn $500 a week from home?', { model: never })).toEqual([]);
  });

  it('reports courtesy lines the model accepts as courtesy asks, which need no answer', () => {
    for (const text of ['Let me know if you have any questions.', 'Please find attached the logs.', 'Feel free to call me if anything is unclear.']) {
      const found = findQuestions(text, { model: always });
      expect(found.map((q) => [q.kind, q.courtesy])).toEqual([['request', true]]);
      expect(found.filter(needsAnswer)).toEqual([]);
    }
    expect(findQuestions('Let me know if you have any questions.', { model: never })).toEqual([]);
    // A real question is not courtesy.
    expect(findQuestions('Is it fixed?', { model: always }).map((q) => [q.courtesy, needsAnswer(q)])).toEqual([[undefined, true]]);
  });

  it('never reports reported speech or exclamations, whatever the model says', () => {
    for (const text of ['I asked whether it was fixed.', 'She wanted to know when it would be back.', 'What a mess!']) {
      expect(findQuestions(text, { model: always })).toEqual([]);
    }
  });

  it('keeps both clauses of a two-ask sentence the model accepts', () => {
    expect(one('When is the release, and will it include the fix?')).toHaveLength(2);
  });
});

describe('findQuestions: structure', () => {
  it('splits two questions in one line and one sentence', () => {
    expect(one('When is the release? And will it include the fix?')).toEqual([
      ['When is the release?', 'when'],
      ['And will it include the fix?', 'yesno'],
    ]);
    expect(one('When is the release, and will it include the fix?')).toEqual([
      ['When is the release', 'when'],
      ['will it include the fix?', 'yesno'],
    ]);
  });

  it('keeps an either/or question whole', () => {
    expect(one('Is this a bug, or expected behaviour?')).toEqual([['Is this a bug, or expected behaviour?', 'which']]);
  });

  it('reports ranges into the given text and uses given sentences', () => {
    const text = 'Hi team,\nThe export broke.\nCan you check the logs?\nThanks,\nJane';
    const [q] = findQuestions(text);
    expect(q).toBeDefined();
    expect(text.slice(q!.range[0], q!.range[1])).toBe('Can you check the logs?');
    const only = findQuestions(text, { sentences: [{ text: 'The export broke.', start: 9, end: 26 }] });
    expect(only).toEqual([]);
  });

  it('finds asks inside a list', () => {
    const found = findQuestions('Two things:\n- please send the invoice\n- when does the licence renew?');
    expect(found.map((q) => [q.text, q.type])).toEqual([
      ['please send the invoice', 'request'],
      ['when does the licence renew?', 'when'],
    ]);
  });

  it('gives stable ids that ignore case, spacing and punctuation, and lists a repeat once', () => {
    const a = findQuestions('Is the fix in 4.2?')[0];
    const b = findQuestions('is  the FIX in 4.2')[0];
    expect(a?.id).toBe(b?.id);
    expect(a?.id).toBe(questionId('Is the fix in 4.2?'));
    expect(a?.id).not.toBe(findQuestions('Is the fix in 4.3?')[0]?.id);
    expect(findQuestions('Is it fixed? Is it fixed?')).toHaveLength(1);
  });

  it('never throws and keeps ranges in bounds (property)', () => {
    const piece = fc.constantFrom('Can you', ' send', ' the invoice', '?', '.', '!', ' please', '\n', '> ', 'When', ' is', ' it', ', and', ';', '😀', 'مرحبا', 'Dr.', 'https://x.y/a?b', ' ');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(piece, { maxLength: 60 }).map((p) => p.join(''))), (text) => {
        const found = findQuestions(text);
        for (const q of found) {
          expect(q.range[0]).toBeGreaterThanOrEqual(0);
          expect(q.range[1]).toBeLessThanOrEqual(text.length);
          expect(q.range[0]).toBeLessThanOrEqual(q.range[1]);
          expect(text.slice(q.range[0], q.range[1])).toBe(q.text);
        }
      }),
      { numRuns: 500 },
    );
  });

  describe('adversarial 200 KB inputs finish fast', () => {
    const inputs: [string, string][] = [
      ['question marks', '?'.repeat(200_000)],
      ['spaced dots', '. '.repeat(100_000)],
      ['titles', 'Dr. '.repeat(50_000)],
      ['no spaces', 'canyousendme'.repeat(17_000)],
      ['many short questions', 'Can you send it? '.repeat(12_000)],
      ['one huge question', `Can you ${'please '.repeat(28_000)}send it?`],
      ['reported asks', 'asked asked if '.repeat(14_000)],
      ['commas', 'a, and when is it, '.repeat(11_000)],
    ];
    for (const [name, input] of inputs) {
      it(name, () => {
        const t0 = performance.now();
        findQuestions(input);
        expect(performance.now() - t0).toBeLessThan(LINEAR_BOUND_MS);
      });
    }
  });
});
