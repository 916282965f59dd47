import * as chrono from 'chrono-node';
import nlp from 'compromise';
import { analyze } from '../lib/engine.ts';
import { adversarial, huge, small, typical, typicalHtml } from './bench/corpus.ts';

// Speed of the engine on realistic and hostile inputs, with a naive pipeline (compromise's
// questions plus chrono's date parsing) timed on the same inputs in the same run, so the
// ratio means something on a noisy machine. Prints medians and p95; asserts nothing.

const NOW = new Date('2026-11-18T10:00:00-05:00');
const ZONE = 'America/New_York';

function time(fn: () => void, runs: number): { median: number; p95: number } {
  for (let i = 0; i < Math.min(5, runs); i += 1) fn(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

const cases = [
  { name: 'small', input: small, runs: 2000 },
  { name: 'typical', input: typical, runs: 1000 },
  { name: 'typical (Gmail HTML)', input: typicalHtml, runs: 1000 },
  { name: 'huge (20,000 words)', input: huge, runs: 10 },
  { name: 'adversarial (200 KB each)', input: adversarial, runs: 5, naive: false },
];

function format(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}

const rows: string[][] = [];
for (const { name, input, runs, ...options } of cases as { name: string; input: { customer: string; draft: string }; runs: number; naive?: boolean }[]) {
  const ours = time(() => analyze({ ...input, now: NOW, timeZone: ZONE }), runs);
  // On the adversarial input the naive pipeline exhausts a 4 GB heap and kills the process,
  // so it is not run there; the table says so.
  const naive =
    options.naive === false
      ? null
      : time(() => {
          nlp(input.customer).questions().out('array');
          chrono.parse(input.draft, NOW);
        }, Math.max(3, Math.floor(runs / 4)));
  rows.push([
    name,
    `${words(input.customer)} + ${words(input.draft)}`,
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
