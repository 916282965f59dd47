import * as chrono from 'chrono-node';
import nlp from 'compromise';
import { analyze, clearEngineCaches } from '../lib/engine.ts';
import { adversarial, huge, small, typical, typicalHtml, typicalTypingDrafts } from './bench/corpus.ts';

// Speed of the engine on realistic and hostile inputs, with a naive pipeline (compromise's
// questions plus chrono's date parsing) timed on the same inputs in the same run, so the
// ratio means something on a noisy machine. Prints medians and p95; asserts nothing.
//
// Every row but one is cold: the engine's remembered readings are forgotten before each
// timed call, so both messages are read from scratch. The "while typing" row is what Gmail
// sees between keystrokes: the customer's message is the same as last time, the draft has
// one word changed, and nothing is cleared.

const NOW = new Date('2026-11-18T10:00:00-05:00');
const ZONE = 'America/New_York';

interface Case {
  name: string;
  runs: number;
  /** The input for the i-th call (warm-up calls included). */
  input: (i: number) => { customer: string; draft: string };
  cold: boolean;
  naive: boolean;
}

function time(fn: (i: number) => void, runs: number, before?: () => void): { median: number; p95: number } {
  const warmUp = Math.min(5, runs);
  for (let i = 0; i < warmUp; i += 1) {
    before?.();
    fn(i); // warm up the JIT
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    before?.();
    const start = performance.now();
    fn(warmUp + i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

const fixed = (input: { customer: string; draft: string }) => () => input;
const TYPING_RUNS = 1000;
const typingDrafts = typicalTypingDrafts(TYPING_RUNS + 5);

const cases: Case[] = [
  { name: 'small', input: fixed(small), runs: 2000, cold: true, naive: true },
  { name: 'typical', input: fixed(typical), runs: 1000, cold: true, naive: true },
  {
    name: 'typical, while typing (customer unchanged, draft edited)',
    input: (i) => ({ customer: typical.customer, draft: typingDrafts[i % typingDrafts.length] ?? typical.draft }),
    runs: TYPING_RUNS,
    cold: false,
    naive: true,
  },
  { name: 'typical (Gmail HTML)', input: fixed(typicalHtml), runs: 1000, cold: true, naive: true },
  { name: 'huge (20,000 words)', input: fixed(huge), runs: 10, cold: true, naive: true },
  // On the adversarial input the naive pipeline exhausts a 4 GB heap and kills the process,
  // so it is not run there; the table says so.
  { name: 'adversarial (200 KB each)', input: fixed(adversarial), runs: 5, cold: true, naive: false },
];

function format(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}

const rows: string[][] = [];
for (const { name, input, runs, cold, naive: runNaive } of cases) {
  const ours = time((i) => analyze({ ...input(i), now: NOW, timeZone: ZONE }), runs, cold ? clearEngineCaches : undefined);
  const naive = runNaive
    ? time((i) => {
        const { customer, draft } = input(i);
        nlp(customer).questions().out('array');
        chrono.parse(draft, NOW);
      }, Math.max(3, Math.floor(runs / 4)))
    : null;
  const sample = input(0);
  rows.push([
    name,
    `${words(sample.customer)} + ${words(sample.draft)}`,
    format(ours.median),
    format(ours.p95),
    naive ? format(naive.median) : 'out of memory',
    naive ? (naive.median / ours.median).toFixed(1) : '–',
  ]);
}

const header = ['input', 'words (customer + draft)', 'median', 'p95', 'naive median', 'naive ÷ ours'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(`Step Ahead engine speed (node ${process.version})`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
console.log('\nnaive = compromise .questions() on the customer text + chrono-node on the draft; higher ratio = we are faster.');
console.log('Cold rows forget every remembered reading before each call; the while-typing row keeps the customer\'s.');
