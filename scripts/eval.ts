import { writeFileSync } from 'node:fs';
import { evaluateAll } from './eval/figures.ts';
import type { AccuracyScore, DetectionScore } from './eval/types.ts';

// `npm run eval`: how accurate the detectors are, on the public enron-intent sentences and on
// the team's own labelled sets in tests/eval-data/. Deterministic: the same code gives the
// same table. `--write-figures` records the figures that tests/eval/figures.test.ts guards.

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const detection = (s: DetectionScore) =>
  [pct(s.f1), `P ${pct(s.precision)}  R ${pct(s.recall)}  (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`] as const;
const accuracy = (s: AccuracyScore) => [pct(s.accuracy), `${s.correct} of ${s.total}`] as const;

const result = evaluateAll();
const { enron, support, supportFresh, eta } = result;
const rows: (readonly [string, string, string])[] = [
  ['question/request F1, enron-intent test (positive = Yes)', ...detection(enron.test)],
  ['question/request F1, enron-intent train, 5-fold CV', ...detection(enron.trainCv)],
  ['question/request F1, team support-email set', ...detection(support.detection)],
  ['answered/unanswered accuracy, team support-email set', ...accuracy(support.answered)],
  ['  … on the emails written after tuning (fresh part)', ...accuracy(supportFresh.answered)],
  ['ETA resolved to the right instant, team ETA set', ...accuracy(eta.resolved)],
  ['  … on the cases held out from tuning', ...accuracy(eta.heldOut.resolved)],
  ['vague ETA phrases flagged vague, team ETA set', ...accuracy(eta.vagueFlagged)],
  [
    'false ETAs on sentences with none, team ETA set',
    pct(eta.falseEtas.total === 0 ? 0 : eta.falseEtas.count / eta.falseEtas.total),
    `${eta.falseEtas.count} of ${eta.falseEtas.total}; vague reported concrete: ${eta.vagueReportedConcrete}; versions/prices/tickets/past as ETA: ${eta.nonDatesReportedAsEta}`,
  ],
];

const width = Math.max(...rows.map((r) => r[0].length));
console.log('Step Ahead detection quality\n');
console.log(`${'measure'.padEnd(width)}  ${'value'.padEnd(6)}  detail`);
console.log(`${'-'.repeat(width)}  ------  ${'-'.repeat(40)}`);
for (const [name, value, detail] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(6)}  ${detail}`);

if (process.argv.includes('--failures')) {
  console.log('\nSupport set mistakes:');
  for (const line of support.failures) console.log(`  ${line}`);
  console.log('\nETA set mistakes:');
  for (const line of eta.failures) console.log(`  ${line}`);
} else {
  console.log(`\n${support.failures.length + eta.failures.length} individual mistakes: npm run eval -- --failures`);
}

if (process.argv.includes('--write-figures')) {
  const path = new URL('../tests/eval-data/reported-figures.json', import.meta.url);
  const rounded = Object.fromEntries(Object.entries(result.figures).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
  writeFileSync(path, `${JSON.stringify(rounded, null, 2)}\n`);
  console.log('\nwrote tests/eval-data/reported-figures.json');
}
