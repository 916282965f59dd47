import { clip } from '../panel-snapshot.ts';
import type { PresendSettings } from '../schemas/settings.ts';
import type { Finding, RuleId } from '../types.ts';
import type { FailingCheck } from './decision.ts';

// What the pre-send checklist shows: one item per failing check, each with its messages and
// at most one fix the page can carry out. Pure: the modal draws it and maps each fix kind to a
// DOM action (entrypoints/gmail.content/presend-fixes.ts).

export type FixAction =
  /** Select the customer's question, in the reply's quoted copy or the customer's message. */
  | { kind: 'show-question'; label: string; text: string }
  /** Insert a scaffold (status, next steps, expectations…) into the draft. */
  | { kind: 'insert-scaffold'; label: string; scaffoldId: string }
  /** Take the red colour off what we wrote. */
  | { kind: 'remove-red'; label: string }
  /** Select this text of the draft (an unfilled placeholder, a vague ETA…). */
  | { kind: 'select-text'; label: string; text: string };

export interface PresendItem extends FailingCheck {
  fix: FixAction | null;
  /** Messages beyond MAX_MESSAGES, summarised as "and N more". */
  more: number;
}

export interface PresendModel {
  heading: string;
  items: PresendItem[];
  /** "Send anyway" needs a short reason. */
  requireReason: boolean;
}

/** Per item; the rest is counted, so a draft with forty red words stays readable. */
export const MAX_MESSAGES = 4;
/** A reason is short but says something. */
export const MIN_REASON_LENGTH = 3;
export const MAX_REASON_LENGTH = 500;

const SCAFFOLD_PREFIX = 'insert-scaffold:';

function firstRangeText(findings: readonly Finding[], draftText: string): string | null {
  for (const finding of findings) {
    if (!finding.range) continue;
    const text = draftText.slice(finding.range[0], finding.range[1]).trim();
    if (text) return text;
  }
  return null;
}

function scaffoldFix(findings: readonly Finding[]): FixAction | null {
  for (const finding of findings) {
    for (const suggestion of finding.suggestions ?? []) {
      if (!suggestion.action.startsWith(SCAFFOLD_PREFIX)) continue;
      const scaffoldId = suggestion.action.slice(SCAFFOLD_PREFIX.length);
      if (scaffoldId) return { kind: 'insert-scaffold', label: suggestion.label, scaffoldId };
    }
  }
  return null;
}

/** The one fix offered for a failing check, or null when only the writer can fix it. */
export function fixFor(ruleId: RuleId, findings: readonly Finding[], draftText: string): FixAction | null {
  switch (ruleId) {
    case 'questions-answered': {
      const evidence = findings.find((finding) => finding.evidence?.trim())?.evidence?.trim();
      return evidence ? { kind: 'show-question', label: 'Show the question', text: evidence } : null;
    }
    case 'no-red-text':
      return findings.length > 0 ? { kind: 'remove-red', label: 'Remove the red colour' } : null;
    case 'placeholders-filled': {
      const text = firstRangeText(findings, draftText);
      return text ? { kind: 'select-text', label: 'Select the placeholder', text } : null;
    }
    default: {
      const scaffold = scaffoldFix(findings);
      if (scaffold) return scaffold;
      const text = firstRangeText(findings, draftText);
      return text ? { kind: 'select-text', label: 'Show in draft', text } : null;
    }
  }
}

/**
 * The checklist for `failing` (decision.ts), with fixes worked out from the analysis's
 * findings and the draft's text (the analysis's `draft.text`, which finding ranges index).
 */
export function buildPresendModel(
  failing: readonly FailingCheck[],
  findings: readonly Finding[],
  draftText: string,
  presend: Pick<PresendSettings, 'requireReason'>,
): PresendModel {
  const items = failing.map((check): PresendItem => {
    const own = findings.filter((finding) => finding.ruleId === check.ruleId);
    return {
      ...check,
      messages: check.messages.slice(0, MAX_MESSAGES),
      more: Math.max(0, check.messages.length - MAX_MESSAGES),
      fix: fixFor(check.ruleId, own, draftText),
    };
  });
  const count = items.length;
  return {
    heading: `${count} ${count === 1 ? 'check fails' : 'checks fail'} on this reply`,
    items,
    requireReason: presend.requireReason,
  };
}

/** A reason "Send anyway" accepts, trimmed and clipped; null when it is too short. */
export function acceptableReason(raw: string): string | null {
  const reason = raw.replace(/\s+/g, ' ').trim();
  if (reason.length < MIN_REASON_LENGTH) return null;
  return clip(reason, MAX_REASON_LENGTH);
}
