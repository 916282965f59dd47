import { acceptableReason, MAX_REASON_LENGTH, type PresendItem, type PresendModel } from '../../lib/presend/modal-model.ts';
import { element } from './element.ts';
import { createIsolatedHost } from './isolated-host.ts';

// The pre-send checklist: a modal dialog in an open shadow root over Gmail, plain DOM (no
// React: the Gmail script's size budget has no room for it, and the modal must open within the
// Send click, not after a lazy load). Automation contract (DESIGN.md §5, README): the dialog has
// data-testid="step-ahead-presend", one data-testid="step-ahead-presend-item" with
// data-rule="<rule id>" per failing check, and the buttons data-testid="step-ahead-send-anyway"
// and data-testid="step-ahead-back". "Back to draft" is the default: it has focus, Enter and
// Escape choose it. Focus stays inside while it is open, and no key reaches Gmail's
// shortcuts. Email text reaches the page through textContent only.

export const PRESEND_TEST_ID = 'step-ahead-presend';
export const PRESEND_ITEM_TEST_ID = 'step-ahead-presend-item';
export const SEND_ANYWAY_TEST_ID = 'step-ahead-send-anyway';
export const BACK_TEST_ID = 'step-ahead-back';
/** On our host element, so a scan or a test can tell it from Gmail's. */
export const PRESEND_HOST_ATTRIBUTE = 'data-step-ahead-presend-host';

export interface PresendModalOptions {
  model: PresendModel;
  /** "Back to draft", Escape, or Enter anywhere but on another button. */
  onBack(): void;
  /** "Send anyway"; the reason when the team requires one (already trimmed and clipped). */
  onSendAnyway(reason: string | null): void;
  onFix(item: PresendItem): void;
}

export interface PresendModal {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  readonly isOpen: boolean;
  /** Removes it; idempotent. Does not call onBack. */
  close(): void;
}

const STYLE = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; z-index: 2147483600; background: rgba(32,33,36,.45);
  display: flex; align-items: center; justify-content: center;
  font: 14px/1.45 "Google Sans", Roboto, system-ui, sans-serif; color: #202124; }
.dialog { box-sizing: border-box; width: min(520px, calc(100vw - 32px)); max-height: calc(100vh - 32px);
  display: flex; flex-direction: column; background: #fff; border-radius: 12px; box-shadow: 0 8px 32px rgba(0,0,0,.3); }
.dialog:focus { outline: none; }
h2 { font-size: 18px; font-weight: 500; margin: 0; padding: 20px 24px 4px; }
.intro { margin: 0; padding: 0 24px 12px; color: #5f6368; }
ul { list-style: none; margin: 0; padding: 0 24px; overflow-y: auto; flex: 1 1 auto; min-height: 0; }
li { border-top: 1px solid #e8eaed; padding: 10px 0; overflow-wrap: anywhere; }
.title { font-weight: 600; }
.sev { font-weight: 400; font-size: 12px; margin-left: 6px; padding: 0 6px; border-radius: 8px; }
.sev.error { color: #a50e0e; background: #fce8e6; }
.sev.warning { color: #7a4f01; background: #fef7e0; }
.message { margin: 2px 0 0; color: #3c4043; }
.more { margin: 2px 0 0; color: #5f6368; font-style: italic; }
button { font: inherit; cursor: pointer; border-radius: 18px; padding: 6px 16px; }
button:focus-visible, input:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.fix { margin-top: 6px; padding: 2px 12px; font-size: 13px; border: 1px solid #dadce0; background: #f8f9fa; color: #0b57d0; }
.reason { padding: 12px 24px 0; }
.reason label { display: block; font-weight: 500; margin-bottom: 4px; }
.reason input { box-sizing: border-box; width: 100%; font: inherit; padding: 6px 8px; border: 1px solid #dadce0; border-radius: 6px; }
.actions { display: flex; justify-content: flex-end; gap: 8px; padding: 16px 24px 20px; }
.anyway { border: 1px solid #dadce0; background: #fff; color: #a50e0e; }
.anyway:disabled { color: #9aa0a6; cursor: default; }
.back { border: 1px solid #0b57d0; background: #0b57d0; color: #fff; }
`;

// Mouse and text events from our dialog stop at the host, so Gmail never takes them for its
// own. Keys are handled before Gmail can see them (see onKey).
const ISOLATED_EVENTS = ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'input', 'beforeinput', 'paste', 'cut', 'copy'];
const KEY_EVENTS = ['keydown', 'keypress', 'keyup'] as const;

export function openPresendModal(doc: Document, options: PresendModalOptions): PresendModal {
  const { model } = options;
  const view = doc.defaultView;
  const { host, shadow } = createIsolatedHost(doc, {
    attributes: { [PRESEND_HOST_ATTRIBUTE]: '' },
    style: STYLE,
    stopEvents: ISOLATED_EVENTS,
  });
  const backdrop = element(doc, 'div', { class: 'backdrop' });
  const dialog = element(doc, 'div', {
    class: 'dialog',
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': 'presend-title',
    'aria-describedby': 'presend-intro',
    'data-testid': PRESEND_TEST_ID,
    tabindex: '-1',
  });
  const title = element(doc, 'h2', { id: 'presend-title' }, 'Before you send');
  const intro = element(doc, 'p', { id: 'presend-intro', class: 'intro' }, `${model.heading}.`);
  const list = element(doc, 'ul', { 'aria-label': 'Failing checks' });
  for (const item of model.items) list.append(itemElement(item));

  let reasonInput: HTMLInputElement | null = null;
  const reasonBox = element(doc, 'div', { class: 'reason' });
  if (model.requireReason) {
    const label = element(doc, 'label', { for: 'presend-reason' }, 'Your team asks why you send it as it is');
    reasonInput = element(doc, 'input', {
      id: 'presend-reason',
      type: 'text',
      maxlength: String(MAX_REASON_LENGTH),
      autocomplete: 'off',
      placeholder: 'A short reason, e.g. "customer asked for a quick yes"',
    });
    reasonBox.append(label, reasonInput);
  }

  const actions = element(doc, 'div', { class: 'actions' });
  const anyway = element(doc, 'button', { type: 'button', class: 'anyway', 'data-testid': SEND_ANYWAY_TEST_ID }, 'Send anyway');
  const back = element(doc, 'button', { type: 'button', class: 'back', 'data-testid': BACK_TEST_ID }, 'Back to draft');
  actions.append(anyway, back);
  dialog.append(title, intro, list);
  if (reasonInput) dialog.append(reasonBox);
  dialog.append(actions);
  backdrop.append(dialog);
  shadow.append(backdrop);

  let open = true;
  // Keys pressed down while the dialog was open: a key released that went down before it
  // opened (the Enter or Space that pressed Send) must not act on our buttons.
  const downInside = new Set<string>();

  function itemElement(item: PresendItem): HTMLElement {
    const li = element(doc, 'li', { 'data-testid': PRESEND_ITEM_TEST_ID, 'data-rule': item.ruleId, 'data-severity': item.severity });
    const heading = element(doc, 'div', { class: 'title' }, item.title);
    heading.append(element(doc, 'span', { class: `sev ${item.severity}` }, item.severity));
    li.append(heading);
    for (const message of item.messages) li.append(element(doc, 'p', { class: 'message' }, message));
    if (item.more > 0) li.append(element(doc, 'p', { class: 'more' }, `and ${item.more} more`));
    if (item.fix) {
      const fix = element(doc, 'button', { type: 'button', class: 'fix', 'data-fix': item.fix.kind }, item.fix.label);
      fix.addEventListener('click', () => {
        if (open) options.onFix(item);
      });
      li.append(fix);
    }
    return li;
  }

  function updateAnyway(): void {
    if (!reasonInput) return;
    anyway.disabled = acceptableReason(reasonInput.value) === null;
  }
  updateAnyway();
  reasonInput?.addEventListener('input', updateAnyway);

  anyway.addEventListener('click', () => {
    if (!open) return;
    const reason = reasonInput ? acceptableReason(reasonInput.value) : null;
    if (reasonInput && reason === null) {
      reasonInput.focus();
      return;
    }
    options.onSendAnyway(reason);
  });
  back.addEventListener('click', () => {
    if (open) options.onBack();
  });

  function focusables(): HTMLElement[] {
    return Array.from(shadow.querySelectorAll<HTMLElement>('button, input')).filter(
      (node) => !(node as HTMLButtonElement).disabled,
    );
  }

  function trapTab(event: KeyboardEvent): void {
    const all = focusables();
    if (all.length === 0) return;
    const at = all.indexOf(shadow.activeElement as HTMLElement);
    const next = event.shiftKey ? (at <= 0 ? all.length - 1 : at - 1) : at < 0 || at === all.length - 1 ? 0 : at + 1;
    event.preventDefault();
    all[next]!.focus();
  }

  // On the window, in the capture phase: before any listener of Gmail's page below it, so
  // while the dialog is open no key reaches Gmail's shortcuts ("c", "#", "e", Ctrl+Enter…).
  // Stopping propagation does not stop a focused button's or input's own default action.
  function onKey(event: Event): void {
    const key = event as KeyboardEvent;
    event.stopImmediatePropagation();
    const inside = event.composedPath().includes(host);
    if (event.type !== 'keydown') {
      if (!downInside.has(key.key)) event.preventDefault();
      if (event.type === 'keyup') downInside.delete(key.key);
      return;
    }
    downInside.add(key.key);
    // An input method composing in the reason field takes its own Enter and Escape.
    if (key.isComposing || key.keyCode === 229) return;
    if (!inside) {
      event.preventDefault();
      back.focus();
      // Focus left (a click on the backdrop): Escape still means "Back to draft".
      if (key.key === 'Escape') options.onBack();
      return;
    }
    if (key.key === 'Escape') {
      event.preventDefault();
      options.onBack();
      return;
    }
    if (key.key === 'Tab') {
      trapTab(key);
      return;
    }
    if (key.key === 'Enter') {
      // A held Ctrl+Enter repeats: neither it nor a modified Enter chooses anything.
      if (key.repeat || key.ctrlKey || key.metaKey || key.altKey) {
        event.preventDefault();
        return;
      }
      // On a focused button Enter is that button's: the browser's own activation clicks it.
      if (shadow.activeElement?.tagName === 'BUTTON') return;
      event.preventDefault();
      options.onBack();
    }
  }

  // Focus that leaves the dialog (a click on Gmail behind the backdrop can't, but a script or
  // assistive technology can) comes back to the default button.
  function onFocusIn(event: Event): void {
    if (!event.composedPath().includes(host)) back.focus();
  }

  for (const type of KEY_EVENTS) view?.addEventListener(type, onKey, { capture: true });
  doc.addEventListener('focusin', onFocusIn, { capture: true });

  (doc.body ?? doc.documentElement).append(host);
  back.focus();

  return {
    host,
    shadow,
    get isOpen() {
      return open;
    },
    close() {
      if (!open) return;
      open = false;
      for (const type of KEY_EVENTS) view?.removeEventListener(type, onKey, { capture: true });
      doc.removeEventListener('focusin', onFocusIn, { capture: true });
      host.remove();
    },
  };
}
