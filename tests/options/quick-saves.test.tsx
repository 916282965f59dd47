// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { reactRootPerTest } from '../helpers/react-root.ts';
import { fakeBrowser } from 'wxt/testing';
import { useTeamConfig, type TeamConfigActions } from '../../components/settings-store.ts';
import { App } from '../../entrypoints/options/App.tsx';
import { SETTINGS_KEY } from '../../lib/settings/versions.ts';

// The options page saves each change at once, as a read-modify-write of the stored settings.
// Two changes in a quick row — two time inputs, or a time and the lead time — must both be
// saved: neither may overwrite the other with what it read before the other was written.

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
});

const view = reactRootPerTest();

async function stored(): Promise<Record<string, unknown>> {
  const envelope = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as { settings?: Record<string, unknown> } | undefined;
  return envelope?.settings ?? {};
}

/** Types into a controlled input the way a user's edit reaches React. */
function type(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const input = (label: string) => {
  const found = view.container.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`);
  if (!found) throw new Error(`no input labelled ${label}`);
  return found;
};

describe('quick saves on the options page', () => {
  it('two schedule times changed in a quick row are both saved', async () => {
    await act(async () => view.root.render(<App />));
    await vi.waitFor(() => expect(view.container.querySelector('[aria-busy="false"]')).not.toBeNull());
    await act(async () => {
      // Both edits land before either save has come back through storage.onChanged.
      type(input('Monday opens at'), '09:00');
      type(input('Tuesday closes at'), '16:00');
    });
    await vi.waitFor(async () => {
      const week = ((await stored()).schedule as { week: Array<Array<{ start: string; end: string }>> } | undefined)?.week;
      expect(week?.[1]).toEqual([{ start: '09:00', end: '17:00' }]);
      expect(week?.[2]).toEqual([{ start: '08:00', end: '16:00' }]);
    });
    // And they stay so once every save has settled.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    const week = ((await stored()).schedule as { week: Array<Array<{ start: string; end: string }>> }).week;
    expect([week[1], week[2]]).toEqual([[{ start: '09:00', end: '17:00' }], [{ start: '08:00', end: '16:00' }]]);
  });

  it('two settings saved at the same moment both land', async () => {
    let team: TeamConfigActions | null = null;
    function Harness() {
      team = useTeamConfig();
      return null;
    }
    await act(async () => view.root.render(<Harness />));
    await act(async () => {
      await Promise.all([team!.setField('reminderLeadMinutes', 30), team!.setField('teamDomains', ['northwind.example'])]);
    });
    expect(await stored()).toMatchObject({ reminderLeadMinutes: 30, teamDomains: ['northwind.example'] });
  });
});
