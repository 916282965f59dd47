// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { reactRootPerTest } from '../helpers/react-root.ts';
import { ScaffoldEditor } from '../../components/scaffold-editor.tsx';
import { DEFAULT_TEMPLATES, type ScaffoldOverrides } from '../../lib/scaffolds/index.ts';

const view = reactRootPerTest();

function render(value: ScaffoldOverrides, onChange = vi.fn(), locked = false) {
  act(() => view.root.render(<ScaffoldEditor value={value} onChange={onChange} locked={locked} />));
  return onChange;
}

const textarea = () => view.container.querySelector('textarea')!;
const button = (name: string) => [...view.container.querySelectorAll('button')].find((b) => b.textContent === name)!;
const preview = () => view.container.querySelector('[data-testid="step-ahead-scaffold-preview"]')!.textContent ?? '';

/** Sets a controlled field's value the way typing does, so React sees the change. */
function type(element: HTMLTextAreaElement | HTMLInputElement | HTMLSelectElement, value: string) {
  const proto = Object.getPrototypeOf(element) as object;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value);
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

describe('ScaffoldEditor', () => {
  it('shows the wording in force with a preview filled with sample values', () => {
    render({});
    expect(textarea().value).toBe(DEFAULT_TEMPLATES['full-reply'].body);
    expect(preview()).toContain('Hi Priya,');
    expect(preview()).toContain('5:00 PM EST on Thursday, November 19');
    expect(preview()).toContain('Do we need to roll back to 4.1 before Friday’s release?');
  });

  it('updates the preview as the wording changes and saves a valid template', () => {
    const onChange = render({});
    act(() => type(textarea(), 'Hello {customerFirstName}, status: [[status]]'));
    expect(preview()).toContain('Hello Priya, status: [[status]]');
    act(() => button('Save wording').click());
    expect(onChange).toHaveBeenCalledWith({ 'full-reply': { label: 'Full reply', body: 'Hello {customerFirstName}, status: [[status]]' } });
  });

  it('refuses a broken template with the reason and keeps the saved one', () => {
    const saved = { 'full-reply': { label: 'Full reply', body: 'Hi {customerFirstName}' } };
    const onChange = render(saved);
    act(() => type(textarea(), 'Hi {customerFirstNam}'));
    expect(view.container.textContent).toContain('unknown variable {customerFirstNam}');
    act(() => button('Save wording').click());
    expect(onChange).not.toHaveBeenCalled();
    expect(view.container.querySelector('[data-testid="step-ahead-scaffold-refused"]')?.textContent).toMatch(
      /Not saved: line 1: unknown variable \{customerFirstNam\}\. The saved wording is still in use\./,
    );
    // The preview falls back to what is saved.
    expect(preview()).toContain('Hi Priya');
  });

  it('goes back to the built-in wording', () => {
    const onChange = render({ status: { label: 'Where we are', body: 'Status: [[x]]' }, expectations: DEFAULT_TEMPLATES.expectations });
    act(() => type(view.container.querySelector('select')!, 'status'));
    expect(textarea().value).toBe('Status: [[x]]');
    act(() => button('Use the built-in wording').click());
    expect(onChange).toHaveBeenCalledWith({ expectations: DEFAULT_TEMPLATES.expectations });
  });

  it('is read-only when the team’s policy locks it', () => {
    const onChange = render({}, vi.fn(), true);
    expect(textarea().readOnly).toBe(true);
    expect(button('Save wording').disabled).toBe(true);
    expect(onChange).not.toHaveBeenCalled();
  });
});
