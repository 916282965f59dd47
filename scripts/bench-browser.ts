// Keystroke-to-paint latency in the fixture compose, with and without the extension, in one
// run: `npm run bench:browser [-- --chars 200 --interval 100 --no-build]`.
//
// Two Chromium instances with the same flags and the same routed fixture
// (thread-inline-reply), one with the built extension loaded and one without, take turns
// typing blocks of characters into the inline reply, so both see the same machine load.
//
// What one sample is: a capture-phase keydown listener on window, installed before any page
// or extension script, stamps performance.now(); when the compose body has changed (a
// MutationObserver on it: the keystroke is in the DOM), a requestAnimationFrame callback runs
// in the frame that will paint it, and a message posted from that callback is delivered after
// the frame, once paint has happened. Sample = that delivery time − the keydown stamp. The
// extension's own keystroke work (listeners, observers, scheduling) lands inside this window;
// its deferred analysis lands in it only if it blocks the main thread when a key arrives,
// which is exactly what a user would feel. Characters are typed one at a time `interval`
// milliseconds apart (a brisk typist), with a longer pause every 40 characters so the
// extension's debounced analysis runs mid-stream, as it does when people stop to think.
//
// Not a pass/fail test: it prints medians, p95 and the ratios; the target is ≤ 1.05.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_SWITCHES, chromiumPath, gmailUrl, launchWithExtension, routeGmail } from '../tests/e2e/harness.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a non-negative number`);
  return value;
}

const CHARS = option('chars', 200);
const INTERVAL_MS = option('interval', 100);
const BLOCK = 40;
const PAUSE_MS = 700;
const WARMUP = 20;

const PAGES = {
  '/mail/u/0/': 'tests/fixtures/gmail/thread-inline-reply-2026-11.html',
  '/mail/u/0/fake-gmail.js': 'tests/fixtures/gmail/fake-gmail.js',
};

// A plausible reply, repeated as needed: words, spaces, punctuation, no Enter (Ctrl+Enter
// would send and plain Enter starts a new block, which is a different code path in Gmail).
const TEXT =
  'Hi Priya, thanks for sending the log. The stall comes from a lock in the 4.2 sync job, and you do not need to roll back. ';

/** Runs in the page before any other script: records one sample per keystroke. */
function installProbe(): void {
  const w = window as unknown as { __samples: number[]; __pending: number | null; __watch(body: Element): void };
  w.__samples = [];
  w.__pending = null;
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<number>) => {
    w.__samples.push(performance.now() - event.data);
  };
  window.addEventListener(
    'keydown',
    () => {
      w.__pending = performance.now();
    },
    { capture: true },
  );
  w.__watch = (body: Element) => {
    new MutationObserver(() => {
      const started = w.__pending;
      if (started === null) return;
      w.__pending = null;
      requestAnimationFrame(() => channel.port2.postMessage(started));
    }).observe(body, { childList: true, characterData: true, subtree: true });
  };
}

interface Contender {
  name: string;
  context: BrowserContext;
  page: Page;
  typed: number;
  close(): Promise<void>;
}

async function preparePage(context: BrowserContext): Promise<Page> {
  await routeGmail(context, PAGES);
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(gmailUrl('/mail/u/0/', '#inbox/FMfcgzQbdLwvXkZSsjzRkMtXwJpbfSrt'));
  const body = page.locator('[g_editable="true"][contenteditable="true"]').first();
  await body.click();
  await page.keyboard.press('Control+Home');
  await body.evaluate((element) => (window as unknown as { __watch(b: Element): void }).__watch(element));
  return page;
}

async function withExtension(): Promise<Contender> {
  const session = await launchWithExtension();
  const page = await preparePage(session.context);
  // Measure only once the extension has put its status into the compose: it is running.
  await page.locator('[data-testid="step-ahead-status"]').first().waitFor({ timeout: 15_000 }).catch(() => {
    console.warn('warning: the extension never showed its in-compose status; measuring anyway');
  });
  return { name: 'with extension', context: session.context, page, typed: 0, close: session.close };
}

async function withoutExtension(): Promise<Contender> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'step-ahead-bench-'));
  mkdirSync(path.join(userDataDir, 'Default'));
  writeFileSync(
    path.join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ net: { network_prediction_options: 2 } }),
  );
  // The same switches as the harness, minus the extension.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_SWITCHES],
  });
  const page = await preparePage(context);
  return {
    name: 'without extension',
    context,
    page,
    typed: 0,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function typeBlock(contender: Contender, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const char = TEXT[contender.typed % TEXT.length]!;
    contender.typed++;
    await contender.page.keyboard.type(char);
    await contender.page.waitForTimeout(INTERVAL_MS);
  }
  await contender.page.waitForTimeout(PAUSE_MS);
}

async function samples(contender: Contender): Promise<number[]> {
  return contender.page.evaluate(() => (window as unknown as { __samples: number[] }).__samples.slice());
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    console.log('building the extension (wxt build)…');
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('wxt build failed');
  }
  const contenders = [await withExtension(), await withoutExtension()];
  try {
    // Warm-up: JIT, fonts, the extension's first analysis. Its samples are dropped below.
    for (const contender of contenders) await typeBlock(contender, WARMUP);
    const skip = new Map<Contender, number>();
    for (const contender of contenders) skip.set(contender, (await samples(contender)).length);

    let remaining = CHARS;
    while (remaining > 0) {
      const count = Math.min(BLOCK, remaining);
      for (const contender of contenders) await typeBlock(contender, count);
      remaining -= count;
    }

    const stats = [];
    for (const contender of contenders) {
      const all = (await samples(contender)).slice(skip.get(contender));
      const sorted = [...all].sort((a, b) => a - b);
      stats.push({ name: contender.name, n: sorted.length, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) ?? Number.NaN });
    }
    const [ext, bare] = stats as [(typeof stats)[number], (typeof stats)[number]];
    const fmt = (ms: number) => `${ms.toFixed(2)} ms`.padStart(10);
    console.log(`\nkeystroke → paint, ${CHARS} characters typed ${INTERVAL_MS} ms apart into thread-inline-reply's compose`);
    console.log(`${''.padEnd(18)}${'samples'.padStart(8)}${'median'.padStart(10)}${'p95'.padStart(10)}${'max'.padStart(10)}`);
    for (const s of stats) console.log(`${s.name.padEnd(18)}${String(s.n).padStart(8)}${fmt(s.median)}${fmt(s.p95)}${fmt(s.max)}`);
    console.log(`ratio (with / without): median ${(ext.median / bare.median).toFixed(3)}, p95 ${(ext.p95 / bare.p95).toFixed(3)} (target ≤ 1.05)`);
    if (ext.n < CHARS || bare.n < CHARS) console.warn(`warning: fewer samples than keystrokes (a keystroke produced no DOM change or no frame)`);
  } finally {
    for (const contender of contenders) await contender.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
