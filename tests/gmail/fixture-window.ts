import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { sharedPath } from '../../build/shared-dir.ts';

// A happy-dom window showing a fixture page at Gmail's address with the page's own script
// running: the fixtures load the shared fake-Gmail behaviour with
// `<script src="fake-gmail.js">`, which a virtual server answers from the fixture folder, so
// the src is resolved exactly as in the browser tests and nothing goes to the network.

export const FIXTURE_DIR = resolve(import.meta.dirname, '../fixtures/gmail');

// Paths, not URLs: under happy-dom the global URL is the DOM's, which node:fs refuses.
/** The Gmail pages the adapter tests read: the real 2020 capture in shared/, and ours. */
export const GMAIL_FIXTURES = {
  POPUP: sharedPath('fixtures', 'gmail', 'compose-popup-2020-10.html'),
  INLINE: resolve(FIXTURE_DIR, 'thread-inline-reply-2026-11.html'),
  ETA: resolve(FIXTURE_DIR, 'thread-earlier-eta-2026-11.html'),
  POPOUT: resolve(FIXTURE_DIR, 'popout-compose-2026-11.html'),
  TWO: resolve(FIXTURE_DIR, 'two-composes-2026-11.html'),
  PATHS: resolve(FIXTURE_DIR, 'thread-send-paths-2026-11.html'),
};
const GMAIL_PAGE_URL = 'https://mail.google.com/mail/u/0/';

export async function openFixtureWindow(file: string): Promise<Window> {
  const window = new Window({
    url: GMAIL_PAGE_URL,
    settings: {
      // Only our own fixture scripts run here.
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      fetch: { virtualServers: [{ url: GMAIL_PAGE_URL, directory: FIXTURE_DIR }] },
    },
  });
  window.document.write(readFileSync(resolve(FIXTURE_DIR, file), 'utf8'));
  await window.happyDOM.waitUntilComplete();
  return window;
}
