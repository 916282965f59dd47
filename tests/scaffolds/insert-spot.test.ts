// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComposeHandle } from '../../entrypoints/gmail.content/adapter.ts';
import { insertScaffold } from '../../entrypoints/gmail.content/insert-scaffold.ts';
import { DEFAULT_SCHEDULE } from '../../lib/schemas/settings.ts';
import type { ScaffoldFacts } from '../../lib/scaffolds/index.ts';

// Where a scaffold goes and what HTML is handed to the editor. happy-dom has no editing
// commands, so execCommand is a stand-in that inserts at the selection the way a paste does;
// the real command, its undo step and Gmail's input event are checked in Chromium
// (tests/e2e/scaffolds.e2e.test.ts).

const FACTS: ScaffoldFacts = { now: new Date('2026-11-18T15:00:00Z'), schedule: DEFAULT_SCHEDULE, customer: { name: 'Priya Shah' } };
const QUOTE = '<div class="gmail_quote"><div class="gmail_attr">On Tue Priya wrote:</div><blockquote class="gmail_quote">Is 4.2 affected?</blockquote></div>';

let calls: Array<{ html: string; before: string }> = [];

beforeEach(() => {
  calls = [];
  (document as unknown as { execCommand: unknown }).execCommand = (command: string, _ui: boolean, html: string) => {
    if (command !== 'insertHTML') return false;
    const range = document.getSelection()!.getRangeAt(0);
    const body = (range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement)!.closest('[contenteditable]')!;
    const before = document.createRange();
    before.setStart(body, 0);
    before.setEnd(range.startContainer, range.startOffset);
    calls.push({ html, before: before.toString() });
    range.insertNode(range.createContextualFragment(html));
    return true;
  };
});
afterEach(() => document.body.replaceChildren());

function compose(html: string): ComposeHandle {
  const root = document.createElement('div');
  const subject = document.createElement('input');
  subject.name = 'subjectbox';
  const body = document.createElement('div');
  body.setAttribute('contenteditable', 'true');
  body.innerHTML = html;
  root.append(subject, body);
  document.body.append(root);
  return { root, body, view: 'inline' };
}

function caretAt(node: Node, offset: number, endNode?: Node, endOffset?: number) {
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(endNode ?? node, endOffset ?? offset);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

describe('where a scaffold goes', () => {
  it('after the greeting when the caret is not in the body, leaving the draft’s greeting as the only one', () => {
    const handle = compose(`<div>Hi Priya,</div><div><br></div><div>The logs arrived.</div><br>${QUOTE}`);
    handle.root.querySelector('input')!.focus();
    const result = insertScaffold(handle, 'full-reply', FACTS);
    expect(result).toMatchObject({ inserted: true, where: 'after-greeting' });
    expect(calls[0]!.before).toBe('Hi Priya,');
    // A fresh line first, the greeting left out, a blank line after.
    expect(calls[0]!.html.startsWith('<div><br></div><div>Here is where things stand')).toBe(true);
    expect(calls[0]!.html.endsWith('<div><br></div>')).toBe(true);
  });

  it('at the top when the draft has no greeting, still above the quoted history', () => {
    const handle = compose(`<br>${QUOTE}`);
    const result = insertScaffold(handle, 'status', FACTS);
    expect(result).toMatchObject({ inserted: true, where: 'top' });
    expect(calls[0]!.before).toBe('');
    expect(handle.body.innerHTML.indexOf('Where things stand')).toBeLessThan(handle.body.innerHTML.indexOf('gmail_quote'));
  });

  it('at the caret when it is in the body’s own text, starting a fresh line after text', () => {
    const handle = compose(`<div>Hi Priya,</div><div>First line.</div><div>Last line.</div>${QUOTE}`);
    const first = handle.body.childNodes[1]!.firstChild!;
    caretAt(first, 'First line.'.length);
    expect(insertScaffold(handle, 'next-steps', FACTS)).toMatchObject({ inserted: true, where: 'caret' });
    expect(calls[0]!.before).toBe('Hi Priya,First line.');
    expect(calls[0]!.html.startsWith('<div><br></div><div>Next steps:</div>')).toBe(true);
  });

  it('never replaces a selection: the scaffold goes after it', () => {
    const handle = compose('<div>Keep every word of this.</div>');
    const text = handle.body.firstChild!.firstChild!;
    caretAt(text, 0, text, 4);
    insertScaffold(handle, 'status', FACTS);
    expect(calls[0]!.before).toBe('Keep');
    // Nothing selected was lost: the words are all there, the scaffold after the selection.
    expect(handle.body.textContent).toMatch(/^KeepWhere things stand: .* every word of this\.$/);
  });

  it('treats a caret in the quoted history as outside the body', () => {
    const handle = compose(`<div>Hello Priya,</div>${QUOTE}`);
    caretAt(handle.body.querySelector('blockquote')!.firstChild!, 3);
    expect(insertScaffold(handle, 'status', FACTS)).toMatchObject({ inserted: true, where: 'after-greeting' });
  });

  it('never writes into the quoted history when the selection ends there (select-all)', () => {
    const handle = compose(`<div>Hello Priya,</div><div>The logs arrived.</div>${QUOTE}`);
    const quoted = handle.body.querySelector('blockquote')!.firstChild!;
    caretAt(handle.body.firstChild!.firstChild!, 0, quoted, 3);
    expect(insertScaffold(handle, 'status', FACTS)).toMatchObject({ inserted: true, where: 'after-greeting' });
    expect(handle.body.querySelector('.gmail_quote')!.textContent).toBe('On Tue Priya wrote:Is 4.2 affected?');
    // The same with the selection running to the body's very end.
    caretAt(handle.body.firstChild!.firstChild!, 0, handle.body, handle.body.childNodes.length);
    insertScaffold(handle, 'status', FACTS);
    expect(handle.body.querySelector('.gmail_quote')!.textContent).toBe('On Tue Priya wrote:Is 4.2 affected?');
  });

  it('never writes into the signature when a drag from the writer’s text ends in it', () => {
    const handle = compose('<div>Hello Priya,</div><div>The logs arrived.</div><div class="gmail_signature">-- <br>Dana</div>');
    caretAt(handle.body.childNodes[1]!.firstChild!, 4, handle.body.querySelector('.gmail_signature')!.lastChild!, 2);
    expect(insertScaffold(handle, 'status', FACTS)).toMatchObject({ inserted: true, where: 'after-greeting' });
    expect(handle.body.querySelector('.gmail_signature')!.textContent).toBe('-- Dana');
  });

  it('takes a scaffold’s own question lines for the writer’s text, not for quoted history', () => {
    const questions = '<blockquote>Do we need to roll back to 4.1?</blockquote><div>[[your answer]]</div>';
    // With the greeting deleted, the question lines open the draft: still a place to write above.
    const top = compose(`${questions}${QUOTE}`);
    expect(insertScaffold(top, 'status', FACTS)).toMatchObject({ inserted: true, where: 'top' });
    document.body.replaceChildren();
    // A caret in the answer slot under a question is in the body.
    const slot = compose(`<div>Hi Priya,</div>${questions}<div>More soon.</div>${QUOTE}`);
    caretAt(slot.body.childNodes[2]!.firstChild!, '[[your answer]]'.length);
    expect(insertScaffold(slot, 'next-steps', FACTS)).toMatchObject({ inserted: true, where: 'caret' });
    expect(calls.at(-1)!.before).toBe('Hi Priya,Do we need to roll back to 4.1?[[your answer]]');
    document.body.replaceChildren();
    // A caret on the question itself: the scaffold goes under the question, never inside the
    // quote, where its slots would read as the customer's words and go unflagged.
    const line = compose(`<div>Hi Priya,</div>${questions}${QUOTE}`);
    caretAt(line.body.querySelector('blockquote')!.firstChild!, 5);
    expect(insertScaffold(line, 'next-steps', FACTS)).toMatchObject({ inserted: true, where: 'caret' });
    expect(calls.at(-1)!.before).toBe('Hi Priya,Do we need to roll back to 4.1?');
    expect(line.body.querySelector('blockquote')!.textContent).toBe('Do we need to roll back to 4.1?');
  });

  it('refuses rather than write into the quote when nothing at all is above it', () => {
    const handle = compose(QUOTE);
    expect(insertScaffold(handle, 'status', FACTS)).toEqual({
      inserted: false,
      reason: 'Click in the draft where the scaffold should go, then insert it.',
      placeholders: [],
    });
    expect(calls).toEqual([]);
  });

  it('says so when the compose is gone, and reports the placeholders it left otherwise', () => {
    const handle = compose('<br>');
    expect(insertScaffold(handle, 'expectations', FACTS)).toMatchObject({ inserted: true, placeholders: [] });
    expect(insertScaffold(handle, 'status', FACTS).placeholders).toEqual(['[[current status: what we found, what is done, what is still open]]']);
    handle.root.remove();
    expect(insertScaffold(handle, 'status', FACTS)).toMatchObject({ inserted: false, reason: 'The draft is no longer open.' });
  });
});
