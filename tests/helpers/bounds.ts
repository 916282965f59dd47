// Timing on CI machines is noisy, so tests never judge speed: the benchmark does
// (`npm run bench`). What a test can judge is that cost stays linear: a quadratic pass over
// 200 KB takes minutes, a linear one milliseconds, so this bound is generous on purpose.
export const LINEAR_BOUND_MS = 5_000;
