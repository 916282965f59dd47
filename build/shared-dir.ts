import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The team's shared material (labelled email sentences, real Gmail captures) lives in a
// `shared/` folder beside the project's checkout; tests and scripts read it from there and
// never copy it in. A clone made somewhere else (a temporary folder) finds it beside the
// repository it was cloned from, and STEP_AHEAD_SHARED can name it outright.

// import.meta.dirname, not a URL: under happy-dom the global URL is the page's, not Node's.
const repoRoot = path.resolve(import.meta.dirname, '..');

/** The path the git checkout at `root` was cloned from, when that is a folder on this machine. */
function clonedFrom(root: string): string | null {
  try {
    const config = readFileSync(path.join(root, '.git', 'config'), 'utf8');
    const origin = /\[remote "origin"\][^[]*?\burl\s*=\s*(.+)/.exec(config)?.[1]?.trim();
    if (!origin || /^[a-z][a-z0-9+.-]*:\/\//i.test(origin) || /^[^/]+@[^/]+:/.test(origin)) return null;
    return path.resolve(root, origin.replace(/^file:\/\//, ''));
  } catch {
    return null;
  }
}

let found: string | null = null;

export function sharedDir(): string {
  if (found) return found;
  const beside = path.resolve(repoRoot, '../shared');
  const origin = clonedFrom(repoRoot);
  const candidates = [
    process.env.STEP_AHEAD_SHARED ? path.resolve(process.env.STEP_AHEAD_SHARED) : null,
    beside,
    origin ? path.resolve(origin, '../shared') : null,
  ];
  // When none exists, the usual place is named, so a missing file says where it was looked for.
  found = candidates.find((dir): dir is string => dir !== null && existsSync(dir)) ?? beside;
  return found;
}

/** A path inside the shared folder, e.g. sharedPath('data', 'enron-intent', 'test.tsv'). */
export function sharedPath(...parts: string[]): string {
  return path.join(sharedDir(), ...parts);
}
