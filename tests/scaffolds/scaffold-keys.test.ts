// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComposeHandle } from '../../entrypoints/gmail.content/adapter.ts';
import type { ScaffoldTarget } from '../../entrypoints/gmail.content/compose-checker.ts';
import { setupScaffoldActions } from '../../entrypoints/gmail.content/scaffold-actions.ts';
import type { ScriptLifetime } from '../../entrypoints/gmail.content/script-lifetime.ts';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings.ts';

vi.mock('../../utils/messaging.ts', () => ({
  sendMessage: vi.fn(),
  onMessage: vi.fn(() => () => {}),
  removeAllListeners: vi.fn(),
}));

// The page's own shortcuts in a compose (Alt+Shift+R / S / N): one press, one action. A held
// key repeats keydown; the writer must not get the full reply several times.

let controller: AbortController;
let stop: () => void;

const lifetime = (): ScriptLifetime => ({
  isInvalid: false,
  onInvalidated: () => () => {},
  setTimeout: (handler, timeout) => setTimeout(handler, timeout) as unknown as number,
  addEventListener: (target, type, handler, options) => target.addEventListener(type, handler, { ...options, signal: controller.signal }),
});

function compose(): ComposeHandle {
  const root = document.createElement('div');
  const body = document.createElement('div');
  body.setAttribute('contenteditable', 'true');
  body.setAttribute('role', 'textbox');
  body.innerHTML = '<br>';
  root.append(body);
  document.body.append(root);
  return { root, body, view: 'dialog' };
}

beforeEach(() => {
  controller = new AbortController();
  // happy-dom has no editing commands: a stand-in that inserts at the selection.
  (document as unknown as { execCommand: unknown }).execCommand = (command: string, _ui: boolean, html: string) => {
    if (command !== 'insertHTML') return false;
    const range = document.getSelection()!.getRangeAt(0);
    range.insertNode(range.createContextualFragment(html));
    return true;
  };
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});

afterEach(() => {
  stop?.();
  controller.abort();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

function setup(handle: ComposeHandle) {
  const waiting: Array<() => void> = [];
  const scaffoldTarget = vi.fn(
    () =>
      new Promise<ScaffoldTarget>((resolve) => {
        // Held until the test lets it go, as a first check waiting for the thread's marks is.
        waiting.push(() => resolve({ handle, snapshot: null, settings: DEFAULT_SETTINGS }));
      }),
  );
  stop = setupScaffoldActions({ doc: document, session: { scaffoldTarget }, lifetime: lifetime(), log: vi.fn() });
  return { scaffoldTarget, release: () => waiting.splice(0).forEach((go) => go()) };
}

function press(target: Element, code: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { code, key: code.slice(3), altKey: true, shiftKey: true, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

const fullReplies = (body: HTMLElement) => (body.textContent ?? '').split('Best regards').length - 1;

describe('the page shortcuts in a compose', () => {
  it('inserts the full reply once for a held Alt+Shift+R, its repeats swallowed', async () => {
    const handle = compose();
    const { scaffoldTarget, release } = setup(handle);
    handle.body.focus();
    expect(press(handle.body, 'KeyR').defaultPrevented).toBe(true);
    for (let i = 0; i < 5; i++) expect(press(handle.body, 'KeyR', { repeat: true }).defaultPrevented).toBe(true);
    release();
    await vi.waitFor(() => expect(fullReplies(handle.body)).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fullReplies(handle.body)).toBe(1);
    expect(scaffoldTarget).toHaveBeenCalledOnce();
  });

  it('starts no second insertion while one is still under way', async () => {
    const handle = compose();
    const { scaffoldTarget, release } = setup(handle);
    handle.body.focus();
    press(handle.body, 'KeyR');
    // A second, separate press before the first has finished.
    expect(press(handle.body, 'KeyR').defaultPrevented).toBe(true);
    release();
    await vi.waitFor(() => expect(fullReplies(handle.body)).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fullReplies(handle.body)).toBe(1);
    expect(scaffoldTarget).toHaveBeenCalledOnce();
    // Once it is done, the next press inserts again.
    press(handle.body, 'KeyR');
    release();
    await vi.waitFor(() => expect(fullReplies(handle.body)).toBe(2));
  });

  it('leaves other Option/Alt combinations to the page (a character typed on macOS)', () => {
    const handle = compose();
    const { scaffoldTarget } = setup(handle);
    for (const init of [{ code: 'KeyE' }, { code: 'KeyR', metaKey: true }, { code: 'KeyR', ctrlKey: true }, { code: 'KeyR', shiftKey: false }]) {
      const { code, ...rest } = init;
      expect(press(handle.body, code, rest).defaultPrevented, JSON.stringify(init)).toBe(false);
    }
    expect(scaffoldTarget).not.toHaveBeenCalled();
  });
});
