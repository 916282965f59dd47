// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReminderRow, type ReminderActions } from '../../components/reminder-row.tsx';
import type { Reminder } from '../../lib/schemas/reminder.ts';

// One reminder row of the popup in happy-dom: snoozing takes a deliberate press, since
// Chrome fires `change` on a closed <select> at every arrow key.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const now = Date.parse('2026-11-18T15:00:00Z');
const reminder: Reminder = {
  id: 'r1',
  threadId: 'thread-f:1',
  subject: 'Invoice 4411',
  customer: { name: 'Dana', email: 'dana@northwind.example' },
  etaText: 'by 3 pm ET tomorrow',
  sentence: null,
  etaAt: now + 86_400_000,
  dueAt: now + 86_400_000,
  leadNotice: true,
  notified: [],
  source: 'send',
  createdAt: now,
  updatedAt: now,
};

let container: HTMLElement;
let root: Root;
let actions: ReminderActions & { snooze: ReturnType<typeof vi.fn> };

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  actions = { open: vi.fn(), snooze: vi.fn(), edit: vi.fn(), done: vi.fn(), sendNewEta: vi.fn() };
  act(() => root.render(<ReminderRow reminder={reminder} overdue={false} now={now} actions={actions} />));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function choose(value: string) {
  const select = container.querySelector<HTMLSelectElement>('select')!;
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const snoozeButton = () =>
  [...container.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === 'Snooze')!;

describe('snoozing a reminder in the popup', () => {
  it('moving through the choices (an arrow key on the closed list) snoozes nothing', () => {
    choose('15m');
    choose('next-morning');
    expect(actions.snooze).not.toHaveBeenCalled();
  });

  it('snoozes for the chosen time when the labelled Snooze button is pressed', () => {
    const select = container.querySelector<HTMLSelectElement>('select')!;
    const label = select.getAttribute('aria-label') ?? container.querySelector(`label[for="${select.id}"]`)?.textContent;
    expect(label).toMatch(/snooze/i);
    choose('next-morning');
    act(() => snoozeButton().click());
    expect(actions.snooze).toHaveBeenCalledTimes(1);
    expect(actions.snooze).toHaveBeenCalledWith(reminder, { preset: 'next-morning' });
  });

  it('“Pick a time…” then Snooze opens the time picker instead of snoozing', () => {
    choose('at');
    act(() => snoozeButton().click());
    expect(actions.snooze).not.toHaveBeenCalled();
    expect(container.textContent).toContain('Snooze until');
  });
});
