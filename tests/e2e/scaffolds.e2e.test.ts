import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEta } from '../../lib/scaffolds/resolve.ts';
import { DEFAULT_SCHEDULE } from '../../lib/schemas/settings.ts';
import { addBusinessDays } from '../../lib/time/business-time.ts';
import { launchWithExtension, openExtensionPage, type ExtensionSession } from './harness.ts';
import { composeBodies, FIXTURES, GMAIL_PATH, openGmail, routeFixtures, statuses } from './gmail-fixtures.ts';

// Scaffolds in Chromium on the Gmail fixtures: a click in the side panel (opened as a tab)
// inserts into the right compose at the right place, one Ctrl+Z takes it out, Gmail hears an
// input event, nothing of ours reaches the sent body, and nothing the writer typed is lost.
// The insertion time each insertion reports is printed at the end (no timing assertion).

const timings: number[] = [];

function scaffoldButton(panel: Page, id: string): Locator {
  return panel.locator(`[data-testid="step-ahead-scaffold-button"][data-scaffold="${id}"]`);
}

/** Waits on it in a hook: expect.poll only runs inside a test. */
function enabledButton(panel: Page, id: string): Locator {
  return panel.locator(`[data-testid="step-ahead-scaffold-button"][data-scaffold="${id}"]:enabled`);
}

function rule(panel: Page, id: string): Locator {
  return panel.locator(`[data-testid="step-ahead-panel-rule"][data-rule="${id}"]`);
}

/** The body's HTML, read in the page. */
function bodyHtml(body: Locator): Promise<string> {
  return body.evaluate((element) => element.innerHTML);
}

/** The body's text as lines, blank lines dropped: what a reader sees, markup aside. */
function bodyLines(body: Locator): Promise<string[]> {
  return body.evaluate((element) =>
    (element as HTMLElement).innerText
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line.length > 0),
  );
}

/** Clicks a scaffold button and waits for the panel to say what happened. */
async function clickScaffold(panel: Page, id: string): Promise<string> {
  const status = panel.locator('[data-testid="step-ahead-scaffold-status"]');
  await status.evaluate((element) => (element.textContent = ''));
  await scaffoldButton(panel, id).click();
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).not.toBe('');
  return (await status.textContent()) ?? '';
}

/** Removes `inserted` lines from `after` (in order) and returns what is left. */
function minus(after: string[], inserted: string[]): string[] {
  const left = [...after];
  for (const line of inserted) {
    const at = left.indexOf(line);
    if (at >= 0) left.splice(at, 1);
  }
  return left;
}

function recordTimings(page: Page): void {
  page.on('console', (message) => {
    const match = /scaffold \S+ inserted \(\S+\) in ([\d.]+) ms/.exec(message.text());
    if (match) timings.push(Number(match[1]));
  });
}

afterAll(() => {
  if (timings.length === 0) return;
  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`scaffold insertion in the page: median ${median} ms, max ${sorted[sorted.length - 1]} ms over ${sorted.length} insertions`);
});

describe('the thread fixture: one click inserts the full reply', () => {
  let session: ExtensionSession;
  let page: Page;
  let panel: Page;

  beforeAll(async () => {
    session = await launchWithExtension();
    await routeFixtures(session, 'inlineReply');
    page = await openGmail(session);
    recordTimings(page);
    await statuses(page).first().waitFor();
    panel = await openExtensionPage(session, 'sidepanel');
    await enabledButton(panel, 'full-reply').waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('lists the open questions and an ETA one business day out, flags what is left, and Ctrl+Z takes it out', async () => {
    const body = composeBodies(page).first();
    const before = await bodyHtml(body);
    // Gmail saves a draft when its body fires input; count them in the page's own world.
    await body.evaluate((element) => {
      (window as unknown as { __inputs: number }).__inputs = 0;
      element.addEventListener('input', () => ((window as unknown as { __inputs: number }).__inputs += 1));
    });
    const etaBefore = formatEta(addBusinessDays(new Date(), 1, DEFAULT_SCHEDULE), DEFAULT_SCHEDULE.timeZone);
    expect(await clickScaffold(panel, 'full-reply')).toMatch(/inserted/);
    const etaAfter = formatEta(addBusinessDays(new Date(), 1, DEFAULT_SCHEDULE), DEFAULT_SCHEDULE.timeZone);

    const text = await body.evaluate((element) => (element as HTMLElement).innerText);
    expect(text.startsWith('Hi Priya,')).toBe(true);
    expect(text).toContain('Do we need to roll back to 4.1 before Friday’s release?'.replace('’', "'"));
    expect(text).toContain('can you confirm whether the fix will ship in 4.2.1?');
    expect([etaBefore, etaAfter].some((eta) => text.includes(`You will hear from me by ${eta}`))).toBe(true);
    expect(text).toContain('Best regards,\nDana');
    // The scaffold went above the quoted history, which is untouched.
    const html = await bodyHtml(body);
    const quoteAt = html.indexOf('<div class="gmail_quote">');
    expect(quoteAt).toBeGreaterThan(0);
    expect(html.slice(quoteAt)).toBe(before.slice(before.indexOf('<div class="gmail_quote">')));
    expect(await page.evaluate(() => (window as unknown as { __inputs: number }).__inputs)).toBeGreaterThan(0);

    // The checks see the slots left, and the panel lists them.
    await expect.poll(() => rule(panel, 'placeholders-filled').getAttribute('data-status'), { timeout: 10_000 }).toBe('fail');
    await expect.poll(() => panel.locator('[data-testid="step-ahead-placeholder"]').count()).toBeGreaterThanOrEqual(4);
    expect(await rule(panel, 'questions-answered').getAttribute('data-status')).not.toBe('off');

    // "Next placeholder" selects the first slot in the draft, then the one after it.
    await panel.locator('[data-testid="step-ahead-next-placeholder"]').click();
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toMatch(/^\[\[current status/);
    await panel.locator('[data-testid="step-ahead-next-placeholder"]').click();
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('[[your answer]]');

    // One Ctrl+Z takes the whole scaffold out.
    await page.bringToFront();
    await page.keyboard.press('Control+z');
    await expect.poll(() => bodyHtml(body)).toBe(before);
  });

  it('inserts at the caret, keeping every line the writer typed around it', async () => {
    const body = composeBodies(page).first();
    await body.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Hi Priya,');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The logs arrived, thank you.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('More soon.');
    // Caret to the end of "The logs arrived…": up one line, then End.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    const typed = await bodyLines(body);
    expect(await clickScaffold(panel, 'next-steps')).toMatch(/inserted/);
    const after = await bodyLines(body);
    const inserted = ['Next steps:', 'I will [[our next step]] by'];
    const logs = after.indexOf('The logs arrived, thank you.');
    const steps = after.indexOf('Next steps:');
    expect(logs).toBeGreaterThan(0);
    expect(steps).toBe(logs + 1);
    expect(after.indexOf('More soon.')).toBeGreaterThan(steps);
    // Everything typed is still there, in order, once the scaffold's own lines are taken out.
    const scaffoldLines = after.slice(steps, steps + 3);
    expect(scaffoldLines[1]).toMatch(/^I will \[\[our next step\]\] by \d{1,2}:\d{2} [AP]M \S+ on \w+day, \w+ \d{1,2}\.$/);
    expect(inserted.every((line, i) => scaffoldLines[i]!.startsWith(line))).toBe(true);
    expect(minus(after, scaffoldLines)).toEqual(typed);

    await page.bringToFront();
    await page.keyboard.press('Control+z');
    await expect.poll(() => bodyLines(body)).toEqual(typed);
  });

  it('with the caret outside the body, goes after the greeting and leaves the recipients alone', async () => {
    const body = composeBodies(page).first();
    const typed = await bodyLines(body);
    expect(typed[0]).toBe('Hi Priya,');
    const to = page.locator('input[aria-label="To recipients"]').first();
    await to.click();
    const htmlBefore = await bodyHtml(body);
    expect(await clickScaffold(panel, 'status')).toMatch(/inserted/);
    const after = await bodyLines(body);
    expect(after[0]).toBe('Hi Priya,');
    expect(after[1]).toMatch(/^Where things stand: \[\[/);
    expect(minus(after, [after[1]!])).toEqual(typed);
    expect(await to.inputValue()).toBe('');
    await page.bringToFront();
    await page.keyboard.press('Control+z');
    await expect.poll(() => bodyHtml(body)).toBe(htmlBefore);
  });

  it('sends a body with no trace of the extension', async () => {
    const body = composeBodies(page).first();
    const typedHtml = await bodyHtml(body);
    expect(await clickScaffold(panel, 'full-reply')).toMatch(/inserted/);
    const withScaffold = await bodyHtml(body);
    // The draft already greets the customer, so the full reply's own greeting is left out.
    expect((await bodyLines(body)).filter((line) => line === 'Hi Priya,')).toHaveLength(1);
    await page.bringToFront();
    await page.locator('[role="button"][data-tooltip^="Send"]').first().click();
    // The pre-send checklist may stop the send (placeholders left): send anyway, as a user can.
    const sendAnyway = page.locator('[data-testid="step-ahead-send-anyway"]');
    await expect
      .poll(async () => {
        const sent = await page.evaluate(() => (window as unknown as { __sent: unknown[] }).__sent.length);
        if (sent === 0 && (await sendAnyway.count()) > 0) await sendAnyway.first().click();
        return sent;
      }, { timeout: 15_000 })
      .toBe(1);
    const sent = await page.evaluate(() => (window as unknown as { __sent: { bodyHtml: string }[] }).__sent[0]!.bodyHtml);
    expect(sent).toBe(withScaffold);
    // What was added is plain HTML: no class, id, style or data attribute, no element of ours.
    const added = sent.slice(0, sent.indexOf('<div class="gmail_quote">'));
    expect(added).not.toMatch(/\s(class|id|style|data-[\w-]+)=/);
    expect(sent).not.toMatch(/step-ahead|data-step/i);
    // The writer's own lines went out too.
    expect(added).toContain('The logs arrived, thank you.');
    expect(typedHtml.length).toBeGreaterThan(0);
  });
});

describe('two composes open', () => {
  let session: ExtensionSession;
  let page: Page;
  let panel: Page;

  beforeAll(async () => {
    session = await launchWithExtension();
    await routeFixtures(session, 'twoComposes');
    page = await openGmail(session);
    recordTimings(page);
    await statuses(page).nth(1).waitFor({ timeout: 15_000 });
    panel = await openExtensionPage(session, 'sidepanel');
    await enabledButton(panel, 'expectations').waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('inserts into the compose the writer is in, and only there', async () => {
    const [inline, popup] = [composeBodies(page).nth(0), composeBodies(page).nth(1)];
    const inlineBefore = await bodyHtml(inline);
    await popup.click();
    await page.keyboard.press('Control+End');
    const popupTyped = await bodyLines(popup);
    await expect.poll(() => panel.locator('[data-testid="step-ahead-panel"] h1').textContent()).toBe('Webhook duplicates for Acme');
    expect(await clickScaffold(panel, 'expectations')).toMatch(/inserted/);
    const popupAfter = await bodyLines(popup);
    expect(popupAfter[popupAfter.length - 1]).toMatch(/^What to expect: you will hear from me by /);
    expect(minus(popupAfter, [popupAfter[popupAfter.length - 1]!])).toEqual(popupTyped);
    expect(await bodyHtml(inline)).toBe(inlineBefore);

    // Then the inline reply: the scaffold follows the writer there.
    const popupHtml = await bodyHtml(popup);
    await inline.click();
    await page.keyboard.press('Control+Home');
    await expect.poll(() => panel.locator('[data-testid="step-ahead-panel"] h1').textContent()).toBe('Webhook retries post orders twice');
    expect(await clickScaffold(panel, 'call-offer')).toMatch(/inserted/);
    expect((await bodyLines(inline))[0]).toMatch(/^Would a call help\?/);
    expect(await bodyHtml(popup)).toBe(popupHtml);
  });

  it('opens the quick picker from the keyboard and inserts the chosen scaffold at the caret', async () => {
    const popup = composeBodies(page).nth(1);
    await page.bringToFront();
    await popup.click();
    await page.keyboard.press('Control+End');
    const before = await bodyLines(popup);
    await page.keyboard.press('Alt+Shift+S');
    const picker = page.locator('[data-testid="step-ahead-scaffold-picker"]');
    await picker.waitFor();
    expect(await picker.locator('[role="option"]').count()).toBe(8);
    await page.keyboard.type('next');
    await expect.poll(() => picker.locator('[role="option"]').count()).toBe(1);
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    const after = await bodyLines(popup);
    const at = after.indexOf('Next steps:');
    expect(at).toBe(before.length);
    expect(after.slice(0, at)).toEqual(before);

    // Escape closes it and gives the draft its caret back; nothing is inserted.
    await page.keyboard.press('Alt+Shift+S');
    await picker.waitFor();
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    await page.keyboard.type('!');
    const last = await bodyLines(popup);
    expect(last.filter((line) => line === 'Next steps:')).toHaveLength(1);
    expect(last.join('\n')).toContain('!');
  });
});

describe('selections and keys that reach into the quote', () => {
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchWithExtension();
    await routeFixtures(session, 'inlineReply');
    page = await openGmail(session);
    recordTimings(page);
    await statuses(page).first().waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  /** The quoted history's HTML, from Gmail's quote on. */
  const quoteHtml = async (body: Locator) => {
    const html = await bodyHtml(body);
    return html.slice(html.indexOf('<div class="gmail_quote">'));
  };
  const fullReplies = async (body: Locator) => (await bodyLines(body)).filter((line) => line === 'Best regards,').length;

  it('a held Alt+Shift+R inserts the full reply once, above the quote', async () => {
    const body = composeBodies(page).first();
    const quote = await quoteHtml(body);
    await body.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    // Pressed again while down: the browser's auto-repeat (keydown with repeat set).
    for (let i = 0; i < 6; i++) await page.keyboard.down('KeyR');
    await page.keyboard.up('KeyR');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await expect.poll(() => fullReplies(body), { timeout: 10_000 }).toBeGreaterThan(0);
    // A round trip through the same path as the insertions, so any late one has landed.
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toMatch(/^\[\[/);
    expect(await fullReplies(body)).toBe(1);
    expect(await quoteHtml(body)).toBe(quote);
  });

  it('with everything selected, or the caret on a question line, keeps the scaffold out of every quote', async () => {
    const body = composeBodies(page).first();
    const quote = await quoteHtml(body);
    // Select-all ends in the quoted history: the scaffold still goes above it, after the greeting.
    await body.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Alt+Shift+S');
    const picker = page.locator('[data-testid="step-ahead-scaffold-picker"]');
    await picker.waitFor();
    await page.keyboard.type('status');
    await expect.poll(() => picker.locator('[role="option"]').count()).toBe(1);
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    await expect.poll(async () => (await bodyLines(body)).some((line) => line.startsWith('Where things stand:'))).toBe(true);
    expect(await quoteHtml(body)).toBe(quote);
    const outsideQuotes = (text: string) =>
      body.evaluate((element, wanted) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const found: boolean[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.textContent?.includes(wanted)) found.push(node.parentElement?.closest('blockquote') === null);
        }
        return found;
      }, text);
    expect(await outsideQuotes('Where things stand:')).toEqual([true]);

    // The caret on one of the full reply's question lines: the scaffold goes under it, as the
    // writer's own text (its slots flagged), not inside the quoted question.
    const question = body.locator('blockquote:not(.gmail_quote)').first();
    await question.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Alt+Shift+S');
    await picker.waitFor();
    await page.keyboard.type('expect');
    await expect.poll(() => picker.locator('[role="option"]').count()).toBe(1);
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    await expect.poll(() => outsideQuotes('What to expect:')).toEqual([true]);
    const lines = await bodyLines(body);
    const questionText = ((await question.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    expect(lines.indexOf(questionText)).toBeGreaterThanOrEqual(0);
    expect(lines.findIndex((line) => line.startsWith('What to expect:'))).toBe(lines.indexOf(questionText) + 1);
    expect(await quoteHtml(body)).toBe(quote);
  });
});

describe('a page that enforces Trusted Types, as Gmail does', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('still inserts from the keyboard, and one Ctrl+Z takes it out', async () => {
    const routes = await routeFixtures(session, 'inlineReply');
    const source = readFileSync(FIXTURES.inlineReply, 'utf8').replace(
      '<meta charset="utf-8">',
      `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types gmail-fake">`,
    );
    routes.setPage(GMAIL_PATH, source);
    const page = await openGmail(session);
    recordTimings(page);
    // The page's own scripts may not assign HTML strings now.
    expect(await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return 'allowed';
      } catch {
        return 'blocked';
      }
    })).toBe('blocked');
    await statuses(page).first().waitFor();
    const body = composeBodies(page).first();
    const before = await bodyHtml(body);
    await body.click();
    await page.keyboard.press('Alt+Shift+R');
    await expect.poll(() => bodyLines(body)).toContain('Hi Priya,');
    await page.keyboard.press('Control+z');
    await expect.poll(() => bodyHtml(body)).toBe(before);
  });
});
