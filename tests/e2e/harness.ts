import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { builtTarget } from '../../build/output-dir.ts';

// Browser tests drive Debian's Chromium with the built Chrome extension loaded. No tool may
// download a browser of its own here, so the executable is always the system one.

const CHROMIUM = '/usr/bin/chromium';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const builtExtension = builtTarget('chrome-mv3');

export function chromiumPath(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  throw new Error(
    `Browser tests need Debian's Chromium at ${CHROMIUM}, and it is not installed. ` +
      'Install it with `sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium` ' +
      '(.ci/run does this), or run only the unit tests with `npm run test:unit`.',
  );
}

/** A request that escaped Playwright's interception and reached the recording proxy. */
export interface EscapedRequest {
  /** `CONNECT host:port` for HTTPS, or `METHOD url` for plain HTTP. */
  line: string;
}

/**
 * Chromium's own traffic, seen with the launch flags below (Chromium 156, Debian): an
 * on-demand component update check that `--disable-component-update` does not stop, a
 * Google-account cookie check, and autofill's query for pages with forms. None comes from a
 * page or an extension, and all also happen with no extension loaded. Matched exactly so
 * that anything else — in particular anything the extension does that bypasses routing —
 * still shows.
 */
const CHROMIUM_OWN_TRAFFIC: readonly RegExp[] = [
  /^CONNECT update\.googleapis\.com:443$/,
  /^POST http:\/\/update\.googleapis\.com\/service\/update2\/json\?/,
  /^CONNECT accounts\.google\.com:443$/,
  // Autofill's field-type query, sent whenever a page with a form loads (the Gmail fixtures
  // have several), with or without the extension. A `--disable-features` switch would stop
  // it, but Chromium keeps only the last such switch and Playwright passes its own list.
  /^CONNECT content-autofill\.googleapis\.com:443$/,
];

export interface LaunchOptions {
  /** Unpacked extension folder; default: the build's `.output/chrome-mv3`. */
  extensionPath?: string;
  /** Set false (with a display, e.g. under Xvfb) to watch the browser. Default true. */
  headless?: boolean;
  /** Milliseconds to wait for the extension's service worker. Default 15 000. */
  serviceWorkerTimeout?: number;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /**
   * Requests that went past Playwright's routing to the network, minus Chromium's own
   * documented traffic. The proxy that records them refuses every one, so nothing leaves.
   */
  escapedRequests(): EscapedRequest[];
  close(): Promise<void>;
}

/** Starts a proxy on loopback that records and refuses everything sent through it. */
async function startRecordingProxy(): Promise<{ port: number; lines: string[]; close(): Promise<void> }> {
  const lines: string[] = [];
  const server = http.createServer((req, res) => {
    lines.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    lines.push(`CONNECT ${req.url}`);
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    lines,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The switches every Chromium we launch gets: quiet, offline, no first-run UI. */
export const CHROMIUM_SWITCHES: readonly string[] = [
  '--no-sandbox', // tests run as root in CI
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const executablePath = chromiumPath();
  const ext = path.resolve(options.extensionPath ?? builtExtension);
  if (!existsSync(path.join(ext, 'manifest.json'))) {
    throw new Error(`No built extension at ${ext}: run \`npm run build\` first.`);
  }

  const userDataDir = mkdtempSync(path.join(tmpdir(), 'step-ahead-e2e-'));
  // Network prediction would preconnect to every host a test navigates to (mail.google.com)
  // before routing sees the request; the preference is the only switch for it.
  mkdirSync(path.join(userDataDir, 'Default'));
  writeFileSync(
    path.join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ net: { network_prediction_options: 2 } }),
  );

  const proxy = await startRecordingProxy();
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      // Chromium ≥ 132 has only the new headless mode behind `--headless`, and it runs
      // extensions, so Playwright's plain `headless: true` is enough.
      headless: options.headless ?? true,
      // Playwright adds `--disable-extensions` by default; the `-except` flag overrides it
      // today, but dropping it keeps the launch independent of that precedence.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        ...CHROMIUM_SWITCHES,
        // Anything that slips past page routing ends at the recording proxy instead of the
        // network, where a test can see it.
        `--proxy-server=http://127.0.0.1:${proxy.port}`,
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
      ],
    });
  } catch (error) {
    await proxy.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const close = async () => {
    await context.close().catch(() => {});
    await proxy.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };

  try {
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: options.serviceWorkerTimeout ?? 15_000,
      }));
    const extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      extensionId,
      serviceWorker,
      escapedRequests: () =>
        proxy.lines
          .filter((line) => !CHROMIUM_OWN_TRAFFIC.some((own) => own.test(line)))
          .map((line) => ({ line })),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A request the routing refused: it was not a fixture page of mail.google.com. */
export interface BlockedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** True when the extension's service worker (not a page) sent it. */
  fromServiceWorker: boolean;
}

export interface GmailRoutes {
  /** Every refused request, in order. An empty list means nothing tried to leave. */
  blockedRequests(): BlockedRequest[];
  /** URLs answered from fixtures, in order. */
  servedRequests(): string[];
  /** Adds or replaces a page, e.g. to simulate Gmail changing between reloads. */
  setPage(pathname: string, source: string): void;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function isInlineHtml(source: string): boolean {
  return source.trimStart().startsWith('<');
}

function readPage(source: string): { body: string | Buffer; contentType: string } {
  if (isInlineHtml(source)) return { body: source, contentType: CONTENT_TYPES['.html']! };
  const file = path.resolve(repoRoot, source);
  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return { body: readFileSync(file), contentType };
}

/**
 * Serves `pages` (pathname → HTML string, or a file path relative to the repository) for
 * `https://mail.google.com/**` and refuses every other http(s) or WebSocket request of the
 * context, pages and the extension's service worker alike, recording each one. A
 * mail.google.com path that is not in `pages` is refused and recorded too: the extension has
 * permission for that host, so a stray request there is exactly what must show.
 * Files are read once, here, so a missing fixture fails at setup rather than mid-test.
 */
export async function routeGmail(context: BrowserContext, pages: Record<string, string>): Promise<GmailRoutes> {
  const served = new Map<string, { body: string | Buffer; contentType: string }>();
  for (const [pathname, source] of Object.entries(pages)) served.set(pathname, readPage(source));
  const blocked: BlockedRequest[] = [];
  const answered: string[] = [];

  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const page = url.origin === 'https://mail.google.com' && request.method() === 'GET' ? served.get(url.pathname) : undefined;
      if (page) {
        answered.push(request.url());
        await route.fulfill({ status: 200, contentType: page.contentType, body: page.body });
        return;
      }
      blocked.push({
        url: request.url(),
        method: request.method(),
        resourceType: request.resourceType(),
        fromServiceWorker: request.serviceWorker() !== null,
      });
      await route.abort('blockedbyclient');
    },
  );
  await context.routeWebSocket(/.*/, (ws) => {
    blocked.push({ url: ws.url(), method: 'GET', resourceType: 'websocket', fromServiceWorker: false });
    void ws.close({ code: 1008, reason: 'blocked by the test harness' });
  });

  return {
    blockedRequests: () => [...blocked],
    servedRequests: () => [...answered],
    setPage: (pathname, source) => served.set(pathname, readPage(source)),
  };
}

/**
 * Opens one of the extension's own pages (`sidepanel`, `popup`, `options`) in a tab, by its
 * `chrome-extension://<id>/<page>.html` address. A tab is not Chrome's side panel frame, but
 * it runs the same page with the same extension APIs.
 */
export async function openExtensionPage(session: ExtensionSession, page: string): Promise<Page> {
  const file = /\.[a-z]+$/i.test(page) ? page : `${page}.html`;
  const tab = await session.context.newPage();
  await tab.goto(`chrome-extension://${session.extensionId}/${file}`);
  return tab;
}

/**
 * The id Chromium gives an unpacked extension loaded from `extensionPath` (default: the
 * build launchWithExtension loads), known before launch, e.g. to write an enterprise policy
 * for it: the first 128 bits of SHA-256 of the absolute path, each hex digit written as a
 * letter a–p. Symlinks are resolved first, as Chromium does.
 */
export function unpackedExtensionId(extensionPath?: string): string {
  const absolute = realpathSync(path.resolve(extensionPath ?? builtExtension));
  const hex = createHash('sha256').update(absolute).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/** The routed Gmail address for a pathname, e.g. `gmailUrl('/mail/u/0/')`. */
export function gmailUrl(pathname: string, hash = ''): string {
  return `https://mail.google.com${pathname}${hash}`;
}
