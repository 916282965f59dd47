// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import type { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { queryAll, queryFirst, SELECTORS, type SelectorKey } from '../../entrypoints/gmail.content/selectors.ts';
import { findComposes, findSendButton } from '../../entrypoints/gmail.content/adapter.ts';
import { GMAIL_FIXTURES, openFixtureWindow } from './fixture-window.ts';

const FIXTURES = GMAIL_FIXTURES;
type FixtureName = keyof typeof FIXTURES;

function load(name: FixtureName): Document {
  return new DOMParser().parseFromString(readFileSync(FIXTURES[name], 'utf8'), 'text/html');
}

const windows: Window[] = [];
afterAll(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
});

// The refusal dialog only exists after the fixture's script (fake-gmail.js) has refused a send.
async function afterRefusedSend(): Promise<Document> {
  const window = await openFixtureWindow('popout-compose-2026-11.html');
  windows.push(window);
  (window.document.querySelector('[role=button][data-tooltip^="Send"]') as unknown as HTMLElement).click();
  return window.document as unknown as Document;
}

interface Proof {
  key: SelectorKey;
  fixture: FixtureName | 'POPOUT after Send with no recipient';
  count: number;
}

// key → fixture → how many elements Gmail's page has for it there.
const PROOFS: Proof[] = [
  { key: 'composeBody', fixture: 'POPUP', count: 1 },
  { key: 'composeBody', fixture: 'INLINE', count: 1 },
  { key: 'composeBody', fixture: 'POPOUT', count: 1 },
  { key: 'composeBody', fixture: 'TWO', count: 2 },
  { key: 'composeRoot', fixture: 'POPUP', count: 1 },
  { key: 'composeRoot', fixture: 'TWO', count: 2 },
  { key: 'composeDialog', fixture: 'POPUP', count: 1 },
  { key: 'composeDialog', fixture: 'TWO', count: 1 },
  { key: 'composeDialog', fixture: 'INLINE', count: 0 },
  { key: 'inlineReplyArea', fixture: 'INLINE', count: 1 },
  { key: 'inlineReplyArea', fixture: 'ETA', count: 1 },
  { key: 'inlineReplyArea', fixture: 'POPUP', count: 0 },
  { key: 'subjectInput', fixture: 'POPUP', count: 1 },
  { key: 'subjectInput', fixture: 'TWO', count: 2 },
  { key: 'draftInput', fixture: 'POPUP', count: 1 },
  { key: 'draftInput', fixture: 'TWO', count: 2 },
  { key: 'composeIdInput', fixture: 'POPUP', count: 1 },
  { key: 'replyThreadInput', fixture: 'POPUP', count: 1 },
  { key: 'lastThreadInput', fixture: 'POPUP', count: 1 },
  { key: 'lastThreadInput', fixture: 'POPOUT', count: 1 },
  { key: 'toChip', fixture: 'INLINE', count: 1 },
  { key: 'toChip', fixture: 'TWO', count: 1 },
  { key: 'toChip', fixture: 'POPOUT', count: 0 },
  { key: 'ccChip', fixture: 'INLINE', count: 1 },
  { key: 'ccChip', fixture: 'ETA', count: 0 },
  { key: 'bccChip', fixture: 'INLINE', count: 0 },
  { key: 'bccChip', fixture: 'ETA', count: 1 },
  { key: 'toField', fixture: 'POPUP', count: 1 },
  { key: 'toField', fixture: 'TWO', count: 1 },
  { key: 'ccField', fixture: 'POPUP', count: 1 },
  { key: 'bccField', fixture: 'POPUP', count: 1 },
  { key: 'toField', fixture: 'INLINE', count: 0 },
  { key: 'legacyChipAddress', fixture: 'TWO', count: 1 },
  { key: 'legacyChipInput', fixture: 'TWO', count: 1 },
  { key: 'legacyChipAddress', fixture: 'POPUP', count: 0 },
  { key: 'sendButton', fixture: 'POPUP', count: 1 },
  { key: 'sendButton', fixture: 'INLINE', count: 1 },
  { key: 'sendButton', fixture: 'ETA', count: 1 },
  { key: 'sendButton', fixture: 'POPOUT', count: 1 },
  { key: 'sendButton', fixture: 'TWO', count: 2 },
  { key: 'scheduleSendItem', fixture: 'POPUP', count: 1 },
  { key: 'scheduleSendItem', fixture: 'TWO', count: 2 },
  { key: 'sendArchiveButton', fixture: 'PATHS', count: 1 },
  { key: 'sendArchiveButton', fixture: 'INLINE', count: 0 },
  { key: 'alertDialog', fixture: 'POPOUT', count: 0 },
  { key: 'alertDialog', fixture: 'POPOUT after Send with no recipient', count: 1 },
  { key: 'threadSubject', fixture: 'INLINE', count: 1 },
  { key: 'threadSubject', fixture: 'ETA', count: 1 },
  { key: 'threadSubject', fixture: 'POPOUT', count: 0 },
  { key: 'threadPermId', fixture: 'ETA', count: 1 },
  { key: 'threadLegacyId', fixture: 'INLINE', count: 1 },
  { key: 'threadMessage', fixture: 'INLINE', count: 3 },
  { key: 'threadMessage', fixture: 'ETA', count: 3 },
  { key: 'threadMessage', fixture: 'TWO', count: 1 },
  { key: 'threadMessage', fixture: 'POPUP', count: 0 },
  { key: 'messageSender', fixture: 'INLINE', count: 3 },
  { key: 'messageDate', fixture: 'INLINE', count: 3 },
  { key: 'messageDate', fixture: 'ETA', count: 3 },
  { key: 'messageBody', fixture: 'INLINE', count: 3 },
  { key: 'messageBody', fixture: 'ETA', count: 2 },
  { key: 'messageExpanded', fixture: 'INLINE', count: 1 },
  { key: 'messageExpanded', fixture: 'ETA', count: 2 },
  { key: 'messageCollapsed', fixture: 'INLINE', count: 2 },
  { key: 'bodyQuoteAttribution', fixture: 'INLINE', count: 1 },
  { key: 'bodyQuoteAttribution', fixture: 'POPUP', count: 0 },
  { key: 'bodyQuote', fixture: 'INLINE', count: 2 },
  { key: 'bodyQuote', fixture: 'POPUP', count: 0 },
  { key: 'bodyHistoryQuote', fixture: 'INLINE', count: 2 },
  { key: 'bodyHistoryQuote', fixture: 'POPUP', count: 0 },
  { key: 'bodySignature', fixture: 'INLINE', count: 1 },
  { key: 'accountButton', fixture: 'INLINE', count: 1 },
  { key: 'accountButton', fixture: 'TWO', count: 1 },
  { key: 'accountButton', fixture: 'POPOUT', count: 0 },
];

async function documentFor(fixture: Proof['fixture']): Promise<Document> {
  return fixture === 'POPOUT after Send with no recipient' ? afterRefusedSend() : load(fixture);
}

describe('every selector is proven by a fixture', () => {
  it.each(PROOFS)('$key matches $count in $fixture', async ({ key, fixture, count }) => {
    expect(queryAll(await documentFor(fixture), key)).toHaveLength(count);
  });

  it('no selector key goes without a fixture where it matches', () => {
    const proven = new Set(PROOFS.filter((p) => p.count > 0).map((p) => p.key));
    expect(Object.keys(SELECTORS).filter((key) => !proven.has(key as SelectorKey))).toEqual([]);
  });

  it("each key's first (preferred) selector matches in some fixture, so fallbacks stay fallbacks", async () => {
    const documents = await Promise.all([
      ...(Object.keys(FIXTURES) as FixtureName[]).map(load),
      afterRefusedSend(),
    ]);
    const unmatched = (Object.entries(SELECTORS) as [SelectorKey, readonly string[]][])
      .filter(([, selectors]) => !documents.some((doc) => doc.querySelector(selectors[0]!) !== null))
      .map(([key]) => key);
    expect(unmatched).toEqual([]);
  });
});

describe('class fallbacks take over when Gmail drops an attribute', () => {
  it('finds the compose body by role=textbox when g_editable goes', () => {
    const doc = load('POPUP');
    doc.querySelector('[g_editable]')!.removeAttribute('g_editable');
    const [compose] = findComposes(doc);
    expect(compose?.body.getAttribute('aria-label')).toBe('Message Body');
  });

  it('finds the body under .Ap when both g_editable and role go', () => {
    const doc = load('POPUP');
    const body = doc.querySelector('[g_editable]')!;
    body.removeAttribute('g_editable');
    body.removeAttribute('role');
    expect(findComposes(doc).map((c) => c.body)).toEqual([body]);
  });

  it('finds Send in the .IZ .Up cell when tooltips go, and still never picks "More send options"', () => {
    const doc = load('POPUP');
    for (const el of Array.from(doc.querySelectorAll('[data-tooltip]'))) el.removeAttribute('data-tooltip');
    const send = findSendButton(findComposes(doc)[0]!);
    expect(send?.textContent?.trim()).toBe('Send');
    expect(send?.classList.contains('hG')).toBe(false);
  });

  it('reads a localised Send button (tooltip not starting with "Send") through the class fallback', () => {
    const doc = load('INLINE');
    const button = doc.querySelector('[data-tooltip^="Send"]')!;
    button.setAttribute('data-tooltip', 'Envoyer (Ctrl-Entrée)');
    expect(findSendButton(findComposes(doc)[0]!)).toBe(button);
  });

  it('takes the first selector that matches, not the union', () => {
    const doc = load('TWO');
    // Both bodies carry g_editable, so a contenteditable elsewhere must not be added.
    const stray = doc.createElement('div');
    stray.setAttribute('contenteditable', 'true');
    stray.setAttribute('role', 'textbox');
    doc.body.appendChild(stray);
    expect(queryAll(doc, 'composeBody')).toHaveLength(2);
    expect(queryFirst(doc, 'composeBody')).not.toBe(stray);
  });

  it('an unparsable selector costs a match, never an exception', () => {
    const doc = load('POPUP');
    const original = doc.querySelector.bind(doc);
    doc.querySelector = ((selector: string) => {
      if (selector.startsWith('[g_editable')) throw new SyntaxError('unsupported');
      return original(selector);
    }) as typeof doc.querySelector;
    expect(queryFirst(doc, 'composeBody')?.getAttribute('role')).toBe('textbox');
  });
});
