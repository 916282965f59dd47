import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtTarget } from '../../build/output-dir.ts';

// Classic `zod` costs the Gmail script ~26 KB gzipped of its 150 KB budget (issue 4); every
// schema the script reaches is written with zod/mini (lib/schemas/zod-mini.ts) instead.
// Zod names each class it builds, and those names survive minifying: classic's "ZodType"
// appearing in the script means some module it imports went back to `from 'zod'`.
describe('the built Gmail content script', () => {
  it('carries zod/mini and not classic zod (run `npm run build` first)', () => {
    const script = readFileSync(path.join(builtTarget('chrome-mv3'), 'content-scripts/gmail.js'), 'utf8');
    expect(script).toContain('"ZodMiniType"');
    expect(script, 'a module the Gmail script imports uses classic zod; import lib/schemas/zod-mini.ts').not.toContain('"ZodType"');
  });
});
