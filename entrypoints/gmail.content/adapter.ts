// The one module that knows Gmail's page. Pure functions over a Document or Element: no
// globals, no layout reads (textContent, never innerText), queries scoped to a compose or
// thread. A required element that is missing throws SelectorError (callers catch, log once
// and leave Gmail alone); anything merely absent reads as null or empty.
import { DateTime } from 'luxon';
import { closestOf, matchesAny, queryAll, queryFirst, SELECTORS, type SelectorKey } from './selectors.ts';
import { queryOrFail, SelectorError } from './selector-error.ts';

/** Where a compose lives: a pop-up or full-screen dialog, inline in a thread, or its own page (pop-out window). */
export type ComposeView = 'dialog' | 'inline' | 'page';

export interface ComposeHandle {
  /** The compose's container (form, body, Send bar); every read is scoped to it. */
  readonly root: Element;
  /** The editable body; a compose's identity. */
  readonly body: HTMLElement;
  readonly view: ComposeView;
}

export type ComposeKind = 'new' | 'reply' | 'forward';

export interface Recipients {
  /** Bare lower-case addresses, each once, in page order. */
  to: string[];
  cc: string[];
  bcc: string[];
}

export interface ComposeState {
  bodyHtml: string;
  bodyElement: HTMLElement;
  subject: string;
  recipients: Recipients;
  /** Gmail's draft message id without the leading '#', e.g. `msg-a:r-7673…`. */
  draftId: string | null;
  composeId: string | null;
  threadId: string | null;
  kind: ComposeKind;
}

export interface MessageDate {
  /** Gmail's own text, e.g. "Mon, Nov 16, 2026, 9:12 AM". */
  title: string;
  /** The same instant as ISO-8601 with offset, or null when the title's format is unknown. */
  iso: string | null;
}

export interface ThreadMessage {
  messageId: string | null;
  from: { name: string; email: string } | null;
  date: MessageDate | null;
  /** Null while Gmail has not loaded the body (collapsed messages). */
  bodyHtml: string | null;
  expanded: boolean;
}

export interface ThreadView {
  threadId: string | null;
  subject: string;
  messages: ThreadMessage[];
}

export interface ReadThreadOptions {
  /**
   * IANA zone Gmail's date titles are written in; the browser's own zone when omitted,
   * which is the zone Gmail shows them in.
   */
  timeZone?: string;
}

// Depth bound for upward searches: Gmail nests a compose about 30 levels deep; the bound
// keeps odd, deeply nested pages linear.
const MAX_CLIMB = 60;

const FIELDS = ['to', 'cc', 'bcc'] as const;
type Field = (typeof FIELDS)[number];
const CHIP_KEY: Record<Field, SelectorKey> = { to: 'toChip', cc: 'ccChip', bcc: 'bccChip' };
const LEGACY_FIELD_KEY: Record<Field, SelectorKey> = { to: 'toField', cc: 'ccField', bcc: 'bccField' };

/** Every compose under root, in page order: pop-ups, inline replies and forwards, pop-outs. */
export function findComposes(root: ParentNode): ComposeHandle[] {
  const handles: ComposeHandle[] = [];
  for (const element of queryAll(root, 'composeBody')) {
    const body = element as HTMLElement;
    // An editable inside another body is part of that body's content, not a compose.
    const outer = body.parentElement ? closestOf(body.parentElement, 'composeBody') : null;
    if (outer) continue;
    handles.push(handleFor(body));
  }
  return handles;
}

/** The compose whose container is root, e.g. a dialog a MutationObserver just saw appear. */
export function composeAt(root: Element): ComposeHandle {
  return handleFor(queryOrFail<HTMLElement>(root, 'composeBody'));
}

function handleFor(body: HTMLElement): ComposeHandle {
  const root = composeRootOf(body);
  return { root, body, view: viewOf(body, root) };
}

function composeRootOf(body: HTMLElement): Element {
  const known = closestOf(body, 'composeRoot');
  if (known && known !== body) return known;
  // Without Gmail's classes, the compose is the nearest ancestor that also holds its form.
  let element = body.parentElement;
  for (let depth = 0; element && depth < MAX_CLIMB; depth++, element = element.parentElement) {
    if (queryFirst(element, 'composeIdInput') || queryFirst(element, 'subjectInput')) return element;
  }
  return body.parentElement ?? body;
}

function viewOf(body: HTMLElement, root: Element): ComposeView {
  if (closestOf(body, 'inlineReplyArea')) return 'inline';
  if (closestOf(body, 'composeDialog')) return 'dialog';
  return threadScopeAround(root) ? 'inline' : 'page';
}

/** Everything the checks need from one compose. Throws SelectorError('composeBody') if its body is gone. */
export function readCompose(handle: ComposeHandle): ComposeState {
  const { root } = handle;
  // Gmail can redraw a body in place (rich text reloads); read the current one.
  const body = root.contains(handle.body) ? handle.body : queryOrFail<HTMLElement>(root, 'composeBody');
  const subject = inputValue(queryFirst(root, 'subjectInput'));
  return {
    bodyHtml: body.innerHTML,
    bodyElement: body,
    subject,
    recipients: readRecipients(root),
    draftId: meaningfulId(inputValue(queryFirst(root, 'draftInput'))),
    composeId: meaningfulId(inputValue(queryFirst(root, 'composeIdInput'))),
    threadId: composeThreadId(handle),
    kind: composeKind(handle.view, subject, body),
  };
}

function composeKind(view: ComposeView, subject: string, body: HTMLElement): ComposeKind {
  const prefix = subject.trimStart().slice(0, 4).toLowerCase();
  if (prefix.startsWith('fwd:') || prefix.startsWith('fw:')) return 'forward';
  // Gmail heads a forward's quote with "---------- Forwarded message ---------" (en).
  const attribution = queryFirst(body, 'bodyQuoteAttribution');
  if (attribution && (attribution.textContent ?? '').includes('Forwarded message')) return 'forward';
  if (prefix.startsWith('re:')) return 'reply';
  return view === 'inline' ? 'reply' : 'new';
}

function composeThreadId(handle: ComposeHandle): string | null {
  // A pop-up may sit over an unrelated thread, so only composes outside dialogs borrow the
  // id of the thread around them.
  if (handle.view !== 'dialog') {
    const scope = threadScopeAround(handle.root);
    const fromThread = scope ? threadIdIn(scope) : null;
    if (fromThread) return fromThread;
  }
  return (
    meaningfulId(inputValue(queryFirst(handle.root, 'replyThreadInput'))) ??
    meaningfulId(inputValue(queryFirst(handle.root, 'lastThreadInput')))
  );
}

/** The nearest ancestor of element that holds a thread id: the thread view around an inline reply. */
function threadScopeAround(element: Element): Element | null {
  let scope = element.parentElement;
  for (let depth = 0; scope && depth < MAX_CLIMB; depth++, scope = scope.parentElement) {
    if (queryFirst(scope, 'threadPermId') || queryFirst(scope, 'threadLegacyId')) return scope;
  }
  return null;
}

function threadIdIn(scope: ParentNode): string | null {
  for (const element of queryAll(scope, 'threadPermId')) {
    const id = meaningfulId(element.getAttribute('data-thread-perm-id'));
    if (id) return id;
  }
  for (const element of queryAll(scope, 'threadLegacyId')) {
    const id = meaningfulId(element.getAttribute('data-legacy-thread-id'));
    if (id) return id;
  }
  return null;
}

function readRecipients(root: Element): Recipients {
  const recipients: Recipients = { to: [], cc: [], bcc: [] };
  for (const field of FIELDS) {
    const seen = new Set<string>();
    const add = (candidate: string | null | undefined) => {
      const address = bareAddress(candidate);
      if (address && !seen.has(address)) {
        seen.add(address);
        recipients[field].push(address);
      }
    };
    for (const chip of queryAll(root, CHIP_KEY[field])) {
      add(chip.getAttribute('data-hovercard-id') ?? chip.getAttribute('email') ?? chip.getAttribute('data-name'));
    }
    const legacy = queryFirst(root, LEGACY_FIELD_KEY[field]);
    if (legacy) {
      const row = legacy.closest('tr') ?? legacy.parentElement;
      if (row) {
        for (const chip of queryAll(row, 'legacyChipAddress')) add(chip.getAttribute('email'));
        for (const input of queryAll(row, 'legacyChipInput')) addressList(inputValue(input)).forEach(add);
      }
      // Text typed but not yet turned into a chip still goes out if it is an address.
      addressList(inputValue(legacy)).forEach(add);
    }
  }
  return recipients;
}

/** Gmail's Send button for this compose (never "More send options"), or null. */
export function findSendButton(handle: ComposeHandle): HTMLElement | null {
  // Send's selectors match "Send and archive" too (its tooltip starts with "Send", it sits in
  // the same bar): it is never taken for Send, or a send we let go would archive the thread.
  for (const selector of SELECTORS.sendButton) {
    let found: Element[] = [];
    try {
      found = Array.from(handle.root.querySelectorAll(selector));
    } catch {
      // A selector the browser rejects is skipped, as queryFirst does.
    }
    const send = found.find((element) => !matchesAny(element, 'sendArchiveButton'));
    if (send) return send as HTMLElement;
  }
  return null;
}

/** The "Schedule send" menu item, present once Gmail has built the send-options menu. */
export function findScheduleSendItem(root: ParentNode): HTMLElement | null {
  return queryFirst(root, 'scheduleSendItem') as HTMLElement | null;
}

/** Gmail's alert dialog, shown when it refuses a send (e.g. no recipient). */
export function findAlertDialog(root: ParentNode): HTMLElement | null {
  return queryFirst(root, 'alertDialog') as HTMLElement | null;
}

/** Whether node is, or holds, Gmail's alert dialog: for a MutationObserver's added nodes. */
export function holdsAlertDialog(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  return matchesAny(node as Element, 'alertDialog') || queryFirst(node as Element, 'alertDialog') !== null;
}

/** A reply's "Send and archive" button, or null (Gmail shows it only when the setting is on). */
export function findSendArchiveButton(handle: ComposeHandle): HTMLElement | null {
  return queryFirst(handle.root, 'sendArchiveButton') as HTMLElement | null;
}

/** One of Gmail's ways of sending, found from the element an event reached. */
export interface SendControl {
  kind: 'send' | 'send-archive' | 'schedule';
  element: HTMLElement;
}

/**
 * The send control at or around element: Send, Send and archive, or the Schedule send menu
 * item; null for anything else, "More send options" included.
 */
export function sendControlAt(element: Element): SendControl | null {
  const archive = closestOf(element, 'sendArchiveButton');
  if (archive) return { kind: 'send-archive', element: archive as HTMLElement };
  const schedule = closestOf(element, 'scheduleSendItem');
  if (schedule) return { kind: 'schedule', element: schedule as HTMLElement };
  const send = closestOf(element, 'sendButton');
  if (send && !send.hasAttribute('aria-haspopup')) return { kind: 'send', element: send as HTMLElement };
  return null;
}

/** Whether element sits in the quoted history of a compose body. */
export function isInBodyQuote(element: Element): boolean {
  return closestOf(element, 'bodyQuote') !== null;
}

/** The loaded message bodies of the open thread under root, in page order. */
export function findMessageBodies(root: ParentNode): HTMLElement[] {
  return queryAll(root, 'messageBody') as HTMLElement[];
}

/**
 * The signed-in account's address, lower case. Gmail shows it in two places: the header's
 * account button, aria-label "Google Account: Name (address)" (the address in parentheses
 * whatever the language), and the tab title "Inbox - address - Gmail" (the address is the
 * last ' - ' part that is one, as subjects may contain ' - ' too). The pop-out compose
 * window has no header, so the title is the fallback.
 */
export function readAccountAddress(doc: Document): string | null {
  for (const button of queryAll(doc, 'accountButton')) {
    const address = addressInLabel(button.getAttribute('aria-label') ?? '');
    if (address) return address;
  }
  const parts = (doc.title ?? '').split(' - ');
  for (let i = parts.length - 1; i >= 0; i--) {
    const address = bareAddress(parts[i]);
    if (address) return address;
  }
  return null;
}

/**
 * The signed-in account's display name, from the account button's aria-label "Google
 * Account: Dana Reyes (dana@…)": the words between the first colon and the address in
 * parentheses (the label's prefix is translated, its shape is not). Null when the page has
 * no header (pop-out) or the label holds no name.
 */
export function readAccountName(doc: Document): string | null {
  for (const button of queryAll(doc, 'accountButton')) {
    const label = button.getAttribute('aria-label') ?? '';
    const colon = label.indexOf(':');
    const open = label.lastIndexOf('(');
    if (colon < 0) continue;
    const name = collapseSpace(label.slice(colon + 1, open > colon ? open : undefined));
    if (name && !name.includes('@')) return name;
  }
  return null;
}

/**
 * Whether node sits in a compose body's quoted history or signature, where a scaffold never
 * goes. Gmail's history only: a bare blockquote (a scaffold's question lines) is the writer's.
 */
export function isBodyHistory(element: Element): boolean {
  return closestOf(element, 'bodyHistoryQuote') !== null || closestOf(element, 'bodySignature') !== null;
}

function addressInLabel(label: string): string | null {
  const open = label.lastIndexOf('(');
  if (open >= 0) {
    const close = label.indexOf(')', open);
    const address = bareAddress(label.slice(open + 1, close < 0 ? undefined : close));
    if (address) return address;
  }
  for (const token of label.split(/\s+/)) {
    const address = bareAddress(trimPunctuation(token));
    if (address) return address;
  }
  return null;
}

// A loop, not a regex: an anchored class run like /[.]+$/ rescans from every position of a
// long run of dots.
function trimPunctuation(token: string): string {
  const edge = '()"\'<>.,;:';
  let start = 0;
  let end = token.length;
  while (start < end && edge.includes(token[start]!)) start++;
  while (end > start && edge.includes(token[end - 1]!)) end--;
  return token.slice(start, end);
}

/**
 * The open thread under root, or null when root shows none. Throws SelectorError when a
 * thread heading is there but no message element is, which means Gmail's markup changed.
 */
export function readThread(root: ParentNode, options: ReadThreadOptions = {}): ThreadView | null {
  const subjectElement = queryFirst(root, 'threadSubject');
  const messageElements = queryAll(root, 'threadMessage').filter((element) => !isNestedMessage(element));
  if (!subjectElement && messageElements.length === 0) return null;
  if (messageElements.length === 0) throw new SelectorError('threadMessage');
  const threadId =
    (subjectElement &&
      (meaningfulId(subjectElement.getAttribute('data-thread-perm-id')) ??
        meaningfulId(subjectElement.getAttribute('data-legacy-thread-id')))) ??
    threadIdIn(root);
  return {
    threadId,
    subject: collapseSpace(subjectElement?.textContent ?? ''),
    messages: messageElements.map((element) => readMessage(element, options.timeZone)),
  };
}

/**
 * A cheap identity of the open thread without reading any body: its id (or subject), how
 * many messages it shows and how many of their bodies are loaded. Equal signatures mean
 * readThread would return the same messages, so what was worked out from them still holds.
 * Null when no thread is shown.
 */
export function threadSignature(root: ParentNode): string | null {
  const subjectElement = queryFirst(root, 'threadSubject');
  const messageElements = queryAll(root, 'threadMessage').filter((element) => !isNestedMessage(element));
  if (!subjectElement && messageElements.length === 0) return null;
  let loaded = 0;
  for (const element of messageElements) if (queryFirst(element, 'messageBody')) loaded++;
  const id =
    (subjectElement &&
      (meaningfulId(subjectElement.getAttribute('data-thread-perm-id')) ??
        meaningfulId(subjectElement.getAttribute('data-legacy-thread-id')))) ??
    `subject:${collapseSpace(subjectElement?.textContent ?? '')}`;
  return `${id}|${messageElements.length}|${loaded}`;
}

function isNestedMessage(element: Element): boolean {
  const parent = element.parentElement;
  if (!parent) return false;
  // A message inside another message or inside a compose body is quoted content.
  return closestOf(parent, 'threadMessage') !== null || closestOf(parent, 'composeBody') !== null;
}

function readMessage(element: Element, timeZone: string | undefined): ThreadMessage {
  const sender = queryFirst(element, 'messageSender');
  const email = bareAddress(sender?.getAttribute('email'));
  const dateElement = queryFirst(element, 'messageDate');
  const title = dateElement ? collapseSpace(dateElement.getAttribute('title') ?? dateElement.textContent ?? '') : '';
  const body = queryFirst(element, 'messageBody');
  return {
    messageId:
      meaningfulId(element.getAttribute('data-message-id')) ??
      meaningfulId(element.getAttribute('data-legacy-message-id')),
    from: email
      ? { name: collapseSpace(sender?.getAttribute('name') ?? sender?.textContent ?? ''), email }
      : null,
    date: title ? { title, iso: parseGmailDateTitle(title, timeZone) } : null,
    bodyHtml: body ? body.innerHTML : null,
    expanded: matchesAny(element, 'messageExpanded')
      ? true
      : matchesAny(element, 'messageCollapsed')
        ? false
        : body !== null,
  };
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
// "9:12 AM", "09:12", "9:12:30 p.m."; Chrome puts U+202F before AM/PM, which \s covers.
const TIME = /(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([ap])\.? ?m\b\.?)?/i;
const TOKEN = /[a-z]+|\d+/gi;

/**
 * Gmail's full date title ("Mon, Nov 16, 2026, 9:12 AM", "Mon, Nov 16, 2026 at 9:12 AM",
 * "Mon, 16 Nov 2026, 09:12") as ISO-8601 with offset in timeZone. Null for anything else
 * (other languages, numeric dates), so callers keep the title and carry on.
 */
export function parseGmailDateTitle(title: string, timeZone?: string): string | null {
  if (title.length > 200) return null;
  const text = title.replace(/\s+/g, ' ');
  const time = TIME.exec(text);
  if (!time) return null;
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  const second = time[3] ? Number(time[3]) : 0;
  const meridiem = time[4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  const rest = text.slice(0, time.index) + ' ' + text.slice(time.index + time[0].length);
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  for (const token of rest.match(TOKEN) ?? []) {
    if (/^\d+$/.test(token)) {
      if (token.length === 4 && year === null) year = Number(token);
      else if (token.length <= 2 && day === null) day = Number(token);
      else return null;
    } else if (month === null && token.length >= 3) {
      const lower = token.toLowerCase();
      const index = MONTHS.findIndex((name) => name.startsWith(lower));
      if (index >= 0) month = index + 1;
    }
  }
  if (year === null || month === null || day === null) return null;
  const instant = DateTime.fromObject(
    { year, month, day, hour, minute, second },
    timeZone ? { zone: timeZone } : {},
  );
  return instant.isValid ? instant.toISO({ suppressMilliseconds: true }) : null;
}

function inputValue(element: Element | null): string {
  if (!element) return '';
  const value = (element as HTMLInputElement).value;
  return typeof value === 'string' ? value : (element.getAttribute('value') ?? '');
}

/** Gmail's ids without the leading '#'; empty, "undefined" and "null" mean none. */
function meaningfulId(value: string | null | undefined): string | null {
  if (!value) return null;
  const id = value.trim().replace(/^#/, '');
  return id === '' || id === 'undefined' || id === 'null' ? null : id;
}

function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "Name <a@b.example>" or a bare address → `a@b.example`, lower case; anything else → null. */
export function bareAddress(value: string | null | undefined): string | null {
  if (!value || value.length > 1000) return null;
  let text = value.trim();
  const open = text.lastIndexOf('<');
  if (open >= 0) {
    const close = text.indexOf('>', open);
    text = text.slice(open + 1, close < 0 ? undefined : close).trim();
  }
  if (text.toLowerCase().startsWith('mailto:')) text = text.slice(7);
  const at = text.indexOf('@');
  if (at <= 0 || at !== text.lastIndexOf('@') || text.length > 254) return null;
  if (/[\s<>(),;:"[\]\\]/.test(text)) return null;
  const domain = text.slice(at + 1);
  if (!domain.includes('.') || domain.startsWith('.') || domain.endsWith('.') || domain.includes('..')) return null;
  return text.toLowerCase();
}

/** Addresses in a field's text: "A <a@x.example>, b@y.example; …". */
function addressList(text: string): string[] {
  if (!text) return [];
  const addresses: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const address = bareAddress(part);
    if (address) addresses.push(address);
  }
  return addresses;
}
