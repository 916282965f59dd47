import { evaluateEnron } from './enron.ts';
import { evaluateEtaSet } from './eta-set.ts';
import { evaluateSupportSet } from './support-set.ts';

/** Every headline figure of `npm run eval`, as fractions (0..1). */
export interface Figures {
  enronTestF1: number;
  enronTestPrecision: number;
  enronTestRecall: number;
  enronTrainCvF1: number;
  supportSetF1: number;
  supportSetPrecision: number;
  supportSetRecall: number;
  answeredAccuracy: number;
  /** On the emails written after tuning (FRESH_FROM onwards): the least-tuned figure. */
  answeredAccuracyFresh: number;
  etaResolved: number;
  /** On the cases held out from tuning. */
  etaResolvedHeldOut: number;
  etaVagueFlagged: number;
  /** Share of no-ETA sentences where an ETA was reported (lower is better). */
  etaFalseRate: number;
}

export interface Evaluation {
  figures: Figures;
  enron: { test: ReturnType<typeof evaluateEnron>; trainCv: ReturnType<typeof evaluateEnron> };
  support: ReturnType<typeof evaluateSupportSet>;
  supportFresh: ReturnType<typeof evaluateSupportSet>;
  eta: ReturnType<typeof evaluateEtaSet>;
}

export function evaluateAll(): Evaluation {
  const test = evaluateEnron('test');
  const trainCv = evaluateEnron('train-cv');
  const support = evaluateSupportSet();
  const supportFresh = evaluateSupportSet({ part: 'fresh' });
  const eta = evaluateEtaSet();
  return {
    figures: {
      enronTestF1: test.f1,
      enronTestPrecision: test.precision,
      enronTestRecall: test.recall,
      enronTrainCvF1: trainCv.f1,
      supportSetF1: support.detection.f1,
      supportSetPrecision: support.detection.precision,
      supportSetRecall: support.detection.recall,
      answeredAccuracy: support.answered.accuracy,
      answeredAccuracyFresh: supportFresh.answered.accuracy,
      etaResolved: eta.resolved.accuracy,
      etaResolvedHeldOut: eta.heldOut.resolved.accuracy,
      etaVagueFlagged: eta.vagueFlagged.accuracy,
      etaFalseRate: eta.falseEtas.total === 0 ? 0 : eta.falseEtas.count / eta.falseEtas.total,
    },
    enron: { test, trainCv },
    support,
    supportFresh,
    eta,
  };
}
