// How a setting the team's policy locks looks: the control is disabled and this note, tied
// to it by aria-describedby, says why.

export const LOCKED_TEXT = 'Set by your team’s policy';

export function LockNote({ id }: { id: string }) {
  return (
    <span className="lock-note" id={id} data-testid="step-ahead-locked">
      <span aria-hidden="true">🔒 </span>
      {LOCKED_TEXT}
    </span>
  );
}

/** The note beside a setting whose value is the team's (unlocked) default. */
export function TeamDefaultNote() {
  return <span className="muted team-default">Team default</span>;
}
