// Scores the shipped request model and the finder built on it next to the "contains ?"
// baseline.
//
//   npx tsx scripts/eval-request-model.ts [--no-cv]
//
// Train rows are 5-fold cross-validation with the shipped configuration (each fold
// retrained); test rows are the shipped files themselves on test.tsv. "model alone" is the
// classifier on each whole sentence; "findQuestions" is what the extension uses (rules veto
// courtesy, question shapes and imperatives are asks, the model decides the rest).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findQuestions } from '../lib/detect/questions.ts';
import { loadRequestModel, requestModelSchema, type RequestModelJson } from '../lib/detect/request-classifier.ts';
import {
  configFromModelJson,
  crossValidatedProbabilities,
  FOLDS,
  parseLabelledTsv,
  priorShiftWeight,
  scoreAt,
  TARGET_ASK_SHARE,
  type LabelledSentence,
  type Scores,
} from './train-request-model.ts';
import { sharedPath } from '../build/shared-dir.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = sharedPath('data', 'enron-intent');
const read = (name: string) => parseLabelledTsv(readFileSync(path.join(dataDir, name), 'utf8'));

const modelPath = path.resolve(repoRoot, 'lib/detect/request-model.json');
const json: RequestModelJson = requestModelSchema.parse(JSON.parse(readFileSync(modelPath, 'utf8')));
const model = loadRequestModel(json);

const containsQuestionMark = (rows: LabelledSentence[]) => rows.map((r) => (r.text.includes('?') ? 1 : 0));
const finderSays = (rows: LabelledSentence[]) => rows.map((r) => (findQuestions(r.text).length > 0 ? 1 : 0));
const labelsOf = (rows: LabelledSentence[]) => rows.map((r) => r.label);
const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
const line = (name: string, s: Scores) => console.log(`${name.padEnd(44)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}`);

const train = read('train.tsv');
const test = read('test.tsv');
const trainLabels = labelsOf(train);
const shifted = priorShiftWeight(trainLabels);

console.log(`model: ${json.model ?? json.featureSet}, threshold ${json.threshold}, ${model.size} weights, ${(Buffer.byteLength(readFileSync(modelPath)) / 1024).toFixed(1)} KB`);
console.log(`${''.padEnd(44)}${'P'.padStart(6)}${'R'.padStart(6)}${'F1'.padStart(6)}`);
if (!process.argv.includes('--no-cv')) {
  const config = configFromModelJson(json);
  const finderCv = crossValidatedProbabilities(train, config, FOLDS, 'finder', json.questionFloor);
  line(`train, ${FOLDS}-fold CV, findQuestions`, scoreAt(finderCv, trainLabels, json.threshold));
  line(`  … re-weighted to ${100 * TARGET_ASK_SHARE}% asks`, scoreAt(finderCv, trainLabels, json.threshold, shifted));
  line(`train, ${FOLDS}-fold CV, model alone`, scoreAt(crossValidatedProbabilities(train, config, FOLDS), trainLabels, json.threshold));
}
line('train, contains "?"', scoreAt(containsQuestionMark(train), trainLabels, 0.5));
line('test, findQuestions (shipped)', scoreAt(finderSays(test), labelsOf(test), 0.5));
line('test, model alone', scoreAt(test.map((r) => model.probability(r.text)), labelsOf(test), json.threshold));
line('test, contains "?"', scoreAt(containsQuestionMark(test), labelsOf(test), 0.5));
