import { openThreadClocks } from '../../lib/case-state.ts';
import { analyze } from '../../lib/engine.ts';
import { buildPanelSnapshot, buildPanelThread, snapshotSignature } from '../../lib/panel-snapshot.ts';
import { threadRecordSchema, type PanelSnapshot, type ThreadFlags, type ThreadRecord } from '../../lib/schemas/panel.ts';
import type { Settings } from '../../lib/schemas/settings.ts';
import { isOurAddress, threadContextOf, type ThreadFacts } from '../../lib/thread-context.ts';
import type { QuestionMark } from '../../lib/types.ts';
import { onMessage, sendMessage } from '../../utils/messaging.ts';
import {
  readAccountAddress,
  readCompose,
  readThread,
  threadSignature,
  type ComposeHandle,
  type ComposeState,
  type ThreadMessage,
} from './adapter.ts';
import { loadSettings, ruleDirectory, watchSettings } from './load-settings.ts';
import { isContextInvalidated, type ErrorLog, type ScriptLifetime } from './script-lifetime.ts';
import type { SendCheck } from './send-check.ts';
import { mountStatusIndicator, SLOT_ATTRIBUTE, type StatusIndicator } from './status-indicator.ts';

// Runs the engine on every open compose after typing stops and shows the result in it; tells
// the background what the focused (or last edited) compose looks like so the side panel can
// follow. The keystroke path only re-arms a timer: reading the draft, the thread and running
// the rules happen in the debounced, idle-time check, and any failure leaves Gmail alone.

export interface CheckSessionOptions {
  doc: Document;
  lifetime: ScriptLifetime;
  log: ErrorLog;
  /** Quiet time after the last keystroke before a check. */
  debounceMs?: number;
  now?: () => Date;
  /** The writer's IANA zone. */
  timeZone?: () => string;
  /** Checks wait for this first (the question model's weights); it must not reject. */
  ready?: Promise<unknown>;
}

export interface CheckSession {
  attach(handle: ComposeHandle): void;
  detach(handle: ComposeHandle): void;
  /** After each scan of the page: notices a thread view appearing or changing with no compose open. */
  scanned(open: readonly ComposeHandle[]): void;
  /**
   * A fresh check of one compose for the pre-send guard (issue 6): returned at once when the
   * settings and the thread's marks are at hand, as they are once the status has checked the
   * compose; otherwise a promise that waits for them (the guard bounds the wait). Throws, or
   * rejects, when the compose cannot be read or the engine fails.
   */
  checkNow(handle: ComposeHandle): SendCheck | Promise<SendCheck>;
  /**
   * Where a scaffold goes (issue 5): with threadId, a compose on that thread; else the
   * focused compose, else the one focused or edited last. Checks it first when it has not
   * been checked yet, so the scaffold's variables (questions, customer) come from its check.
   * Null when no compose fits.
   */
  scaffoldTarget(threadId?: string): Promise<ScaffoldTarget | null>;
  dispose(): void;
}

/** A compose a scaffold can go into, with its last check and the settings in force. */
export interface ScaffoldTarget {
  handle: ComposeHandle;
  snapshot: PanelSnapshot | null;
  settings: Settings;
}

interface ComposeEntry {
  handle: ComposeHandle;
  /** Ours, stable for the compose's life, used when Gmail gives no compose or draft id. */
  localId: string;
  controller: AbortController;
  indicator: StatusIndicator | null;
  timer: number | null;
  running: boolean;
  /** The running check, for a scaffold that must wait for its result. */
  inflight: Promise<void> | null;
  /** A change arrived while a check was running. */
  again: boolean;
  removed: boolean;
  /** Order of the last focus or edit: the highest is the compose the side panel follows. */
  touched: number;
  snapshot: PanelSnapshot | null;
  threadKey: string | null;
}

// 200 ms of quiet plus at most IDLE_TIMEOUT_MS waiting for an idle moment keeps the status
// within 300 ms of the last keystroke for a typical draft.
const DEFAULT_DEBOUNCE_MS = 200;
const IDLE_TIMEOUT_MS = 60;
// The first check of a thread waits this long for its marks; past it the check goes on
// without them and runs again when they arrive.
const RECORD_WAIT_MS = 800;
// A check at Send reuses the status check's analysis when the compose is unchanged since and
// the analysis is this recent (an ETA's "in the future" depends on the time).
const REUSE_MS = 15_000;
// Events in a compose that may change what the checks see: the body, subject and recipient
// fields (chips are added on Enter or blur and removed by a click).
const CHANGE_EVENTS = ['input', 'change', 'paste', 'cut', 'drop', 'focusout', 'click'];

/** The key marks and flags are kept under (utils/messaging.ts). */
export function threadKeyOf(state: Pick<ComposeState, 'threadId' | 'draftId' | 'composeId'>, localId: string): string {
  if (state.threadId) return state.threadId;
  if (state.draftId) return `draft:${state.draftId}`;
  return `compose:${state.composeId ?? localId}`;
}

function writerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const NO_FLAGS: ThreadFlags = { resolved: false, waitingOnCustomer: false };

interface ThreadInfo {
  signature: string;
  threadId: string | null;
  subject: string;
  facts: ThreadFacts<ThreadMessage>;
}

export function createCheckSession(options: CheckSessionOptions): CheckSession {
  const { doc, lifetime, log } = options;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? writerZone;
  const view = doc.defaultView;

  const entries = new Map<HTMLElement, ComposeEntry>();
  const records = new Map<string, ThreadRecord | null>();
  const recordRequests = new Map<string, Promise<ThreadRecord | null>>();
  const lateRecords = new Set<string>();
  // Threads whose marks the background could not give: a check at Send fails open on them
  // rather than stop mail over questions the writer may have settled.
  const failedRecords = new Set<string>();
  let threadCache: ThreadInfo | null = null;
  let settingsPromise: Promise<Settings> | null = null;
  // The settings once loaded, so a check at Send needs no await.
  let settingsValue: Settings | null = null;
  let touchCounter = 0;
  let localCounter = 0;
  let lastReported: string | null = null;
  let threadOnlySignature: string | null | undefined;
  let threadOnlyKey: string | null = null;
  let threadOnlyTimer: number | null = null;
  let disposed = false;

  const dead = () => disposed || lifetime.isInvalid;

  function fail(error: unknown, context: string): void {
    log(error, `Step Ahead (${context})`);
    if (isContextInvalidated(error)) dispose();
  }

  function settings(): Promise<Settings> {
    settingsPromise ??= Promise.resolve(options.ready)
      .then(loadSettings)
      .then((value) => (settingsValue = value))
      .catch((error) => {
        settingsPromise = null;
        throw error;
      });
    return settingsPromise;
  }

  // ---- when to check -------------------------------------------------------------------

  function whenIdle(run: () => void): void {
    const idle = view?.requestIdleCallback;
    const guarded = () => {
      if (!dead()) run();
    };
    if (typeof idle === 'function') idle.call(view, guarded, { timeout: IDLE_TIMEOUT_MS });
    else lifetime.setTimeout(guarded, 0);
  }

  function schedule(entry: ComposeEntry, delay = debounceMs): void {
    if (entry.removed || dead()) return;
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.timer = lifetime.setTimeout(() => {
      entry.timer = null;
      whenIdle(() => void check(entry));
    }, delay);
  }

  // ---- what the page shows ----------------------------------------------------------------

  /** The open thread's facts, worked out again only when its messages change. */
  function threadInfo(settingsNow: Settings): ThreadInfo | null {
    const signature = threadSignature(doc);
    if (signature === null) return null;
    if (threadCache?.signature === signature) return threadCache;
    const thread = readThread(doc, { timeZone: timeZone() });
    if (!thread) return null;
    const facts = threadContextOf(thread.messages, {
      accountAddress: readAccountAddress(doc),
      teamDomains: settingsNow.teamDomains,
      timeZone: timeZone(),
      schedule: settingsNow.schedule,
    });
    threadCache = { signature, threadId: thread.threadId, subject: thread.subject, facts };
    return threadCache;
  }

  /** The thread a compose answers: the open one, when the compose belongs to it. */
  function threadFor(entry: Pick<ComposeEntry, 'handle'>, state: ComposeState, settingsNow: Settings): ThreadInfo | null {
    if (state.kind === 'new' && entry.handle.view !== 'inline') return null;
    const info = threadInfo(settingsNow);
    if (!info) return null;
    if (state.threadId && info.threadId) return state.threadId === info.threadId ? info : null;
    return entry.handle.view === 'inline' ? info : null;
  }

  // ---- marks and flags from the background ---------------------------------------------------

  function requestRecord(key: string): Promise<ThreadRecord | null> {
    let request = recordRequests.get(key);
    if (request) return request;
    request = sendMessage('getThreadRecord', { threadId: key })
      .then(
        (answer) => {
          const parsed = answer == null ? null : threadRecordSchema.safeParse(answer);
          const record = parsed?.success ? parsed.data : null;
          failedRecords.delete(key);
          records.set(key, record);
          return record;
        },
        (error: unknown) => {
          // Not remembered: the next check, or the next Send, asks again (one failed request
          // must not leave the thread unchecked until the page reloads).
          failedRecords.add(key);
          records.delete(key);
          fail(error, 'thread record');
          return null;
        },
      )
      .then((record) => {
        recordRequests.delete(key);
        // A check that stopped waiting went on without the marks: show them now.
        if (lateRecords.delete(key) && record) recheckThread(key);
        return record;
      });
    recordRequests.set(key, request);
    return request;
  }

  async function recordFor(key: string | null): Promise<ThreadRecord | null> {
    if (key === null) return null;
    if (records.has(key)) return records.get(key) ?? null;
    const request = requestRecord(key);
    let timer: number | null = null;
    const timeout = new Promise<undefined>((resolve) => {
      timer = lifetime.setTimeout(() => resolve(undefined), RECORD_WAIT_MS);
    });
    const record = await Promise.race([request, timeout]);
    if (timer !== null) clearTimeout(timer);
    if (record === undefined) {
      // Remembered so that the late answer re-checks with the marks.
      lateRecords.add(key);
      return null;
    }
    return record;
  }

  function recheckThread(key: string): void {
    for (const entry of entries.values()) if (entry.threadKey === key) schedule(entry, 0);
    if (entries.size === 0 && threadOnlyKey === key) scheduleThreadOnly(0);
  }

  // ---- the check -------------------------------------------------------------------------------

  interface EvaluateInput {
    draftHtml: string;
    composeId: string | null;
    key: string | null;
    subject: string;
    thread: ThreadInfo | null;
    record: ThreadRecord | null;
    recipients: { to: string[]; cc: string[]; bcc: string[] };
    settings: Settings;
  }

  /** The thread's facts, or null when the thread can't be read: the draft is still worth checking. */
  function threadOrNothing(entry: Pick<ComposeEntry, 'handle'>, state: ComposeState, settingsNow: Settings): ThreadInfo | null {
    try {
      return threadFor(entry, state, settingsNow);
    } catch (error) {
      fail(error, 'thread');
      return null;
    }
  }

  function inputOf(
    state: ComposeState,
    localId: string,
    key: string,
    thread: ThreadInfo | null,
    record: ThreadRecord | null,
    settingsNow: Settings,
  ): EvaluateInput {
    return {
      draftHtml: state.bodyHtml,
      composeId: state.composeId ?? state.draftId ?? localId,
      key,
      subject: state.subject,
      thread,
      record,
      recipients: state.recipients,
      settings: settingsNow,
    };
  }

  function snapshotOf(input: EvaluateInput): PanelSnapshot {
    return evaluate(input).snapshot;
  }

  type Evaluation = { snapshot: PanelSnapshot; analysis: ReturnType<typeof analyze> };
  // The last status check of each compose, with what it read.
  const lastEvaluations = new WeakMap<ComposeEntry, { input: EvaluateInput; evaluation: Evaluation; at: number }>();

  /** The last status check's result when it read exactly this input, recently enough. */
  function reusable(entry: ComposeEntry | undefined, input: EvaluateInput): Evaluation | null {
    const last = entry ? lastEvaluations.get(entry) : undefined;
    if (!last || now().getTime() - last.at > REUSE_MS) return null;
    const before = last.input;
    const same =
      before.draftHtml === input.draftHtml &&
      before.subject === input.subject &&
      before.key === input.key &&
      before.composeId === input.composeId &&
      before.thread === input.thread &&
      before.record === input.record &&
      before.settings === input.settings &&
      JSON.stringify(before.recipients) === JSON.stringify(input.recipients);
    return same ? last.evaluation : null;
  }

  function evaluate(input: EvaluateInput): Evaluation {
    const { thread, record, settings: settingsNow } = input;
    const facts = thread?.facts ?? null;
    const flags = record?.flags ?? NO_FLAGS;
    const zone = timeZone();
    const account = facts ? null : readAccountAddress(doc);
    const customerAddress =
      facts?.customer?.email ??
      input.recipients.to.find((address) => !isOurAddress(address, account, settingsNow.teamDomains));
    const analysis = analyze(
      {
        customer: facts?.customerMessage?.bodyHtml ?? '',
        draft: input.draftHtml,
        now: now(),
        timeZone: zone,
        format: 'html',
        thread: {
          marks: record?.marks ?? {},
          resolved: flags.resolved,
          waitingOnCustomer: flags.waitingOnCustomer,
          earlierEtas: facts?.earlierEtas ?? [],
          recipients: input.recipients,
          ...(customerAddress ? { customerAddress } : {}),
          // The customer directory (options, side panel, team policy): feeds cc-account-owner.
          directory: ruleDirectory(),
        },
      },
      settingsNow,
    );
    if (analysis.ruleErrors.length > 0) {
      for (const ruleError of analysis.ruleErrors) log(new Error(`${ruleError.ruleId}: ${ruleError.message}`), 'Step Ahead (rule)');
    }
    const snapshot = buildPanelSnapshot(analysis, {
      composeId: input.composeId,
      thread: buildPanelThread({
        threadId: input.key,
        subject: thread?.subject || input.subject,
        customer: facts?.customer ?? null,
        messageCount: facts?.messageCount ?? 0,
        lastCustomerAt: facts?.lastCustomerAt ?? null,
        ourLastReplyAt: facts?.ourLastReplyAt ?? null,
        earlierEtas: facts?.earlierEtas ?? [],
      }),
      flags,
      settings: settingsNow,
      timeZone: zone,
    });
    if (facts && input.key) attachClocks(snapshot, facts, thread!.subject || input.subject, record, flags, settingsNow);
    return { snapshot, analysis };
  }

  /** The thread's response-time clocks (lib/time/clocks.ts) and the history they come from. */
  function attachClocks(
    snapshot: PanelSnapshot,
    facts: ThreadFacts<ThreadMessage>,
    subject: string,
    record: ThreadRecord | null,
    flags: ThreadFlags,
    settingsNow: Settings,
  ): void {
    try {
      const { report, clocks } = openThreadClocks({
        subject,
        customer: facts.customer,
        timeline: facts.timeline,
        stored: record?.case,
        flags,
        ...(record ? { recordUpdatedAt: record.updatedAt } : {}),
        settings: settingsNow,
        now: now(),
      });
      snapshot.case = report;
      snapshot.clocks = clocks;
    } catch (error) {
      // Clocks are extra: the checklist goes on without them.
      fail(error, 'clocks');
    }
  }

  // ---- the check at Send (issue 6) ---------------------------------------------------------

  function checkNow(handle: ComposeHandle): SendCheck | Promise<SendCheck> {
    const entry = entries.get(handle.body);
    const localId = entry?.localId ?? 'send';
    const key = threadKeyOf(readCompose(handle), localId);
    const run = (settingsNow: Settings, record: ThreadRecord | null): SendCheck => {
      if (record === null && failedRecords.has(key)) throw new Error('the thread’s marks are unavailable');
      // Read again: a wait for the marks may have let the writer or Gmail change the compose.
      const state = readCompose(handle);
      const thread = threadOrNothing(entry ?? { handle }, state, settingsNow);
      const input = inputOf(state, localId, key, thread, record, settingsNow);
      const { snapshot, analysis } = reusable(entry, input) ?? evaluate(input);
      return {
        snapshot,
        analysis,
        settings: settingsNow,
        state,
        threadKey: key,
        subject: thread?.subject || state.subject,
        customer: thread?.facts.customer ?? null,
        customerMessageAt: thread?.facts.lastCustomerAt ?? null,
        accountAddress: readAccountAddress(doc),
        timeZone: timeZone(),
      };
    };
    if (settingsValue && records.has(key)) return run(settingsValue, records.get(key) ?? null);
    const record = records.has(key) ? Promise.resolve(records.get(key) ?? null) : requestRecord(key);
    return Promise.all([settings(), record]).then(([settingsNow, recordNow]) => run(settingsNow, recordNow));
  }

  async function check(entry: ComposeEntry): Promise<void> {
    if (entry.removed || dead()) return;
    if (entry.running) {
      entry.again = true;
      return;
    }
    entry.running = true;
    let settled: () => void = () => {};
    entry.inflight = new Promise<void>((resolve) => (settled = resolve));
    try {
      const state = readCompose(entry.handle);
      const key = threadKeyOf(state, entry.localId);
      const settingsNow = await settings();
      entry.threadKey = key;
      const thread = threadOrNothing(entry, state, settingsNow);
      const record = await recordFor(key);
      if (entry.removed || dead()) return;
      const input = inputOf(state, entry.localId, key, thread, record, settingsNow);
      const evaluation = evaluate(input);
      // Kept for Send: a draft unchanged since this check needs no second analysis there.
      lastEvaluations.set(entry, { input, evaluation, at: now().getTime() });
      const snapshot = evaluation.snapshot;
      entry.snapshot = snapshot;
      entry.indicator?.update(snapshot);
      if (activeEntry() === entry) report(snapshot);
    } catch (error) {
      fail(error, 'check');
    } finally {
      entry.running = false;
      entry.inflight = null;
      settled();
      if (entry.again) {
        entry.again = false;
        schedule(entry);
      }
    }
  }

  // ---- the thread on its own (no compose open) --------------------------------------------

  function scheduleThreadOnly(delay = debounceMs): void {
    if (dead()) return;
    if (threadOnlyTimer !== null) clearTimeout(threadOnlyTimer);
    threadOnlyTimer = lifetime.setTimeout(() => {
      threadOnlyTimer = null;
      whenIdle(() => void checkThreadOnly());
    }, delay);
  }

  async function checkThreadOnly(): Promise<void> {
    try {
      if (entries.size > 0) return;
      const settingsNow = await settings();
      const thread = threadInfo(settingsNow);
      if (!thread) {
        threadOnlyKey = null;
        report(null);
        return;
      }
      threadOnlyKey = thread.threadId;
      const record = await recordFor(thread.threadId);
      if (entries.size > 0 || dead()) return;
      report(
        snapshotOf({
          draftHtml: '',
          composeId: null,
          key: thread.threadId,
          subject: thread.subject,
          thread,
          record,
          recipients: { to: [], cc: [], bcc: [] },
          settings: settingsNow,
        }),
      );
    } catch (error) {
      fail(error, 'thread');
    }
  }

  // ---- reporting ---------------------------------------------------------------------------------

  function activeEntry(): ComposeEntry | null {
    let best: ComposeEntry | null = null;
    for (const entry of entries.values()) if (!best || entry.touched > best.touched) best = entry;
    return best;
  }

  function report(snapshot: PanelSnapshot | null): void {
    if (dead()) return;
    const signature = snapshotSignature(snapshot);
    if (signature === lastReported) return;
    lastReported = signature;
    try {
      sendMessage('reportComposeState', { snapshot }).catch((error: unknown) => {
        // Not delivered: let the next check try again.
        if (lastReported === signature) lastReported = null;
        fail(error, 'report');
      });
    } catch (error) {
      lastReported = null;
      fail(error, 'report');
    }
  }

  function touch(entry: ComposeEntry): void {
    const wasActive = activeEntry() === entry;
    entry.touched = ++touchCounter;
    if (!wasActive && entry.snapshot) report(entry.snapshot);
  }

  // ---- user actions from the in-page panel -----------------------------------------------------

  function activate(indicator: StatusIndicator): void {
    // Sent straight from the click (no await before it): Chrome opens a side panel only
    // within the user gesture.
    let answer: Promise<{ opened: boolean }>;
    try {
      answer = sendMessage('openSidePanel');
    } catch (error) {
      fail(error, 'open side panel');
      indicator.togglePanel();
      return;
    }
    answer.then(
      (result) => {
        if (result?.opened) indicator.togglePanel(false);
        else indicator.togglePanel();
      },
      (error: unknown) => {
        log(error, 'Step Ahead (open side panel)');
        indicator.togglePanel();
      },
    );
  }

  function mark(entry: ComposeEntry, questionId: string, value: QuestionMark | null): void {
    const key = entry.threadKey;
    if (!key) return;
    try {
      sendMessage('setQuestionMark', { threadId: key, questionId, mark: value })
        .then((answer) => {
          const parsed = threadRecordSchema.safeParse(answer);
          if (parsed.success) records.set(key, parsed.data);
          recheckThread(key);
        })
        .catch((error: unknown) => fail(error, 'mark'));
    } catch (error) {
      fail(error, 'mark');
    }
  }

  // ---- composes coming and going -----------------------------------------------------------------

  function attach(handle: ComposeHandle): void {
    if (dead() || entries.has(handle.body)) return;
    const entry: ComposeEntry = {
      handle,
      localId: `local-${++localCounter}`,
      controller: new AbortController(),
      indicator: null,
      timer: null,
      running: false,
      inflight: null,
      again: false,
      removed: false,
      touched: ++touchCounter,
      snapshot: null,
      threadKey: null,
    };
    entries.set(handle.body, entry);
    if (threadOnlyTimer !== null) clearTimeout(threadOnlyTimer);
    threadOnlyTimer = null;
    threadOnlySignature = undefined;

    const { signal } = entry.controller;
    const onChange = (event: Event) => {
      // Our own pill sits inside the compose; using it is not an edit.
      const target = event.target as Element | null;
      if (target && typeof target.closest === 'function' && target.closest(`[${SLOT_ATTRIBUTE}]`)) return;
      if (event.type === 'input') entry.touched = ++touchCounter;
      schedule(entry);
    };
    try {
      for (const type of CHANGE_EVENTS) handle.root.addEventListener(type, onChange, { capture: true, signal });
      handle.root.addEventListener('focusin', () => touch(entry), { capture: true, signal });
      entry.indicator = mountStatusIndicator(handle, {
        onActivate: activate,
        onMark: (questionId, value) => mark(entry, questionId, value),
      });
    } catch (error) {
      fail(error, 'status');
    }
    schedule(entry, 0);
  }

  function detach(handle: ComposeHandle): void {
    const entry = entries.get(handle.body);
    if (!entry) return;
    const wasActive = activeEntry() === entry;
    entries.delete(handle.body);
    entry.removed = true;
    entry.controller.abort();
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.timer = null;
    try {
      entry.indicator?.remove();
    } catch (error) {
      fail(error, 'status');
    }
    entry.indicator = null;
    if (!wasActive || dead()) return;
    const next = activeEntry();
    if (next) {
      if (next.snapshot) report(next.snapshot);
    } else {
      scheduleThreadOnly(0);
    }
  }

  async function scaffoldTarget(threadId?: string): Promise<ScaffoldTarget | null> {
    const settingsNow = await settings();
    const focused = doc.activeElement;
    let pick: ComposeEntry | null = null;
    for (const entry of entries.values()) {
      if (entry.removed) continue;
      if (threadId !== undefined) {
        let key = entry.threadKey;
        try {
          key ??= threadKeyOf(readCompose(entry.handle), entry.localId);
        } catch (error) {
          fail(error, 'scaffold');
          continue;
        }
        if (key !== threadId) continue;
      }
      if (focused && entry.handle.root.contains(focused)) {
        pick = entry;
        break;
      }
      if (!pick || entry.touched > pick.touched) pick = entry;
    }
    if (!pick) return null;
    // A check already running (the first one may wait 800 ms for the marks) is waited for:
    // check() would return at once, before the snapshot the scaffold's variables come from.
    if (!pick.snapshot && pick.inflight) await pick.inflight;
    if (!pick.snapshot) await check(pick);
    return { handle: pick.handle, snapshot: pick.snapshot, settings: settingsNow };
  }

  function scanned(open: readonly ComposeHandle[]): void {
    if (open.length > 0 || dead()) return;
    // No compose: follow the thread view (opened, changed, left) without reading bodies.
    const signature = threadSignature(doc);
    if (signature === threadOnlySignature) return;
    threadOnlySignature = signature;
    scheduleThreadOnly(0);
  }

  const removeRecordListener = onMessage('threadRecordChanged', (message) => {
    try {
      const parsed = threadRecordSchema.safeParse(message.data);
      if (!parsed.success || dead()) return;
      records.set(parsed.data.threadId, parsed.data);
      recheckThread(parsed.data.threadId);
    } catch (error) {
      fail(error, 'thread record');
    }
  });

  // The options page, the side panel's customer context or the team's policy changed the
  // settings or the directory: check every compose again with them, without a page reload.
  const stopSettingsWatch = watchSettings(() => {
    if (dead()) return;
    settingsPromise = null;
    settingsValue = null;
    threadCache = null;
    for (const entry of entries.values()) schedule(entry, 0);
    if (entries.size === 0) scheduleThreadOnly(0);
  });

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    try {
      removeRecordListener();
      stopSettingsWatch();
    } catch {
      // The runtime may already be gone with the extension.
    }
    for (const entry of [...entries.values()]) detach(entry.handle);
    if (threadOnlyTimer !== null) clearTimeout(threadOnlyTimer);
  }
  lifetime.onInvalidated(dispose);

  return { attach, detach, scanned, checkNow, scaffoldTarget, dispose };
}
