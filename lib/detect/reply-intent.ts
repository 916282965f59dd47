import type { Sentence } from '../types.ts';
import { compilePhrases } from './phrase-matcher.ts';
import { CONDITIONAL_OPENING, MISS_ACKNOWLEDGEMENT, OWN_COMMITMENT, RESOLUTION } from './phrases/reply-intent.ts';
import { findQuestions, needsAnswer } from './questions.ts';

// What a reply means for the thread's next step. Each answer is one sentence the writer can
// be shown ("reads as a resolution: '…'"), never a bare yes/no.

const resolution = compilePhrases(RESOLUTION);
const ownCommitment = compilePhrases(OWN_COMMITMENT);
const conditionalOpening = compilePhrases(CONDITIONAL_OPENING);
const missAcknowledgement = compilePhrases(MISS_ACKNOWLEDGEMENT);

/** The sentence that says the issue is resolved, if any. */
export function findResolution(sentences: readonly Sentence[]): Sentence | null {
  return sentences.find((s) => resolution.test(s.text)) ?? null;
}

/** A sentence in which we commit to act ourselves, not waiting on the customer first. */
export function findOwnCommitment(sentences: readonly Sentence[]): Sentence | null {
  return sentences.find((s) => ownCommitment.test(s.text) && !conditionalOpening.test(s.text)) ?? null;
}

/**
 * The ball is in the customer's court: the reply asks them to do or answer something and
 * promises nothing of ours meanwhile. Returns the ask.
 */
export function waitingOnCustomer(sentences: readonly Sentence[]): Sentence | null {
  if (findOwnCommitment(sentences)) return null;
  for (const sentence of sentences) {
    if (findQuestions(sentence.text).some(needsAnswer)) return sentence;
  }
  return null;
}

/** The sentence that owns a missed ETA ("sorry for the delay", "took longer than expected"). */
export function findMissAcknowledgement(sentences: readonly Sentence[]): Sentence | null {
  return sentences.find((s) => missAcknowledgement.test(s.text)) ?? null;
}

/** Table mistakes found when compiling; a test keeps this empty. */
export const replyIntentTableProblems = [
  ...resolution.problems,
  ...ownCommitment.problems,
  ...conditionalOpening.problems,
  ...missAcknowledgement.problems,
];
