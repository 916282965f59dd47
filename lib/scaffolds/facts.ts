import type { PanelSnapshot } from '../schemas/panel.ts';
import { targetsFor, type Settings } from '../schemas/settings.ts';
import type { ScaffoldFacts } from './resolve.ts';

// A compose's last check (the panel snapshot) already holds what the variables need: the
// customer, the subject, the questions with their answered state and the ETAs given before.
// Reading them from there keeps the scaffold and the checklist in agreement.

export interface FactsInput {
  snapshot: PanelSnapshot | null;
  settings: Settings;
  now: Date;
  /** The signed-in account's display name, when the page shows it. */
  myName: string | null;
  /** The compose's own subject, used when the snapshot has none. */
  subject?: string | null;
}

/** Questions the writer still has to answer: not answered in the draft and not marked by hand. */
export function openQuestionsOf(snapshot: PanelSnapshot | null): string[] {
  if (!snapshot) return [];
  return snapshot.questions.filter((q) => !q.answered && q.mark === undefined).map((q) => q.text);
}

export function scaffoldFactsOf(input: FactsInput): ScaffoldFacts {
  const { snapshot, settings } = input;
  return {
    now: input.now,
    schedule: settings.schedule,
    actionableMinutes: targetsFor(settings).actionableMinutes,
    customer: snapshot?.thread.customer ?? null,
    myName: input.myName,
    subject: snapshot?.thread.subject || input.subject || null,
    openQuestions: openQuestionsOf(snapshot),
    earlierEtas: snapshot?.thread.earlierEtas ?? [],
  };
}
