// The quick picker: a small list of scaffolds over the compose, opened from the keyboard.
// Plain DOM in an open shadow root on Gmail's <body> (never inside the compose, so nothing of
// it can reach the mail). Type to filter, ↑/↓ to move, Enter to insert, Escape to go back
// to the draft; a click works too. Keys typed in it stay in it: Gmail's own shortcuts never
// see them.

import { createIsolatedHost } from './isolated-host.ts';

export interface PickerChoice {
  id: string;
  label: string;
}

export interface PickerOptions {
  doc: Document;
  choices: readonly PickerChoice[];
  /** Where to show it: beside this element (the compose body). */
  anchor: Element;
  onPick(id: string): void;
  /** Closed without a choice (Escape, a click elsewhere). */
  onCancel(): void;
}

export interface ScaffoldPicker {
  close(): void;
}

export const PICKER_HOST_ATTRIBUTE = 'data-step-ahead-picker';

const STYLE = `
:host { all: initial; }
.picker { position: fixed; z-index: 2147483000; width: 260px; max-height: 320px; display: flex; flex-direction: column;
  background: #fff; color: #202124; border: 1px solid #dadce0; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.2);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h2 { font-size: 13px; font-weight: 600; margin: 8px 12px 4px; }
input { margin: 0 8px 6px; padding: 6px 8px; font: inherit; border: 1px solid #80868b; border-radius: 4px; }
input:focus { outline: 2px solid #1a73e8; outline-offset: 0; }
ul { list-style: none; margin: 0; padding: 0 0 6px; overflow-y: auto; }
li { padding: 6px 12px; cursor: pointer; }
li[aria-selected="true"] { background: #e8f0fe; color: #174ea6; }
.empty { padding: 6px 12px; color: #5f6368; }
.hint { font-size: 12px; color: #5f6368; margin: 0 12px 8px; }
`;

let counter = 0;
const KEY_EVENTS = ['keydown', 'keypress', 'keyup'] as const;

export function openScaffoldPicker(options: PickerOptions): ScaffoldPicker {
  const { doc } = options;
  const view = doc.defaultView;
  const id = `step-ahead-picker-${++counter}`;
  // Keys are handled on the window (see onKey); other events typed or focused here stop at
  // the host, out of Gmail's document listeners.
  const { host, shadow: root } = createIsolatedHost(doc, {
    attributes: { [PICKER_HOST_ATTRIBUTE]: '' },
    style: STYLE,
    stopEvents: ['input', 'focusin', 'focusout'],
  });

  const dialog = doc.createElement('div');
  dialog.className = 'picker';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', 'Insert a scaffold');
  dialog.setAttribute('data-testid', 'step-ahead-scaffold-picker');
  const heading = doc.createElement('h2');
  heading.textContent = 'Insert a scaffold';
  const input = doc.createElement('input');
  input.type = 'text';
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-label', 'Filter scaffolds');
  input.setAttribute('aria-controls', `${id}-list`);
  input.setAttribute('aria-expanded', 'true');
  input.setAttribute('aria-autocomplete', 'list');
  input.autocomplete = 'off';
  const list = doc.createElement('ul');
  list.id = `${id}-list`;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Scaffolds');
  const hint = doc.createElement('p');
  hint.className = 'hint';
  hint.textContent = '↑ ↓ to choose, Enter to insert, Esc to close';
  dialog.append(heading, input, list, hint);
  root.append(dialog);

  let shown: PickerChoice[] = [];
  let active = 0;
  let closed = false;

  function render(): void {
    const filter = input.value.trim().toLowerCase();
    shown = options.choices.filter((c) => c.label.toLowerCase().includes(filter));
    active = Math.min(active, Math.max(0, shown.length - 1));
    list.replaceChildren();
    if (shown.length === 0) {
      const empty = doc.createElement('li');
      empty.className = 'empty';
      empty.setAttribute('role', 'presentation');
      empty.textContent = 'No scaffold matches';
      list.append(empty);
      input.removeAttribute('aria-activedescendant');
      return;
    }
    shown.forEach((choice, index) => {
      const item = doc.createElement('li');
      item.id = `${id}-${index}`;
      item.setAttribute('role', 'option');
      item.setAttribute('data-scaffold', choice.id);
      item.setAttribute('aria-selected', index === active ? 'true' : 'false');
      item.textContent = choice.label;
      // mousedown, not click: the input keeps focus, so the pick is one gesture.
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        pick(index);
      });
      list.append(item);
    });
    input.setAttribute('aria-activedescendant', `${id}-${active}`);
    root.getElementById?.(`${id}-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }

  function close(): void {
    if (closed) return;
    closed = true;
    doc.removeEventListener('mousedown', outside, true);
    for (const type of KEY_EVENTS) view?.removeEventListener(type, onKey, { capture: true });
    host.remove();
  }

  function pick(index: number): void {
    const choice = shown[index];
    if (!choice) return;
    close();
    options.onPick(choice.id);
  }

  function cancel(): void {
    if (closed) return;
    close();
    options.onCancel();
  }

  function outside(event: Event): void {
    if (!event.composedPath().includes(host)) cancel();
  }

  input.addEventListener('input', () => {
    active = 0;
    render();
  });
  // On the window in the capture phase, while open: ahead of Gmail's document-level and
  // capture-phase shortcut listeners, so no key typed here reaches them. Stopping it there
  // stops the input's own listeners too, so the picker's keys are handled here; the typing
  // itself (the input's default action) still happens.
  function onKey(event: Event): void {
    if (!event.composedPath().includes(host)) return;
    event.stopImmediatePropagation();
    if (event.type === 'keydown') onPickerKey(event as KeyboardEvent);
  }

  function onPickerKey(event: KeyboardEvent): void {
    if (event.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length > 0) active = (active + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(active);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      cancel();
    }
  }
  for (const type of KEY_EVENTS) view?.addEventListener(type, onKey, { capture: true });
  doc.addEventListener('mousedown', outside, true);

  const rect = options.anchor.getBoundingClientRect();
  const width = 260;
  const left = Math.max(8, Math.min(rect.left + 16, (view?.innerWidth ?? 1024) - width - 8));
  const top = Math.max(8, Math.min(rect.top + 16, (view?.innerHeight ?? 768) - 330));
  dialog.style.left = `${left}px`;
  dialog.style.top = `${top}px`;

  (doc.body ?? doc.documentElement).append(host);
  render();
  input.focus();
  return { close };
}
