// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { placeholdersIn, selectPlaceholder } from '../../entrypoints/gmail.content/placeholder-navigation.ts';
import { openScaffoldPicker } from '../../entrypoints/gmail.content/scaffold-picker.ts';
import type { ComposeHandle } from '../../entrypoints/gmail.content/adapter.ts';

// The in-page parts that need no editing command: Tab-like travel through the slots, and
// the quick picker's keyboard. (Insertion itself runs in Chromium: tests/e2e/scaffolds.)

afterEach(() => {
  document.body.replaceChildren();
});

function compose(html: string): ComposeHandle {
  const root = document.createElement('div');
  const body = document.createElement('div');
  body.setAttribute('contenteditable', 'true');
  body.innerHTML = html;
  root.append(body);
  document.body.append(root);
  return { root, body, view: 'dialog' };
}

const selected = () => document.getSelection()?.toString();

describe('placeholder navigation', () => {
  const html =
    '<div>Hi [[customer first name]],</div><div>Status: [[status]]</div><div>Old [Name] slot</div>' +
    '<div class="gmail_quote"><blockquote>[[their own brackets]]</blockquote></div>';

  it('finds the scaffolds’ slots in the body’s own text, not in the quoted history', () => {
    const handle = compose(html);
    expect(placeholdersIn(handle.body).map((p) => p.text)).toEqual(['[[customer first name]]', '[[status]]']);
  });

  it('selects the next slot after the caret, then the one after, then wraps round', () => {
    const handle = compose(html);
    expect(selectPlaceholder(handle, 'next')).toEqual({ selected: '[[customer first name]]', remaining: ['[[customer first name]]', '[[status]]'] });
    expect(selected()).toBe('[[customer first name]]');
    expect(selectPlaceholder(handle, 'next').selected).toBe('[[status]]');
    expect(selected()).toBe('[[status]]');
    expect(selectPlaceholder(handle, 'next').selected).toBe('[[customer first name]]');
    expect(selectPlaceholder(handle, 'previous').selected).toBe('[[status]]');
  });

  it('says when no slot is left', () => {
    const handle = compose('<div>All filled in.</div>');
    expect(selectPlaceholder(handle, 'next')).toEqual({ selected: null, remaining: [] });
  });
});

describe('the quick picker', () => {
  const choices = [
    { id: 'full-reply', label: 'Full reply' },
    { id: 'next-steps', label: 'Next steps' },
    { id: 'expectations', label: 'Expectations' },
  ];

  function open() {
    const onPick = vi.fn();
    const onCancel = vi.fn();
    const anchor = document.createElement('div');
    document.body.append(anchor);
    const picker = openScaffoldPicker({ doc: document, choices, anchor, onPick, onCancel });
    const host = document.querySelector('[data-step-ahead-picker]')!;
    const root = host.shadowRoot!;
    const input = root.querySelector('input')!;
    const key = (k: string) => input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
    return { picker, onPick, onCancel, host, root, input, key };
  }

  it('opens in an open shadow root outside any compose, with the filter focused', () => {
    const { root, host, input } = open();
    expect(host.parentElement).toBe(document.body);
    expect(root.mode).toBe('open');
    expect(root.querySelector('[role=dialog]')?.getAttribute('aria-label')).toBe('Insert a scaffold');
    expect(root.activeElement).toBe(input);
    expect([...root.querySelectorAll('[role=option]')].map((o) => o.textContent)).toEqual(['Full reply', 'Next steps', 'Expectations']);
  });

  it('moves with the arrow keys and inserts with Enter', () => {
    const { root, key, onPick, host } = open();
    key('ArrowDown');
    key('ArrowDown');
    expect(root.querySelector('[aria-selected=true]')?.textContent).toBe('Expectations');
    key('ArrowDown');
    expect(root.querySelector('[aria-selected=true]')?.textContent).toBe('Full reply');
    key('ArrowUp');
    key('Enter');
    expect(onPick).toHaveBeenCalledWith('expectations');
    expect(host.isConnected).toBe(false);
  });

  it('filters as the writer types', () => {
    const { root, input, key, onPick } = open();
    input.value = 'next';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect([...root.querySelectorAll('[role=option]')].map((o) => o.textContent)).toEqual(['Next steps']);
    key('Enter');
    expect(onPick).toHaveBeenCalledWith('next-steps');
  });

  it('keeps letters typed in the filter from Gmail’s capture-phase shortcut listeners, only while open', () => {
    // Gmail's shortcut handlers listen on the document (some in the capture phase) and the window.
    const gmail = vi.fn();
    const listeners = [
      [document, true],
      [document, false],
      [window, false],
    ] as const;
    for (const [target, capture] of listeners) target.addEventListener('keydown', gmail, { capture });
    try {
      const { input, onPick, picker } = open();
      for (const letter of 'next') input.dispatchEvent(new KeyboardEvent('keydown', { key: letter, bubbles: true, composed: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      expect(gmail).not.toHaveBeenCalled();
      // The picker's own keys still work.
      expect(onPick).toHaveBeenCalledWith('next-steps');
      picker.close();
      // Closed, it no longer stands between Gmail and the keyboard.
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true }));
      expect(gmail).toHaveBeenCalledTimes(3);
    } finally {
      for (const [target, capture] of listeners) target.removeEventListener('keydown', gmail, { capture });
    }
  });

  it('closes on Escape without a choice, and keeps its keys from Gmail', () => {
    const { key, onPick, onCancel, host } = open();
    const gmail = vi.fn();
    document.addEventListener('keydown', gmail);
    key('Escape');
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onPick).not.toHaveBeenCalled();
    expect(gmail).not.toHaveBeenCalled();
    expect(host.isConnected).toBe(false);
    document.removeEventListener('keydown', gmail);
  });
});
