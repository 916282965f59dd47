import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The Gmail tab reads the team's policy from managed storage, which Chrome can be slow to
// answer. The checks must start without it, run again once when it arrives, and never loop
// when the policy area is slow every time.

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));

const POLICY_DELAY_MS = 2_000;

function slowPolicyArea(rule: string) {
  return {
    get: vi.fn(
      () =>
        new Promise<Record<string, unknown>>((resolve) =>
          setTimeout(() => resolve({ settings: { rules: { [rule]: 'off' } } }), POLICY_DELAY_MS),
        ),
    ),
  };
}

describe('settings in the Gmail tab with a slow team policy', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    fakeBrowser.reset();
    vi.resetModules();
  });
  afterEach(() => vi.useRealTimers());

  it('checks at once without the policy, then once more with it, and does not loop after that', async () => {
    const managed = slowPolicyArea('ownership');
    Object.defineProperty(fakeBrowser.storage, 'managed', { value: managed, configurable: true });
    const { loadSettings, watchSettings } = await import('../../entrypoints/gmail.content/load-settings.ts');

    const reloads: string[] = [];
    // What the checker does: re-read the settings on every change.
    const stop = watchSettings(() => void loadSettings().then((s) => reloads.push(s.rules.ownership)));

    const first = loadSettings();
    await vi.advanceTimersByTimeAsync(300);
    expect((await first).rules.ownership).not.toBe('off');

    // Ten policy round trips later there has been exactly one re-check, and it has the policy.
    await vi.advanceTimersByTimeAsync(POLICY_DELAY_MS * 10);
    expect(reloads).toEqual(['off']);
    expect(managed.get.mock.calls.length).toBeLessThanOrEqual(2);
    stop();
  });
});
