import type { Sentence } from '../types.ts';
import { compilePhrases, sentencesMatching } from './phrase-matcher.ts';
import { NEXT_STEPS } from './phrases/next-steps.ts';

const matcher = compilePhrases(NEXT_STEPS);

/** Sentences that say what happens next and who does it (us or the customer). */
export function findNextSteps(sentences: readonly Sentence[]): Sentence[] {
  return sentencesMatching(matcher, sentences);
}

/** Table mistakes found when compiling; a test keeps this empty. */
export const nextStepsTableProblems = matcher.problems;
