import { checksSummary } from '../../lib/checks-summary.ts';
import type { PanelQuestion, PanelSnapshot } from '../../lib/schemas/panel.ts';
import type { QuestionMark } from '../../lib/types.ts';
import { findSendButton, type ComposeHandle } from './adapter.ts';
import { element } from './element.ts';
import { createIsolatedHost } from './isolated-host.ts';

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
/* Fixed, placed by place(): below the Send bar when the window has room there, so it covers
   none of the draft; otherwise above it, inside the part of the compose that can be seen. */
.panel { position: fixed; top: 0; left: 0; z-index: 2147483000; width: 360px; max-height: min(60vh, 480px);
  display: flex; flex-direction: column; box-sizing: border-box; overflow: hidden; white-space: normal;
  background: #fff; border: 1px solid #dadce0; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.2); }
.head { display: flex; align-items: center; gap: 8px; flex: none; padding: 6px 6px 6px 12px;
  border-bottom: 1px solid #e8eaed; }
.head h2 { flex: 1; font-size: 13px; margin: 0; }
.head .summary { display: block; font-weight: 400; color: #5f6368; }
.panel .close { flex: none; width: 28px; height: 28px; margin: 0; padding: 0; border: none; border-radius: 50%;
  background: none; font-size: 18px; line-height: 28px; color: #444746; }
.panel .close:hover { background: #f1f3f4; }
/* Its own scroll area: a thin scrollbar, and a shade at an edge while more lies beyond it
   (the opaque "local" layers travel with the content and hide the shade at either end). */
.body { flex: 1 1 auto; min-height: 0; overflow-y: auto; overscroll-behavior: contain; padding: 8px 12px 4px;
  scrollbar-width: thin; scrollbar-color: #9aa0a6 transparent;
  background: linear-gradient(#fff 30%, rgba(255,255,255,0)) top / 100% 24px no-repeat local,
    linear-gradient(rgba(255,255,255,0), #fff 70%) bottom / 100% 24px no-repeat local,
    linear-gradient(rgba(60,64,67,.25), rgba(60,64,67,0)) top / 100% 14px no-repeat scroll,
    linear-gradient(rgba(60,64,67,0), rgba(60,64,67,.25)) bottom / 100% 14px no-repeat scroll, #fff; }
.panel button:focus-visible, .body:focus-visible { outline: 2px solid #1a73e8; outline-offset: -2px; }
.panel h3 { font-size: 12px; margin: 8px 0 4px; color: #5f6368; text-transform: uppercase; letter-spacing: .03em; }
.panel h3:first-child { margin-top: 0; }
.panel p { margin: 0 0 8px; }
.panel ul { list-style: none; margin: 0; padding: 0; }
.panel li { margin: 0 0 8px; overflow-wrap: anywhere; }
.panel .title { font-weight: 600; }
.panel .sev-error { color: #a50e0e; }
.panel .sev-warning { color: #7a4f01; }
.panel .excerpt { color: #5f6368; font-style: italic; }
.panel .state { color: #5f6368; }
.panel button { font: inherit; margin: 4px 4px 0 0; padding: 1px 8px; border: 1px solid #dadce0;
  border-radius: 10px; background: #f8f9fa; color: inherit; cursor: pointer; }
`;

// Keys and text typed on our UI must not reach Gmail's keyboard shortcuts ("c" composes,
// "#" deletes…), which listen on the page; clicks must not be taken for clicks on the compose.
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'click', 'mousedown', 'mouseup', 'dblclick'];

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
  const { host, shadow } = createIsolatedHost(doc, { tag: 'span', style: STYLE, stopEvents: ISOLATED_EVENTS });
  // Keeps the caret in the draft: a click on the pill must not take focus from the body.
  host.addEventListener('mousedown', (event) => event.preventDefault());
  // Hidden until the first check has a number: showing "All checks pass" before it would flicker.
  const pill = element(doc, 'div', {
    class: 'status',
    role: 'button',
    tabindex: '0',
    'aria-haspopup': 'dialog',
    'aria-controls': 'step-ahead-panel',
    hidden: '',
  });
  const dot = element(doc, 'span', { class: 'dot', 'aria-hidden': 'true' });
  const label = element(doc, 'span', { class: 'label' });
  pill.append(dot, label);
  const panel = element(doc, 'div', {
    class: 'panel',
    id: 'step-ahead-panel',
    role: 'dialog',
    'aria-labelledby': 'step-ahead-panel-title',
    'data-testid': PANEL_TEST_ID,
    hidden: '',
  });
  // The header stays put while the body is redrawn on every check, so focus on Close and the
  // body's scroll position survive typing.
  const head = element(doc, 'div', { class: 'head' });
  const title = element(doc, 'h2', { id: 'step-ahead-panel-title' }, 'Step Ahead checklist');
  const summary = element(doc, 'span', { class: 'summary' });
  title.append(summary);
  const close = element(doc, 'button', { class: 'close', type: 'button', 'aria-label': 'Close checklist', title: 'Close (Esc)' }, '×');
  head.append(title, close);
  const body = element(doc, 'div', { class: 'body', tabindex: '0', role: 'region', 'aria-label': 'Checklist details' });
  panel.append(head, body);
  shadow.append(pill, panel);

  let snapshot: PanelSnapshot | null = null;
  let panelOpen = false;

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
      const wasOpen = panelOpen;
      panelOpen = open ?? !panelOpen;
      pill.setAttribute('aria-expanded', String(panelOpen));
      if (panelOpen) {
        // Keyboard users land in the dialog; a mouse click leaves the caret in the draft.
        const fromKeyboard = shadow.activeElement === pill;
        renderPanel();
        if (!wasOpen) follow(true);
        if (!wasOpen && fromKeyboard) close.focus();
      } else {
        const hadFocus = panel.contains(shadow.activeElement);
        panel.setAttribute('hidden', '');
        follow(false);
        if (hadFocus) pill.focus();
      }
    },
    remove() {
      follow(false);
      slot.remove();
    },
  };

  pill.addEventListener('click', () => options.onActivate(indicator));
  pill.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panelOpen) {
      event.preventDefault();
      indicator.togglePanel(false);
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    options.onActivate(indicator);
  });
  // Closing from inside the panel hands focus back to the pill (see togglePanel).
  close.addEventListener('click', () => indicator.togglePanel(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    indicator.togglePanel(false);
  });

  // ---- where the panel goes ----------------------------------------------------------------

  const GAP = 6;
  const MARGIN = 8;
  let frame = 0;
  let shift = { x: 0, y: 0 };
  const win = doc.defaultView;
  const schedule = () => {
    if (!win || frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      place();
    });
  };

  /** Keeps the panel beside the pill while Gmail or the window scrolls or resizes. */
  function follow(on: boolean): void {
    if (!win) return;
    if (on) {
      win.addEventListener('resize', schedule);
      doc.addEventListener('scroll', schedule, { capture: true, passive: true });
    } else {
      win.removeEventListener('resize', schedule);
      doc.removeEventListener('scroll', schedule, { capture: true });
      if (frame) win.cancelAnimationFrame(frame);
      frame = 0;
    }
  }

  /** The part of the compose that can be seen: its box cut by the window and every clipping ancestor (a pop-up compose hides its overflow). */
  function visibleCompose(viewWidth: number, viewHeight: number): { left: number; top: number; right: number; bottom: number } {
    const area = { left: 0, top: 0, right: viewWidth, bottom: viewHeight };
    for (let node: Element | null = handle.root; node && node !== doc.body && node !== doc.documentElement; node = node.parentElement) {
      const css = win!.getComputedStyle(node);
      if (node !== handle.root && css.overflowX === 'visible' && css.overflowY === 'visible') continue;
      const box = node.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      area.left = Math.max(area.left, box.left);
      area.top = Math.max(area.top, box.top);
      area.right = Math.min(area.right, box.right);
      area.bottom = Math.min(area.bottom, box.bottom);
    }
    return area;
  }

  function place(): void {
    if (!win || !panelOpen) return;
    const viewWidth = win.innerWidth;
    const viewHeight = win.innerHeight;
    const anchor = pill.getBoundingClientRect();
    const area = visibleCompose(viewWidth, viewHeight);
    const width = Math.max(Math.min(360, area.right - area.left - 2 * MARGIN), Math.min(260, viewWidth - 2 * MARGIN));
    const cap = Math.min(viewHeight * 0.6, 480);
    const below = viewHeight - MARGIN - (anchor.bottom + GAP);
    let left: number;
    let top: number;
    panel.style.width = `${width}px`;
    if (below >= Math.min(cap, 280)) {
      // Room under the Send bar (an inline reply scrolled up): nothing of the draft is covered.
      left = anchor.left;
      top = anchor.bottom + GAP;
      panel.style.maxHeight = `${Math.min(cap, below)}px`;
    } else {
      // Above the Send bar at the compose's right edge, where the draft's lines are shortest,
      // and no higher than the compose's visible top unless that leaves almost no room.
      // With the pill scrolled out of sight below, the panel stops at the window's edge.
      left = area.right - MARGIN - width;
      const bottom = Math.min(anchor.top - GAP, area.bottom - MARGIN, viewHeight - MARGIN);
      const room = bottom - (area.top + MARGIN);
      panel.style.maxHeight = `${Math.max(0, Math.min(cap, room >= 160 ? room : bottom - MARGIN))}px`;
      top = bottom - panel.offsetHeight;
    }
    left = Math.max(MARGIN, Math.min(left, viewWidth - MARGIN - width));
    top = Math.max(MARGIN, top);
    panel.style.left = `${left + shift.x}px`;
    panel.style.top = `${top + shift.y}px`;
    // A transformed ancestor in Gmail's page would make "fixed" relative to it: measure and
    // correct once by however far the panel landed from where it was put.
    const landed = panel.getBoundingClientRect();
    if (landed.width > 0 && (Math.abs(landed.left - left) > 0.5 || Math.abs(landed.top - top) > 0.5)) {
      shift = { x: shift.x + left - landed.left, y: shift.y + top - landed.top };
      panel.style.left = `${left + shift.x}px`;
      panel.style.top = `${top + shift.y}px`;
    }
  }

  function renderPanel(): void {
    const nodes: Node[] = [];
    summary.textContent = snapshot ? checksSummary(snapshot) : 'Checking…';
    if (snapshot) {
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
    // Redrawn on every check: keep the reader's place and a keyboard user's focus.
    const focused = shadow.activeElement;
    const hadFocus = focused !== null && focused !== body && body.contains(focused);
    const question = hadFocus ? focused.closest('[data-question-id]')?.getAttribute('data-question-id') : null;
    const markButton = hadFocus ? focused.getAttribute('data-mark') : null;
    const scrollTop = body.scrollTop;
    body.replaceChildren(...nodes);
    body.scrollTop = scrollTop;
    if (hadFocus) {
      const item = [...body.querySelectorAll('[data-question-id]')].find((node) => node.getAttribute('data-question-id') === question);
      const buttons = item ? [...item.querySelectorAll<HTMLElement>('button')] : [];
      (buttons.find((button) => button.getAttribute('data-mark') === markButton) ?? buttons[0] ?? body).focus();
    }
    panel.removeAttribute('hidden');
    place();
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
