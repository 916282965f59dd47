// How fast the reminders popup opens with 10,000 stored reminders and 2,000 open cases:
// `npm run bench:popup [-- --reminders 10000 --cases 2000 --runs 9]` (build first: `npm run
// build`, or point STEP_AHEAD_OUT_DIR at another build).
//
// The built Chrome extension is loaded into Chromium; its IndexedDB is seeded through the
// popup page (same origin as the background) with reminders spread over overdue, today and
// upcoming; then popup.html is opened afresh `runs` times. One sample is the time from the
// page's navigation start (performance.timeOrigin) to the frame that paints the first
// reminder row, and to the frame that paints the first open case: a MutationObserver
// installed before any page script sees each arrive, a requestAnimationFrame callback runs in
// the frame that paints it, and a message posted from there is delivered after that frame.
// The thread records carry case state (every one an open case, their last messages spread
// over the last 40 days), so the open cases' clocks are worked out too; the popup does that
// after the reminders have painted. The same is measured with 10 of each, for scale.
//
// Not a pass/fail test: it prints medians; the target is under 150 ms.
import type { Page } from 'playwright-core';
import { launchWithExtension, openExtensionPage, type ExtensionSession } from '../tests/e2e/harness.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

const COUNT = option('reminders', 10_000);
const CASES = option('cases', 2_000);
const RUNS = option('runs', 9);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Replaces every reminder and thread record with generated ones, written straight into IndexedDB. */
async function seed(page: Page, count: number, cases: number): Promise<void> {
  await page.evaluate(async ([count, cases]) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('step-ahead');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['reminders', 'threads'], 'readwrite');
    const store = tx.objectStore('reminders');
    store.clear();
    const now = Date.now();
    const hour = 3_600_000;
    const threads = tx.objectStore('threads');
    threads.clear();
    for (let i = 0; i < cases; i++) {
      // Last customer message from minutes to 40 days ago; about half have a reply of ours since an earlier one.
      const last = now - Math.round((i / cases) * 40 * 24 * hour) - 60_000;
      const customer = Array.from({ length: 6 }, (_, k) => new Date(last - (5 - k) * 6 * hour).toISOString());
      const ours = i % 2 ? [new Date(last - 3 * hour).toISOString()] : [];
      threads.put({
        threadId: `19aa0a79a53${String(i).padStart(5, '0')}`,
        marks: {},
        flags: { resolved: false, waitingOnCustomer: false },
        updatedAt: last + 30_000,
        case: {
          subject: `Customer case ${i}: exports fail after the upgrade`,
          customer: { name: `Customer ${i}`, email: `c${i}@example.com` },
          customerMessageTimes: customer,
          ourReplyTimes: ours,
          firstCustomerAt: customer[0],
          oldestUnansweredAt: i % 2 ? customer[customer.length - 1] : customer[0],
          flagChanges: [],
          observedAt: last + 30_000,
        },
      });
    }
    for (let i = 0; i < count; i++) {
      // 30 % overdue, 5 % later today, the rest over the next months.
      const r = i / count;
      const dueAt = r < 0.3 ? now - (i + 1) * 60_000 : r < 0.35 ? now + ((i % 10) + 1) * 60_000 : now + 24 * hour + i * hour;
      store.put({
        id: `bench-${i}`,
        threadId: `thread-f:${1_849_302_114_567_780_000 + i}`,
        subject: `Customer issue number ${i}: nightly sync stalls after the upgrade`,
        customer: { name: `Customer ${i}`, email: `c${i}@example.com` },
        etaText: 'by 3 pm ET tomorrow',
        sentence: 'I will send you the patched build by 3 pm ET tomorrow.',
        etaAt: dueAt,
        dueAt,
        leadNotice: true,
        notified: dueAt < now ? ['lead', 'due'] : [],
        ...(dueAt < now ? {} : { nextNoticeAt: dueAt - hour }),
        source: 'send',
        createdAt: now - 86_400_000,
        updatedAt: now - 86_400_000,
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, [count, cases] as const);
}

// A string, not a function: tsx names functions with a helper the page does not have.
// Two moments per open: the frame that paints the first reminder row (the popup is open and
// useful) and the frame that paints the first open case (the clocks are worked out after it).
const PAINT_PROBE = `
  const paintedWhen = (selector) => new Promise((resolve) => {
    const seen = () => {
      if (!document.querySelector(selector)) return false;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
      return true;
    };
    const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
    observer.observe(document, { childList: true, subtree: true });
  });
  window.__painted = Promise.all([
    paintedWhen('[data-testid="step-ahead-reminder"]'),
    paintedWhen('[data-testid="step-ahead-case"]'),
  ]);
`;

interface Sample {
  firstRow: number;
  firstCase: number;
}

async function timeOpen(session: ExtensionSession): Promise<Sample> {
  const page = await session.context.newPage();
  await page.addInitScript(PAINT_PROBE);
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const [firstRow, firstCase] = (await page.evaluate('window.__painted')) as [number, number];
  await page.close();
  return { firstRow, firstCase };
}

async function measure(session: ExtensionSession, count: number, cases: number): Promise<Sample[]> {
  const setup = await openExtensionPage(session, 'popup');
  await setup.locator('[data-testid="step-ahead-popup"]').waitFor();
  await seed(setup, count, cases);
  await setup.close();
  // One unmeasured open warms Chromium's caches for the extension's files, as a second click would.
  await timeOpen(session);
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await timeOpen(session));
  return samples;
}

const session = await launchWithExtension();
try {
  const small = await measure(session, 10, 10);
  const large = await measure(session, COUNT, CASES);
  const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
  const line = (label: string, samples: Sample[]) => {
    console.log(`  ${label}`);
    console.log(`    first reminder row painted: ${fmt(samples.map((x) => x.firstRow))}`);
    console.log(`    first open case painted:    ${fmt(samples.map((x) => x.firstCase))}`);
  };
  console.log(`Popup, navigation start → paint, ${RUNS} runs each:`);
  line(`${10} reminders, ${10} cases`, small);
  line(`${COUNT} reminders, ${CASES} cases`, large);
  const ratio = median(large.map((x) => x.firstRow)) / median(small.map((x) => x.firstRow));
  console.log(`  first row, large / small: ${ratio.toFixed(2)}×; target: the popup open (first row) under 150 ms with 10,000`);
} finally {
  await session.close();
}
