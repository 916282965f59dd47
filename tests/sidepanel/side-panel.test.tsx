// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { reactRootPerTest } from '../helpers/react-root.ts';
import { App, EMPTY_STATE_TEXT } from '../../entrypoints/sidepanel/App.tsx';
import type { PanelSnapshot } from '../../lib/schemas/panel.ts';
import { makeSnapshot } from '../helpers/panel-snapshot.ts';

// The side panel rendered by React into happy-dom, with the background replaced by a fake
// messenger: getPanelState answers with `state.initial`, and a test pushes panelStateChanged
// as the background would while the user types.

const bus = vi.hoisted(() => ({
  listeners: new Map<string, (message: { data: unknown }) => void>(),
  initial: null as unknown,
  calls: [] as Array<{ type: string; data: unknown }>,
  failNext: false,
  pendingInitial: null as null | ((value: unknown) => void),
  holdInitial: false,
}));

vi.mock('../../utils/messaging.ts', () => ({
  onMessage: (type: string, listener: (message: { data: unknown }) => void) => {
    bus.listeners.set(type, listener);
    return () => bus.listeners.delete(type);
  },
  sendMessage: async (type: string, data: unknown) => {
    bus.calls.push({ type, data });
    if (type === 'getPanelState') {
      if (bus.holdInitial) return new Promise((resolve) => (bus.pendingInitial = resolve));
      return bus.initial;
    }
    if (bus.failNext) {
      bus.failNext = false;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }
    return undefined;
  },
  removeAllListeners: () => bus.listeners.clear(),
}));

const view = reactRootPerTest();

beforeEach(() => {
  bus.listeners.clear();
  bus.calls.length = 0;
  bus.initial = null;
  bus.failNext = false;
  bus.holdInitial = false;
  bus.pendingInitial = null;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

async function renderPanel(initial: PanelSnapshot | null): Promise<void> {
  bus.initial = initial;
  await act(async () => {
    view.root.render(<App />);
  });
}

async function push(snapshot: PanelSnapshot | null | unknown): Promise<void> {
  await act(async () => {
    bus.listeners.get('panelStateChanged')!({ data: snapshot });
  });
}

const text = () => view.container.textContent ?? '';
const rules = () => [...view.container.querySelectorAll<HTMLElement>('[data-testid="step-ahead-panel-rule"]')];
const rule = (id: string) => view.container.querySelector<HTMLElement>(`[data-rule="${id}"]`)!;
const question = (id: string) => view.container.querySelector<HTMLElement>(`[data-question-id="${id}"]`)!;
function button(scope: Element, label: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!found) throw new Error(`no "${label}" button in: ${scope.textContent}`);
  return found;
}
async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.click();
  });
}

describe('a compose in the active Gmail tab', () => {
  it('shows the subject and the customer in a header, the failing count, and every rule with its state', async () => {
    await renderPanel(makeSnapshot());
    expect(view.container.querySelector('header h1')?.textContent).toBe('Dashboard down since this morning');
    expect(view.container.querySelector('header')?.textContent).toContain('Dana Customer');
    expect(view.container.querySelector('header')?.textContent).toContain('dana@customer.example');
    expect(view.container.querySelector('[data-testid="step-ahead-panel-failing"]')?.textContent).toBe('2 checks failing');
    expect(rules().map((r) => [r.dataset.rule, r.dataset.status])).toEqual([
      ['questions-answered', 'fail'],
      ['eta-present', 'pass'],
      ['ownership', 'fail'],
      ['no-red-text', 'off'],
    ]);
  });

  it('tells error from warning by word and icon, not colour alone, with each finding’s message and excerpt', async () => {
    await renderPanel(makeSnapshot());
    const error = rule('questions-answered');
    const warning = rule('ownership');
    expect(error.querySelector('.tag')?.textContent).toBe('Error');
    expect(warning.querySelector('.tag')?.textContent).toBe('Warning');
    expect(error.querySelector('.icon')?.textContent).not.toBe(warning.querySelector('.icon')?.textContent);
    expect(rule('eta-present').querySelector('.tag')?.textContent).toBe('Passes');
    expect(rule('no-red-text').querySelector('.tag')?.textContent).toBe('Off');
    expect(error.textContent).toContain('the reply does not answer it');
    expect(error.querySelector('q')?.textContent).toBe('Is my data safe?');
    expect(warning.querySelector('q')?.textContent).toBe('not our team');
    // A passing rule shows no findings.
    expect(rule('eta-present').querySelector('.findings')).toBeNull();
  });

  it('lists the customer’s questions as answered or not, with the reason', async () => {
    await renderPanel(makeSnapshot());
    expect(question('q-0').dataset.state).toBe('answered');
    expect(question('q-0').textContent).toContain('Answered');
    expect(question('q-0').textContent).toContain('answered by: “We expect it back by 3 pm ET today.”');
    expect(question('q-1').dataset.state).toBe('open');
    expect(question('q-1').textContent).toContain('Not answered');
    expect(text()).toContain('1 still needs an answer.');
  });

  it('shows the ETA with its parsed time, and says so when there is none', async () => {
    await renderPanel(makeSnapshot());
    const eta = view.container.querySelector('[data-testid="step-ahead-panel-eta"]')!;
    expect(eta.textContent).toContain('by 3 pm ET today');
    expect(eta.querySelector('time')?.textContent).toBe('Thu, Nov 19, 3:00 PM EST');
    expect(eta.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-19T15:00:00-05:00');
    await push(makeSnapshot({ eta: null }));
    expect(view.container.querySelector('[data-testid="step-ahead-panel-eta"]')?.textContent).toBe('No ETA in this reply');
  });

  it('flags a vague ETA as not a time', async () => {
    await renderPanel(makeSnapshot({ eta: { text: 'soon', end: null, vague: true, display: '“soon” is not a time' } }));
    expect(view.container.querySelector('[data-testid="step-ahead-panel-eta"]')?.textContent).toContain('Not a time:');
  });

  it('shows the thread’s facts: messages, when the customer wrote, our last reply, earlier ETAs', async () => {
    await renderPanel(makeSnapshot());
    const facts = [...view.container.querySelectorAll('.facts dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(facts[0]).toEqual(['Messages', '3']);
    expect(facts[1]![0]).toBe('Customer wrote');
    expect(facts[1]![1]).toMatch(/Nov/);
    expect(facts[2]![0]).toBe('Our last reply');
    expect(facts[2]![1]).toMatch(/Nov/);
    expect(view.container.querySelector('.earlier-etas')?.textContent).toContain('We will update you by 5 pm ET.');
    await push(makeSnapshot({ thread: { ...makeSnapshot().thread, ourLastReplyAt: null, earlierEtas: [] } }));
    expect(text()).toContain('Not yet');
    expect(text()).toContain('None given on this thread.');
  });
});

describe('the empty and thread-only states', () => {
  it('explains how to start when no Gmail tab has anything to show', async () => {
    await renderPanel(null);
    expect(view.container.querySelector('[data-testid="step-ahead-panel-empty"]')).not.toBeNull();
    expect(text()).toContain(EMPTY_STATE_TEXT);
    expect(view.container.querySelector('main h1')?.textContent).toBe('Step Ahead');
  });

  it('shows the open thread’s questions and facts with "Reply to start a checklist" when no compose is open', async () => {
    await renderPanel(makeSnapshot({ composeId: null, rules: [], failing: 0, eta: null }));
    expect(view.container.querySelector('[data-testid="step-ahead-panel"]')?.getAttribute('data-state')).toBe('thread');
    expect(text()).toContain('Reply to start a checklist');
    expect(rules()).toHaveLength(0);
    expect(view.container.querySelector('[data-testid="step-ahead-panel-eta"]')).toBeNull();
    expect(question('q-1')).not.toBeNull();
    expect(view.container.querySelector('.facts')).not.toBeNull();
    expect(text()).not.toContain(EMPTY_STATE_TEXT);
  });
});

describe('following the active compose', () => {
  it('shows a placeholder only before the first answer, then never blanks while snapshots arrive', async () => {
    bus.holdInitial = true;
    await act(async () => {
      view.root.render(<App />);
    });
    expect(view.container.querySelector('[aria-busy="true"]')).not.toBeNull();
    await act(async () => bus.pendingInitial!(makeSnapshot()));
    const heading = view.container.querySelector('header h1');
    for (const failing of [1, 0, 2]) {
      await push(makeSnapshot({ failing }));
      expect(view.container.querySelector('[aria-busy="true"]')).toBeNull();
      expect(view.container.querySelector('[data-testid="step-ahead-panel-failing"]')?.textContent).toMatch(failing === 0 ? /All checks pass/ : /failing/);
    }
    // Same elements, updated in place: React kept them, keyed by rule and question id.
    expect(view.container.querySelector('header h1')).toBe(heading);
  });

  it('keeps the rule row elements across updates, so nothing flickers', async () => {
    await renderPanel(makeSnapshot());
    const before = rule('ownership');
    await push(makeSnapshot({ rules: makeSnapshot().rules.map((r) => (r.ruleId === 'ownership' ? { ...r, status: 'pass', findings: [] } : r)) }));
    expect(rule('ownership')).toBe(before);
    expect(before.dataset.status).toBe('pass');
  });

  it('prefers a broadcast that beats the answer to its first question', async () => {
    bus.holdInitial = true;
    await act(async () => {
      view.root.render(<App />);
    });
    await push(makeSnapshot({ failing: 0 }));
    await act(async () => bus.pendingInitial!(makeSnapshot({ failing: 5 })));
    expect(view.container.querySelector('[data-testid="step-ahead-panel-failing"]')?.textContent).toBe('All checks pass');
  });

  it('ignores a malformed broadcast and keeps what it shows', async () => {
    await renderPanel(makeSnapshot());
    await push({ composeId: 3, rules: 'nope' });
    expect(view.container.querySelector('header h1')?.textContent).toBe('Dashboard down since this morning');
  });

  it('goes back to the empty state when the background says there is nothing', async () => {
    await renderPanel(makeSnapshot());
    await push(null);
    expect(text()).toContain(EMPTY_STATE_TEXT);
  });
});

describe('marks and flags', () => {
  it('sends setQuestionMark on "Mark answered" and shows the mark at once', async () => {
    await renderPanel(makeSnapshot());
    await click(button(question('q-1'), 'Mark answered'));
    expect(bus.calls.filter((c) => c.type === 'setQuestionMark')).toEqual([
      { type: 'setQuestionMark', data: { threadId: 'thread-abc', questionId: 'q-1', mark: 'answered' } },
    ]);
    expect(question('q-1').dataset.state).toBe('answered');
    expect(question('q-1').textContent).toContain('Marked answered');
    expect(button(question('q-1'), 'Clear mark')).toBeTruthy();
  });

  it('keeps the optimistic mark through a stale snapshot, and yields to the one that confirms it', async () => {
    await renderPanel(makeSnapshot());
    await click(button(question('q-1'), 'Not applicable'));
    // Typing goes on before the Gmail tab has re-checked with the new mark.
    await push(makeSnapshot({ failing: 2 }));
    expect(question('q-1').dataset.state).toBe('not-applicable');
    const confirmed = makeSnapshot();
    confirmed.questions[1] = { ...confirmed.questions[1]!, mark: 'not-applicable' };
    await push(confirmed);
    expect(question('q-1').dataset.state).toBe('not-applicable');
    // Cleared from another tab later: the snapshot is the truth again.
    await push(makeSnapshot());
    expect(question('q-1').dataset.state).toBe('open');
  });

  it('clears a stored mark with "Clear mark"', async () => {
    const marked = makeSnapshot();
    marked.questions[0] = { ...marked.questions[0]!, mark: 'answered' };
    await renderPanel(marked);
    await click(button(question('q-0'), 'Clear mark'));
    expect(bus.calls.at(-1)).toEqual({ type: 'setQuestionMark', data: { threadId: 'thread-abc', questionId: 'q-0', mark: null } });
    expect(question('q-0').dataset.state).toBe('answered');
    expect(question('q-0').textContent).toContain('Answered');
    expect(question('q-0').textContent).not.toContain('Marked');
  });

  it('undoes the optimistic mark and says so when saving fails', async () => {
    await renderPanel(makeSnapshot());
    bus.failNext = true;
    await click(button(question('q-1'), 'Mark answered'));
    expect(question('q-1').dataset.state).toBe('open');
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('Could not save');
  });

  it('sends setThreadFlag from the two toggles', async () => {
    await renderPanel(makeSnapshot());
    const boxes = [...view.container.querySelectorAll<HTMLInputElement>('.flags input[type="checkbox"]')];
    const labels = boxes.map((b) => b.parentElement?.textContent);
    expect(labels).toEqual(['This reply resolves the issue', 'Waiting on the customer']);
    await click(boxes[0]!);
    expect(boxes[0]!.checked).toBe(true);
    await click(boxes[1]!);
    expect(bus.calls.filter((c) => c.type === 'setThreadFlag').map((c) => c.data)).toEqual([
      { threadId: 'thread-abc', flag: 'resolved', value: true },
      { threadId: 'thread-abc', flag: 'waitingOnCustomer', value: true },
    ]);
  });

  it('disables marks when the compose has no thread key to keep them under', async () => {
    await renderPanel(makeSnapshot({ thread: { ...makeSnapshot().thread, threadId: null } }));
    expect(button(question('q-1'), 'Mark answered').disabled).toBe(true);
    await click(button(question('q-1'), 'Mark answered'));
    expect(bus.calls.some((c) => c.type === 'setQuestionMark')).toBe(false);
  });

  it('uses real, described buttons for every action', async () => {
    await renderPanel(makeSnapshot());
    const mark = button(question('q-1'), 'Mark answered');
    expect(mark.getAttribute('type')).toBe('button');
    const described = view.container.querySelector(`#${CSS.escape(mark.getAttribute('aria-describedby')!)}`);
    expect(described?.textContent).toContain('Is my data safe?');
  });
});

describe('email text is text', () => {
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';

  it('renders markup in a subject, customer name, question, finding and ETA literally, creating no element', async () => {
    const base = makeSnapshot();
    await renderPanel(
      makeSnapshot({
        thread: { ...base.thread, subject: hostile, customer: { name: hostile, email: 'x@example.com' } },
        questions: [{ ...base.questions[0]!, text: hostile, reason: hostile }],
        rules: [{ ...base.rules[0]!, findings: [{ severity: 'error', message: hostile, excerpt: hostile, suggestions: [] }] }],
        eta: { ...base.eta!, text: hostile, display: hostile },
      }),
    );
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.querySelector('script')).toBeNull();
    expect(view.container.querySelector('header h1')?.textContent).toBe(hostile);
    expect(text().split('<img src=x onerror=alert(1)>').length - 1).toBeGreaterThanOrEqual(6);
  });
});
