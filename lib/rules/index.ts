import { ccAccountOwner } from './cc-account-owner.ts';
import { etaConcrete } from './eta-concrete.ts';
import { etaPresent } from './eta-present.ts';
import { expectations } from './expectations.ts';
import { missedEtaFollowup } from './missed-eta-followup.ts';
import { nextSteps } from './next-steps.ts';
import { noRedText } from './no-red-text.ts';
import { ownership } from './ownership.ts';
import { placeholdersFilled } from './placeholders-filled.ts';
import { questionsAnswered } from './questions-answered.ts';
import type { Rule } from './rule.ts';
import { statusSummary } from './status-summary.ts';

/** In the order the checklist shows them: what the customer asked first, polish last. */
export const RULES: readonly Rule[] = [
  questionsAnswered,
  etaPresent,
  etaConcrete,
  missedEtaFollowup,
  statusSummary,
  nextSteps,
  expectations,
  ownership,
  placeholdersFilled,
  noRedText,
  ccAccountOwner,
];
