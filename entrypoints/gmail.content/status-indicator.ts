import { checksSummary } from '../../lib/checks-summary.ts';
import type { PanelQuestion, PanelSnapshot } from '../../lib/schemas/panel.ts';
import type { QuestionMark } from '../../lib/types.ts';
import { findSendButton, type ComposeHandle } from './adapter.ts';

// The in-compose status: a small pill in an open shadow root beside Gmail's Send button, and
// an in-page checklist for browsers where the side panel cannot be opened. Automation
// contract (DESIGN.md §5): the pill has data-testid="step-ahead-status" and
// data-failing="<failing error+warning checks>". Email text only ever reaches the page
// through textContent.

export const STATUS_TEST_ID = 'step-ahead-status';
export const PANEL_TEST_ID = 'step-ahead-inpage-panel';
/** On the element we insert into Gmail's page, so a scan can tell ours from Gmail's. */
export const SLOT_ATTRIBUTE = 'data-step-ahead-slot';

export interface StatusIndicatorOptions {
  /** Click, Enter or Space on the pill: runs inside the user gesture. */
  onActivate(indicator: StatusIndicator): void;
  onMark(questionId: string, mark: QuestionMark | null): void;
}

export interface StatusIndicator {
  /** The shadow host (inside Gmail's page). */
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  update(snapshot: PanelSnapshot): void;
  /** Opens or closes the in-page checklist; `open` forces a state. */
  togglePanel(open?: boolean): void;
  readonly panelOpen: boolean;
  remove(): void;
}

const STYLE = `
:host { all: initial; display: inline-block; position: relative; vertical-align: middle;
  font: 12px/1.4 "Google Sans", Roboto, system-ui, sans-serif; color: #202124; }
[hidden] { display: none !important; }
.status { display: inline-flex; align-items: center; gap: 6px; min-width: 7.5em; box-sizing: border-box;
  padding: 3px 10px; border-radius: 12px; cursor: pointer; user-select: none; white-space: nowrap;
  border: 1px solid transparent; }
.status:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: currentColor; flex: none; }
.status.error { color: #a50e0e; background: #fce8e6; border-color: #f6aea9; }
.status.warning { color: #7a4f01; background: #fef7e0; border-color: #fdd663; }
.status.pass { color: #0d652d; background: #e6f4ea; border-color: #a8dab5; }
.status.pending { color: #444746; background: #f1f3f4; border-color: #dadce0; }
.panel { position: absolute; bottom: calc(100% + 6px); left: 0; z-index: 2147483000; width: 340px;
  max-height: 360px; overflow: auto; box-sizing: border-box; padding: 10px 12px; background: #fff;
  border: 1px solid #dadce0; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.2); white-space: normal; }
.panel h2 { font-size: 13px; margin: 0 0 6px; }
.panel h3 { font-size: 12px; margin: 10px 0 4px; color: #5f6368; text-transform: uppercase; letter-spacing: .03em; }
.panel ul { list-style: none; margin: 0; padding: 0; }
.panel li { margin: 0 0 8px; }
.panel .title { font-weight: 600; }
.panel .sev-error { color: #a50e0e; }
.panel .sev-warning { color: #7a4f01; }
.panel .excerpt { color: #5f6368; font-style: italic; }
.panel .state { color: #5f6368; }
.panel button { font: inherit; margin: 4px 4px 0 0; padding: 1px 8px; border: 1px solid #dadce0;
  border-radius: 10px; background: #f8f9fa; cursor: pointer; }
.panel .close { position: absolute; top: 6px; right: 8px; border: none; background: none; font-size: 14px; }
`;

// Keys and text typed on our UI must not reach Gmail's keyboard shortcuts ("c" composes,
// "#" deletes…), which listen on the page; clicks must not be taken for clicks on the compose.
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'click', 'mousedown', 'mouseup', 'dblclick'];

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}


/** error when an error-level check fails, warning when only warnings do, else pass. */
export function statusLevel(snapshot: PanelSnapshot): 'error' | 'warning' | 'pass' | 'pending' {
  if (snapshot.rules.some((rule) => rule.status === 'pending')) return 'pending';
  let warning = false;
  for (const rule of snapshot.rules) {
    for (const finding of rule.findings) {
      if (finding.severity === 'error') return 'error';
      if (finding.severity === 'warning') warning = true;
    }
  }
  return warning ? 'warning' : 'pass';
}

/**
 * Where the pill goes: a cell of its own right after the Send button's cell in Gmail's Send
 * bar, so it sits beside Send without entering Gmail's own cells; the end of the compose
 * when there is no Send bar to be found.
 */
function insertSlot(handle: ComposeHandle, slot: HTMLElement, doc: Document): HTMLElement {
  const send = findSendButton(handle);
  const cell = send?.closest('td');
  if (cell && cell.parentElement && handle.root.contains(cell)) {
    const td = element(doc, 'td', { [SLOT_ATTRIBUTE]: '' });
    td.style.verticalAlign = 'middle';
    td.append(slot);
    cell.after(td);
    return td;
  }
  slot.setAttribute(SLOT_ATTRIBUTE, '');
  slot.style.display = 'block';
  slot.style.margin = '4px 8px';
  handle.root.append(slot);
  return slot;
}

function questionState(question: PanelQuestion): string {
  if (question.mark === 'answered') return 'marked answered';
  if (question.mark === 'not-applicable') return 'marked not applicable';
  return question.answered ? 'answered' : 'not answered';
}

export function mountStatusIndicator(handle: ComposeHandle, options: StatusIndicatorOptions): StatusIndicator {
  const doc = handle.root.ownerDocument;
  const host = element(doc, 'span');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = element(doc, 'style', {}, STYLE);
  // Hidden until the first check has a number: showing "All checks pass" before it would flicker.
  const pill = element(doc, 'div', { class: 'status', role: 'button', tabindex: '0', hidden: '' });
  const dot = element(doc, 'span', { class: 'dot', 'aria-hidden': 'true' });
  const label = element(doc, 'span', { class: 'label' });
  pill.append(dot, label);
  const panel = element(doc, 'div', { class: 'panel', role: 'dialog', 'aria-label': 'Step Ahead checklist', 'data-testid': PANEL_TEST_ID, hidden: '' });
  shadow.append(style, pill, panel);

  let snapshot: PanelSnapshot | null = null;
  let panelOpen = false;

  for (const type of ISOLATED_EVENTS) {
    host.addEventListener(type, (event) => {
      event.stopPropagation();
      // Keeps the caret in the draft: a click on the pill must not take focus from the body.
      if (type === 'mousedown') event.preventDefault();
    });
  }

  const indicator: StatusIndicator = {
    host,
    shadow,
    get panelOpen() {
      return panelOpen;
    },
    update(next) {
      snapshot = next;
      const level = statusLevel(next);
      const text = checksSummary(next);
      pill.className = `status ${level}`;
      pill.setAttribute('data-testid', STATUS_TEST_ID);
      pill.setAttribute('data-failing', String(next.failing));
      pill.setAttribute('aria-label', `Step Ahead: ${text}. Open the checklist.`);
      pill.removeAttribute('hidden');
      if (label.textContent !== text) label.textContent = text;
      if (panelOpen) renderPanel();
    },
    togglePanel(open) {
      panelOpen = open ?? !panelOpen;
      if (panelOpen) renderPanel();
      else panel.setAttribute('hidden', '');
      pill.setAttribute('aria-expanded', String(panelOpen));
    },
    remove() {
      slot.remove();
    },
  };

  pill.addEventListener('click', () => options.onActivate(indicator));
  pill.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    options.onActivate(indicator);
  });

  function renderPanel(): void {
    const nodes: Node[] = [];
    const close = element(doc, 'button', { class: 'close', type: 'button', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', () => indicator.togglePanel(false));
    nodes.push(close, element(doc, 'h2', {}, 'Step Ahead'));
    if (!snapshot) {
      nodes.push(element(doc, 'p', {}, 'Checking…'));
    } else {
      const failing = snapshot.rules.filter((rule) => rule.status === 'fail');
      nodes.push(element(doc, 'h3', {}, failing.length > 0 ? 'Failing checks' : 'Checks'));
      if (failing.length === 0) nodes.push(element(doc, 'p', {}, `${checksSummary(snapshot)}.`));
      const rules = element(doc, 'ul');
      for (const rule of failing) {
        const item = element(doc, 'li', { 'data-rule': rule.ruleId });
        item.append(element(doc, 'div', { class: `title sev-${rule.severity}` }, `${rule.title} (${rule.severity})`));
        for (const finding of rule.findings) {
          item.append(element(doc, 'div', {}, finding.message));
          if (finding.excerpt) item.append(element(doc, 'div', { class: 'excerpt' }, `“${finding.excerpt}”`));
        }
        rules.append(item);
      }
      nodes.push(rules);
      if (snapshot.questions.length > 0) {
        nodes.push(element(doc, 'h3', {}, 'Customer questions'));
        const list = element(doc, 'ul');
        for (const question of snapshot.questions) list.append(questionItem(question));
        nodes.push(list);
      }
      if (snapshot.eta) {
        nodes.push(element(doc, 'h3', {}, 'ETA'));
        nodes.push(element(doc, 'p', {}, `${snapshot.eta.text} — ${snapshot.eta.display}`));
      }
    }
    panel.replaceChildren(...nodes);
    panel.removeAttribute('hidden');
  }

  function questionItem(question: PanelQuestion): HTMLElement {
    const item = element(doc, 'li', { 'data-question-id': question.id });
    item.append(element(doc, 'div', {}, question.text));
    item.append(element(doc, 'div', { class: 'state' }, questionState(question)));
    const actions: [string, QuestionMark | null][] = question.mark
      ? [['Clear mark', null]]
      : [
          ['Mark answered', 'answered'],
          ['Not applicable', 'not-applicable'],
        ];
    for (const [text, mark] of actions) {
      const button = element(doc, 'button', { type: 'button', 'data-mark': mark ?? 'clear' }, text);
      button.addEventListener('click', () => options.onMark(question.id, mark));
      item.append(button);
    }
    return item;
  }

  const slot = insertSlot(handle, host, doc);
  return indicator;
}
