import type { Sentence } from '../types.ts';
import { compilePhrases } from './phrase-matcher.ts';
import { OWNERSHIP_DODGES } from './phrases/ownership-dodges.ts';

const matcher = compilePhrases(OWNERSHIP_DODGES);

const DEFAULT_SUGGESTION = 'Say who will do it: "I will …" or "we will …".';

export interface OwnershipDodge {
  sentence: Sentence;
  /** Range of the dodging words in the draft (the sentence's offsets added). */
  range: [number, number];
  /** The dodging words as written. */
  phrase: string;
  /** A hint for an owned rewrite. */
  suggestion: string;
}

/**
 * Commitments that hide their owner: "it will be looked into", "someone will get back to
 * you", "at some point". "I will look into it" and "I've escalated this" are owned and not
 * reported, nor is a passive that names its agent ("… will be reviewed by our billing team").
 */
export function findOwnershipDodges(sentences: readonly Sentence[]): OwnershipDodge[] {
  if (!Array.isArray(sentences)) return [];
  const out: OwnershipDodge[] = [];
  for (const sentence of sentences) {
    if (typeof sentence?.text !== 'string') continue;
    for (const match of matcher.findAll(sentence.text)) {
      out.push({
        sentence,
        range: [sentence.start + match.start, sentence.start + match.end],
        phrase: match.text,
        suggestion: match.row.suggestion ?? DEFAULT_SUGGESTION,
      });
    }
  }
  return out;
}

/** Table mistakes found when compiling; a test keeps this empty. */
export const ownershipTableProblems = matcher.problems;
