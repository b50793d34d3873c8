// The real-Firefox harness: Debian's firefox-esr driven over WebDriver BiDi (puppeteer-core; Playwright drives
// only its own patched Firefox), the built Firefox extension installed as a temporary add-on, and every request
// Firefox makes sent through a local proxy that lets through only the names the test serves and logs the rest.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { BidiFrame } from 'puppeteer-core/internal/bidi/Frame.js';
import { findProgram, HEADED, REPO_ROOT } from './harness';

/** Firefox to drive: $FIREFOX_PATH, Debian's /usr/bin/firefox-esr, or firefox(-esr) on PATH. */
export const findFirefox = () => findProgram([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr'], ['firefox-esr', 'firefox']);

/** The built Firefox MV3 extension; `wxt build -b firefox --mv3` must have run. */
export function firefoxExtensionDir(): string {
  const dir = path.join(REPO_ROOT, '.output/firefox-mv3');
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) throw new Error(`No built Firefox extension in ${dir}: run \`npx wxt build -b firefox --mv3\` first.`);
  return dir;
}

const ADDON_ID = 'plan-lens@plan-lens.invalid';
/** Firefox gives an add-on a random internal UUID; a fixed one lets the test open its pages. */
const ADDON_UUID = '6b1d7a52-3c1e-4f0e-9a55-0c9f1e2d4a10';

export interface FirefoxWithExtension {
  browser: Browser;
  /** Opens a page of the extension itself (it can read the extension's storage). */
  extensionPage(file: string): Promise<Page>;
  /** Every request Firefox tried to send anywhere but the served names: "CONNECT host:port" or "GET url". */
  outside: string[];
  close(): Promise<void>;
}

/**
 * Launches headless Firefox with Plan Lens installed. `serve` maps real https names (mail.google.com) to local
 * ports: Firefox reaches them through the proxy, which tunnels to the local TLS server (a throwaway certificate,
 * accepted by the session's acceptInsecureCerts).
 */
export async function launchFirefoxWithExtension(serve: Record<string, number>): Promise<FirefoxWithExtension> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('Firefox not found: install it (sudo apt-get install firefox-esr) or set FIREFOX_PATH.');
  const extension = firefoxExtensionDir();
  const outside: string[] = [];
  const proxy = http.createServer((req, res) => {
    outside.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  const tunnels = new Set<net.Socket>();
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':');
    const local = port === '443' ? serve[host!] : undefined;
    if (local === undefined) {
      outside.push(`CONNECT ${req.url}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(local, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    socket.on('close', () => upstream.destroy());
    tunnels.add(socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyPort = (proxy.address() as net.AddressInfo).port;

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: !HEADED,
    // Since Firefox 153, WebDriver may navigate only to http(s), file, blob and about:blank unless the browser was
    // started with system access: an extension's own pages (moz-extension://) need it.
    args: ['--remote-allow-system-access'],
    acceptInsecureCerts: true,
    // Without it Firefox release builds ignore the remote-settings server puppeteer points elsewhere, and fetch
    // their blocklists from Mozilla: requests that are the browser's, not Plan Lens's, but would still leave.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      // Nothing bypasses the proxy, not even localhost: it is the network guard.
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Firefox's own checks for a captive portal and for being online.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // Accepts what Plan Lens asks for (permissions.request) as the user would at Firefox's prompt, which a
      // headless browser cannot show. The request still needs a real click in the extension's page.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  try {
    const id = await browser.installExtension(extension);
    if (id !== ADDON_ID) throw new Error(`Firefox installed ${id}, not ${ADDON_ID}`);
  } catch (error) {
    await browser.close();
    proxy.close();
    throw error;
  }
  return {
    browser,
    outside,
    async extensionPage(file) {
      const page = await browser.newPage();
      const url = `moz-extension://${ADDON_UUID}/${file}`;
      // Firefox's remote agent sends no load events from an extension's process (Bug 1755014), which page.goto
      // waits for; BiDi's own navigate command, waiting for "complete", resolves once the document has loaded.
      // The Page's frame is puppeteer's BidiFrame; its public types declare only the Frame it extends.
      const frame = page.mainFrame() as unknown as BidiFrame;
      await frame.browsingContext.navigate(url, 'complete');
      const shown = await page.evaluate(() => location.href);
      if (shown !== url) throw new Error(`Firefox showed ${shown}, not ${url}`);
      return page;
    },
    async close() {
      await browser.close();
      for (const socket of tunnels) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

/** The BiDi connection under puppeteer's Firefox browser, for what puppeteer itself does not offer. */
type BidiSend = (method: string, params: unknown) => Promise<{ result: { type: string; result?: { value?: { shadowRoot?: { sharedId?: string } | null } } } }>;

/**
 * Firefox's counterpart of exposeCard (page-probes.ts): the card's closed shadow root, found over WebDriver BiDi,
 * which serializes closed shadow roots when asked to, and left on the page's window as `__planLensCard`.
 */
export async function exposeCardInFirefox(browser: Browser, page: Page): Promise<void> {
  const connection = (browser as unknown as { connection: { send: BidiSend } }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const host = await connection.send('script.callFunction', {
    functionDeclaration: '() => document.querySelector("plan-lens-card")',
    awaitPromise: false,
    target: { context },
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    resultOwnership: 'none',
  });
  const sharedId = host.result.result?.value?.shadowRoot?.sharedId;
  if (!sharedId) return;
  await connection.send('script.callFunction', {
    functionDeclaration: '(root) => { window.__planLensCard = root; }',
    awaitPromise: false,
    target: { context },
    arguments: [{ sharedId }],
  });
}

