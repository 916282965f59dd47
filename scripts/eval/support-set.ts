import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { matchAnswers } from '../../lib/detect/answers.ts';
import { findQuestions, needsAnswer, questionId } from '../../lib/detect/questions.ts';
import { sentencesOfNewText } from '../../lib/engine.ts';
import { parseMessage } from '../../lib/text/text-model.ts';
import type { Question, QuestionType, TextModel } from '../../lib/types.ts';
import { accuracyScore, detectionScore, type AccuracyScore, type DetectionScore } from './types.ts';

// The team's labelled support correspondence (tests/eval-data/support-emails.json), scored
// the way the engine reads it: the customer's message goes through parseMessage and only
// its `new` text is searched, so forwarded history and quotes never count.

export interface LabelledQuestion {
  /** Exact substring of the customer's new text: the sentence or clause that asks. */
  text: string;
  answered: boolean;
  note?: string;
}

export interface SupportEmail {
  id: string;
  topic: string;
  customer: string;
  reply: string;
  questions: LabelledQuestion[];
  note?: string;
}

export interface SupportSetResult {
  detection: DetectionScore;
  answered: AccuracyScore;
  failures: string[];
}

/**
 * The first 76 emails were written and labelled before answer matching was tuned; matching
 * was then tuned on the emails before HELD_OUT_FROM only. The baseline run printed the
 * held-out part's mistakes too, so FRESH_FROM starts emails written after tuning and scored
 * once, untouched: the cleanest figure for how matching does on mail it has not seen.
 */
export const HELD_OUT_FROM = 54;
export const FRESH_FROM = 76;

/** `held-out` is every email after the tuned part (it includes `fresh`). */
export type SupportSetPart = 'all' | 'tuned' | 'held-out' | 'fresh';

function inPart(index: number, part: SupportSetPart): boolean {
  if (part === 'tuned') return index < HELD_OUT_FROM;
  if (part === 'held-out') return index >= HELD_OUT_FROM;
  if (part === 'fresh') return index >= FRESH_FROM;
  return true;
}

const DATA_URL = new URL('../../tests/eval-data/support-emails.json', import.meta.url);

export function loadSupportSet(): SupportEmail[] {
  const raw: unknown = JSON.parse(readFileSync(DATA_URL, 'utf8'));
  if (!Array.isArray(raw)) throw new Error('support-emails.json: expected an array');
  return raw.map((item, index) => {
    const e = item as Partial<SupportEmail>;
    if (typeof e.id !== 'string' || typeof e.customer !== 'string' || typeof e.reply !== 'string' || !Array.isArray(e.questions)) {
      throw new Error(`support-emails.json: item ${index} lacks id, customer, reply or questions`);
    }
    for (const q of e.questions) {
      if (typeof q?.text !== 'string' || typeof q.answered !== 'boolean') {
        throw new Error(`support-emails.json: ${e.id} has a question without text or answered`);
      }
    }
    return e as SupportEmail;
  });
}

/** Where a labelled question sits in the model's text, inside a `new` segment. */
function locate(model: TextModel, text: string): [number, number] | null {
  for (let at = model.text.indexOf(text); at >= 0; at = model.text.indexOf(text, at + 1)) {
    const end = at + text.length;
    if (model.segments.some((s) => s.kind === 'new' && at >= s.start && end <= s.end)) return [at, end];
  }
  return null;
}

const overlaps = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[1] && b[0] < a[1];

function typeFor(label: string, range: [number, number], found: Question[]): QuestionType {
  const fromFinder = found.find((f) => overlaps(f.range, range));
  if (fromFinder) return fromFinder.type;
  return findQuestions(label)[0]?.type ?? 'request';
}

function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function evaluateSupportSet(options: { part?: SupportSetPart } = {}): SupportSetResult {
  const part = options.part ?? 'all';
  const emails = loadSupportSet().filter((_, i) => inPart(i, part));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  let total = 0;
  const failures: string[] = [];

  for (const email of emails) {
    const customer = parseMessage(email.customer);
    const found = findQuestions(customer.text, { sentences: sentencesOfNewText(customer) }).filter(needsAnswer);
    const reply = parseMessage(email.reply);
    const draftSentences = sentencesOfNewText(reply);
    const located: [number, number][] = [];

    for (const label of email.questions) {
      const range = locate(customer, label.text);
      if (!range) {
        failures.push(`${email.id}: label not found in the customer's new text: "${clip(label.text)}"`);
        fn++;
        total++;
        continue;
      }
      located.push(range);

      if (found.some((f) => overlaps(f.range, range))) tp++;
      else {
        fn++;
        failures.push(`${email.id}: detection missed "${clip(label.text)}"`);
      }

      const type = typeFor(label.text, range, found);
      const question: Question = {
        id: questionId(label.text),
        text: label.text,
        range,
        kind: type === 'request' ? 'request' : 'question',
        type,
      };
      const [status] = matchAnswers([question], customer.text, reply, { draftSentences });
      total++;
      if (status && status.answered === label.answered) correct++;
      else {
        const said = status ? `${status.answered ? 'answered' : 'unanswered'} (${status.reason})` : 'no status';
        failures.push(
          `${email.id}: answer matching said ${said} for [${type}] "${clip(label.text)}", label ${label.answered ? 'answered' : 'unanswered'}`,
        );
      }
    }

    for (const f of found) {
      if (located.some((r) => overlaps(f.range, r))) continue;
      fp++;
      failures.push(`${email.id}: detection false alarm [${f.type}] "${clip(f.text)}"`);
    }
  }

  return { detection: detectionScore(tp, fp, fn), answered: accuracyScore(correct, total), failures };
}

// `npx tsx scripts/eval/support-set.ts [--failures]` prints the figures for each part.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  for (const part of ['all', 'tuned', 'held-out', 'fresh'] as const) {
    const { detection: d, answered: a, failures } = evaluateSupportSet({ part });
    console.log(
      `${part.padEnd(8)} detection P ${pct(d.precision)} R ${pct(d.recall)} F1 ${pct(d.f1)} (tp ${d.truePositives}, fp ${d.falsePositives}, fn ${d.falseNegatives})` +
        `  answered ${pct(a.accuracy)} (${a.correct}/${a.total})  failures ${failures.length}`,
    );
    if (process.argv.includes('--failures') && (part === 'tuned' || part === 'fresh')) for (const f of failures) console.log(`  ${f}`);
  }
}
