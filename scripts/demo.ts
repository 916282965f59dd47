// Try Step Ahead without a Google account: `npm run demo` builds the Chrome extension and
// opens Chromium with it on a stand-in Gmail page (a support thread with the inline reply
// open), types a first draft, and leaves the browser to you. Click the status beside Send to
// open the checklist in the side panel.
//
// `npm run demo -- --screenshot DIR` runs headless instead and saves what a user sees:
//   1-thread.png       the thread with the draft and the in-compose status beside Send
//   2-compose.png      the reply box alone, status included
//   3-side-panel.png   the side panel (its page at a side-panel-like 400 × 800), and
//                      3-side-panel-full.png with all of it, scrolled
//   4-in-page-panel.png  the in-page checklist Firefox users get instead of the side panel
//   5-presend.png      the pre-send checklist that stops a failing reply at Send
//   6-popup.png        the toolbar popup (reminders and open cases)
//   7-options.png      the options page, and 7-options-full.png with all of it
// The README's pictures are these, from `npm run demo -- --screenshot docs/screenshots`.
// The demo customer (acme.example) has an entry in the customer directory, so the side panel
// shows its context and the checklist asks for the account owner on Cc.
// `--no-build` reuses the last build in .output/chrome-mv3.
//
// The page is served by the browser-test harness: mail.google.com is answered from
// tests/fixtures/gmail/demo-2026-11.html and every other request is refused, so the demo
// needs no network and sends nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { gmailUrl, launchWithExtension, openExtensionPage, routeGmail } from '../tests/e2e/harness.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

const DRAFT = [
  'Hi Priya,',
  '',
  'Thanks for sending the log. We are looking into it and will get back to you soon.',
  '',
  'Best,',
  'Dana',
].join('\n');

function screenshotDir(): string | null {
  const index = process.argv.indexOf('--screenshot');
  if (index < 0) return null;
  const dir = process.argv[index + 1];
  if (!dir || dir.startsWith('--')) throw new Error('--screenshot needs a folder: npm run demo -- --screenshot DIR');
  return path.resolve(dir);
}

// The demo customer as a team would describe it (docs/policy/team-file.json has the same).
const DEMO_DIRECTORY = {
  version: 1,
  entries: [
    {
      domain: 'acme.example',
      name: 'Acme Robotics',
      strategic: true,
      preSales: false,
      engineer: { name: 'Dana Reyes', email: 'dana@northwind.example' },
      backup: { name: 'Kai Müller', email: 'kai@northwind.example' },
      accountOwner: { name: 'Sam Ortiz', email: 'sam.ortiz@northwind.example' },
      notes: {
        environment: 'Self-hosted on Kubernetes 1.29 (AWS), nightly sync from their ERP',
        versions: 'Server 4.2.0, sync agent 3.8',
        contacts: 'Priya Shah (admin), Lee Wong (IT lead)',
      },
      checkIn: {
        goingWell: 'Dashboards adopted by the whole plant',
        frustrations: 'The nightly sync stalls on large batches',
        goals: 'Upgrade to 4.2.1 before their December freeze',
        troubleshooting: 'Sync logs are under /var/log/acme-sync; they share them the same day',
        updatedOn: '2026-11-13',
      },
    },
  ],
};

async function settle(page: Page): Promise<void> {
  // The status updates a moment after typing stops; wait until it holds still.
  const status = page.locator('[data-testid="step-ahead-status"]').first();
  await status.waitFor({ timeout: 15_000 });
  let last = await status.getAttribute('data-failing');
  for (let stable = 0; stable < 4; ) {
    await page.waitForTimeout(250);
    const now = await status.getAttribute('data-failing');
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

async function main(): Promise<void> {
  const shots = screenshotDir();
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!shots && !hasDisplay) {
    console.error(
      'No display to open a browser window on (DISPLAY is not set).\n' +
        'Run `npm run demo -- --screenshot DIR` to get screenshots instead, or run the demo under Xvfb (xvfb-run npm run demo).',
    );
    process.exitCode = 1;
    return;
  }

  if (!process.argv.includes('--no-build')) {
    console.log('Building the extension (wxt build)…');
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('wxt build failed');
  }

  const session = await launchWithExtension({ headless: Boolean(shots) });
  try {
    await session.serviceWorker.evaluate(
      (directory) =>
        (globalThis as unknown as { chrome: { storage: { local: { set(items: unknown): Promise<void> } } } }).chrome.storage.local.set({
          directory,
          settings: { version: 2, settings: { teamDomains: ['northwind.example'] } },
        }),
      DEMO_DIRECTORY,
    );
    await routeGmail(session.context, {
      '/mail/u/0/': 'tests/fixtures/gmail/demo-2026-11.html',
      '/mail/u/0/fake-gmail.js': 'tests/fixtures/gmail/fake-gmail.js',
    });
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(gmailUrl('/mail/u/0/', '#inbox/FMfcgzQbdLwvXkZSsjzRkMtXwJpbfSrt'));

    const body = page.locator('[g_editable="true"][contenteditable="true"]').first();
    await body.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type(DRAFT, { delay: shots ? 0 : 25 });
    await settle(page);

    if (!shots) {
      console.log(
        '\nStep Ahead is running on a stand-in Gmail thread. Edit the reply and watch the status beside Send;\n' +
          'click it to open the checklist. Close the browser window to end the demo.',
      );
      await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
      return;
    }

    mkdirSync(shots, { recursive: true });
    const saved: string[] = [];
    const save = async (target: { screenshot(options: { path: string }): Promise<unknown> }, name: string) => {
      const file = path.join(shots, name);
      await target.screenshot({ path: file });
      saved.push(file);
    };

    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await save(page, '1-thread.png');
    await save(page.locator('.ip.adB').first(), '2-compose.png');

    const panel = await openExtensionPage(session, 'sidepanel');
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.waitForLoadState('load');
    await panel.locator('[data-testid="step-ahead-customer-context"]').waitFor({ timeout: 15_000 }).catch(() => {});
    await panel.waitForTimeout(1_000);
    await save(panel, '3-side-panel.png');
    const full = path.join(shots, '3-side-panel-full.png');
    await panel.screenshot({ path: full, fullPage: true });
    saved.push(full);
    await panel.close();

    // Where the side panel cannot be opened from the page (Firefox), the status opens a
    // checklist inside Gmail. Chrome opens its side panel, which a screenshot of the page
    // cannot show, so the demo makes Chrome refuse, as Firefox does, to show the other view.
    await session.serviceWorker.evaluate(() => {
      const api = (globalThis as unknown as { chrome: { sidePanel: { open: unknown } } }).chrome.sidePanel;
      api.open = () => Promise.reject(new Error('the demo shows the in-page checklist'));
    });
    await page.bringToFront();
    await page.locator('[data-testid="step-ahead-status"]').first().click();
    const inPage = page.locator('[data-testid="step-ahead-inpage-panel"]').first();
    if (await inPage.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false)) {
      await page.waitForTimeout(300);
      await save(page, '4-in-page-panel.png');
    } else {
      console.log('(the status opened no in-page checklist)');
    }

    // Send on the failing draft: the pre-send checklist stops it. The in-page checklist is
    // closed first (a second click on the status), so the picture shows only the modal.
    if (await inPage.isVisible()) {
      await page.locator('[data-testid="step-ahead-status"]').first().click();
      await inPage.waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
    }
    await page.locator('.M9 [role="button"][data-tooltip^="Send ("]').first().click();
    const presend = page.locator('[data-testid="step-ahead-presend"]').first();
    if (await presend.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) {
      await page.waitForTimeout(300);
      await save(page, '5-presend.png');
      await page.locator('[data-testid="step-ahead-back"]').first().click();
    } else {
      console.log('(Send opened no pre-send checklist)');
    }

    const popup = await openExtensionPage(session, 'popup');
    await popup.setViewportSize({ width: 420, height: 600 });
    // Two promises to show: one that fell due an hour ago and one for tomorrow afternoon,
    // made the way "Remind me" in the side panel makes them.
    const hour = 3_600_000;
    for (const [subject, dueAt, etaText] of [
      ['Nightly sync stalls after the 4.2 upgrade', Date.now() - hour, 'by 10 am ET today'],
      ['SSO login loops for new users', Date.now() + 26 * hour, 'by 3 pm ET tomorrow'],
    ] as const) {
      await popup.evaluate(
        (data) =>
          new Promise((resolve) =>
            (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown, cb: (r: unknown) => void): void } } }).chrome.runtime.sendMessage(
              { id: Date.now(), type: 'createReminder', data, timestamp: Date.now() },
              resolve,
            ),
          ),
        {
          threadId: `thread-f:18493021145677800${subject.length}`,
          subject,
          customer: { name: 'Priya Shah', email: 'priya.shah@acme.example' },
          dueAt,
          etaText,
          sentence: `I will have an update for you ${etaText}.`,
        },
      );
    }
    await popup.reload();
    await popup.locator('[data-testid="step-ahead-reminder"]').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
    await popup.locator('section.cases[aria-busy="false"]').waitFor({ timeout: 5_000 }).catch(() => undefined);
    await save(popup, '6-popup.png');
    await popup.close();

    const options = await openExtensionPage(session, 'options');
    await options.setViewportSize({ width: 1000, height: 900 });
    await options.locator('[data-testid="step-ahead-options-rules"]').waitFor({ timeout: 15_000 });
    await options.waitForTimeout(800);
    await save(options, '7-options.png');
    const optionsFull = path.join(shots, '7-options-full.png');
    await options.screenshot({ path: optionsFull, fullPage: true });
    saved.push(optionsFull);
    await options.close();

    console.log(`\nSaved:\n${saved.map((file) => `  ${file}`).join('\n')}`);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
