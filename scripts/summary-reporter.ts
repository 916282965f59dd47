import type { RunnerTask, RunnerTestFile } from 'vitest';
import type { Reporter } from 'vitest/reporters';

// CI reads a plain "N passed, N failed" closing line to know tests really ran; Vitest's own
// summary has another shape, so this reporter adds that line after it.

function count(tasks: RunnerTask[], totals: { passed: number; failed: number; skipped: number }) {
  for (const task of tasks) {
    if (task.type === 'suite') {
      count(task.tasks, totals);
      continue;
    }
    const state = task.result?.state;
    if (state === 'pass') totals.passed += 1;
    else if (state === 'fail') totals.failed += 1;
    else totals.skipped += 1;
  }
}

export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = [], errors: unknown[] = []): void {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    count(files, totals);
    // A file that failed to load has no tests but is a failure all the same.
    const brokenFiles = files.filter((f) => f.result?.state === 'fail' && f.tasks.length === 0).length;
    const failed = totals.failed + brokenFiles + errors.length;
    const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
    process.stdout.write(`\ntests: ${totals.passed} passed, ${failed} failed${skipped}\n`);
  }
}
