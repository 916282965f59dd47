// @vitest-environment happy-dom
// The send guard on the send-paths fixture with the fake Gmail's own script (which records
// every mail it sends in window.__sent), the real checker, and faults injected where the
// guard meets the world: the engine, the background, the extension context, Gmail's page.
// In every fault the mail goes out exactly once.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { findComposes, findSendButton } from '../../entrypoints/gmail.content/adapter.ts';
import { createCheckSession, type CheckSession } from '../../entrypoints/gmail.content/compose-checker.ts';
import { PRESEND_TEST_ID } from '../../entrypoints/gmail.content/presend-modal.ts';
import { createGmailLog } from '../../entrypoints/gmail.content/script-lifetime.ts';
import { fakeLifetime, type FakeLifetime } from '../helpers/fake-lifetime.ts';
import { SelectorError } from '../../entrypoints/gmail.content/selector-error.ts';
import type { SendCheck } from '../../entrypoints/gmail.content/send-check.ts';
import { createSendGuard } from '../../entrypoints/gmail.content/send-guard.ts';
import { insertScaffoldAtSend } from '../../entrypoints/gmail.content/send-scaffold.ts';
import { watchComposes } from '../../entrypoints/gmail.content/watch-composes.ts';
import type { SendRecord } from '../../lib/schemas/send.ts';
import { sendMessage } from '../../utils/messaging.ts';

vi.mock('../../utils/messaging.ts', () => ({
  sendMessage: vi.fn(),
  onMessage: vi.fn(() => () => {}),
  removeAllListeners: vi.fn(),
}));
const send = vi.mocked(sendMessage);

const FIXTURE_DIR = resolve(import.meta.dirname, '../fixtures/gmail');
const NOW = new Date('2026-11-17T10:30:00-05:00');
const FIX = 'Yes, I can confirm the fix will ship in 4.2.1. ';
const GOOD =
  'Hi Priya, status: we found the cause of the stall, a lock in the 4.2 sync job. Rolling back to 4.1 is not needed. ' +
  FIX +
  'Next steps: engineering is testing the change and I will send you an update within 2 business days. ' +
  'Until then you can expect the nightly sync to keep stalling, so run it by hand.';
const MISSES_A_QUESTION = GOOD.replace(FIX, '');

interface Sent {
  bodyHtml: string;
}
const sent = () => (window as unknown as { __sent: Sent[] }).__sent;

beforeAll(() => {
  // The fake Gmail's behaviour, once for the file (its listeners live on the document).
  new Function(readFileSync(resolve(FIXTURE_DIR, 'fake-gmail.js'), 'utf8'))();
});

function loadPage(): void {
  const html = readFileSync(resolve(FIXTURE_DIR, 'thread-send-paths-2026-11.html'), 'utf8');
  // innerHTML runs no script; the fake's listeners are already on the document.
  document.documentElement.innerHTML = html.slice(html.indexOf('<html'));
  document.title = 'Nightly sync stalls after the 4.2 upgrade - dana@northwind.example - Gmail';
  (window as unknown as { __sent: Sent[]; __sentVia: string[] }).__sent = [];
  (window as unknown as { __sentVia: string[] }).__sentVia = [];
}

interface Started {
  lifetime: FakeLifetime;
  session: CheckSession;
  records: SendRecord[];
  warn: ReturnType<typeof vi.fn>;
  debug: ReturnType<typeof vi.fn>;
}

let running: Started[] = [];

interface StartOptions {
  /** Stands between the guard and the real checker, to inject faults. */
  checkNow?: (real: CheckSession['checkNow']) => CheckSession['checkNow'];
  contextAlive?: () => boolean;
}

async function start(options: StartOptions = {}): Promise<Started> {
  const lifetime = fakeLifetime();
  const warn = vi.fn();
  const debug = vi.fn();
  const log = createGmailLog({ warn, debug });
  const session = createCheckSession({ doc: document, lifetime, log, now: () => NOW, timeZone: () => 'America/New_York' });
  const watcher = watchComposes({ doc: document, lifetime, log, onAdded: session.attach, onRemoved: session.detach, onScanned: session.scanned });
  watcher.scan();
  const records: SendRecord[] = [];
  createSendGuard({
    doc: document,
    lifetime,
    log,
    composes: watcher.composes,
    checkNow: options.checkNow ? options.checkNow(session.checkNow) : session.checkNow,
    recordSend: (record) => records.push(record),
    now: () => Date.now(),
    ...(options.contextAlive ? { contextAlive: options.contextAlive } : {}),
  });
  const started = { lifetime, session, records, warn, debug };
  running.push(started);
  // The first status check loads the settings and the thread's marks.
  await vi.advanceTimersByTimeAsync(400);
  return started;
}

function compose() {
  return findComposes(document)[0]!;
}

function writeDraft(text: string): void {
  const { body } = compose();
  const line = document.createElement('div');
  line.textContent = text;
  body.insertBefore(line, body.firstChild);
  body.dispatchEvent(new Event('input', { bubbles: true }));
}

function sendButton(): HTMLElement {
  return document.querySelector('.M9 [role="button"][data-tooltip^="Send ("]') as HTMLElement;
}

function press(target: Element): void {
  for (const type of ['mousedown', 'mouseup', 'click']) target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0 }));
}

function modal(): HTMLElement | null {
  for (const host of document.querySelectorAll('[data-step-ahead-presend-host]')) {
    const found = host.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${PRESEND_TEST_ID}"]`);
    if (found) return found;
  }
  return null;
}

function modalButton(testId: string): HTMLElement {
  return modal()!.querySelector(`[data-testid="${testId}"]`) as HTMLElement;
}

beforeEach(() => {
  vi.useFakeTimers();
  (window as unknown as { requestIdleCallback?: unknown }).requestIdleCallback = undefined;
  send.mockReset();
  send.mockImplementation(async (type: string) => (type === 'getThreadRecord' ? null : undefined));
  loadPage();
});

afterEach(() => {
  for (const started of running) started.lifetime.invalidate();
  running = [];
  for (const host of document.querySelectorAll('[data-step-ahead-presend-host]')) host.remove();
  vi.useRealTimers();
});

describe('the guard on a working page', () => {
  it('lets a passing reply go at once and reports it as clean once Gmail closes the compose', async () => {
    const { records } = await start();
    writeDraft(GOOD);
    press(sendButton());
    expect(sent()).toHaveLength(1);
    expect(modal()).toBeNull();
    await vi.advanceTimersByTimeAsync(50);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ outcome: 'clean', path: 'button', failedRules: [], threadId: 'thread-f:1849302114567780001' });
    expect(records[0]!.promise).not.toBeNull();
  });

  it('stops a failing reply at the checklist; Send anyway sends once and reports the failed rule', async () => {
    const { records } = await start();
    writeDraft(MISSES_A_QUESTION);
    press(sendButton());
    press(sendButton());
    expect(sent()).toHaveLength(0);
    expect(document.querySelectorAll('[data-step-ahead-presend-host]')).toHaveLength(1);
    modalButton('step-ahead-send-anyway').click();
    expect(sent()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(records).toEqual([expect.objectContaining({ outcome: 'sent-anyway', failedRules: ['questions-answered'] })]);
  });

  it('Back to draft sends nothing, and the next Send is checked again', async () => {
    await start();
    writeDraft(MISSES_A_QUESTION);
    press(sendButton());
    modalButton('step-ahead-back').click();
    expect(modal()).toBeNull();
    expect(document.activeElement).toBe(compose().body);
    press(sendButton());
    expect(modal()).not.toBeNull();
    expect(sent()).toHaveLength(0);
  });

  it('does not report a send Gmail refused, and checks the next one', async () => {
    const { records } = await start();
    writeDraft(MISSES_A_QUESTION);
    for (const chip of document.querySelectorAll('.M9 [role="option"]')) chip.remove();
    press(sendButton());
    expect(document.querySelector('[role="alertdialog"]')).not.toBeNull();
    (document.querySelector('[role="alertdialog"] button') as HTMLElement).click();
    await vi.advanceTimersByTimeAsync(10);
    const chip = document.createElement('div');
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-hovercard-id', 'priya.shah@acme.example');
    document.querySelector('.M9 [name="to"] [role="listbox"]')!.prepend(chip);
    press(sendButton());
    expect(modal()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(records).toEqual([]);
    expect(sent()).toHaveLength(0);
  });
});

describe('fault injection: the mail goes out exactly once', () => {
  it('the engine throws', async () => {
    const { records, warn } = await start({
      checkNow: () => () => {
        throw new TypeError('engine bug');
      },
    });
    writeDraft(MISSES_A_QUESTION);
    press(sendButton());
    expect(sent()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(records).toEqual([expect.objectContaining({ outcome: 'failed-open', failure: 'the check failed' })]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('the background never answers (the check waits for the marks): let go after 300 ms', async () => {
    const { records } = await start({ checkNow: () => () => new Promise<SendCheck>(() => {}) });
    writeDraft(MISSES_A_QUESTION);
    for (let i = 0; i < 100; i++) press(sendButton());
    expect(sent()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(299);
    expect(sent()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent()).toHaveLength(1);
    expect(records).toEqual([expect.objectContaining({ outcome: 'failed-open', failure: 'check took longer than 300 ms' })]);
  });

  it('a slow answer: let go at 300 ms, and the late answer changes nothing', async () => {
    await start({
      checkNow: (real) => (handle) => {
        const result = real(handle);
        return new Promise<SendCheck>((done) => setTimeout(() => done(result as SendCheck), 1_000));
      },
    });
    writeDraft(MISSES_A_QUESTION);
    press(sendButton());
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent()).toHaveLength(1);
    expect(modal()).toBeNull();
  });

  it('an answer within the bound is acted on: a failing reply waits in the checklist', async () => {
    await start({
      checkNow: (real) => (handle) => {
        const result = real(handle);
        return new Promise<SendCheck>((done) => setTimeout(() => done(result as SendCheck), 100));
      },
    });
    writeDraft(MISSES_A_QUESTION);
    press(sendButton());
    await vi.advanceTimersByTimeAsync(150);
    expect(modal()).not.toBeNull();
    modalButton('step-ahead-send-anyway').click();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent()).toHaveLength(1);
  });

  it('the background is unreachable: the thread’s marks could not be read, so the send is not judged', async () => {
    send.mockImplementation(async (type: string) => {
      if (type === 'getThreadRecord') throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    });
    const { records } = await start();
    writeDraft(MISSES_A_QUESTION);
    press(sendButton());
    // Asked again at Send (a failed answer is not kept); it fails again, so the mail goes.
    await vi.advanceTimersByTimeAsync(50);
    expect(sent()).toHaveLength(1);
    expect(modal()).toBeNull();
    expect(records).toEqual([expect.objectContaining({ outcome: 'failed-open' })]);
  });

  it('the extension context is invalidated (runtime.id gone): Gmail sends on its own', async () => {
    let alive = true;
    const { records } = await start({ contextAlive: () => alive });
    writeDraft(MISSES_A_QUESTION);
    alive = false;
    press(sendButton());
    expect(sent()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(records).toEqual([]);
  });

  it('the extension goes away while a send is held: it is let go at once, once', async () => {
    const { lifetime } = await start({ checkNow: () => () => new Promise<SendCheck>(() => {}) });
    writeDraft(MISSES_A_QUESTION);
    press(sendButton());
    expect(sent()).toHaveLength(0);
    lifetime.invalidate();
    expect(sent()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent()).toHaveLength(1);
  });

  it('the extension goes away with the checklist open: it closes, and the next Send reaches Gmail', async () => {
    const { lifetime } = await start();
    writeDraft(MISSES_A_QUESTION);
    press(sendButton());
    expect(modal()).not.toBeNull();
    lifetime.invalidate();
    expect(modal()).toBeNull();
    press(sendButton());
    expect(sent()).toHaveLength(1);
  });

  it('recordSend throws "Extension context invalidated": the mail still went, once', async () => {
    send.mockImplementation((async (type: string) => {
      if (type === 'recordSend') throw new Error('Extension context invalidated.');
      return type === 'getThreadRecord' ? null : undefined;
    }) as typeof sendMessage);
    const lifetime = fakeLifetime();
    const log = vi.fn();
    const session = createCheckSession({ doc: document, lifetime, log, now: () => NOW, timeZone: () => 'America/New_York' });
    const watcher = watchComposes({ doc: document, lifetime, log, onAdded: session.attach, onRemoved: session.detach });
    watcher.scan();
    createSendGuard({ doc: document, lifetime, log, composes: watcher.composes, checkNow: session.checkNow });
    running.push({ lifetime, session, records: [], warn: vi.fn(), debug: vi.fn() });
    await vi.advanceTimersByTimeAsync(400);
    writeDraft(GOOD);
    press(sendButton());
    await vi.advanceTimersByTimeAsync(50);
    expect(sent()).toHaveLength(1);
    expect(send).toHaveBeenCalledWith('recordSend', expect.objectContaining({ outcome: 'clean' }));
  });

  it('the compose body disappears mid-check: let go on the Send button, once', async () => {
    await start({
      checkNow: (real) => (handle) =>
        new Promise<SendCheck>((done, fail) =>
          setTimeout(() => {
            try {
              done(real(handle) as SendCheck);
            } catch (error) {
              fail(error);
            }
          }, 100),
        ),
    });
    writeDraft(MISSES_A_QUESTION);
    press(sendButton());
    compose().body.remove();
    await vi.advanceTimersByTimeAsync(150);
    expect(sent()).toHaveLength(1);
    expect(modal()).toBeNull();
  });

  it('a check that fails because Gmail changed its page (SelectorError) lets the mail go', async () => {
    const { records, debug } = await start({
      checkNow: () => () => {
        throw new SelectorError('composeBody');
      },
    });
    writeDraft(MISSES_A_QUESTION);
    press(sendButton());
    expect(sent()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(records[0]).toMatchObject({ outcome: 'failed-open', failure: 'Gmail element "composeBody" not found' });
    expect(debug).toHaveBeenCalled();
  });

  it('a Send button outside any compose we can find is left to Gmail', async () => {
    await start();
    const stray = document.createElement('div');
    stray.setAttribute('role', 'button');
    stray.setAttribute('data-tooltip', 'Send (Ctrl-Enter)');
    let clicks = 0;
    stray.addEventListener('click', () => clicks++);
    document.body.append(stray);
    press(stray);
    expect(clicks).toBe(1);
  });
});

describe('keys', () => {
  it('Ctrl+Enter in the compose is checked; IME composition is left alone', async () => {
    await start();
    writeDraft(MISSES_A_QUESTION);
    compose().body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, isComposing: true, bubbles: true, cancelable: true }));
    expect(modal()).toBeNull();
    compose().body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    expect(modal()).not.toBeNull();
    for (let i = 0; i < 20; i++) {
      compose().body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, repeat: true, bubbles: true, cancelable: true }));
    }
    expect(document.querySelectorAll('[data-step-ahead-presend-host]')).toHaveLength(1);
    expect(sent()).toHaveLength(0);
  });
});

describe('review fixes', () => {
  function key(target: EventTarget, type: string, init: KeyboardEventInit): KeyboardEvent {
    const event = new KeyboardEvent(type, { bubbles: true, cancelable: true, composed: true, ...init });
    target.dispatchEvent(event);
    return event;
  }

  it('after Space on Send opened the checklist and Escape closed it, the next Space typed in the draft is not swallowed', async () => {
    await start();
    writeDraft(MISSES_A_QUESTION);
    key(sendButton(), 'keydown', { key: ' ' });
    expect(modal()).not.toBeNull();
    // The key-up lands on the checklist (focus moved there), never reaching the guard.
    const back = modalButton('step-ahead-back');
    key(back, 'keyup', { key: ' ' });
    key(back, 'keydown', { key: 'Escape' });
    expect(modal()).toBeNull();
    const body = compose().body;
    expect(key(body, 'keydown', { key: ' ' }).defaultPrevented).toBe(false);
    expect(key(body, 'keypress', { key: ' ' }).defaultPrevented).toBe(false);
    expect(key(body, 'keyup', { key: ' ' }).defaultPrevented).toBe(false);
    expect(sent()).toHaveLength(0);
  });

  it('a key press held on Send is not held against the same key typed in the draft', async () => {
    await start({ checkNow: () => () => new Promise<SendCheck>(() => {}) });
    writeDraft(MISSES_A_QUESTION);
    expect(key(sendButton(), 'keydown', { key: 'Enter' }).defaultPrevented).toBe(true);
    expect(key(compose().body, 'keypress', { key: 'Enter' }).defaultPrevented).toBe(false);
  });

  it('one failed request for the thread’s marks does not turn the check off: the next Send asks again and is checked', async () => {
    let failing = true;
    send.mockImplementation(async (type: string) => {
      if (type === 'getThreadRecord' && failing) throw new Error('Could not establish connection. Receiving end does not exist.');
      return type === 'getThreadRecord' ? null : undefined;
    });
    await start();
    failing = false;
    writeDraft(MISSES_A_QUESTION);
    press(sendButton());
    await vi.advanceTimersByTimeAsync(50);
    expect(modal()).not.toBeNull();
    expect(sent()).toHaveLength(0);
  });

  it('Ctrl+Enter with no Send button to be found: "Send anyway" sends by the shortcut', async () => {
    await start();
    writeDraft(MISSES_A_QUESTION);
    sendButton().remove();
    document.querySelector('.M9 [data-tooltip="Send and archive"]')!.remove();
    key(compose().body, 'keydown', { key: 'Enter', ctrlKey: true });
    expect(modal()).not.toBeNull();
    modalButton('step-ahead-send-anyway').click();
    expect((window as unknown as { __sentVia: string[] }).__sentVia).toEqual(['shortcut']);
  });

  it('Send is never taken to be "Send and archive": Ctrl+Enter with only Send missing does not archive', async () => {
    await start();
    writeDraft(MISSES_A_QUESTION);
    sendButton().remove();
    expect(findSendButton(compose())).toBeNull();
    key(compose().body, 'keydown', { key: 'Enter', ctrlKey: true });
    expect(modal()).not.toBeNull();
    modalButton('step-ahead-send-anyway').click();
    expect((window as unknown as { __sentVia: string[] }).__sentVia).toEqual(['shortcut']);
  });

  it('a fail-open release after Ctrl+Enter with no Send button still sends', async () => {
    await start({ checkNow: () => () => new Promise<SendCheck>(() => {}) });
    writeDraft(MISSES_A_QUESTION);
    sendButton().remove();
    document.querySelector('.M9 [data-tooltip="Send and archive"]')!.remove();
    key(compose().body, 'keydown', { key: 'Enter', ctrlKey: true });
    await vi.advanceTimersByTimeAsync(300);
    expect((window as unknown as { __sentVia: string[] }).__sentVia).toEqual(['shortcut']);
  });

  it('"Insert status" from the checklist goes to the default spot (after the greeting), not where the caret last was', async () => {
    const { session } = await start();
    const calls: string[] = [];
    (document as unknown as { execCommand: unknown }).execCommand = (command: string, _ui: boolean, html: string) => {
      if (command !== 'insertHTML') return false;
      const range = document.getSelection()!.getRangeAt(0);
      const before = document.createRange();
      before.setStart(compose().body, 0);
      before.setEnd(range.startContainer, range.startOffset);
      calls.push(before.toString());
      range.insertNode(range.createContextualFragment(html));
      return true;
    };
    try {
      writeDraft('Rolling back to 4.1 is not needed.');
      writeDraft('Hi Priya,');
      const body = compose().body;
      // The writer's caret was last at the end of their text.
      const last = body.children[1]!.firstChild as Text;
      const caret = document.createRange();
      caret.setStart(last, last.data.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(caret);
      const check = (await session.checkNow(compose())) as SendCheck;
      expect(insertScaffoldAtSend(document, compose(), 'status', check, NOW)).toBe(true);
      expect(calls).toEqual(['Hi Priya,']);
    } finally {
      delete (document as unknown as { execCommand?: unknown }).execCommand;
    }
  });

  it('refuses to open a second checklist while one is open', async () => {
    await start();
    writeDraft(MISSES_A_QUESTION);
    // A second reply in the page (as in the two-composes fixture).
    const first = document.querySelector('.M9')!;
    const copy = first.cloneNode(true) as Element;
    first.parentElement!.append(copy);
    await vi.advanceTimersByTimeAsync(10);
    press(sendButton());
    expect(modal()).not.toBeNull();
    press(copy.querySelector('[role="button"][data-tooltip^="Send ("]')!);
    await vi.advanceTimersByTimeAsync(50);
    expect(document.querySelectorAll('[data-step-ahead-presend-host]')).toHaveLength(1);
    expect(sent()).toHaveLength(0);
  });

  it('dispose disconnects the observers that watch a sent compose', async () => {
    const { lifetime } = await start();
    writeDraft(GOOD);
    (window as unknown as { __fakeGmailCloseDelayMs: number }).__fakeGmailCloseDelayMs = 10_000;
    try {
      // Observers made from here on are the send's (the guard watches for Gmail's refusal).
      const Original = globalThis.MutationObserver;
      const made: { connected: boolean }[] = [];
      class Tracked extends Original {
        readonly state = { connected: false };
        constructor(callback: MutationCallback) {
          super(callback);
          made.push(this.state);
        }
        override observe(target: Node, options?: MutationObserverInit): void {
          this.state.connected = true;
          super.observe(target, options);
        }
        override disconnect(): void {
          this.state.connected = false;
          super.disconnect();
        }
      }
      globalThis.MutationObserver = Tracked;
      try {
        press(sendButton());
      } finally {
        globalThis.MutationObserver = Original;
      }
      expect(sent()).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(10);
      expect(made.some((state) => state.connected)).toBe(true);
      lifetime.invalidate();
      expect(made.filter((state) => state.connected)).toEqual([]);
    } finally {
      (window as unknown as { __fakeGmailCloseDelayMs: number }).__fakeGmailCloseDelayMs = 0;
    }
  });
});
