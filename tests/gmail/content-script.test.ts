// @vitest-environment happy-dom
// The Gmail content script's pieces (watch-composes, compose-checker, status-indicator) on
// the Gmail fixture pages, with the extension's messaging mocked and fake timers for the
// debounce. What is asserted is what a user (or the browser tests) would see: one status per
// compose, its number changing after typing stops, nothing left behind, Gmail unharmed.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findComposes } from '../../entrypoints/gmail.content/adapter.ts';
import { createCheckSession, threadKeyOf } from '../../entrypoints/gmail.content/compose-checker.ts';
import { fakeLifetime, type FakeLifetime } from '../helpers/fake-lifetime.ts';
import { createGmailLog } from '../../entrypoints/gmail.content/script-lifetime.ts';
import { SelectorError } from '../../entrypoints/gmail.content/selector-error.ts';
import { PANEL_TEST_ID, STATUS_TEST_ID } from '../../entrypoints/gmail.content/status-indicator.ts';
import { watchComposes } from '../../entrypoints/gmail.content/watch-composes.ts';
import { analyze } from '../../lib/engine.ts';
import { panelSnapshotSchema, type PanelSnapshot, type ThreadRecord } from '../../lib/schemas/panel.ts';
import { onMessage, sendMessage } from '../../utils/messaging.ts';
import { GMAIL_FIXTURES } from './fixture-window.ts';

vi.mock('../../utils/messaging.ts', () => ({
  sendMessage: vi.fn(),
  onMessage: vi.fn(() => () => {}),
  removeAllListeners: vi.fn(),
}));
vi.mock(import('../../lib/engine.ts'), async (importOriginal) => {
  const actual = await importOriginal();
  return { ...actual, analyze: vi.fn(actual.analyze) };
});

const send = vi.mocked(sendMessage);
const analyzeSpy = vi.mocked(analyze);

const FIXTURES = GMAIL_FIXTURES;
type Fixture = keyof typeof FIXTURES;

const NOW = new Date('2026-11-17T10:30:00-05:00');
const GOOD_REPLY =
  '<div>Hi Priya,<br><br>This is a known issue in 4.2: the sync job stalls on large batches and engineering has a fix in testing. ' +
  'You do not need to roll back to 4.1. I confirm the fix will ship in 4.2.1. ' +
  'Next step: I will send you the 4.2.1 release notes by Thursday at 3 pm ET, and you can then schedule the upgrade.<br><br>Dana</div>';
// Answers nothing, promises nothing: several checks fail.
const WEAK_REPLY = '<div>Hi Priya,<br><br>Thanks for the log.<br><br>Dana</div>';
// Status first, next steps, a concrete ETA, the roll-back question answered; silent on 4.2.1
// (no "fix"/"release" words the matcher could take for an answer): only that question fails.
const PARTIAL_REPLY =
  '<div>Hi Priya, status: we found the cause of the stall, a lock in the 4.2 sync job. Rolling back to 4.1 is not needed. ' +
  'Next steps: engineering is testing the change and I will send you an update within 2 business days. ' +
  'Until then you can expect the nightly sync to keep stalling, so run it by hand.</div>';

interface Started {
  lifetime: FakeLifetime;
  log: ReturnType<typeof vi.fn>;
  debug: ReturnType<typeof vi.fn>;
  warn: ReturnType<typeof vi.fn>;
}

function loadFixture(name: Fixture, edit: (html: string) => string = (html) => html): void {
  const html = edit(readFileSync(FIXTURES[name], 'utf8'));
  // innerHTML runs no script: only the page's markup is needed here.
  const at = html.indexOf('<html');
  if (at >= 0) document.documentElement.innerHTML = html.slice(at);
  else document.body.innerHTML = html;
  const title = /<title>([^<]*)<\/title>/.exec(html);
  document.title = title?.[1] ?? '';
}

let running: Started[] = [];

function start(): Started {
  const lifetime = fakeLifetime();
  const debug = vi.fn();
  const warn = vi.fn();
  const onceLog = createGmailLog({ debug, warn });
  const log = vi.fn(onceLog);
  const session = createCheckSession({ doc: document, lifetime, log, now: () => NOW, timeZone: () => 'America/New_York' });
  const watcher = watchComposes({ doc: document, lifetime, log, onAdded: session.attach, onRemoved: session.detach, onScanned: session.scanned });
  watcher.scan();
  const started = { lifetime, log, debug, warn };
  running.push(started);
  return started;
}

function statuses(): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const host of document.querySelectorAll('[data-step-ahead-slot] span, span[data-step-ahead-slot]')) {
    const pill = host.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${STATUS_TEST_ID}"]`);
    if (pill) found.push(pill);
  }
  return found;
}

function statusIn(root: Element): HTMLElement | null {
  for (const host of root.querySelectorAll('[data-step-ahead-slot] span, span[data-step-ahead-slot]')) {
    const pill = host.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${STATUS_TEST_ID}"]`);
    if (pill) return pill;
  }
  return null;
}

function panelIn(root: Element): HTMLElement | null {
  for (const host of root.querySelectorAll('[data-step-ahead-slot] span, span[data-step-ahead-slot]')) {
    const panel = host.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${PANEL_TEST_ID}"]`);
    if (panel) return panel;
  }
  return null;
}

function reported(): (PanelSnapshot | null)[] {
  return send.mock.calls.filter(([type]) => type === 'reportComposeState').map(([, data]) => (data as { snapshot: PanelSnapshot | null }).snapshot);
}

function typeInto(body: HTMLElement, html: string): void {
  body.innerHTML = html;
  body.dispatchEvent(new Event('input', { bubbles: true }));
}

const flush = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  // The idle callback is the browser's; here it is a plain timer the fake clock drives.
  (window as unknown as { requestIdleCallback?: unknown }).requestIdleCallback = undefined;
  send.mockReset();
  send.mockImplementation(async (type: string) => {
    if (type === 'getThreadRecord') return null;
    if (type === 'openSidePanel') return { opened: false };
    return undefined;
  });
  vi.mocked(onMessage).mockClear();
  analyzeSpy.mockClear();
});

afterEach(() => {
  for (const started of running) started.lifetime.invalidate();
  running = [];
  vi.useRealTimers();
});

describe('the in-compose status', () => {
  it.each([
    ['POPUP', 1],
    ['INLINE', 1],
    ['ETA', 1],
    ['POPOUT', 1],
    ['TWO', 2],
  ] as const)('gives each compose of %s exactly one status with its failing count', async (name, count) => {
    loadFixture(name);
    start();
    await flush(400);
    const pills = statuses();
    expect(pills).toHaveLength(count);
    for (const compose of findComposes(document)) {
      const pill = statusIn(compose.root)!;
      expect(pill).not.toBeNull();
      expect(pill.getAttribute('data-failing')).toMatch(/^\d+$/);
      const failing = Number(pill.getAttribute('data-failing'));
      // An untouched compose has nothing to judge yet: it says so and counts nothing.
      const pending = pill.textContent === 'Checks start as you type';
      expect(pill.textContent).toBe(pending ? 'Checks start as you type' : failing === 0 ? 'All checks pass' : `${failing} check${failing === 1 ? '' : 's'} failing`);
      if (pending) expect(failing).toBe(0);
      expect(pill.getAttribute('role')).toBe('button');
      expect(pill.getAttribute('aria-label')).toContain(pill.textContent!);
    }
    // A second scan (Gmail redrawing something) adds nothing.
    document.body.append(document.createElement('div'));
    await flush(400);
    expect(statuses()).toHaveLength(count);
    // What the side panel is told validates against the schema the background parses with.
    const last = reported().at(-1)!;
    expect(panelSnapshotSchema.safeParse(last).success).toBe(true);
  });

  it('shows the reply in a thread failing, then passing once typing stops on a good reply', async () => {
    loadFixture('INLINE');
    start();
    await flush(400);
    const [compose] = findComposes(document);
    const pill = statusIn(compose!.root)!;
    expect(pill.textContent).toBe('Checks start as you type');
    typeInto(compose!.body, WEAK_REPLY);
    await flush(400);
    const before = Number(pill.getAttribute('data-failing'));
    expect(before).toBeGreaterThan(0);
    expect(pill.className).toContain('error');

    typeInto(compose!.body, GOOD_REPLY);
    await flush(150);
    expect(pill.getAttribute('data-failing')).toBe(String(before));
    await flush(150);
    const after = Number(pill.getAttribute('data-failing'));
    expect(after).toBeLessThan(before);
    expect(pill.className).not.toContain('error');
    // The side panel heard about the thread the reply answers, and what the draft now says.
    const snapshot = reported().at(-1)!;
    expect(snapshot.failing).toBe(after);
    expect(snapshot.thread).toMatchObject({ threadId: 'thread-f:1849302114567780001', messageCount: 3, customer: { email: 'priya.shah@acme.example' } });
    expect(snapshot.eta?.display).toBe('Thu, Nov 19, 3:00 PM EST');
    expect(snapshot.questions.length).toBeGreaterThan(0);
  });

  it('runs one check for a burst of keystrokes, and reports only what changed', async () => {
    loadFixture('INLINE');
    start();
    await flush(400);
    const [compose] = findComposes(document);
    analyzeSpy.mockClear();
    const reportsBefore = reported().length;
    for (let i = 1; i <= 5; i++) {
      typeInto(compose!.body, `<div>Hi Priya, ${'x'.repeat(i)}</div>`);
      await flush(50);
    }
    expect(analyzeSpy).not.toHaveBeenCalled();
    await flush(300);
    expect(analyzeSpy).toHaveBeenCalledTimes(1);
    expect(analyzeSpy.mock.calls[0]![0].draft).toContain('xxxxx');
    const reportsAfterEdit = reported().length;
    expect(reportsAfterEdit).toBe(reportsBefore + 1);
    // Same draft again: checked, but the side panel is not told twice.
    compose!.body.dispatchEvent(new Event('input', { bubbles: true }));
    await flush(300);
    expect(analyzeSpy).toHaveBeenCalledTimes(2);
    expect(reported()).toHaveLength(reportsAfterEdit);
  });

  it("reads the thread's earlier promise and the account, once per thread, not on every check", async () => {
    loadFixture('ETA');
    start();
    await flush(400);
    const [compose] = findComposes(document);
    const first = analyzeSpy.mock.calls[0]![0];
    expect(first.thread?.earlierEtas).toEqual([
      { due: '2026-11-17T15:00:00-05:00', text: 'I will have an answer for you by 3 pm ET Tuesday.' },
    ]);
    expect(first.thread?.customerAddress).toBe('marco.bianchi@acme.example');
    expect(first.thread?.recipients?.bcc).toEqual(['acme-team@northwind.example']);
    expect(first.customer).toContain('April export');
    const bodiesRead = vi.spyOn(Element.prototype, 'innerHTML', 'get');
    typeInto(compose!.body, '<div>Hi Marco</div>');
    await flush(300);
    // Only the draft's own HTML is read again; the thread's messages come from the cache.
    const reads = bodiesRead.mock.contexts.filter((element) => (element as Element).classList?.contains('a3s'));
    expect(reads).toEqual([]);
    bodiesRead.mockRestore();
    expect(send.mock.calls.filter(([type]) => type === 'getThreadRecord')).toEqual([
      ['getThreadRecord', { threadId: 'thread-f:1849117730041290113' }],
    ]);
  });

  it('watches composes Gmail adds later and removes the status (and its listeners) of one that closes', async () => {
    loadFixture('TWO');
    start();
    await flush(400);
    const [inline, popup] = findComposes(document);
    expect(statuses()).toHaveLength(2);

    const dialog = popup!.root.closest('[role=dialog]')!;
    const parent = dialog.parentElement!;
    dialog.remove();
    await flush(400);
    expect(statuses()).toHaveLength(1);
    expect(statusIn(inline!.root)).not.toBeNull();
    analyzeSpy.mockClear();
    typeInto(popup!.body, '<div>typed into a closed compose</div>');
    await flush(400);
    expect(analyzeSpy).not.toHaveBeenCalled();

    // Gmail puts a compose back (e.g. a draft restored): it gets a fresh status.
    parent.append(dialog);
    await flush(400);
    expect(statuses()).toHaveLength(2);
    expect(dialog.querySelectorAll('[data-step-ahead-slot]')).toHaveLength(1);
  });

  it('follows the focused compose, and the thread alone once the last compose closes', async () => {
    loadFixture('TWO');
    start();
    await flush(400);
    const [inline, popup] = findComposes(document);
    inline!.body.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(reported().at(-1)!.composeId).toBe('6');
    popup!.body.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(reported().at(-1)!.composeId).toBe('7');

    popup!.root.closest('[role=dialog]')!.remove();
    await flush(400);
    expect(reported().at(-1)!.composeId).toBe('6');
    inline!.root.closest('.ip')!.remove();
    await flush(400);
    const threadOnly = reported().at(-1)!;
    expect(threadOnly.composeId).toBeNull();
    expect(threadOnly.thread.threadId).toBe('thread-f:1849400021337760047');
    expect(threadOnly.questions.length).toBeGreaterThan(0);
    expect(statuses()).toHaveLength(0);

    // Leaving the thread for the inbox: nothing to show.
    document.querySelector('[role=main]')!.remove();
    await flush(400);
    expect(reported().at(-1)).toBeNull();
  });

  it('keeps new messages, with no thread, under a draft key', () => {
    expect(threadKeyOf({ threadId: null, draftId: 'msg-a:r-1', composeId: '3' }, 'local-1')).toBe('draft:msg-a:r-1');
    expect(threadKeyOf({ threadId: null, draftId: null, composeId: null }, 'local-1')).toBe('compose:local-1');
    expect(threadKeyOf({ threadId: 'thread-f:1', draftId: 'x', composeId: '3' }, 'local-1')).toBe('thread-f:1');
  });
});

describe('failing open', () => {
  it('survives the engine throwing: logs once, keeps the last status, recovers on the next edit', async () => {
    loadFixture('INLINE');
    const { warn } = start();
    await flush(400);
    const [compose] = findComposes(document);
    const pill = statusIn(compose!.root)!;
    typeInto(compose!.body, WEAK_REPLY);
    await flush(400);
    const shown = pill.getAttribute('data-failing');
    analyzeSpy.mockImplementationOnce(() => {
      throw new Error('boom');
    });
    analyzeSpy.mockImplementationOnce(() => {
      throw new Error('boom');
    });
    typeInto(compose!.body, GOOD_REPLY);
    await flush(300);
    expect(pill.getAttribute('data-failing')).toBe(shown);
    typeInto(compose!.body, `${GOOD_REPLY} `);
    await flush(300);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(compose!.body.innerHTML).toContain('known issue');
    typeInto(compose!.body, GOOD_REPLY);
    await flush(300);
    expect(pill.getAttribute('data-failing')).not.toBe(shown);
  });

  it('logs a missing Gmail element once with console.debug, and still checks the draft', async () => {
    // Gmail changed its thread markup: a heading, but no message element the adapter knows.
    loadFixture('INLINE');
    for (const item of document.querySelectorAll('[role=listitem]')) item.remove();
    const { debug, warn } = start();
    await flush(400);
    const [compose] = findComposes(document);
    for (let i = 0; i < 3; i++) {
      typeInto(compose!.body, `<div>Hi ${i}</div>`);
      await flush(300);
    }
    expect(debug).toHaveBeenCalledTimes(1);
    expect(debug.mock.calls[0]![1]).toBeInstanceOf(SelectorError);
    expect(warn).not.toHaveBeenCalled();
    expect(statusIn(compose!.root)!.getAttribute('data-failing')).toMatch(/^\d+$/);
  });

  it('carries on when the background does not answer, and never touches the draft', async () => {
    loadFixture('INLINE');
    send.mockImplementation(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    start();
    await flush(400);
    const [compose] = findComposes(document);
    expect(statusIn(compose!.root)!.getAttribute('data-failing')).toMatch(/^\d+$/);
    const html = compose!.body.innerHTML;
    typeInto(compose!.body, html);
    await flush(300);
    expect(compose!.body.innerHTML).toBe(html);
  });

  it('removes everything when the extension goes away', async () => {
    loadFixture('TWO');
    const { lifetime } = start();
    await flush(400);
    expect(statuses()).toHaveLength(2);
    lifetime.invalidate();
    expect(document.querySelectorAll('[data-step-ahead-slot]')).toHaveLength(0);
    analyzeSpy.mockClear();
    typeInto(findComposes(document)[0]!.body, '<div>after</div>');
    document.body.append(document.createElement('div'));
    await flush(400);
    expect(analyzeSpy).not.toHaveBeenCalled();
    expect(document.querySelectorAll('[data-step-ahead-slot]')).toHaveLength(0);
  });
});

describe('clicking the status', () => {
  it('asks for the side panel within the click, and shows nothing more when it opened', async () => {
    loadFixture('INLINE');
    send.mockImplementation(async (type: string) => (type === 'openSidePanel' ? { opened: true } : null));
    start();
    await flush(400);
    const [compose] = findComposes(document);
    const pill = statusIn(compose!.root)!;
    send.mockClear();
    pill.click();
    // Synchronously, inside the user gesture.
    expect(send).toHaveBeenCalledWith('openSidePanel');
    await flush(0);
    expect(panelIn(compose!.root)!.hasAttribute('hidden')).toBe(true);
  });

  it('opens an in-page checklist where the side panel cannot, with email text shown as text', async () => {
    loadFixture('INLINE', (html) =>
      html.replace('Do we need to roll back to 4.1', 'Can you check why &lt;img src=x onerror=alert(1)&gt; shows in the log? Do we need to roll back to 4.1'),
    );
    start();
    await flush(400);
    const [compose] = findComposes(document);
    typeInto(compose!.body, WEAK_REPLY);
    await flush(400);
    const pill = statusIn(compose!.root)!;
    pill.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await flush(0);
    const panel = panelIn(compose!.root)!;
    expect(panel.hasAttribute('hidden')).toBe(false);
    expect(panel.textContent).toContain('Can you check why <img src=x onerror=alert(1)> shows in the log?');
    expect(panel.querySelector('img')).toBeNull();
    expect(panel.querySelectorAll('[data-rule]').length).toBeGreaterThan(0);
    // Space closes it again.
    pill.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    await flush(0);
    expect(panel.hasAttribute('hidden')).toBe(true);
  });

  it("keeps keys typed on our UI from Gmail's shortcuts and the caret in the draft", async () => {
    loadFixture('INLINE');
    start();
    await flush(400);
    const [compose] = findComposes(document);
    const pill = statusIn(compose!.root)!;
    const gmailHeard = vi.fn();
    document.addEventListener('keydown', gmailHeard);
    pill.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, composed: true }));
    const mousedown = new MouseEvent('mousedown', { bubbles: true, composed: true, cancelable: true });
    pill.dispatchEvent(mousedown);
    document.removeEventListener('keydown', gmailHeard);
    expect(gmailHeard).not.toHaveBeenCalled();
    expect(mousedown.defaultPrevented).toBe(true);
  });

  it('marks a question from the in-page checklist and shows the thread record that comes back', async () => {
    loadFixture('INLINE');
    let record: ThreadRecord | null = null;
    send.mockImplementation(async (type: string, data?: unknown) => {
      if (type === 'openSidePanel') throw new Error('sidePanel.open is not available');
      if (type === 'getThreadRecord') return record;
      if (type === 'setQuestionMark') {
        const { threadId, questionId, mark } = data as { threadId: string; questionId: string; mark: 'answered' };
        record = { threadId, marks: { [questionId]: mark }, flags: { resolved: false, waitingOnCustomer: false }, updatedAt: 1 };
        return record;
      }
      return undefined;
    });
    start();
    await flush(400);
    const [compose] = findComposes(document);
    typeInto(compose!.body, PARTIAL_REPLY);
    await flush(400);
    const pill = statusIn(compose!.root)!;
    const before = Number(pill.getAttribute('data-failing'));
    expect(before).toBe(1);
    const open = reported().at(-1)!.questions.find((q) => !q.answered)!.id;
    pill.click();
    await flush(0);
    const panel = panelIn(compose!.root)!;
    const question = panel.querySelector<HTMLElement>(`[data-question-id="${open}"]`)!;
    question.querySelector<HTMLElement>('[data-mark="answered"]')!.click();
    await flush(300);
    const call = send.mock.calls.find(([type]) => type === 'setQuestionMark')!;
    expect(call[1]).toEqual({ threadId: 'thread-f:1849302114567780001', questionId: question.getAttribute('data-question-id'), mark: 'answered' });
    expect(Number(pill.getAttribute('data-failing'))).toBe(before - 1);
    expect(panel.querySelector(`[data-question-id="${question.getAttribute('data-question-id')}"]`)!.textContent).toContain('marked answered');
  });

  it('re-checks when the background says a thread record changed (a mark made in the side panel)', async () => {
    loadFixture('INLINE');
    start();
    await flush(400);
    const [compose] = findComposes(document);
    typeInto(compose!.body, PARTIAL_REPLY);
    await flush(400);
    const pill = statusIn(compose!.root)!;
    const before = Number(pill.getAttribute('data-failing'));
    expect(before).toBe(1);
    const questionId = reported().at(-1)!.questions.find((q) => !q.answered)!.id;
    const handler = vi.mocked(onMessage).mock.calls.find(([type]) => type === 'threadRecordChanged')![1] as (message: { data: unknown }) => void;
    handler({ data: { threadId: 'thread-f:1849302114567780001', marks: { [questionId]: 'not-applicable' }, flags: { resolved: false, waitingOnCustomer: false }, updatedAt: 2 } });
    handler({ data: { threadId: 42, marks: 'nonsense' } });
    await flush(300);
    expect(Number(pill.getAttribute('data-failing'))).toBe(before - 1);
    expect(reported().at(-1)!.questions.find((q) => q.id === questionId)!.mark).toBe('not-applicable');
  });
});

describe('watching for composes', () => {
  it('rescans when Gmail changes the page, but not for typing inside a watched compose', async () => {
    loadFixture('INLINE');
    const lifetime = fakeLifetime();
    const scanned = vi.fn();
    const watcher = watchComposes({ doc: document, lifetime, log: vi.fn(), onAdded: () => {}, onRemoved: () => {}, onScanned: scanned });
    watcher.scan();
    scanned.mockClear();
    const [compose] = findComposes(document);

    // Keystrokes add and remove nodes inside the body: no scan is even scheduled.
    for (let i = 0; i < 20; i += 1) {
      const line = document.createElement('div');
      line.textContent = `line ${i}`;
      compose!.body.append(line);
      await flush(50);
    }
    expect(scanned).not.toHaveBeenCalled();

    // Gmail adding something elsewhere (a new pop-up, a view change) still gets a scan.
    document.body.append(document.createElement('div'));
    await flush(150);
    expect(scanned).toHaveBeenCalledTimes(1);
    lifetime.invalidate();
  });
});
