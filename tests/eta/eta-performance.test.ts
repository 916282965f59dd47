import { describe, expect, it } from 'vitest';
import { findEtas, type FindEtasOptions } from '../../lib/detect/eta.ts';
import { DEFAULT_SCHEDULE } from '../../lib/schemas/settings.ts';
import { LINEAR_BOUND_MS } from '../helpers/bounds.ts';

const NY: FindEtasOptions = {
  now: new Date('2026-11-18T10:00:00-05:00'),
  timeZone: 'America/New_York',
  schedule: DEFAULT_SCHEDULE,
};

const PARAGRAPH =
  'Hi Dana, thanks for sending the logs from the 4.2.1 upgrade. I restarted the indexer yesterday and the errors on node 3 stopped, ' +
  'but the queue still backs up around 2 pm when the nightly export runs. Engineering is reviewing the trace now and I will send you ' +
  'an update by 3 pm ET Thursday. If we need a maintenance window it would be early next week, probably Tuesday or Wednesday between ' +
  '2 and 4 pm. The job takes about 2 hours and we saw a 12% drop in throughput. Ticket 2024-1187 tracks it; call 555-123-4567 if it ' +
  "gets worse. We'll confirm within 2 business days either way, soon if possible.\n";

function timed<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const result = fn();
  return [result, performance.now() - started];
}

describe('findEtas performance', () => {
  it('finds every ETA in a 200-word draft (median time logged)', () => {
    const words = PARAGRAPH.split(/\s+/).length;
    const draft = PARAGRAPH.repeat(Math.ceil(200 / words));
    const found = findEtas(draft, NY);
    expect(found.filter((e) => e.text === 'by 3 pm ET Thursday')).toHaveLength(Math.ceil(200 / words));
    const times: number[] = [];
    for (let i = 0; i < 31; i++) times.push(timed(() => findEtas(draft, NY))[1]);
    times.sort((a, b) => a - b);
    console.log(`findEtas: 200-word draft median ${times[15]!.toFixed(2)} ms`);
  });

  it('handles a 20,000-word text', () => {
    const words = PARAGRAPH.split(/\s+/).length;
    const [found, ms] = timed(() => findEtas(PARAGRAPH.repeat(Math.ceil(20_000 / words)), NY));
    expect(found.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(LINEAR_BOUND_MS);
  });

  it.each([
    ['digits, colons and slashes', '1:2/3.4 12/12/12 10:00:00 '],
    ['by by by', 'by by by '],
    ['question marks', '?'],
    ['dots', '.'],
    ['spaces', ' '],
    ['one long number', '9'],
    ['one long word', 'a'],
    ['dangling durations', 'within 2 2 2 2 '],
    ['open "between"', 'between 1 and '],
    ['ordinals', 'the 5th the 21st '],
    ['EOD repeated', 'EOD COB EOW '],
    ['vague repeated', 'soon ASAP later '],
    ['dotted versions', 'v1.2.3.4.5.6.7.8'],
    ['prices', '$$$1,1,1,1,1'],
    ['reference words', 'ticket case #'],
    ['phone fragments', '+1 (555) '],
    ['tags', '<b><i><span style="color:red">'],
    ['mixed deadlines', '3:15 pm 12/3 by the 9th in 4 hours, '],
    // Long sentences full of the words the commitment checks read around each time.
    ['mentions without a sentence end', "you don't need to, your licence expires, we reply within 2 hours, by Friday, "],
    ['questions', 'who owns it this week, or would Friday at 3 work? '],
  ])('finishes a 200 KB adversarial text (%s) well under a second', (_name, unit) => {
    const text = unit.repeat(Math.ceil(200_000 / unit.length)).slice(0, 200_000);
    const [found, ms] = timed(() => findEtas(text, NY));
    expect(Array.isArray(found)).toBe(true);
    expect(ms).toBeLessThan(LINEAR_BOUND_MS);
  });
});
