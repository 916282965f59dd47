// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bareAddress,
  composeAt,
  findAlertDialog,
  findComposes,
  findScheduleSendItem,
  findSendButton,
  parseGmailDateTitle,
  readAccountAddress,
  readCompose,
  readThread,
} from '../../entrypoints/gmail.content/adapter.ts';
import { createOnceLogger, queryOrFail, SelectorError } from '../../entrypoints/gmail.content/selector-error.ts';
import { LINEAR_BOUND_MS } from '../helpers/bounds.ts';
import { GMAIL_FIXTURES } from './fixture-window.ts';

const FIXTURES = GMAIL_FIXTURES;

function load(name: keyof typeof FIXTURES): Document {
  return parse(readFileSync(FIXTURES[name], 'utf8'));
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const NY = { timeZone: 'America/New_York' };

describe('findComposes', () => {
  it.each([
    ['POPUP', ['dialog']],
    ['INLINE', ['inline']],
    ['ETA', ['inline']],
    ['POPOUT', ['page']],
    ['TWO', ['inline', 'dialog']],
  ] as const)('finds every compose in %s, in page order, with its view', (name, views) => {
    const composes = findComposes(load(name));
    expect(composes.map((c) => c.view)).toEqual(views);
    for (const compose of composes) {
      expect(compose.root.contains(compose.body)).toBe(true);
      expect(compose.body.getAttribute('contenteditable')).toBe('true');
    }
  });

  it('gives each of two open composes its own root, body and Send button', () => {
    const [inline, popup] = findComposes(load('TWO'));
    expect(inline!.root).not.toBe(popup!.root);
    expect(inline!.root.contains(popup!.body)).toBe(false);
    expect(popup!.root.contains(inline!.body)).toBe(false);
    const sends = [findSendButton(inline!), findSendButton(popup!)];
    expect(sends[0]).not.toBe(sends[1]);
    expect(inline!.root.contains(sends[0]!)).toBe(true);
    expect(popup!.root.contains(sends[1]!)).toBe(true);
  });

  it('scopes to the root it is given', () => {
    const doc = load('TWO');
    const dialog = doc.querySelector('[role=dialog]')!;
    expect(findComposes(dialog).map((c) => c.view)).toEqual(['dialog']);
  });
});

describe('the real 2020 pop-up capture', () => {
  const doc = load('POPUP');
  const [compose] = findComposes(doc);

  it('reads body, subject and the hidden inputs', () => {
    const state = readCompose(compose!);
    expect(state.bodyElement.getAttribute('aria-label')).toBe('Message Body');
    expect(state.bodyHtml.trim()).toBe('<br>');
    expect(state.subject).toBe('');
    expect(state.draftId).toBe('msg-a:r-7673660351152959857');
    expect(state.composeId).toBe('1');
    // A new message's draft already has a thread; a pop-up never borrows one from the page.
    expect(state.threadId).toBe('thread-a:r-7681922771531347793');
    expect(state.recipients).toEqual({ to: [], cc: [], bcc: [] });
    expect(state.kind).toBe('new');
  });

  it('finds Send, not "More send options"', () => {
    const send = findSendButton(compose!);
    expect(send?.textContent?.trim()).toBe('Send');
    expect(send?.getAttribute('data-tooltip')?.startsWith('Send')).toBe(true);
    expect(send?.classList.contains('hG')).toBe(false);
    expect(send?.getAttribute('aria-label')).not.toBe('More send options');
  });

  it('finds the Schedule send item from the page and from the compose', () => {
    expect(findScheduleSendItem(doc)?.textContent?.trim()).toBe('Schedule send');
    expect(findScheduleSendItem(compose!.root)).toBe(findScheduleSendItem(doc));
  });

  it('reads the pre-2021 recipient rows: typed text that is an address counts, chips too', () => {
    const copy = load('POPUP');
    const to = copy.querySelector('textarea[name=to]') as HTMLTextAreaElement;
    to.value = '"Doe, Sam" <Sam.Doe@Acme.example>, not an address';
    const bcc = copy.querySelector('textarea[name=bcc]') as HTMLTextAreaElement;
    bcc.value = 'audit@northwind.example';
    expect(readCompose(findComposes(copy)[0]!).recipients).toEqual({
      to: ['sam.doe@acme.example'],
      cc: [],
      bcc: ['audit@northwind.example'],
    });
  });

  it('has no thread and no account on it', () => {
    expect(readThread(doc)).toBeNull();
    expect(readAccountAddress(doc)).toBeNull();
  });
});

describe('readCompose on the 2026 fixtures', () => {
  it('inline reply: chips, subject, ids, the quoted customer message, kind reply', () => {
    const state = readCompose(findComposes(load('INLINE'))[0]!);
    expect(state.recipients).toEqual({ to: ['priya.shah@acme.example'], cc: ['lee.wong@acme.example'], bcc: [] });
    expect(state.subject).toBe('Re: Nightly sync stalls after the 4.2 upgrade');
    expect(state.draftId).toBe('msg-a:r-5531902217735124410');
    expect(state.composeId).toBe('2');
    expect(state.threadId).toBe('thread-f:1849302114567780001');
    expect(state.kind).toBe('reply');
    expect(state.bodyHtml).toContain('class="gmail_quote"');
    expect(state.bodyHtml).toContain('Do we need to roll back to 4.1');
  });

  it('lower-cases chip addresses (Bcc in the ETA thread)', () => {
    expect(readCompose(findComposes(load('ETA'))[0]!).recipients).toEqual({
      to: ['marco.bianchi@acme.example'],
      cc: [],
      bcc: ['acme-team@northwind.example'],
    });
  });

  it('pop-out: a new message with no recipients, its thread from the hidden rt input', () => {
    const state = readCompose(findComposes(load('POPOUT'))[0]!);
    expect(state).toMatchObject({
      subject: 'Maintenance window on Saturday',
      kind: 'new',
      threadId: 'thread-a:r-8120044193372650011',
      draftId: 'msg-a:r-8120044193372650012',
      recipients: { to: [], cc: [], bcc: [] },
    });
    expect(state.bodyHtml).toContain('pause your nightly job?');
  });

  it('two composes: the pop-up reads its legacy chip and its own draft thread, not the thread behind it', () => {
    const [inline, popup] = findComposes(load('TWO')).map(readCompose);
    expect(inline).toMatchObject({ kind: 'reply', threadId: 'thread-f:1849400021337760047' });
    expect(inline!.recipients.to).toEqual(['priya.shah@acme.example']);
    expect(popup).toMatchObject({
      kind: 'new',
      subject: 'Webhook duplicates for Acme',
      threadId: 'thread-a:r-9001122334455667787',
      composeId: '7',
      recipients: { to: ['oncall@northwind.example'], cc: [], bcc: [] },
    });
  });

  it('tells forwards from replies by subject or by the forwarded-message header', () => {
    const bySubject = load('INLINE');
    (bySubject.querySelector('input[name=subjectbox]') as HTMLInputElement).value = 'Fwd: Nightly sync stalls';
    expect(readCompose(findComposes(bySubject)[0]!).kind).toBe('forward');

    const byHeader = load('POPOUT');
    const body = findComposes(byHeader)[0]!.body;
    const quote = byHeader.createElement('div');
    quote.className = 'gmail_quote';
    const attribution = byHeader.createElement('div');
    attribution.className = 'gmail_attr';
    attribution.textContent = '---------- Forwarded message ---------';
    quote.appendChild(attribution);
    body.appendChild(quote);
    expect(readCompose(findComposes(byHeader)[0]!).kind).toBe('forward');

    const reply = load('POPOUT');
    (reply.querySelector('input[name=subjectbox]') as HTMLInputElement).value = 'RE: Maintenance';
    expect(readCompose(findComposes(reply)[0]!).kind).toBe('reply');
  });

  it('reads the body Gmail redrew in place of the one the handle was made with', () => {
    const doc = load('POPOUT');
    const handle = findComposes(doc)[0]!;
    const fresh = handle.body.cloneNode(false) as HTMLElement;
    fresh.textContent = 'redrawn';
    handle.body.replaceWith(fresh);
    expect(readCompose(handle).bodyHtml).toBe('redrawn');
  });
});

describe('thread id rules for an inline reply', () => {
  it('prefers data-thread-perm-id over a real legacy id', () => {
    expect(readCompose(findComposes(load('INLINE'))[0]!).threadId).toBe('thread-f:1849302114567780001');
  });

  it('uses the legacy id when the perm id is missing', () => {
    const doc = load('INLINE');
    doc.querySelector('[data-thread-perm-id]')!.removeAttribute('data-thread-perm-id');
    expect(readCompose(findComposes(doc)[0]!).threadId).toBe((1849302114567780001n).toString(16));
  });

  it('skips a legacy id that is the string "undefined" and falls back to the rt input', () => {
    const doc = load('ETA');
    doc.querySelector('[data-thread-perm-id]')!.removeAttribute('data-thread-perm-id');
    expect(doc.querySelector('[data-legacy-thread-id]')!.getAttribute('data-legacy-thread-id')).toBe('undefined');
    expect(readCompose(findComposes(doc)[0]!).threadId).toBe('thread-f:1849117730041290113');
  });

  it('uses lts when rt is empty, and gives null when nothing is meaningful', () => {
    const doc = load('ETA');
    doc.querySelector('[data-thread-perm-id]')!.removeAttribute('data-thread-perm-id');
    (doc.querySelector('input[name=rt]') as HTMLInputElement).value = '';
    (doc.querySelector('input[name=lts]') as HTMLInputElement).value = '#thread-f:42';
    expect(readCompose(findComposes(doc)[0]!).threadId).toBe('thread-f:42');
    (doc.querySelector('input[name=lts]') as HTMLInputElement).value = 'undefined';
    expect(readCompose(findComposes(doc)[0]!).threadId).toBeNull();
  });

  it('still finds the thread around a reply when Gmail drops the .ip.adB classes', () => {
    const doc = load('INLINE');
    doc.querySelector('.ip.adB')!.className = 'renamed';
    const [compose] = findComposes(doc);
    expect(compose!.view).toBe('inline');
    expect(readCompose(compose!).threadId).toBe('thread-f:1849302114567780001');
  });
});

describe('readThread', () => {
  it('reads the inline-reply thread: subject, id, senders, dates, bodies, states', () => {
    const thread = readThread(load('INLINE'), NY)!;
    expect(thread.subject).toBe('Nightly sync stalls after the 4.2 upgrade');
    expect(thread.threadId).toBe('thread-f:1849302114567780001');
    expect(thread.messages.map((m) => m.from?.email)).toEqual([
      'priya.shah@acme.example',
      'dana@northwind.example',
      'priya.shah@acme.example',
    ]);
    expect(thread.messages.map((m) => m.from?.name)).toEqual(['Priya Shah', 'Dana Reyes', 'Priya Shah']);
    expect(thread.messages.map((m) => m.date)).toEqual([
      { title: 'Mon, Nov 16, 2026, 9:12 AM', iso: '2026-11-16T09:12:00-05:00' },
      { title: 'Mon, Nov 16, 2026, 11:40 AM', iso: '2026-11-16T11:40:00-05:00' },
      { title: 'Tue, Nov 17, 2026, 8:05 AM', iso: '2026-11-17T08:05:00-05:00' },
    ]);
    expect(thread.messages.map((m) => m.expanded)).toEqual([false, false, true]);
    expect(thread.messages[0]!.messageId).toBe('msg-f:1849302114567780001');
    expect(thread.messages[0]!.bodyHtml).toContain('Is this a known issue with 4.2?');
    expect(thread.messages[2]!.bodyHtml).toContain('can you confirm whether the fix will ship in 4.2.1?');
  });

  it('reads our earlier ETA, and a collapsed message Gmail has not loaded as a null body', () => {
    const thread = readThread(load('ETA'), NY)!;
    expect(thread.threadId).toBe('thread-f:1849117730041290113');
    expect(thread.messages.map((m) => [m.from?.email, m.expanded, m.bodyHtml === null])).toEqual([
      ['marco.bianchi@acme.example', false, true],
      ['dana@northwind.example', true, false],
      ['marco.bianchi@acme.example', true, false],
    ]);
    expect(thread.messages[1]!.bodyHtml).toContain('I will have an answer for you by 3 pm ET Tuesday.');
    expect(thread.messages[1]!.date?.iso).toBe('2026-11-12T16:18:00-05:00');
  });

  it('falls back to the legacy message id and a null thread id when only "undefined" is left', () => {
    const doc = load('ETA');
    doc.querySelector('[data-thread-perm-id]')!.removeAttribute('data-thread-perm-id');
    const message = doc.querySelector('[data-message-id]')!;
    message.setAttribute('data-message-id', 'undefined');
    const thread = readThread(doc)!;
    expect(thread.threadId).toBeNull();
    expect(thread.messages[0]!.messageId).toBe(message.getAttribute('data-legacy-message-id'));
  });

  it('returns null where no thread is open', () => {
    expect(readThread(load('POPOUT'))).toBeNull();
    expect(readThread(parse(''))).toBeNull();
  });

  it('throws a SelectorError naming threadMessage when the heading is there but messages are not', () => {
    const doc = load('INLINE');
    for (const m of Array.from(doc.querySelectorAll('.adn'))) m.remove();
    expect(() => readThread(doc)).toThrow(SelectorError);
    try {
      readThread(doc);
    } catch (error) {
      expect((error as SelectorError).name).toBe('SelectorError');
      expect((error as SelectorError).key).toBe('threadMessage');
    }
  });

  it('ignores message markup quoted inside another message or a compose body', () => {
    const doc = load('TWO');
    const fake = doc.createElement('div');
    fake.setAttribute('data-message-id', '#msg-f:1');
    doc.querySelector('.a3s')!.appendChild(fake.cloneNode());
    findComposes(doc)[0]!.body.appendChild(fake);
    expect(readThread(doc)!.messages).toHaveLength(1);
  });
});

describe('parseGmailDateTitle', () => {
  it.each([
    ['Mon, Nov 16, 2026, 9:12 AM', '2026-11-16T09:12:00-05:00'],
    ['Mon, Nov 16, 2026, 9:12\u202fPM', '2026-11-16T21:12:00-05:00'],
    ['Mon, Nov 16, 2026 at 12:05 AM', '2026-11-16T00:05:00-05:00'],
    ['Mon, 16 Nov 2026, 14:30', '2026-11-16T14:30:00-05:00'],
    ['Tue, Jul 7, 2026, 9:00 p.m.', '2026-07-07T21:00:00-04:00'],
    ['lun. 16 nov. 2026, 09:12', '2026-11-16T09:12:00-05:00'],
  ])('%s → %s', (title, iso) => {
    expect(parseGmailDateTitle(title, 'America/New_York')).toBe(iso);
  });

  it.each([
    '2026年11月16日(月) 9:12',
    'Mon, Feb 30, 2026, 9:00 AM',
    'Mon, Nov 16, 2026, 13:00 PM',
    '16/11/2026, 09:12',
    'yesterday',
    '',
  ])('gives null for %j rather than guessing', (title) => {
    expect(parseGmailDateTitle(title, 'America/New_York')).toBeNull();
  });

  it('gives null for an unknown zone instead of throwing', () => {
    expect(parseGmailDateTitle('Mon, Nov 16, 2026, 9:12 AM', 'Mars/Olympus_Mons')).toBeNull();
  });
});

describe('readAccountAddress', () => {
  it("reads the account button's aria-label", () => {
    const doc = load('INLINE');
    doc.title = 'no address here';
    expect(readAccountAddress(doc)).toBe('dana@northwind.example');
  });

  it('falls back to the title, "Subject - address - Gmail", when there is no header (pop-out)', () => {
    expect(readAccountAddress(load('POPOUT'))).toBe('dana@northwind.example');
  });

  it('takes the address from a title whose subject has dashes and an address in it', () => {
    const doc = parse('<title>Re: a - b - ask bob@acme.example - Dana@Northwind.example - Gmail</title>');
    expect(readAccountAddress(doc)).toBe('dana@northwind.example');
    const inbox = parse('<title>Inbox (3) - name@example.com - Gmail</title>');
    expect(readAccountAddress(inbox)).toBe('name@example.com');
  });

  it('reads a label in another language, where only the parenthesised address is stable', () => {
    const doc = parse(
      '<a href="https://accounts.google.com/SignOutOptions?hl=de" aria-label="Google-Konto: Dana Reyes (dana@northwind.example)"></a>',
    );
    expect(readAccountAddress(doc)).toBe('dana@northwind.example');
  });

  it('returns null when neither place has an address', () => {
    expect(readAccountAddress(parse('<title>Gmail</title><a aria-label="Google Account: Dana">x</a>'))).toBeNull();
  });
});

describe('missing elements are named errors; Gmail keeps working', () => {
  it('composeAt on a compose whose body is missing throws SelectorError("composeBody")', () => {
    const doc = load('POPUP');
    doc.querySelector('[contenteditable]')!.remove();
    const dialog = doc.querySelector('[role=dialog]')!;
    let caught: unknown;
    try {
      composeAt(dialog);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SelectorError);
    expect((caught as SelectorError).name).toBe('SelectorError');
    expect((caught as SelectorError).key).toBe('composeBody');
    expect((caught as SelectorError).message).toContain('composeBody');
    expect(findComposes(doc)).toEqual([]);
  });

  it('composeAt finds the compose in a container that has one', () => {
    const doc = load('TWO');
    expect(composeAt(doc.querySelector('[role=dialog]')!).view).toBe('dialog');
  });

  it('readCompose throws SelectorError when the compose lost its body entirely', () => {
    const doc = load('POPOUT');
    const handle = findComposes(doc)[0]!;
    handle.body.remove();
    expect(() => readCompose(handle)).toThrow(SelectorError);
  });

  it('queryOrFail returns the element or throws the named error', () => {
    const doc = load('POPUP');
    expect(queryOrFail(doc, 'subjectInput').getAttribute('name')).toBe('subjectbox');
    expect(() => queryOrFail(doc, 'threadSubject')).toThrow(/threadSubject/);
  });

  it('the once-logger reports each failing key once and never throws itself', () => {
    const lines: string[] = [];
    const log = createOnceLogger((message) => lines.push(message));
    expect(log(new SelectorError('composeBody'))).toBe(true);
    expect(log(new SelectorError('composeBody'))).toBe(false);
    expect(log(new SelectorError('sendButton'))).toBe(true);
    expect(log(Object.create(null))).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('composeBody');
    const broken = createOnceLogger(() => {
      throw new Error('console gone');
    });
    expect(() => broken(new SelectorError('composeBody'))).not.toThrow();
  });

  it('findAlertDialog sees Gmail refusing a send', () => {
    const doc = load('POPOUT');
    expect(findAlertDialog(doc)).toBeNull();
    const alert = doc.createElement('div');
    alert.setAttribute('role', 'alertdialog');
    doc.body.appendChild(alert);
    expect(findAlertDialog(doc)).toBe(alert);
  });
});

function everything(doc: Document): void {
  for (const compose of findComposes(doc)) {
    readCompose(compose);
    findSendButton(compose);
  }
  findScheduleSendItem(doc);
  findAlertDialog(doc);
  readAccountAddress(doc);
  readThread(doc, NY);
}

function throwsOnlySelectorErrors(doc: Document): boolean {
  try {
    everything(doc);
    return true;
  } catch (error) {
    return error instanceof SelectorError;
  }
}

describe('odd pages', () => {
  it.each([
    ['an empty document', ''],
    ['plain garbage', '<<<>>> \u202e\u05e9\u05dc\u05d5\u05dd 🙂 <div <span'],
    ['a body with no form, root or Send bar', '<div contenteditable="true" role="textbox">hi</div>'],
    ['a compose nested in a compose body', '<div class="M9"><div g_editable="true" contenteditable="true">a<div class="M9"><div g_editable="true" contenteditable="true">b</div></div></div></div>'],
    ['a thread heading with broken ids', '<div class="ha"><h2 data-thread-perm-id="" data-legacy-thread-id="undefined"></h2></div><div class="adn"></div>'],
    ['chips with junk addresses', '<div class="M9"><div name="to"><div role="option" data-hovercard-id="@@"></div><div role="option" data-hovercard-id="x@y"></div></div><div contenteditable="true" role="textbox"></div></div>'],
  ])('%s does not throw', (_, html) => {
    expect(() => everything(parse(html))).not.toThrow();
  });

  it('treats an editable inside a body as content, not a second compose', () => {
    const doc = parse(
      '<div class="M9"><div g_editable="true" contenteditable="true">a<div class="M9"><div g_editable="true" contenteditable="true">b</div></div></div></div>',
    );
    expect(findComposes(doc)).toHaveLength(1);
  });

  it('finds the form around a body when Gmail drops every container class', () => {
    const doc = parse(
      '<main><section><form><input name="subjectbox" value="Hello"><input type="hidden" name="draft" value="#msg-a:r-1"></form>' +
        '<div><div contenteditable="true" role="textbox">hi</div></div></section><aside>x</aside></main>',
    );
    const state = readCompose(findComposes(doc)[0]!);
    expect(state).toMatchObject({ subject: 'Hello', draftId: 'msg-a:r-1', kind: 'new', bodyHtml: 'hi' });
  });

  it('random trees of Gmail-like markup throw nothing but SelectorError', () => {
    const tags = ['div', 'span', 'h2', 'table', 'tr', 'td', 'form', 'input', 'textarea'];
    const attributes: [string, string][] = [
      ['class', 'M9'], ['class', 'ip adB'], ['class', 'adn h7'], ['class', 'kv'], ['class', 'gD'], ['class', 'g3'],
      ['class', 'a3s'], ['class', 'ha'], ['class', 'IZ'], ['class', 'Up'], ['class', 'hG'], ['class', 'vR'],
      ['role', 'dialog'], ['role', 'button'], ['role', 'textbox'], ['role', 'option'], ['role', 'listbox'],
      ['contenteditable', 'true'], ['g_editable', 'true'], ['name', 'to'], ['name', 'subjectbox'], ['name', 'rt'],
      ['data-message-id', '#msg-f:1'], ['data-thread-perm-id', 'undefined'], ['data-legacy-thread-id', 'undefined'],
      ['data-hovercard-id', 'a@b.example'], ['email', 'not-an-address'], ['title', 'Mon, Nov 16, 2026, 9:12 AM'],
      ['data-tooltip', 'Send'], ['aria-label', 'Google Account: (x@y.example)'], ['selector', 'scheduledSend'],
    ];
    type Node = { tag: string; attrs: [string, string][]; children: Node[] };
    const tree = (depth: number): fc.Arbitrary<Node> =>
      fc.record({
        tag: fc.constantFrom(...tags),
        attrs: fc.array(fc.constantFrom(...attributes), { maxLength: 3 }),
        children: depth <= 0 ? fc.constant([]) : fc.array(tree(depth - 1), { maxLength: 3 }),
      });
    fc.assert(
      fc.property(tree(5), (root) => {
        const doc = parse('');
        const build = (node: Node): Element => {
          const element = doc.createElement(node.tag);
          for (const [name, value] of node.attrs) {
            if (name === 'class') element.classList.add(...value.split(' '));
            else element.setAttribute(name, value);
          }
          for (const child of node.children) element.appendChild(build(child));
          return element;
        };
        doc.body.appendChild(build(root));
        return throwsOnlySelectorErrors(doc);
      }),
      { numRuns: 300 },
    );
  });

  it('stays linear on 200 KB of adversarial input', () => {
    const dots = '.'.repeat(200_000);
    const doc = load('POPUP');
    doc.title = `${' - '.repeat(30_000)}${dots}a@${dots}`;
    const button = doc.createElement('a');
    button.setAttribute('href', 'https://accounts.google.com/SignOutOptions');
    button.setAttribute('aria-label', `(${'('.repeat(100_000)} ${dots}x ${'@'.repeat(100_000)}`);
    doc.body.appendChild(button);
    (doc.querySelector('textarea[name=to]') as HTMLTextAreaElement).value = '<'.repeat(100_000) + ',;'.repeat(50_000);
    const body = findComposes(doc)[0]!.body;
    // happy-dom recurses per level, so depth stops at 2,000 and text makes up the 200 KB.
    let nested = '';
    for (let i = 0; i < 2_000; i++) nested += `<div>${'?. &lt;'.repeat(20)}`;
    body.appendChild(parse(nested).body);
    const started = performance.now();
    everything(doc);
    expect(parseGmailDateTitle(`${'9:'.repeat(100_000)}`)).toBeNull();
    expect(bareAddress(`${'a'.repeat(100_000)}@${dots}`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(LINEAR_BOUND_MS);
  });
});

describe('bareAddress', () => {
  it.each([
    ['Priya Shah <Priya.Shah@Acme.example>', 'priya.shah@acme.example'],
    ['mailto:lee@acme.example', 'lee@acme.example'],
    ['  ops@northwind.example ', 'ops@northwind.example'],
    ['no-at-sign', null],
    ['two@@acme.example', null],
    ['x@localhost', null],
    ['x@acme..example', null],
    ['a b@acme.example', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(bareAddress(input)).toBe(expected);
  });
});
