import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Where `wxt build` writes the extensions, and where tests and scripts read them from.
// STEP_AHEAD_OUT_DIR (relative to the repository, or absolute) lets two builds run side by
// side without overwriting each other's files; unset, it is WXT's usual `.output`.

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

export function outputRoot(): string {
  return path.resolve(repoRoot, process.env.STEP_AHEAD_OUT_DIR || '.output');
}

/** The built extension for one target, e.g. `chrome-mv3` or `firefox-mv2`. */
export function builtTarget(target: string): string {
  return path.join(outputRoot(), target);
}
