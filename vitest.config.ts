import { configDefaults, defineConfig } from 'vitest/config';

// Two projects in one run, so `npm test` ends with a single summary line for both:
// `unit` (Node, parallel) first, then `e2e` (real Chromium with the built extension), which
// needs `npm run build` and /usr/bin/chromium. `vitest run --project unit` runs only the first.

// Everything under tests/e2e is a browser test (files named *.e2e.test.ts by convention), so
// none of it can slip into the parallel unit pool.
const e2eFolder = 'tests/e2e/**';

export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, e2eFolder],
          environment: 'node',
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One browser at a time: each file starts its own Chromium, and two cores are not
          // enough to run several without timing out.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // After the unit tests, so the browser does not compete with them for the CPU.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
