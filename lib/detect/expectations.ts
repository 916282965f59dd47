import type { Sentence } from '../types.ts';
import { compilePhrases, sentencesMatching } from './phrase-matcher.ts';
import { EXPECTATIONS } from './phrases/expectations.ts';

const matcher = compilePhrases(EXPECTATIONS);

/** Sentences that tell the customer when they will hear from us or what to expect. */
export function findExpectations(sentences: readonly Sentence[]): Sentence[] {
  return sentencesMatching(matcher, sentences);
}

/** Table mistakes found when compiling; a test keeps this empty. */
export const expectationsTableProblems = matcher.problems;
