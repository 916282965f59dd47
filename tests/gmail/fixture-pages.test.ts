// @vitest-environment happy-dom
// The fixture pages' shared script (fake-gmail.js, loaded by each page's own
// `<script src>`), run in a happy-dom window with scripting on, so the browser tests can rely
// on it: Send records what went out and removes the compose, Gmail-style, or refuses with an
// alert dialog when there is no recipient.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { findAlertDialog, findComposes, findSendButton, readCompose } from '../../entrypoints/gmail.content/adapter.ts';
import { FIXTURE_DIR as dir, openFixtureWindow } from './fixture-window.ts';

const PAGES = [
  'thread-inline-reply-2026-11.html',
  'thread-earlier-eta-2026-11.html',
  'popout-compose-2026-11.html',
  'two-composes-2026-11.html',
  'thread-hostile-2026-11.html',
  'demo-2026-11.html',
] as const;

interface Sent {
  bodyHtml: string;
  to: string[];
  subject: string;
}

let open: Window[] = [];
afterEach(async () => {
  await Promise.all(open.map((w) => w.happyDOM.close()));
  open = [];
});

async function openPage(file: (typeof PAGES)[number]) {
  const window = await openFixtureWindow(file);
  open.push(window);
  const doc = window.document as unknown as Document;
  const sent = () => (window as unknown as { __sent: Sent[] }).__sent;
  const key = (target: Element, init: { key: string; ctrlKey?: boolean; metaKey?: boolean; isComposing?: boolean }) =>
    target.dispatchEvent(new window.KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }) as unknown as Event);
  return { window, doc, sent, key };
}

describe.each(PAGES)('%s', (file) => {
  it('starts with nothing sent, editable bodies and a top comment naming its date and facts', async () => {
    const { doc, sent } = await openPage(file);
    expect(sent()).toEqual([]);
    for (const compose of findComposes(doc)) expect(compose.body.getAttribute('contenteditable')).toBe('true');
    const html = readFileSync(resolve(dir, file), 'utf8');
    const comment = html.slice(html.indexOf('<!--'), html.indexOf('-->'));
    expect(html.indexOf('<!--')).toBeLessThan(20);
    expect(comment).toContain('2026-11');
    expect(comment).toContain('README');
  });

  it('gets its Gmail behaviour from the shared fake-gmail.js and inlines no script of its own', async () => {
    const markup = readFileSync(resolve(dir, file), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect(markup.match(/<script\b[^>]*>/g)).toEqual(['<script src="fake-gmail.js">']);
    const { window } = await openPage(file);
    expect((window as unknown as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});

describe('Send in the fixture pages', () => {
  it('a click on Send records the inline reply and removes it', async () => {
    const { doc, sent } = await openPage('thread-inline-reply-2026-11.html');
    const compose = findComposes(doc)[0]!;
    const before = readCompose(compose);
    findSendButton(compose)!.click();
    expect(sent()).toEqual([{ bodyHtml: before.bodyHtml, to: ['priya.shah@acme.example'], subject: before.subject }]);
    expect(findComposes(doc)).toEqual([]);
    expect(doc.querySelector('[role=status]')?.textContent).toBe('Message sent');
  });

  it('records what was typed, not what the page started with', async () => {
    const { doc, sent } = await openPage('thread-earlier-eta-2026-11.html');
    const compose = findComposes(doc)[0]!;
    const line = doc.createElement('div');
    line.textContent = 'The fix ships in 4.2.1 on Thursday.';
    compose.body.prepend(line);
    findSendButton(compose)!.click();
    expect(sent()[0]!.bodyHtml.startsWith('<div>The fix ships in 4.2.1 on Thursday.</div>')).toBe(true);
  });

  it('Ctrl+Enter in the pop-up sends only the pop-up; Cmd+Enter in the inline reply sends it', async () => {
    const { doc, sent, key } = await openPage('two-composes-2026-11.html');
    const [inline, popup] = findComposes(doc);
    key(popup!.body, { key: 'Enter', ctrlKey: true });
    expect(sent().map((s) => s.subject)).toEqual(['Webhook duplicates for Acme']);
    expect(sent()[0]!.to).toEqual(['oncall@northwind.example']);
    expect(doc.querySelector('[role=dialog]')).toBeNull();
    expect(findComposes(doc).map((c) => c.view)).toEqual(['inline']);
    key(inline!.body, { key: 'Enter', metaKey: true });
    expect(sent()).toHaveLength(2);
    expect(findComposes(doc)).toEqual([]);
  });

  it('plain Enter, and Enter during IME composition, do not send', async () => {
    const { doc, sent, key } = await openPage('two-composes-2026-11.html');
    const body = findComposes(doc)[0]!.body;
    key(body, { key: 'Enter' });
    key(body, { key: 'Enter', ctrlKey: true, isComposing: true });
    expect(sent()).toEqual([]);
  });

  it('Enter or Space on the focused Send button sends', async () => {
    const { doc, sent, key } = await openPage('two-composes-2026-11.html');
    const [inline, popup] = findComposes(doc);
    key(findSendButton(inline!)!, { key: 'Enter' });
    key(findSendButton(popup!)!, { key: ' ' });
    expect(sent()).toHaveLength(2);
  });

  it('"More send options" does not send', async () => {
    const { doc, sent } = await openPage('thread-inline-reply-2026-11.html');
    (doc.querySelector('.hG') as HTMLElement).click();
    expect(sent()).toEqual([]);
    expect(findComposes(doc)).toHaveLength(1);
  });

  it('a re-dispatched mousedown, mouseup, click (how a cancelled send is resumed) sends once', async () => {
    const { window, doc, sent } = await openPage('thread-inline-reply-2026-11.html');
    const send = findSendButton(findComposes(doc)[0]!)!;
    for (const type of ['mousedown', 'mouseup', 'click']) {
      send.dispatchEvent(new window.MouseEvent(type, { bubbles: true, cancelable: true }) as unknown as Event);
    }
    expect(sent()).toHaveLength(1);
  });

  it('Send with no recipient is refused with an alert dialog; the compose stays', async () => {
    const { doc, sent } = await openPage('popout-compose-2026-11.html');
    const compose = findComposes(doc)[0]!;
    findSendButton(compose)!.click();
    const alert = findAlertDialog(doc);
    expect(alert?.textContent).toContain('Please specify at least one recipient.');
    expect(sent()).toEqual([]);
    expect(findComposes(doc)).toHaveLength(1);
    (alert!.querySelector('button') as HTMLElement).click();
    expect(findAlertDialog(doc)).toBeNull();
  });
});
