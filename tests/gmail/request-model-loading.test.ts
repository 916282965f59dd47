import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ensureRequestModel } from '../../entrypoints/gmail.content/request-model.ts';
import { findQuestions } from '../../lib/detect/questions.ts';
import { bundledRequestModel } from '../../lib/detect/request-classifier.ts';

// The Gmail build replaces the question model's JSON import with an empty object (bundle
// budget, build/request-model-asset.ts); the content script fills it before its first
// check. This is that build's situation, in Node.
vi.mock('../../lib/detect/request-model.json', () => ({ default: {} }));

const shipped = () => JSON.parse(readFileSync(new URL('../../lib/detect/request-model.json', import.meta.url), 'utf8')) as unknown;

describe('the question model in the Gmail build', () => {
  it('lets the question finder work on its rules until the weights arrive, then use them', async () => {
    expect(() => bundledRequestModel()).toThrow();
    expect(findQuestions('Is the sync fixed?').map((q) => q.text)).toEqual(['Is the sync fixed?']);

    await expect(ensureRequestModel(async () => 'not a model')).rejects.toThrow();
    const fetchModel = vi.fn(async () => shipped());
    await ensureRequestModel(fetchModel);
    expect(bundledRequestModel().size).toBe((shipped() as { weights: unknown[] }).weights.length);
    // Filled once: later calls fetch nothing.
    await ensureRequestModel(fetchModel);
    expect(fetchModel).toHaveBeenCalledTimes(1);
  });
});
