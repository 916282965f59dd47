// Scores whether an email sentence asks the reader to do or answer something. The weights
// come from scripts/train-request-model.ts (logistic regression over hashed word, character
// and hand-written features plus the rule finder's reading of the sentence, trained on
// labelled Enron sentences); this module only reads them and adds up a sentence's features.

import { z } from '../schemas/zod-mini.ts';
import bundledModel from './request-model.json';
import { readSentenceByRules, ruleCues } from './question-rules.ts';
import { extractRequestFeatures, FEATURE_SETS, HASH_BITS, usesRuleCues, type FeatureSetId } from './request-features.ts';

export const REQUEST_MODEL_FORMAT = 'step-ahead/request-model';
export const REQUEST_MODEL_VERSION = 1;
// Cross-validated on train.tsv, floors from 0.05 to 0.3 score within half a point of each
// other; the support set's questions ("Is customer data encrypted at rest") sit as low as
// 0.15 under a model that learned from Enron's newsletters, so the floor stays low.
export const DEFAULT_QUESTION_FLOOR = 0.05;

/** The model file is not one this code can read; thrown by loadRequestModel. */
export class RequestModelError extends Error {
  override name = 'RequestModelError';
}

const featureSetIds = Object.keys(FEATURE_SETS) as [FeatureSetId, ...FeatureSetId[]];

export const requestModelSchema = z
  .object({
    format: z.literal(REQUEST_MODEL_FORMAT),
    version: z.literal(REQUEST_MODEL_VERSION),
    featureSet: z.enum(featureSetIds),
    hashBits: z.literal(HASH_BITS),
    /** `binary`: a feature counts once per sentence; `count`: every occurrence counts. */
    counting: z.enum(['binary', 'count']),
    /** Probability at or above which a sentence is called a request. */
    threshold: z.number().check(z.gt(0), z.lt(1)),
    /**
     * A sentence the rules read as a question ("What was the root cause?") is an ask once the
     * model gives it at least this probability; below it, it is the model's call (newsletter
     * and rhetorical questions). Absent in older files: DEFAULT_QUESTION_FLOOR.
     */
    questionFloor: z.optional(z.number().check(z.gte(0), z.lt(1))),
    // Zod 4 numbers are finite already (classic's `.finite()` was a no-op).
    bias: z.number(),
    /** Weights are stored as integers in this unit to keep the file small. */
    weightUnit: z.number().check(z.positive()),
    /** Feature indices, ascending, each stored as the gap from the previous one. */
    indexGaps: z.array(z.int().check(z.nonnegative())),
    weights: z.array(z.int()),
    /** What the training script measured; informational. */
    crossValidation: z.optional(
      z.object({
        folds: z.int(),
        precision: z.number(),
        recall: z.number(),
        f1: z.number(),
        /** Share of asks the figures above were re-weighted to (absent: train.tsv's own mix). */
        targetAskShare: z.optional(z.number().check(z.gt(0), z.lt(1))),
        /** The same cross-validation on train.tsv's own mix. */
        trainMix: z.optional(z.object({ precision: z.number(), recall: z.number(), f1: z.number() })),
      }),
    ),
    model: z.optional(z.string().check(z.maxLength(200))),
  })
  .check(z.superRefine((m, ctx) => {
    if (m.indexGaps.length !== m.weights.length) {
      ctx.addIssue({ code: 'custom', message: 'indexGaps and weights differ in length' });
      return;
    }
    let index = -1;
    for (let i = 0; i < m.indexGaps.length; i++) {
      const gap = m.indexGaps[i] as number;
      if (i > 0 && gap === 0) {
        ctx.addIssue({ code: 'custom', message: `feature ${i} repeats the previous index` });
        return;
      }
      index = i === 0 ? gap : index + gap;
    }
    if (index >= 2 ** HASH_BITS) ctx.addIssue({ code: 'custom', message: 'feature index out of range' });
  }));

export type RequestModelJson = z.infer<typeof requestModelSchema>;

export interface RequestModel {
  readonly featureSet: FeatureSetId;
  readonly threshold: number;
  /** See `questionFloor` in the model file. */
  readonly questionFloor: number;
  /** Number of non-zero weights. */
  readonly size: number;
  /**
   * Probability in [0, 1] that the sentence is a request or a question to the reader.
   * `cues` is the rule finder's reading (`ruleCues`) when the caller already has it.
   */
  probability(sentence: string, cues?: readonly string[]): number;
  isRequest(sentence: string, cues?: readonly string[]): boolean;
}

// Open-addressing table over typed arrays: lookups allocate nothing, and the stamp array
// lets `binary` counting skip repeats without building a Set per sentence.
class WeightTable {
  private readonly keys: Int32Array;
  private readonly values: Float64Array;
  private readonly stamps: Uint32Array;
  private readonly mask: number;
  private stamp = 0;

  constructor(indices: readonly number[], weights: readonly number[]) {
    let capacity = 16;
    while (capacity < indices.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity).fill(-1);
    this.values = new Float64Array(capacity);
    this.stamps = new Uint32Array(capacity);
    for (let i = 0; i < indices.length; i++) {
      let slot = (indices[i] as number) & this.mask;
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = indices[i] as number;
      this.values[slot] = weights[i] as number;
    }
  }

  sum(features: readonly number[], binary: boolean): number {
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.stamps.fill(0);
    let total = 0;
    const { keys, values, stamps, mask, stamp } = this;
    for (let i = 0; i < features.length; i++) {
      const f = features[i] as number;
      // Feature hashes are already uniform, so their low bits are a fine slot.
      let slot = f & mask;
      for (;;) {
        const k = keys[slot] as number;
        if (k === f) {
          if (!binary) total += values[slot] as number;
          else if (stamps[slot] !== stamp) {
            stamps[slot] = stamp;
            total += values[slot] as number;
          }
          break;
        }
        if (k === -1) break;
        slot = (slot + 1) & mask;
      }
    }
    return total;
  }
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Validates a model file and returns a scorer; throws RequestModelError when it is unusable. */
export function loadRequestModel(json: unknown): RequestModel {
  const parsed = requestModelSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new RequestModelError(`request model rejected: ${where}${issue?.message ?? 'invalid'}`);
  }
  const m = parsed.data;
  const indices: number[] = new Array<number>(m.indexGaps.length);
  const weights: number[] = new Array<number>(m.weights.length);
  let index = 0;
  for (let i = 0; i < m.indexGaps.length; i++) {
    index = i === 0 ? (m.indexGaps[0] as number) : index + (m.indexGaps[i] as number);
    indices[i] = index;
    weights[i] = (m.weights[i] as number) * m.weightUnit;
  }
  const table = new WeightTable(indices, weights);
  const binary = m.counting === 'binary';
  const { featureSet, threshold, bias } = m;
  const needsCues = usesRuleCues(featureSet);
  const probability = (sentence: string, cues?: readonly string[]): number => {
    if (typeof sentence !== 'string') return 0;
    // The features read at most the first 2,000 characters; so does the rule reading here.
    const given = needsCues ? (cues ?? ruleCues(readSentenceByRules(sentence.slice(0, 2000)))) : [];
    const features = extractRequestFeatures(sentence, featureSet, given);
    if (features.length === 0) return 0;
    return sigmoid(bias + table.sum(features, binary));
  };
  return {
    featureSet,
    threshold,
    questionFloor: m.questionFloor ?? DEFAULT_QUESTION_FLOOR,
    size: indices.length,
    probability,
    isRequest: (sentence: string, cues?: readonly string[]) => probability(sentence, cues) >= threshold,
  };
}

let bundled: RequestModel | null = null;

/** The model shipped with the extension, loaded on first use. */
export function bundledRequestModel(): RequestModel {
  bundled ??= loadRequestModel(bundledModel);
  return bundled;
}

/** Probability that the sentence asks the reader to do or answer something. */
export function requestProbability(sentence: string): number {
  return bundledRequestModel().probability(sentence);
}

/** True when the shipped model calls the sentence a request or a question to the reader. */
export function isRequestSentence(sentence: string): boolean {
  return bundledRequestModel().isRequest(sentence);
}
