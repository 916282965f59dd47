import bundledModel from '../../lib/detect/request-model.json';

// In the Gmail build the question model's JSON import is an empty placeholder object (see
// build/request-model-asset.ts: the weights would blow the bundle budget). This fills it
// from the copy packaged beside the script, before the first check. Everywhere else
// (tests, other builds) the import already holds the weights and nothing is fetched.

export const REQUEST_MODEL_PATH = '/request-model.json';

export type FetchModel = () => Promise<unknown>;

function fetchPackagedModel(): Promise<unknown> {
  const url = browser.runtime.getURL(REQUEST_MODEL_PATH as Parameters<typeof browser.runtime.getURL>[0]);
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`request model: HTTP ${response.status}`);
    return response.json() as Promise<unknown>;
  });
}

/** Resolves once the question model's weights are in place (or are not needed). */
export async function ensureRequestModel(fetchModel: FetchModel = fetchPackagedModel): Promise<void> {
  const holder = bundledModel as unknown as Record<string, unknown>;
  if ('weights' in holder) return;
  const model = await fetchModel();
  if (typeof model !== 'object' || model === null || Array.isArray(model)) throw new Error('request model: not an object');
  // request-classifier.ts validates it on first use, and keeps to its rules if it is unusable.
  Object.assign(holder, model);
}
