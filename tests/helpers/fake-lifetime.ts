import type { ScriptLifetime } from '../../entrypoints/gmail.content/script-lifetime.ts';

// The content script's lifetime (WXT's ctx) as tests drive it: `invalidate()` is what an
// extension update or reload does to a running Gmail tab.

export interface FakeLifetime extends ScriptLifetime {
  invalidate(): void;
}

export function fakeLifetime(): FakeLifetime {
  let invalid = false;
  const callbacks: (() => void)[] = [];
  const controller = new AbortController();
  return {
    get isInvalid() {
      return invalid;
    },
    onInvalidated(callback) {
      callbacks.push(callback);
      return () => {};
    },
    setTimeout: (handler, timeout) => setTimeout(handler, timeout) as unknown as number,
    addEventListener: (target, type, handler, options) => target.addEventListener(type, handler, { ...options, signal: controller.signal }),
    invalidate() {
      invalid = true;
      controller.abort();
      for (const callback of callbacks) callback();
    },
  };
}
