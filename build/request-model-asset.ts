import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

// The question finder's trained weights (lib/detect/request-model.json, ~140 KB, ~52 KB
// gzipped and as good as incompressible) would be a third of the Gmail content script,
// which must stay under 150 KB gzipped. In that one build the JSON import becomes an empty
// object; the file ships beside the script and entrypoints/gmail.content/request-model.ts
// fills the object in before the first check. Until then, and if that ever fails, the
// question finder falls back to its rules (lib/detect/questions.ts shippedModel()).

export const REQUEST_MODEL_SOURCE = fileURLToPath(new URL('../lib/detect/request-model.json', import.meta.url));
/** Where the model lands in the built extension, and the path the content script fetches. */
export const REQUEST_MODEL_ASSET = 'request-model.json';

const VIRTUAL_ID = '\0step-ahead:request-model-placeholder';

export function requestModelPlaceholder(): Plugin {
  return {
    name: 'step-ahead:request-model-placeholder',
    enforce: 'pre',
    resolveId(source) {
      return source.endsWith('/request-model.json') ? VIRTUAL_ID : null;
    },
    load(id) {
      // One shared, mutable object: every importer sees the weights once they are filled in.
      return id === VIRTUAL_ID ? 'export default {};' : null;
    },
  };
}
