import { queryFirst, SELECTORS, type SelectorKey } from './selectors.ts';

/**
 * A Gmail element the adapter needs is not on the page: Gmail changed its markup or has not
 * finished drawing the view. Named so callers can tell it from their own bugs and degrade
 * (skip this compose, keep Gmail working) instead of crashing.
 */
export class SelectorError extends Error {
  override readonly name = 'SelectorError';
  readonly key: SelectorKey;
  readonly selectors: readonly string[];

  constructor(key: SelectorKey) {
    const selectors = SELECTORS[key];
    super(`Gmail element "${key}" not found (tried ${selectors.join(' | ')})`);
    this.key = key;
    this.selectors = selectors;
  }
}

export function isSelectorError(error: unknown): error is SelectorError {
  return error instanceof SelectorError;
}

/** The key's element under root, or a SelectorError naming the key. */
export function queryOrFail<E extends Element = HTMLElement>(root: ParentNode, key: SelectorKey): E {
  const found = queryFirst(root, key);
  if (!found) throw new SelectorError(key);
  return found as E;
}

export type LogSink = (message: string, error: unknown) => void;

/**
 * Returns a reporter that logs each distinct failure once: the adapter runs after every
 * typing pause, and a missing element would otherwise flood the console of a page the user
 * is working in. Selector errors are keyed by selector key, others by name and message.
 */
export function createOnceLogger(sink: LogSink = (message, error) => console.warn(message, error)) {
  const seen = new Set<string>();
  return (error: unknown, context = 'Step Ahead'): boolean => {
    const id = errorIdentity(error);
    if (seen.has(id)) return false;
    seen.add(id);
    try {
      sink(`${context}: ${isSelectorError(error) ? error.message : 'unexpected error'}`, error);
    } catch {
      // A broken console must not turn logging into a crash.
    }
    return true;
  };
}

function errorIdentity(error: unknown): string {
  if (isSelectorError(error)) return `selector:${error.key}`;
  try {
    return error instanceof Error ? `${error.name}:${error.message}` : `other:${String(error)}`;
  } catch {
    // e.g. an object without a prototype, which String() cannot convert
    return 'other:unprintable';
  }
}
