import { findComposes, type ComposeHandle } from './adapter.ts';
import type { ErrorLog, ScriptLifetime } from './script-lifetime.ts';

// Gmail adds and removes composes without reloading: pop-ups, inline replies, pop-outs,
// drafts it restores after a reload, views swapped on a hash change. One observer on the
// body notices that something changed; a scan a moment later says what. The observer's
// callback does nothing but arm a timer, and changes inside a watched body (typing) not even that.

export interface ComposeWatcherOptions {
  doc: Document;
  lifetime: ScriptLifetime;
  log: ErrorLog;
  onAdded(handle: ComposeHandle): void;
  onRemoved(handle: ComposeHandle): void;
  /** After every scan, with the composes open now (e.g. to notice a thread view change). */
  onScanned?(open: readonly ComposeHandle[]): void;
  /** How long mutations are gathered before a scan. */
  scanDelayMs?: number;
}

export interface ComposeWatcher {
  /** Scans now. */
  scan(): void;
  /** Scans once, soon, however many times it is asked before then. */
  scheduleScan(): void;
  composes(): ComposeHandle[];
  stop(): void;
}

// Short enough that a new compose shows its status at once, long enough that a burst of
// Gmail's redraws (or of keystrokes) costs one scan.
const DEFAULT_SCAN_DELAY_MS = 100;

export function watchComposes(options: ComposeWatcherOptions): ComposeWatcher {
  const { doc, lifetime, log } = options;
  const delay = options.scanDelayMs ?? DEFAULT_SCAN_DELAY_MS;
  const open = new Map<HTMLElement, ComposeHandle>();
  let pending: number | null = null;
  let stopped = false;

  const call = (what: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      log(error, `Step Ahead (${what})`);
    }
  };

  function scan(): void {
    if (stopped || lifetime.isInvalid) return;
    let found: ComposeHandle[];
    try {
      found = findComposes(doc);
    } catch (error) {
      log(error, 'Step Ahead (scan)');
      return;
    }
    const seen = new Set<HTMLElement>();
    for (const handle of found) seen.add(handle.body);
    for (const [body, handle] of open) {
      if (seen.has(body) && body.isConnected) continue;
      open.delete(body);
      call('compose removed', () => options.onRemoved(handle));
    }
    for (const handle of found) {
      if (open.has(handle.body)) continue;
      open.set(handle.body, handle);
      call('compose added', () => options.onAdded(handle));
    }
    if (options.onScanned) call('scan', () => options.onScanned!([...open.values()]));
  }

  function scheduleScan(): void {
    if (pending !== null || stopped) return;
    pending = lifetime.setTimeout(() => {
      pending = null;
      scan();
    }, delay);
  }

  // Typing changes the compose body on every keystroke; a change inside a body we already
  // watch can neither add nor remove a compose, so it does not even arm the timer.
  function insideOpenBody(node: Node): boolean {
    for (const body of open.keys()) if (body.contains(node)) return true;
    return false;
  }

  function onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (!insideOpenBody(record.target)) {
        scheduleScan();
        return;
      }
    }
  }

  const view = doc.defaultView;
  const observer = view ? new view.MutationObserver(onMutations) : null;
  if (observer && doc.body) observer.observe(doc.body, { childList: true, subtree: true });
  if (view) {
    // Gmail changes views through the hash; WXT's event covers history changes as well.
    lifetime.addEventListener(view, 'hashchange', scheduleScan);
    lifetime.addEventListener(view, 'wxt:locationchange', scheduleScan);
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    observer?.disconnect();
    if (pending !== null) clearTimeout(pending);
    pending = null;
    for (const handle of open.values()) call('compose removed', () => options.onRemoved(handle));
    open.clear();
  }
  lifetime.onInvalidated(stop);

  return { scan, scheduleScan, composes: () => [...open.values()], stop };
}
