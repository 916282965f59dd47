// @vitest-environment happy-dom
// The checklist's fixes and its dialog on Gmail's page: where "Show the question" leaves the
// writer, and which keys close the dialog. ("Remove the red colour" on styles written in
// capitals needs a browser's CSS parsing: tests/e2e/presend.e2e.test.ts.)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findComposes, findMessageBodies } from '../../entrypoints/gmail.content/adapter.ts';
import { applyFix } from '../../entrypoints/gmail.content/presend-fixes.ts';
import { openPresendModal, type PresendModal } from '../../entrypoints/gmail.content/presend-modal.ts';
import type { PresendModel } from '../../lib/presend/modal-model.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/gmail/thread-send-paths-2026-11.html');
const QUESTION = 'can you confirm whether the fix will ship in 4.2.1?';

function loadPage(): void {
  const html = readFileSync(FIXTURE, 'utf8');
  document.documentElement.innerHTML = html.slice(html.indexOf('<html'));
}

afterEach(() => document.body.replaceChildren());

describe('"Show the question"', () => {
  beforeEach(loadPage);

  it('selects the question in the thread’s message, not in the editable draft', () => {
    const handle = findComposes(document)[0]!;
    const draft = handle.body.innerHTML;
    expect(applyFix({ kind: 'show-question', label: 'Show the question', text: QUESTION }, { doc: document, handle })).toBe(true);
    const selection = document.getSelection()!;
    expect(selection.toString()).toBe(QUESTION);
    const range = selection.getRangeAt(0);
    expect(handle.body.contains(range.startContainer)).toBe(false);
    expect(findMessageBodies(document).some((body) => body.contains(range.startContainer))).toBe(true);
    expect(handle.body.innerHTML).toBe(draft);
  });

  it('found only in the draft’s quoted copy: a caret after the question, nothing selected for a keystroke to delete', () => {
    for (const body of findMessageBodies(document)) body.remove();
    const handle = findComposes(document)[0]!;
    expect(applyFix({ kind: 'show-question', label: 'Show the question', text: QUESTION }, { doc: document, handle })).toBe(true);
    const selection = document.getSelection()!;
    expect(selection.isCollapsed).toBe(true);
    const range = selection.getRangeAt(0);
    expect(handle.body.contains(range.startContainer)).toBe(true);
    const before = document.createRange();
    before.setStart(handle.body, 0);
    before.setEnd(range.startContainer, range.startOffset);
    expect(before.toString().endsWith(QUESTION)).toBe(true);
  });
});

describe('the checklist dialog’s keys', () => {
  const model: PresendModel = { heading: 'One check fails', items: [], requireReason: true };
  let modal: PresendModal | null = null;
  afterEach(() => modal?.close());

  function key(target: EventTarget, init: KeyboardEventInit): void {
    target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, composed: true, ...init }));
  }

  it('Enter and Escape while an input method is composing in the reason field do not close it', () => {
    const onBack = vi.fn();
    modal = openPresendModal(document, { model, onBack, onSendAnyway: vi.fn(), onFix: vi.fn() });
    const input = modal.shadow.querySelector('input')!;
    input.focus();
    key(input, { key: 'Enter', isComposing: true });
    key(input, { key: 'Escape', isComposing: true });
    expect(onBack).not.toHaveBeenCalled();
    key(input, { key: 'Escape' });
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('after a click on the backdrop took focus away, the first Escape still closes it', () => {
    const onBack = vi.fn();
    modal = openPresendModal(document, { model, onBack, onSendAnyway: vi.fn(), onFix: vi.fn() });
    (modal.shadow.activeElement as HTMLElement).blur();
    key(document.body, { key: 'Escape' });
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});
