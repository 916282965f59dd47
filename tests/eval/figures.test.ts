import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateAll, type Figures } from '../../scripts/eval/figures.ts';

// The README reports these figures (from `npm run eval -- --write-figures`). A change that
// costs more than one point on any of them fails here, so a regression can't slip in.
const reported: Figures = JSON.parse(
  readFileSync(new URL('../eval-data/reported-figures.json', import.meta.url), 'utf8'),
);
const ONE_POINT = 0.01;

describe('detection quality stays at the reported figures', () => {
  const { figures } = evaluateAll();
  const higherIsBetter = Object.keys(reported).filter((k) => k !== 'etaFalseRate') as (keyof Figures)[];

  it.each(higherIsBetter)('%s', (key) => {
    expect(figures[key]).toBeGreaterThanOrEqual(reported[key] - ONE_POINT);
  });

  it('etaFalseRate', () => {
    expect(figures.etaFalseRate).toBeLessThanOrEqual(reported.etaFalseRate + ONE_POINT);
  });

  // The enron-intent target (F1 ≥ 0.80) is not met yet (see the README); these two are.
  it('meets the answer-matching and ETA targets', () => {
    expect(figures.answeredAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(figures.etaResolved).toBeGreaterThanOrEqual(0.95);
  });
});
