// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findComposes } from '../../entrypoints/gmail.content/adapter.ts';
import { createCheckSession } from '../../entrypoints/gmail.content/compose-checker.ts';
import type { ScriptLifetime } from '../../entrypoints/gmail.content/script-lifetime.ts';
import { sendMessage } from '../../utils/messaging.ts';
import { GMAIL_FIXTURES } from '../gmail/fixture-window.ts';

vi.mock('../../utils/messaging.ts', () => ({
  sendMessage: vi.fn(),
  onMessage: vi.fn(() => () => {}),
  removeAllListeners: vi.fn(),
}));

// A scaffold asked for right after Reply opens: the compose's first check may still be
// waiting for the thread's marks. The scaffold waits for that check, so it greets the
// customer by name and lists their questions rather than leaving both as slots.

const send = vi.mocked(sendMessage);
let controller: AbortController;

const lifetime = (): ScriptLifetime => ({
  isInvalid: false,
  onInvalidated: () => () => {},
  setTimeout: (handler, timeout) => setTimeout(handler, timeout) as unknown as number,
  addEventListener: (target, type, handler, options) => target.addEventListener(type, handler, { ...options, signal: controller.signal }),
});

beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
  (window as unknown as { requestIdleCallback?: unknown }).requestIdleCallback = undefined;
  const html = readFileSync(GMAIL_FIXTURES.INLINE, 'utf8');
  document.documentElement.innerHTML = html.slice(html.indexOf('<html'));
  send.mockReset();
  // The background is slow with the thread's marks: they come after the first check stops waiting.
  send.mockImplementation(async (type: string) => {
    if (type === 'getThreadRecord') await new Promise((resolve) => setTimeout(resolve, 5_000));
    return type === 'getThreadRecord' ? null : undefined;
  });
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('the compose a scaffold goes into', () => {
  it('comes with its first check even when that check is already running, waiting for the marks', async () => {
    const session = createCheckSession({ doc: document, lifetime: lifetime(), log: vi.fn(), now: () => new Date('2026-11-17T10:30:00-05:00') });
    const [compose] = findComposes(document);
    session.attach(compose!);
    // The first check has started and waits (up to 800 ms) for the thread's marks.
    await vi.advanceTimersByTimeAsync(50);
    expect(send.mock.calls.some(([type]) => type === 'getThreadRecord')).toBe(true);
    let target: Awaited<ReturnType<typeof session.scaffoldTarget>> | undefined;
    void session.scaffoldTarget().then((value) => (target = value));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(target).toBeDefined();
    expect(target!.snapshot?.thread.customer?.name).toBe('Priya Shah');
    expect(target!.snapshot?.questions.length).toBeGreaterThan(0);
    session.dispose();
  });
});
