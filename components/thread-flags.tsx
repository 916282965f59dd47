import type { ThreadFlags as Flags } from '../lib/schemas/panel.ts';

// Facts the user knows and the engine cannot guess; the rules read them (a resolving reply
// needs no ETA; waiting on the customer changes whose clock runs).

interface Props {
  flags: Flags;
  onChange(flag: keyof Flags, value: boolean): void;
  disabled: boolean;
}

export function ThreadFlagToggles({ flags, onChange, disabled }: Props) {
  return (
    <fieldset className="card flags" disabled={disabled}>
      <legend>This reply</legend>
      <label>
        <input type="checkbox" checked={flags.resolved} onChange={(e) => onChange('resolved', e.currentTarget.checked)} />
        This reply resolves the issue
      </label>
      <label>
        <input
          type="checkbox"
          checked={flags.waitingOnCustomer}
          onChange={(e) => onChange('waitingOnCustomer', e.currentTarget.checked)}
        />
        Waiting on the customer
      </label>
    </fieldset>
  );
}
