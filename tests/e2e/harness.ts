// The one real-browser harness, shared by every e2e file and by `npm run demo`: finds the built
// extension and Chromium, serves local pages on 127.0.0.1 (logging every request), launches Chromium
// with Plan Lens loaded and granted the local pages' site, finds its service worker, and guards against
// any request leaving the machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The built Chrome MV3 extension; `wxt build` must have run. */
export function extensionDir(): string {
  const dir = path.join(REPO_ROOT, '.output/chrome-mv3');
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) throw new Error(`No built extension in ${dir}: run \`npx wxt build\` first.`);
  return dir;
}

/** A program to run: the first of `paths` that exists, else the first of `names` on PATH; null if none. */
export function findProgram(paths: (string | undefined)[], names: string[]): string | null {
  for (const p of paths) if (p && fs.existsSync(p)) return p;
  for (const name of names) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return null;
}

/** Chromium to drive: $CHROME_PATH, Debian's /usr/bin/chromium, or chromium(-browser) on PATH. */
export const findChromium = () => findProgram([process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'], ['chromium', 'chromium-browser']);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  port: number;
  /** Every request the server saw: method, Host header, path. */
  log: { method: string; host: string; url: string }[];
  /** Holds answers to `pathname` until the returned function is called (a late web font, say). */
  hold(pathname: string): () => void;
  close(): Promise<void>;
}

/** A throwaway self-signed certificate for `hosts` (Chromium is told to accept it). */
function selfSignedCertificate(hosts: string[]): { key: Buffer; cert: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-cert-'));
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  const san = hosts.map((h) => `DNS:${h}`).join(',');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${hosts[0]}`, '-addext', `subjectAltName=${san}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const pair = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  fs.rmSync(dir, { recursive: true, force: true });
  return pair;
}

/**
 * Serves `mounts` (URL prefix → directory) on 127.0.0.1 at an ephemeral port. With `tlsHosts` it
 * speaks HTTPS for those names (real hostnames such as mail.google.com are HSTS-preloaded).
 */
export async function startServer(mounts: Record<string, string>, options: { tlsHosts?: string[] } = {}): Promise<StaticServer> {
  const log: StaticServer['log'] = [];
  const held = new Map<string, Promise<void>>();
  const respond = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    log.push({ method: req.method ?? 'GET', host: req.headers.host ?? '', url: url.pathname + url.search });
    await held.get(url.pathname);
    const prefix = Object.keys(mounts)
      .filter((p) => url.pathname.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    const root = path.resolve(mounts[prefix]!);
    let file = path.resolve(root, '.' + decodeURIComponent(url.pathname.slice(prefix.length - 1)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  };
  // A request that fails to be answered (a bad path, say) drops its connection, which the test then sees.
  const handler: http.RequestListener = (req, res) => void respond(req, res).catch((error: unknown) => res.destroy(error instanceof Error ? error : undefined));
  const server = options.tlsHosts ? https.createServer(selfSignedCertificate(options.tlsHosts), handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    origin: `${options.tlsHosts ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    log,
    hold(pathname) {
      let release!: () => void;
      held.set(pathname, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        held.delete(pathname);
        release();
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The fixture pages and the real editors they load (installed from npm), as `startServer` mounts. */
export const EDITOR_PAGES: Record<string, string> = {
  '/fixtures/': `${REPO_ROOT}/tests/fixtures`,
  '/vendor/tinymce/': `${REPO_ROOT}/node_modules/tinymce`,
  '/vendor/quill/': `${REPO_ROOT}/node_modules/quill/dist`,
  '/vendor/ckeditor5/': `${REPO_ROOT}/node_modules/ckeditor5/dist/browser`,
};

export interface LaunchOptions {
  headless?: boolean;
  /** Serve real hostnames from the test server: e.g. ['mail.google.com'] → MAP mail.google.com 127.0.0.1:port. */
  mapHosts?: { hosts: string[]; port: number };
  viewport?: { width: number; height: number } | null;
  /** More Chromium switches (the page bench turns off the frame-rate limit). */
  args?: string[];
  /** An X display (Xvfb) for a headed browser, whose shortcuts and menus take real key and mouse events. */
  display?: string;
  /**
   * Sites the user has given Plan Lens ("Always on this site"), granted at launch. Plan Lens runs by
   * itself only on webmail; every local test page needs this grant, so it is the default.
   */
  grantSites?: string[];
  /** Another build of the extension to load (a copy with its own key and so its own id, say). */
  extensionDir?: string;
  /** Leave the welcome page Plan Lens opens on install (closed otherwise). */
  keepWelcome?: boolean;
}

/** The grant that covers every local test page (a host grant covers every port). */
export const LOCAL_PAGES = 'http://127.0.0.1/*';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  /** Every request any page made, for the network guard. */
  requests: string[];
  close(): Promise<void>;
}

/** Chromium's switches for a test browser: the same with and without the extension, so the page bench compares like with like. */
function chromiumArgs(options: LaunchOptions): string[] {
  const args = [
    '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    '--disable-quic', '--disable-features=Translate,OptimizationHints,MediaRouter', '--no-default-browser-check',
    ...(options.args ?? []),
  ];
  if (options.mapHosts) {
    const rules = options.mapHosts.hosts.map((h) => `MAP ${h} 127.0.0.1:${options.mapHosts!.port}`);
    // The mapped names are served with a throwaway self-signed certificate.
    args.push(`--host-resolver-rules=${rules.join(',')}`, '--ignore-certificate-errors');
  }
  return args;
}

/** PLAN_LENS_HEADED=1 shows the browser windows on your display, to watch a test (CONTRIBUTING.md). */
export const HEADED = Boolean(process.env.PLAN_LENS_HEADED);

async function launchProfile(options: LaunchOptions, extraArgs: string[]): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it (sudo apt-get install chromium) or set CHROME_PATH.');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless ?? !HEADED,
    args: [...chromiumArgs(options), ...extraArgs],
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: options.viewport === undefined ? { width: 1100, height: 800 } : options.viewport,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The same Chromium, switches and profile kind as launchWithExtension, without Plan Lens: the page bench's anchor. */
export const launchWithoutExtension = (options: LaunchOptions = {}) => launchProfile(options, []);

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const ext = options.extensionDir ?? extensionDir();
  const { context, close } = await launchProfile(options, [
    // Lets the tests click the toolbar button through CDP (Extensions.triggerAction, clickToolbarButton).
    '--enable-unsafe-extension-debugging',
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
  ]);
  // Plan Lens opens its welcome page on install; where a test does not look at it, it is closed, so it never takes the
  // focus or the keys from the test's own pages.
  const isWelcome = (page: Page) => page.url().endsWith('/welcome.html');
  const welcome = context.pages().find(isWelcome) ?? context.waitForEvent('page', { predicate: isWelcome });
  const requests: string[] = [];
  context.on('request', (r: Request) => requests.push(r.url()));
  const serviceWorker = async () => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? context.waitForEvent('serviceworker');
  const extensionId = new URL((await serviceWorker()).url()).host;
  const browser: ExtensionBrowser = {
    context,
    extensionId,
    serviceWorker,
    requests,
    close,
  };
  if (!options.keepWelcome) await (await welcome).close();
  await grantSites(browser, options.grantSites ?? [LOCAL_PAGES]);
  return browser;
}

/** chrome://extensions' own API: what its site-access controls call. */
declare const chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void>; removeHostPermission(id: string, host: string): Promise<void> } };

/** Runs `change(extensionId, origin)` for each origin in a chrome://extensions page, as its site-access controls do. */
async function inExtensionsPage(browser: ExtensionBrowser, origins: string[], change: 'addHostPermission' | 'removeHostPermission'): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      async ({ id, origins, change }) => {
        for (const origin of origins) await chrome.developerPrivate[change](id, origin);
      },
      { id: browser.extensionId, origins, change },
    );
  } finally {
    await page.close();
  }
}

/** The origins Plan Lens's registered content script matches now (site-access.ts). */
export async function registeredOrigins(browser: ExtensionBrowser): Promise<string[]> {
  const sw = await browser.serviceWorker();
  return sw.evaluate(async () => {
    const scripts = await (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } } }).chrome.scripting.getRegisteredContentScripts();
    return scripts.flatMap((s) => s.matches ?? []);
  });
}

/** Waits (a bounded number of short turns) until the registration agrees with `wanted`. */
async function untilRegistered(browser: ExtensionBrowser, wanted: (origins: string[]) => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 200; turn++) {
    if (wanted(await registeredOrigins(browser))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Plan Lens's content script registration never ${what}: ${JSON.stringify(await registeredOrigins(browser))}`);
}

/**
 * Allows Plan Lens `origins` in Chrome's site-access settings (chrome://extensions). For a site Plan Lens
 * only may ask for, that answers its question ahead: Chrome then grants the site without a prompt, which a
 * headless browser could not show.
 */
export async function allowInSiteSettings(browser: ExtensionBrowser, origins: string[]): Promise<void> {
  await inExtensionsPage(browser, origins, 'addHostPermission');
}

/** Waits until Plan Lens's content script is registered for every one of `origins`. */
export async function untilGranted(browser: ExtensionBrowser, origins: string[]): Promise<void> {
  await untilRegistered(browser, (registered) => origins.every((o) => registered.includes(o)), `included ${origins.join(', ')}`);
}

/**
 * Grants Plan Lens `origins` as a user does: allowed in Chrome's site-access settings, then accepted when
 * Plan Lens asks for them (permissions.request from one of its pages, under a user gesture). Returns once
 * Plan Lens has registered its content script for them (permissions.onAdded).
 */
export async function grantSites(browser: ExtensionBrowser, origins: string[]): Promise<void> {
  if (origins.length === 0) return;
  await allowInSiteSettings(browser, origins);
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    const cdp = await browser.context.newCDPSession(page);
    const expression = `chrome.permissions.request({ origins: ${JSON.stringify(origins)} })`;
    const { result } = (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, userGesture: true, returnByValue: true })) as { result: { value?: unknown } };
    if (result.value !== true) throw new Error(`Chromium did not grant ${origins.join(', ')}: ${JSON.stringify(result)}`);
  } finally {
    await page.close();
  }
  await untilGranted(browser, origins);
}

/** Takes the grant back in Chrome's site-access settings; returns once Plan Lens has stopped matching them. */
export async function revokeSites(browser: ExtensionBrowser, origins: string[]): Promise<void> {
  await inExtensionsPage(browser, origins, 'removeHostPermission');
  await untilRegistered(browser, (registered) => !origins.some((o) => registered.includes(o)), `dropped ${origins.join(', ')}`);
}

/** Requests that went anywhere but the local test server (or the extension itself). */
export function externalRequests(requests: string[], allowedHosts: string[] = []): string[] {
  return requests.filter((u) => {
    const url = new URL(u);
    // chrome: pages (chrome://extensions, where the tests grant sites) are the browser's own.
    if (['chrome-extension:', 'chrome:', 'data:', 'blob:', 'about:'].includes(url.protocol)) return false;
    return url.hostname !== '127.0.0.1' && !allowedHosts.includes(url.hostname);
  });
}

/** Stops the extension's service worker, as Chrome does to an idle one (Target.closeTarget over CDP). */
export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const cdp = await browser.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    for (const t of targetInfos) {
      if (t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`)) await cdp.send('Target.closeTarget', { targetId: t.targetId });
    }
  } finally {
    await cdp.detach();
  }
}

/**
 * Pauses the extension's service worker in its debugger (nothing of it runs, nothing is lost: messages to it wait,
 * in order) until the returned function resumes it. A test uses it to have several tabs' requests waiting at once.
 * Over the browser's DevTools session, attached to the worker (messages passed through Target.sendMessageToTarget).
 */
export async function pauseServiceWorker(browser: ExtensionBrowser): Promise<() => Promise<void>> {
  const session = await browser.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  if (!worker) throw new Error('pauseServiceWorker: Plan Lens has no running service worker');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let nextId = 0;
  const waiting = new Map<number, () => void>();
  const onMessage = (e: { message: string }) => {
    const reply = JSON.parse(e.message) as { id?: number };
    if (reply.id !== undefined) waiting.get(reply.id)?.();
  };
  session.on('Target.receivedMessageFromTarget' as never, onMessage as never);
  const send = (method: string) =>
    new Promise<void>((resolve) => {
      const id = ++nextId;
      waiting.set(id, resolve);
      void session.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id, method, params: {} }) } as never);
    });
  await send('Debugger.enable');
  await send('Debugger.pause');
  return async () => {
    await send('Debugger.resume');
    await send('Debugger.disable');
    await session.detach();
  };
}

/**
 * Clicks Plan Lens's toolbar button on `page`'s tab. CDP's Extensions.triggerAction runs the browser's
 * own action runner, so the click grants activeTab exactly as a real one does.
 */
export async function clickToolbarButton(browser: ExtensionBrowser, page: Page): Promise<void> {
  await page.bringToFront();
  const session = await browser.context.browser()!.newBrowserCDPSession();
  try {
    type TabTarget = { targetId: string; type: string; url: string; embedderData?: { tabActive?: boolean } };
    const { targetInfos } = (await session.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as unknown as { targetInfos: TabTarget[] };
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url() && t.embedderData?.tabActive);
    if (!tab) throw new Error(`No active tab shows ${page.url()}`);
    await session.send('Extensions.triggerAction' as never, { id: browser.extensionId, targetId: tab.targetId } as never);
  } finally {
    await session.detach();
  }
}
