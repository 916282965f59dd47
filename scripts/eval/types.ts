// What each evaluation reports; scripts/eval.ts prints them side by side and
// tests/eval/figures.test.ts guards them against the figures the README reports.

export interface DetectionScore {
  precision: number; // 0..1
  recall: number;
  f1: number;
  /** Counts behind the figures, so a reader can check them. */
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface AccuracyScore {
  accuracy: number; // 0..1
  correct: number;
  total: number;
}

export function detectionScore(tp: number, fp: number, fn: number): DetectionScore {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives: tp, falsePositives: fp, falseNegatives: fn };
}

export function accuracyScore(correct: number, total: number): AccuracyScore {
  return { accuracy: total === 0 ? 0 : correct / total, correct, total };
}
