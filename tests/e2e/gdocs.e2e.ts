// Google Docs in real Chromium: a stand-in Docs page served as https://docs.google.com (host-resolver-rules and
// a self-signed certificate made here), exercising the live route (annotated text, edits, Go to), the export
// route and the .docx route, with the route shown to the user each time and no request leaving the machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analysis/index';
import { cleanDocsText } from '../../src/sites/google-docs';

// The service worker's own API, as seen from worker.evaluate().
declare const chrome: {
  tabs: { query(q: object): Promise<{ id: number }[]>; sendMessage(tabId: number, message: object): Promise<unknown> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};

interface TabPlan {
  route: string;
  text: string;
  findings: { rule: string; start: number; end: number }[];
}

const EXTENSION = path.resolve('.output/chrome-mv3');
const FIXTURES = path.resolve('tests/fixtures/gdocs');
const plan = readFileSync(path.resolve('tests/fixtures/files/plan.txt'), 'utf8');
const docsText = cleanDocsText('\u0003' + plan);

let server: https.Server;
let context: BrowserContext;
let worker: Worker;
const served: string[] = [];
const leaks: string[] = [];

function startDocs(): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lens-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=docs.google.com', '-addext', 'subjectAltName=DNS:docs.google.com', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  server = https.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://docs.google.com');
    served.push(url.pathname + url.search);
    const send = (type: string, body: string | Buffer) => res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (/^\/document\/d\/[\w-]+\/edit$/.test(url.pathname)) return send('text/html; charset=utf-8', readFileSync(path.join(FIXTURES, 'document.html')));
    if (url.pathname === '/fixture/docs-stand-in.js') return send('text/javascript', readFileSync(path.join(FIXTURES, 'docs-stand-in.js')));
    if (url.pathname === '/fixture/plan.txt') return send('text/plain; charset=utf-8', plan);
    // Signed in, the export is the text; signed out, Google answers with its sign-in page.
    if (url.pathname === '/document/d/draft-ehcp/export' && url.searchParams.get('format') === 'txt') return send('text/plain; charset=utf-8', `\ufeff${plan.replace(/\n/g, '\r\n')}`);
    if (url.pathname === '/document/d/signed-out/export') return send('text/html; charset=utf-8', '<html><title>Sign in - Google Accounts</title></html>');
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

beforeAll(async () => {
  const port = await startDocs();
  context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'plan-lens-profile-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      `--host-resolver-rules=MAP docs.google.com 127.0.0.1:${port}`, '--ignore-certificate-errors',
      `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`,
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (!['chrome-extension:', 'data:', 'blob:'].includes(url.protocol) && url.hostname !== 'docs.google.com') leaks.push(r.url());
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
});

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const status = (page: Page) => page.locator('.status');

async function tabPlan(): Promise<TabPlan | undefined> {
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'https://docs.google.com/*' });
    const key = `tab-plan:${tab!.id}`;
    return (await chrome.storage.session.get(key))[key];
  }) as Promise<TabPlan | undefined>;
}

const expected = (text: string) => analyzeText(text).findings.map((f) => ({ rule: f.rule, start: f.start, end: f.end }));
const shape = (p: TabPlan | undefined) => p && { route: p.route, text: p.text, findings: p.findings.map((f) => ({ rule: f.rule, start: f.start, end: f.end })) };

describe('Google Docs', () => {
  it('live route: reads annotated text under Plan Lens’s own id, follows edits, and Go to selects in the document', async () => {
    const page = await context.newPage();
    await page.goto('https://docs.google.com/document/d/draft-ehcp/edit');
    expect(await page.evaluate(() => (window as { __requestedBy?: string }).__requestedBy)).toBe('dkjnaakmdcmeofhpcljobeojognknpbp');
    await expect.poll(() => status(page).textContent()).toContain('live as you type');
    await expect.poll(async () => shape(await tabPlan())).toEqual({ route: 'live', text: docsText, findings: expected(docsText) });
    await expect.poll(() => status(page).textContent()).toContain(`${expected(docsText).length} findings`);

    const edited = plan.replace('as required', 'for 30 minutes twice a week');
    await page.evaluate((text) => (window as { __edit?: (t: string) => void }).__edit!(text), edited);
    await expect.poll(async () => (await tabPlan())?.text).toBe(cleanDocsText('\u0003' + edited));
    expect((await tabPlan())!.findings).toHaveLength(expected(cleanDocsText('\u0003' + edited)).length);

    const target = (await tabPlan())!.findings[0]!;
    const moved = await worker.evaluate(async (f) => {
      const [tab] = await chrome.tabs.query({ url: 'https://docs.google.com/*' });
      return chrome.tabs.sendMessage(tab!.id, { kind: 'plan-lens/go-to', start: f.start, end: f.end });
    }, target);
    expect(moved).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as { __selections?: number[][] }).__selections)).toEqual([[target.start, target.end]]);
    await page.close();
  });

  it('export route: when Docs withholds its text, checks a snapshot from the export and says so', async () => {
    const page = await context.newPage();
    await page.goto('https://docs.google.com/document/d/draft-ehcp/edit?mode=export');
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toContain('snapshot');
    // The export's byte-order mark and CRLFs are gone: the same text as the document, the same findings.
    await expect.poll(async () => shape(await tabPlan())).toEqual({ route: 'export', text: plan, findings: expected(plan) });
    expect(served).toContain('/document/d/draft-ehcp/export?format=txt');
    await expect(status(page).locator('button').textContent()).resolves.toBe('Refresh snapshot');
    await page.close();
  });

  it('docx route: when the export fails too, offers the review page for the downloaded .docx', async () => {
    const page = await context.newPage();
    await page.goto('https://docs.google.com/document/d/signed-out/edit?mode=export');
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toContain('Download it');
    expect(await status(page).textContent()).toContain('sign in');
    const opened = context.waitForEvent('page');
    await status(page).locator('button', { hasText: 'Check a downloaded .docx' }).click();
    const review = await opened;
    await review.waitForLoadState();
    expect(review.url()).toBe('chrome-extension://dkjnaakmdcmeofhpcljobeojognknpbp/review.html?from=gdocs');
    await expect.poll(() => review.locator('.notice').textContent()).toContain('File → Download → Microsoft Word');
    await review.close();
    await page.close();
  });

  it('sent nothing beyond (the stand-in for) docs.google.com', () => {
    expect(leaks).toEqual([]);
  });
});
