// Scores the shipped request model next to the "contains ?" baseline.
//
//   npx tsx scripts/eval-request-model.ts [--no-cv]
//
// The train row is 5-fold cross-validation with the shipped configuration (each fold
// retrained); the test row is the shipped model itself on test.tsv.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRequestModel, requestModelSchema, type RequestModelJson } from '../lib/detect/request-classifier.ts';
import { isFeatureSetId } from '../lib/detect/request-features.ts';
import {
  crossValidatedProbabilities,
  DEFAULT_TRAIN_CONFIG,
  parseLabelledTsv,
  scoreAt,
  type LabelledSentence,
  type Scores,
  type TrainConfig,
} from './train-request-model.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(repoRoot, '../shared/data/enron-intent');
const read = (name: string) => parseLabelledTsv(readFileSync(path.join(dataDir, name), 'utf8'));

const modelPath = path.resolve(repoRoot, 'lib/detect/request-model.json');
const json: RequestModelJson = requestModelSchema.parse(JSON.parse(readFileSync(modelPath, 'utf8')));
const model = loadRequestModel(json);

// The model file names its training configuration ("logreg words3-hand-v1 binary l2=0.001");
// recover it so the CV row retrains exactly what was shipped.
function shippedConfig(): TrainConfig {
  const [family, featureSet, counting, reg] = (json.model ?? '').split(' ');
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG };
  if (family === 'logreg' || family === 'nb-logreg' || family === 'naive-bayes') config.family = family;
  if (featureSet && isFeatureSetId(featureSet)) config.featureSet = featureSet;
  if (counting === 'binary' || counting === 'count') config.counting = counting;
  const [key, value] = (reg ?? '').split('=');
  if (key === 'l2' && value) config.l2 = Number(value);
  if (key === 'alpha' && value) config.nbAlpha = Number(value);
  return config;
}

const containsQuestionMark = (rows: LabelledSentence[]) => rows.map((r) => (r.text.includes('?') ? 1 : 0));
const labelsOf = (rows: LabelledSentence[]) => rows.map((r) => r.label);
const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
const line = (name: string, s: Scores) => console.log(`${name.padEnd(34)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}`);

const train = read('train.tsv');
const test = read('test.tsv');

console.log(`model: ${json.model ?? json.featureSet}, threshold ${json.threshold}, ${model.size} weights, ${(Buffer.byteLength(readFileSync(modelPath)) / 1024).toFixed(1)} KB`);
console.log(`${''.padEnd(34)}${'P'.padStart(6)}${'R'.padStart(6)}${'F1'.padStart(6)}`);
if (!process.argv.includes('--no-cv')) {
  line('train, 5-fold CV, model', scoreAt(crossValidatedProbabilities(train, shippedConfig(), 5), labelsOf(train), json.threshold));
}
line('train, contains "?"', scoreAt(containsQuestionMark(train), labelsOf(train), 0.5));
line('test, shipped model', scoreAt(test.map((r) => model.probability(r.text)), labelsOf(test), json.threshold));
line('test, contains "?"', scoreAt(containsQuestionMark(test), labelsOf(test), 0.5));
