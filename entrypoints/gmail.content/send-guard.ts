import { decideSend, sendScope, type FailingCheck, type SendDecision } from '../../lib/presend/decision.ts';
import { buildPresendModel, type PresendItem } from '../../lib/presend/modal-model.ts';
import { buildSendRecord } from '../../lib/presend/send-record.ts';
import type { SendOutcome, SendPath, SendRecord } from '../../lib/schemas/send.ts';
import type { RuleId } from '../../lib/types.ts';
import { sendMessage } from '../../utils/messaging.ts';
import {
  findAlertDialog,
  findComposes,
  findScheduleSendItem,
  findSendArchiveButton,
  findSendButton,
  holdsAlertDialog,
  readCompose,
  sendControlAt,
  type ComposeHandle,
  type SendControl,
} from './adapter.ts';
import { threadKeyOf } from './compose-checker.ts';
import { applyFix } from './presend-fixes.ts';
import { openPresendModal, PRESEND_HOST_ATTRIBUTE, type PresendModal } from './presend-modal.ts';
import { showPresendNotice } from './presend-notice.ts';
import { isContextInvalidated, type ErrorLog, type ScriptLifetime } from './script-lifetime.ts';
import { isSelectorError, SelectorError } from './selector-error.ts';
import type { SendCheck } from './send-check.ts';
import { SLOT_ATTRIBUTE } from './status-indicator.ts';

// Stops a reply that breaks the rules at Send, and nothing else (issue 6).
//
// Every way Gmail sends — a click on Send, Enter or Space on it, Ctrl/Cmd+Enter in the
// compose, "Send and archive", the "Schedule send" menu item — is seen first by listeners in
// the capture phase on the document, before Gmail's own. The draft is checked there and then:
// when it passes (or is not bound for a customer) the event simply goes on to Gmail, so a good
// reply leaves with no extra step. When an error-level check fails the event is stopped
// (preventDefault + stopPropagation + stopImmediatePropagation) and the checklist opens;
// "Send anyway" re-dispatches a press and click on the same control, marked as ours so it is
// not intercepted again. Only when the settings or the thread's marks are not loaded yet does
// the check wait; the event is held meanwhile and released when the answer comes, or after
// 300 ms without one.
//
// It fails open: our own fault (engine error, slow or unreachable background, invalidated
// extension context, a Gmail element we can't find) lets the mail go, logged once. And it
// never sends twice: while a compose's send is being checked, waits in the checklist, or has
// just been let go, further presses on it are swallowed; Gmail refusing the send (its alert
// dialog) or a few seconds passing clears that, so the next Send is checked again.

export interface SendGuardOptions {
  doc: Document;
  lifetime: ScriptLifetime;
  log: ErrorLog;
  /** The composes the watcher knows; the page is scanned for one it has not seen yet. */
  composes(): readonly ComposeHandle[];
  checkNow(handle: ComposeHandle): SendCheck | Promise<SendCheck>;
  /** Fire-and-forget report of a send (default: the `recordSend` message). Must not throw. */
  recordSend?(record: SendRecord): void;
  /** The scaffolds feature's insertion, for the checklist's "Insert …" fixes; true when inserted. */
  insertScaffold?(handle: ComposeHandle, scaffoldId: string, check: SendCheck): boolean;
  /** False once the extension was reloaded or removed under the page (default: the script lifetime's isInvalid). */
  contextAlive?(): boolean;
  /** How long a send waits for a check that is not ready at once. */
  timeoutMs?: number;
  now?(): number;
  /**
   * Timers for a held send. The window's own by default, not the script lifetime's: those
   * stop when the extension goes away, and a held send must be let go even then.
   */
  setTimer?(handler: () => void, ms: number): unknown;
  clearTimer?(timer: unknown): void;
}

export interface SendGuard {
  /** Whether a send on this compose is being checked, waits in the checklist, or just left. */
  busy(handle: ComposeHandle): boolean;
  dispose(): void;
}

export const SEND_CHECK_TIMEOUT_MS = 300;
// After a send is let go, presses on the same compose are swallowed this long (or until Gmail
// refuses it or removes the compose): Gmail takes a moment to close a sent compose.
const SENT_LOCK_MS = 3_000;
// A sent compose is watched this long for Gmail removing it, which is when the send is
// reported; a scheduled send waits for the writer to pick a time.
const SENT_WATCH_MS = 60_000;
const SENT_POLL_MS = 100;

type Phase = 'checking' | 'modal' | 'sent';

interface SendState {
  phase: Phase;
  /** Identity of this attempt: a late answer for an older attempt is ignored. */
  readonly attempt: number;
  modal?: PresendModal;
  release?: () => void;
}

interface Gesture {
  kind: 'pointer' | 'key';
  key?: string;
  element: Element;
  blocked: boolean;
}

/** What the send record needs besides the outcome; absent when the check failed. */
type RecordMaker = (() => SendRecord | null) | null;

const EVENT_TYPES = ['mousedown', 'mouseup', 'click', 'keydown', 'keypress', 'keyup'] as const;
const OUR_UI = `[${SLOT_ATTRIBUTE}], [${PRESEND_HOST_ATTRIBUTE}]`;

function stop(event: Event): void {
  event.preventDefault();
  event.stopPropagation();
  event.stopImmediatePropagation();
}

function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** What went wrong, in a few words for the send log: never email text. */
export function failureOf(error: unknown): string {
  if (isSelectorError(error)) return `Gmail element "${error.key}" not found`;
  if (isContextInvalidated(error)) return 'extension context invalidated';
  if (error instanceof CheckTimeout) return `check took longer than ${error.ms} ms`;
  return 'the check failed';
}

class CheckTimeout extends Error {
  override readonly name = 'CheckTimeout';
  constructor(readonly ms: number) {
    super(`the send check took longer than ${ms} ms; the mail was let go unchecked`);
  }
}

function pathOf(control: SendControl, via: 'pointer' | 'key'): SendPath {
  if (control.kind === 'send-archive') return 'send-archive';
  if (control.kind === 'schedule') return 'schedule';
  return via === 'key' ? 'keyboard-button' : 'button';
}

export function createSendGuard(options: SendGuardOptions): SendGuard {
  const { doc, lifetime, log } = options;
  const timeoutMs = options.timeoutMs ?? SEND_CHECK_TIMEOUT_MS;
  const now = options.now ?? (() => Date.now());
  const alive = options.contextAlive ?? (() => !lifetime.isInvalid);
  const setTimer = options.setTimer ?? ((handler, ms) => setTimeout(handler, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const recordSend = options.recordSend ?? defaultRecordSend;

  const states = new Map<Element, SendState>();
  const watching = new Map<Element, number>();
  // The observers watching sent composes for Gmail's refusal, disconnected on dispose.
  const observers = new Set<MutationObserver>();
  let attempts = 0;
  let gesture: Gesture | null = null;
  let lastCompose: ComposeHandle | null = null;
  // True while we dispatch a send ourselves: our own listeners let it through.
  let replaying = false;
  let disposed = false;

  function defaultRecordSend(record: SendRecord): void {
    try {
      sendMessage('recordSend', record).catch((error: unknown) => log(error, 'Step Ahead (send record)'));
    } catch (error) {
      log(error, 'Step Ahead (send record)');
    }
  }

  // ---- which compose -------------------------------------------------------------------------

  function composeFor(element: Element): ComposeHandle | null {
    const known = options.composes().find((handle) => handle.root.contains(element));
    if (known) return known;
    const found = findComposes(doc).find((handle) => handle.root.contains(element));
    if (found) return found;
    return null;
  }

  /** The schedule menu may be drawn outside the compose: then it is the one last used. */
  function composeForControl(control: SendControl): ComposeHandle | null {
    const handle = composeFor(control.element);
    if (handle || control.kind !== 'schedule') return handle;
    const open = options.composes();
    if (open.length === 1) return open[0]!;
    return lastCompose && lastCompose.root.isConnected ? lastCompose : null;
  }

  // ---- letting a send go -------------------------------------------------------------------------

  /** Sends again what we stopped, on the same control (or the compose's current one). */
  function redispatch(handle: ComposeHandle, element: Element, path: SendPath): boolean {
    // Only a send control takes a press: the shortcut's stand-in (the compose body, when no
    // Send button was found) is sent the shortcut again instead.
    const control = (candidate: Element | null) => (candidate?.isConnected && sendControlAt(candidate) ? candidate : null);
    let target = handle.root.isConnected ? control(element) : null;
    target ??= control(
      path === 'send-archive'
        ? findSendArchiveButton(handle)
        : path === 'schedule'
          ? findScheduleSendItem(handle.root)
          : findSendButton(handle),
    );
    replaying = true;
    try {
      if (target) {
        // Gmail acts on a real press and click (InboxSDK resumes a send the same way).
        for (const type of ['mousedown', 'mouseup', 'click']) {
          target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, button: 0 }));
        }
        return true;
      }
      if (path === 'shortcut' && handle.body.isConnected) {
        handle.body.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true, cancelable: true, composed: true }),
        );
        return true;
      }
      log(new SelectorError('sendButton'), 'Step Ahead (send)');
      return false;
    } finally {
      replaying = false;
    }
  }

  /**
   * The mail goes: the held event is sent again (held) or the event in flight goes on. Further
   * presses are swallowed until Gmail removes the compose, refuses the send, or SENT_LOCK_MS
   * pass. Once the compose is gone the send is reported and `afterSent` runs (the notice of
   * checks that failed without stopping it: shown earlier, it could land under the pointer
   * between the press and the click and take the click from Send).
   */
  function letGo(handle: ComposeHandle, element: Element, path: SendPath, held: boolean, makeRecord: RecordMaker, afterSent?: () => void): void {
    const { root } = handle;
    const alertBefore = findAlertDialog(doc);
    const attempt = ++attempts;
    states.set(root, { phase: 'sent', attempt });
    watching.set(root, attempt);
    const started = now();
    const unlock = () => {
      if (states.get(root)?.attempt === attempt) states.delete(root);
    };
    const stopWatching = () => {
      if (watching.get(root) === attempt) watching.delete(root);
      disconnect();
    };
    const refused = (added = false): boolean => {
      const alert = findAlertDialog(doc);
      if (!added && (!alert || alert === alertBefore)) return false;
      // Gmail refused the send (no recipient…): nothing went, and the next Send is checked.
      stopWatching();
      unlock();
      return true;
    };
    // Gmail's refusal can come and go (its OK clicked) between two polls: an observer sees it.
    let observer: MutationObserver | null = null;
    const disconnect = () => {
      observer?.disconnect();
      if (observer) observers.delete(observer);
    };
    if (typeof MutationObserver === 'function' && doc.body) {
      observer = new MutationObserver((records) => {
        if (watching.get(root) !== attempt) return disconnect();
        const added = records.some((record) => Array.from(record.addedNodes).some(holdsAlertDialog));
        refused(added);
      });
      observer.observe(doc.body, { childList: true, subtree: true });
      observers.add(observer);
    }
    if (held) redispatch(handle, element, path);
    const watch = () => {
      if (watching.get(root) !== attempt || refused()) return;
      const elapsed = now() - started;
      if (!root.isConnected) {
        stopWatching();
        unlock();
        report(makeRecord);
        if (afterSent) {
          try {
            afterSent();
          } catch (error) {
            log(error, 'Step Ahead (pre-send notice)');
          }
        }
        return;
      }
      if (elapsed >= SENT_LOCK_MS) {
        unlock();
        disconnect();
      }
      if (elapsed >= SENT_WATCH_MS) {
        stopWatching();
        return;
      }
      setTimer(watch, SENT_POLL_MS);
    };
    setTimer(watch, 0);
  }

  function report(makeRecord: RecordMaker): void {
    if (!makeRecord || !alive()) return;
    try {
      const record = makeRecord();
      if (record) recordSend(record);
    } catch (error) {
      log(error, 'Step Ahead (send record)');
    }
  }

  function recordFrom(check: SendCheck, path: SendPath, outcome: SendOutcome, failing: readonly FailingCheck[], reason?: string): RecordMaker {
    const sentAt = now();
    return () =>
      buildSendRecord({
        threadId: check.threadKey,
        subject: check.subject,
        customer: check.customer,
        customerMessageAt: check.customerMessageAt,
        sentAt,
        path,
        outcome,
        failedRules: failing.map((item) => item.ruleId as RuleId),
        ...(reason ? { reason } : {}),
        analysis: check.analysis,
        timeZone: check.timeZone,
      });
  }

  function failedOpenRecord(handle: ComposeHandle, path: SendPath, error: unknown): RecordMaker {
    const sentAt = now();
    // Read now, while the compose is still there; it may be what failed.
    let threadId = 'compose:unknown';
    let subject = '';
    try {
      const state = readCompose(handle);
      threadId = threadKeyOf(state, 'send');
      subject = state.subject;
    } catch {
      // The record goes without them.
    }
    return () =>
      buildSendRecord({
        threadId,
        subject,
        customer: null,
        customerMessageAt: null,
        sentAt,
        path,
        outcome: 'failed-open',
        failedRules: [],
        failure: failureOf(error),
        analysis: null,
        timeZone: 'UTC',
      });
  }

  function failOpen(handle: ComposeHandle, element: Element, path: SendPath, error: unknown, held: boolean): void {
    log(error, 'Step Ahead (send check)');
    letGo(handle, element, path, held, failedOpenRecord(handle, path, error));
  }

  // ---- the decision ---------------------------------------------------------------------------

  /** Acts on a finished check; returns true when the send was stopped for the checklist. */
  function decide(handle: ComposeHandle, element: Element, path: SendPath, check: SendCheck, held: boolean, event: Event | null): boolean {
    let decision: SendDecision;
    try {
      const scope = sendScope(
        {
          kind: check.state.kind,
          recipients: check.state.recipients,
          accountAddress: check.accountAddress,
          teamDomains: check.settings.teamDomains,
        },
        check.settings.presend,
      );
      if (scope !== 'checked') {
        // Not mail to a customer (or a new message the team does not check): not ours to judge.
        letGo(handle, element, path, held, null);
        return false;
      }
      decision = decideSend(check.snapshot, check.settings.presend);
    } catch (error) {
      failOpen(handle, element, path, error, held);
      return false;
    }
    if (decision.action === 'send') {
      letGo(handle, element, path, held, recordFrom(check, path, 'clean', []));
      return false;
    }
    if (decision.action === 'inform') {
      const failing = decision.failing;
      letGo(handle, element, path, held, recordFrom(check, path, 'not-blocked', failing), () => showPresendNotice(doc, failing));
      return false;
    }
    if (event) stop(event);
    // One checklist at a time: a second compose's send (only a script or assistive technology
    // can reach one past the open checklist) waits for the writer to press Send again.
    if ([...states.values()].some((other) => other.phase === 'modal')) return true;
    openChecklist(handle, element, path, check, decision.failing);
    return true;
  }

  function openChecklist(handle: ComposeHandle, element: Element, path: SendPath, check: SendCheck, failing: FailingCheck[]): void {
    const { root } = handle;
    const attempt = ++attempts;
    const state: SendState = { phase: 'modal', attempt };
    states.set(root, state);
    const current = () => states.get(root) === state;
    const close = () => {
      state.modal?.close();
      if (current()) states.delete(root);
      // The press that opened it ended on the checklist, which keeps its key-up or click from
      // us: forget it, or the next such key or click elsewhere would be taken for its end.
      gesture = null;
    };
    const backToDraft = () => {
      close();
      if (handle.body.isConnected) handle.body.focus({ preventScroll: true });
    };
    try {
      const model = buildPresendModel(failing, check.analysis.findings, check.analysis.draft.text, check.settings.presend);
      state.modal = openPresendModal(doc, {
        model,
        onBack: backToDraft,
        onSendAnyway: (reason) => {
          if (!current()) return;
          close();
          letGo(handle, element, path, true, recordFrom(check, path, 'sent-anyway', failing, reason ?? undefined));
        },
        onFix: (item: PresendItem) => {
          close();
          if (!item.fix) return backToDraft();
          let done = false;
          try {
            done = applyFix(item.fix, {
              doc,
              handle,
              ...(options.insertScaffold
                ? { insertScaffold: (target, scaffoldId) => options.insertScaffold!(target, scaffoldId, check) }
                : {}),
            });
          } catch (error) {
            log(error, 'Step Ahead (pre-send fix)');
          }
          if (!done) backToDraft();
        },
      });
      state.release = () => {
        // The extension went away with the checklist open: the writer's next Send reaches Gmail.
        close();
      };
    } catch (error) {
      if (current()) states.delete(root);
      state.modal?.close();
      failOpen(handle, element, path, error, true);
    }
  }

  /** Holds the send until an asynchronous check answers, for at most timeoutMs. */
  function hold(handle: ComposeHandle, element: Element, path: SendPath, pending: Promise<SendCheck>): void {
    const { root } = handle;
    const attempt = ++attempts;
    const state: SendState = { phase: 'checking', attempt };
    states.set(root, state);
    let settled = false;
    const settle = (run: () => void) => {
      if (settled) return;
      settled = true;
      clearTimer(timer);
      if (states.get(root) !== state) return;
      states.delete(root);
      run();
    };
    const timer = setTimer(() => settle(() => failOpen(handle, element, path, new CheckTimeout(timeoutMs), true)), timeoutMs);
    state.release = () => settle(() => failOpen(handle, element, path, new Error('Extension context invalidated.'), true));
    pending.then(
      (check) =>
        settle(() => {
          if (!alive()) return failOpen(handle, element, path, new Error('Extension context invalidated.'), true);
          decide(handle, element, path, check, true, null);
        }),
      (error: unknown) => settle(() => failOpen(handle, element, path, error, true)),
    );
  }

  /**
   * A press of a send control. Returns true when the event was stopped (held for a check, or
   * for the checklist, or swallowed as a repeat).
   */
  function activate(element: Element, path: SendPath, event: Event, known: ComposeHandle | null): boolean {
    const handle = known;
    if (!handle) {
      log(new SelectorError('composeRoot'), 'Step Ahead (send)');
      return false;
    }
    if (!alive()) {
      log(new Error('Extension context invalidated.'), 'Step Ahead (send)');
      return false;
    }
    if (states.has(handle.root)) {
      // Being checked, in the checklist, or just sent: never a second send.
      stop(event);
      return true;
    }
    let result: SendCheck | Promise<SendCheck>;
    try {
      result = options.checkNow(handle);
    } catch (error) {
      failOpen(handle, element, path, error, false);
      return false;
    }
    if (isThenable(result)) {
      stop(event);
      hold(handle, element, path, result);
      return true;
    }
    return decide(handle, element, path, result, false, event);
  }

  // ---- the events ------------------------------------------------------------------------------

  function targetOf(event: Event): Element | null {
    const target = event.target;
    return target && typeof (target as Element).closest === 'function' ? (target as Element) : null;
  }

  function onEvent(event: Event): void {
    if (replaying || disposed) return;
    const target = targetOf(event);
    // Our own UI (the status pill in the send bar, the checklist) is never a send.
    if (!target || target.closest(OUR_UI)) return;
    try {
      route(event, target);
    } catch (error) {
      // Our own bug: whatever happened, Gmail gets the event.
      log(error, 'Step Ahead (send guard)');
    }
  }

  function route(event: Event, target: Element): void {
    switch (event.type) {
      case 'mousedown': {
        if ((event as MouseEvent).button !== 0) return;
        const control = sendControlAt(target);
        if (!control) return;
        const blocked = activate(control.element, pathOf(control, 'pointer'), event, composeForControl(control));
        gesture = { kind: 'pointer', element: control.element, blocked };
        return;
      }
      case 'mouseup': {
        if (gesture?.kind === 'pointer' && gesture.blocked && gesture.element.contains(target)) stop(event);
        return;
      }
      case 'click': {
        const control = sendControlAt(target);
        const pressed = gesture?.kind === 'pointer' ? gesture : null;
        if (pressed) gesture = null;
        if (pressed && control && pressed.element === control.element) {
          // The click that ends a press we already decided on.
          if (pressed.blocked) stop(event);
          return;
        }
        // A click with no press before it: element.click(), assistive technology.
        if (control) activate(control.element, pathOf(control, 'pointer'), event, composeForControl(control));
        return;
      }
      case 'keydown': {
        const key = event as KeyboardEvent;
        if (key.isComposing) return;
        if (key.key === 'Enter' && (key.ctrlKey || key.metaKey)) {
          const handle = composeFor(target);
          if (!handle) return;
          activate(findSendButton(handle) ?? target, 'shortcut', event, handle);
          return;
        }
        if (key.key !== 'Enter' && key.key !== ' ') return;
        const control = sendControlAt(target);
        if (!control) return;
        const blocked = activate(control.element, pathOf(control, 'key'), event, composeForControl(control));
        gesture = { kind: 'key', key: key.key, element: control.element, blocked };
        return;
      }
      case 'keypress':
      case 'keyup': {
        const key = event as KeyboardEvent;
        if (gesture?.kind !== 'key' || gesture.key !== key.key) return;
        // Only the end of the press on the send control itself: the same key typed anywhere
        // else is the writer's.
        if (!gesture.element.contains(target)) return;
        if (gesture.blocked) stop(event);
        if (event.type === 'keyup') gesture = null;
        return;
      }
    }
  }

  function onFocusIn(event: Event): void {
    const target = targetOf(event);
    if (!target) return;
    const handle = options.composes().find((open) => open.root.contains(target));
    if (handle) lastCompose = handle;
  }

  for (const type of EVENT_TYPES) lifetime.addEventListener(doc, type, onEvent, { capture: true });
  lifetime.addEventListener(doc, 'focusin', onFocusIn, { capture: true });

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    // A send we hold goes now; a checklist closes (the next Send goes straight to Gmail).
    for (const state of [...states.values()]) state.release?.();
    states.clear();
    watching.clear();
    for (const observer of observers) observer.disconnect();
    observers.clear();
    gesture = null;
  }
  lifetime.onInvalidated(dispose);

  return {
    busy: (handle) => states.has(handle.root),
    dispose,
  };
}
