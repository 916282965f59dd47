import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '../../lib/detect/placeholders.ts';
import { analyze } from '../../lib/engine.ts';
import {
  buildScaffold,
  DEFAULT_TEMPLATES,
  renderScaffold,
  resolveValues,
  SCAFFOLD_IDS,
  TemplateError,
  type ScaffoldFacts,
} from '../../lib/scaffolds/index.ts';
import { DEFAULT_SCHEDULE } from '../../lib/schemas/settings.ts';

const NOW = new Date('2026-11-18T15:00:00Z'); // Wednesday 10:00 New York
const FULL: ScaffoldFacts = {
  now: NOW,
  schedule: DEFAULT_SCHEDULE,
  actionableMinutes: 24 * 60,
  customer: { name: 'Priya Shah', email: 'priya.shah@acme.example' },
  myName: 'Dana Reyes',
  subject: 'Re: Nightly sync stalls',
  openQuestions: ['Do we need to roll back to 4.1?', 'Will the fix ship in 4.2.1?'],
  earlierEtas: [{ due: '2026-11-17T20:00:00Z' }],
};
const EMPTY: ScaffoldFacts = { now: NOW, schedule: DEFAULT_SCHEDULE };
const CUSTOMER = 'Hi Dana,<br><br>Do we need to roll back to 4.1? Will the fix ship in 4.2.1?<br><br>Priya';

describe('rendering', () => {
  it('writes plain HTML: a div per line, blank lines, lists and quoted questions, and no attribute at all', () => {
    for (const id of SCAFFOLD_IDS) {
      const { html } = buildScaffold(id, FULL);
      expect(html, id).not.toMatch(/<\w+\s[^>]*>/);
      expect(html, id).toMatch(/^<(div|ul|blockquote)>/);
      expect(html.replace(/<\/?(div|br|ul|li|blockquote)>/g, ''), id).not.toMatch(/[<>]/);
    }
  });

  it('renders the full reply in the order status, answers, next steps, expectations', () => {
    const { html, text } = buildScaffold('full-reply', FULL);
    expect(text.split('\n')).toEqual([
      'Hi Priya,',
      '',
      'Here is where things stand: [[current status: what we found, what is done, what is still open]].',
      '',
      '> Do we need to roll back to 4.1?',
      '[[your answer]]',
      '> Will the fix ship in 4.2.1?',
      '[[your answer]]',
      '',
      'Next steps: I will [[what I will do next]].',
      '',
      'You will hear from me by 5:00 PM EST on Thursday, November 19 with an update, whether or not the work is finished.',
      '',
      'Best regards,',
      'Dana',
    ]);
    expect(html).toContain('<blockquote>Do we need to roll back to 4.1?</blockquote><div>[[your answer]]</div>');
  });

  it('makes consecutive bullets one list', () => {
    expect(buildScaffold('next-steps', FULL).html).toBe(
      '<div>Next steps:</div><ul><li>I will [[our next step]] by 5:00 PM EST on Thursday, November 19.</li>' +
        '<li>[[what we need from you, if anything]]</li></ul>',
    );
  });

  it('escapes every value: a customer’s question is text, never markup', () => {
    const hostile = '<img src=x onerror="alert(1)"> & "quotes" \'too\'?';
    const { html } = buildScaffold('full-reply', { ...FULL, openQuestions: [hostile], customer: { name: '<b>Eve</b>' } });
    expect(html).toContain('<blockquote>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;quotes&quot; &#39;too&#39;?</blockquote>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
  });

  it('leaves the greeting out when asked (the draft already has one), and keeps it otherwise', () => {
    const withGreeting = buildScaffold('full-reply', FULL);
    const without = buildScaffold('full-reply', FULL, undefined, { dropGreeting: true });
    expect(withGreeting.startsWithGreeting).toBe(true);
    expect(without.text.startsWith('Here is where things stand')).toBe(true);
    // A block with no greeting of its own is unchanged.
    expect(buildScaffold('status', FULL, undefined, { dropGreeting: true }).text).toBe(buildScaffold('status', FULL).text);
  });

  it('uses the team’s wording where it has some', () => {
    const { text } = buildScaffold('status', FULL, { status: { label: 'Where we are', body: 'Status for {customerFirstName}: [[status]]' } });
    expect(text).toBe('Status for Priya: [[status]]');
  });

  it('throws a named error for a template that does not parse (stored wording is parsed before it gets here)', () => {
    expect(() => renderScaffold({ label: 'x', body: '{oops}' }, resolveValues(FULL))).toThrow(TemplateError);
  });
});

describe('missing values', () => {
  it('become placeholders the placeholders-filled rule catches, never "undefined" or "null"', () => {
    for (const id of SCAFFOLD_IDS) {
      const { text, placeholders } = buildScaffold(id, EMPTY);
      expect(text, id).not.toMatch(/undefined|null|NaN|Invalid/);
      // Every slot the renderer reports is one the detector finds, and vice versa.
      expect(findPlaceholders(text).map((p) => p.text), id).toEqual(placeholders);
    }
    const full = buildScaffold('full-reply', EMPTY);
    expect(full.text).toContain('Hi [[customer first name]],');
    expect(full.text).toContain('[[answer the customer’s questions]]');
    expect(full.text).toContain('[[your first name]]');
    expect(buildScaffold('missed-eta', EMPTY).text).toContain('by [[the ETA we missed]]');
    expect(buildScaffold('acknowledgement', EMPTY).text).toContain('about “[[subject]]”');
  });

  it('gives the rule a finding for each slot left in a draft', () => {
    const { html, placeholders } = buildScaffold('full-reply', EMPTY);
    const analysis = analyze({ customer: '', draft: html, now: NOW, timeZone: 'America/New_York', format: 'html' });
    const flagged = analysis.findings.filter((f) => f.ruleId === 'placeholders-filled');
    expect(flagged).toHaveLength(placeholders.length);
  });

  it('never writes "undefined" whatever is missing or odd (property)', () => {
    const text = fc.option(fc.string({ maxLength: 30 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.constantFrom(...SCAFFOLD_IDS),
        fc.record({
          name: fc.option(text, { nil: null }),
          email: text,
          myName: text,
          subject: fc.option(text, { nil: null }),
          questions: fc.option(fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 }), { nil: undefined }),
          now: fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01') }), { nil: undefined }),
        }),
        (id, f) => {
          const out = buildScaffold(id, {
            now: f.now ?? new Date(NaN),
            schedule: DEFAULT_SCHEDULE,
            customer: { name: f.name, email: f.email },
            myName: f.myName,
            subject: f.subject,
            ...(f.questions ? { openQuestions: f.questions } : {}),
          });
          return !/\bundefined\b|\bNaN\b|Invalid DateTime/.test(out.text.replace(/> .*\n?/g, ''));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the built-in wording does its job once the writer fills the slots', () => {
  const fill = (html: string) => html.replace(/\[\[[^\]]*\]\]/g, 'we reproduced the stall on a copy of your data');
  const failing = (html: string) =>
    new Set(
      analyze({ customer: CUSTOMER, draft: fill(html), now: NOW, timeZone: 'America/New_York', format: 'html' }).findings.map(
        (f) => f.ruleId,
      ),
    );

  it('a filled full reply passes every rule', () => {
    expect([...failing(buildScaffold('full-reply', FULL).html)]).toEqual([]);
  });

  it.each([
    ['status', 'status-summary'],
    ['next-steps', 'next-steps'],
    ['expectations', 'expectations'],
    ['expectations', 'eta-present'],
    ['acknowledgement', 'eta-concrete'],
    ['missed-eta', 'missed-eta-followup'],
    ['escalation-update', 'eta-present'],
  ] as const)('%s satisfies %s', (id, ruleId) => {
    expect(failing(buildScaffold(id, FULL).html).has(ruleId)).toBe(false);
  });

  it('an untouched full reply still fails placeholders-filled, and a question with nothing under it stays unanswered', () => {
    const { html } = buildScaffold('full-reply', FULL);
    const raw = analyze({ customer: CUSTOMER, draft: html, now: NOW, timeZone: 'America/New_York', format: 'html' });
    expect(raw.findings.some((f) => f.ruleId === 'placeholders-filled')).toBe(true);
    const deleted = html.replace(/<div>\[\[your answer\]\]<\/div>/g, '');
    const analysis = analyze({ customer: CUSTOMER, draft: deleted, now: NOW, timeZone: 'America/New_York', format: 'html' });
    expect(analysis.questions.map((q) => q.answered)).toEqual([false, false]);
  });
});

describe('defaults', () => {
  it('has a label for every scaffold', () => {
    for (const id of SCAFFOLD_IDS) expect(DEFAULT_TEMPLATES[id].label.length).toBeGreaterThan(0);
  });
});
