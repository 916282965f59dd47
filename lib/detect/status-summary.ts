import type { Sentence } from '../types.ts';
import { compilePhrases, sentencesMatching } from './phrase-matcher.ts';
import { OPENERS, STATUS_SUMMARY } from './phrases/status-summary.ts';

const status = compilePhrases(STATUS_SUMMARY);
const openers = compilePhrases(OPENERS);

/** Sentences that summarise where the issue stands now. */
export function findStatusSummaries(sentences: readonly Sentence[]): Sentence[] {
  return sentencesMatching(status, sentences);
}

export interface StatusNearTopOptions {
  /** How many sentences, after greetings and pleasantries, count as "the top". */
  within?: number;
}

const DEFAULT_WITHIN = 3;
// A greeting or thank-you longer than this is carrying content and is counted.
const MAX_OPENER_WORDS = 12;

function isOpener(sentence: Sentence): boolean {
  const text = sentence.text.trim();
  if (text.length === 0) return true;
  if (text.split(/\s+/).length > MAX_OPENER_WORDS) return false;
  return openers.test(text);
}

/**
 * True when a status summary is among the first `within` sentences of the new text, not
 * counting the greeting ("Hi Jane,") and pleasantries ("Thanks for your patience.") before
 * it: the most important detail goes first. A pleasantry that also gives the status
 * ("Thanks for waiting: we have found the cause.") counts as the status.
 */
export function statusNearTop(
  sentences: readonly Sentence[],
  options: StatusNearTopOptions = {},
): boolean {
  if (!Array.isArray(sentences)) return false;
  const within = Math.max(1, Math.floor(options.within ?? DEFAULT_WITHIN));
  let counted = 0;
  for (const sentence of sentences) {
    if (typeof sentence?.text !== 'string') continue;
    if (status.test(sentence.text)) return true;
    if (isOpener(sentence)) continue;
    counted += 1;
    if (counted >= within) return false;
  }
  return false;
}

/** Table mistakes found when compiling; a test keeps this empty. */
export const statusTableProblems = [...status.problems, ...openers.problems];
