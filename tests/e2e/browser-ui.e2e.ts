// Plan Lens's shortcuts and menu items as a user reaches them: a headed Chromium on a virtual X display
// (Xvfb), with real key presses and right-clicks from xdotool. Those go through the browser's own shortcut
// and context-menu handling, which CDP input (sent to the page alone) never reaches. CI installs xvfb and
// xdotool (.ci/run).
import { execFileSync, spawn } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analysis/index';
import { externalRequests, findProgram, launchWithExtension, REPO_ROOT, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { highlightMarks } from './page-probes';

const has = (command: string) => findProgram([], [command]) !== null;

/** Starts Xvfb on the first free display (it writes the number it took to fd 3). */
async function startXvfb(): Promise<{ display: string; stop(): void }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  return { display, stop: () => xvfb.kill() };
}

let xvfb: { display: string; stop(): void };
let server: StaticServer;
let browser: ExtensionBrowser;

const xdotool = (...args: string[]) => execFileSync('xdotool', args, { env: { ...process.env, DISPLAY: xvfb.display } }).toString().trim();
/** The display's visible X windows: the browser's window, and each open menu or submenu (which carry no class). */
const windows = (match: string[] = ['--name', '.*']) => {
  try {
    return xdotool('search', '--onlyvisible', ...match).split('\n').filter(Boolean);
  } catch {
    return []; // xdotool search exits 1 when nothing matches
  }
};
/** What the browser does on a real key or click (start its worker, inject, analyse) takes a while on a busy machine. */
const PATIENCE = { timeout: 15_000 };

// Skipped on a machine without them, but never under CI, which installs them: there it runs or fails.
describe.runIf((has('Xvfb') && has('xdotool')) || Boolean(process.env.CI))('shortcuts and menus, through the browser', () => {
  beforeAll(async () => {
    xvfb = await startXvfb();
    server = await startServer({ '/fixtures/': `${REPO_ROOT}/tests/fixtures` });
    // No site granted: everything here runs on what the user's shortcut or menu choice grants (activeTab).
    browser = await launchWithExtension({ headless: false, display: xvfb.display, grantSites: [], viewport: null, args: ['--window-size=1200,850', '--window-position=0,0'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    xvfb?.stop();
  });

  /** Opens `pathname` in a tab of the one browser window and gives that window the keyboard. */
  async function open(pathname: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(server.origin + pathname);
    await page.bringToFront();
    await expect.poll(() => page.evaluate(() => document.visibilityState)).toBe('visible');
    const [window] = windows(['--class', 'chromium']);
    xdotool('windowfocus', '--sync', window!);
    const focused = () => {
      try {
        return xdotool('getwindowfocus');
      } catch {
        return ''; // no window has the focus yet
      }
    };
    await expect.poll(focused).toBe(window);
    await expect.poll(() => page.evaluate(() => document.hasFocus())).toBe(true);
    // Real keys reach the browser a moment after its window is mapped: press Shift (which does nothing) until the page hears one.
    await page.evaluate(() => addEventListener('keydown', () => (document.body.dataset.keysHeard = 'yes'), { capture: true, once: true }));
    await expect
      .poll(() => {
        xdotool('key', 'shift');
        return page.evaluate(() => document.body.dataset.keysHeard);
      }, PATIENCE)
      .toBe('yes');
    await page.evaluate(() => delete document.body.dataset.keysHeard);
    return page;
  }

  /** Right-clicks the middle of the first `selector` on screen and waits for the menu to show. */
  async function rightClick(page: Page, selector: string): Promise<void> {
    const [x, y] = await page.$eval(selector, (el) => {
      const r = el.getBoundingClientRect();
      // The page's top-left on the screen: the window's, below the tab strip and toolbar.
      return [Math.round(screenX + r.left + Math.min(20, r.width / 2)), Math.round(screenY + outerHeight - innerHeight + r.top + r.height / 2)];
    });
    const before = windows().length;
    xdotool('mousemove', String(x), String(y));
    xdotool('click', '3');
    await expect.poll(() => windows().length, PATIENCE).toBeGreaterThan(before);
  }

  /** Presses keys in the open menu; a Right opens a submenu, which is waited for. */
  async function inMenu(...keys: string[]): Promise<void> {
    for (const key of keys) {
      const before = windows().length;
      xdotool('key', key);
      if (key === 'Right') await expect.poll(() => windows().length, PATIENCE).toBeGreaterThan(before);
    }
  }

  /** Whether a mark covers words including `phrase`. */
  const marks = async (page: Page, phrase: string) => (await highlightMarks(page)).some((m) => m.text.includes(phrase));

  it('Alt+Shift+K checks the page: marks on a page that does not read as a plan, on a site never granted', async () => {
    const page = await open('/fixtures/not-a-plan.html');
    expect(await highlightMarks(page)).toEqual([]);
    xdotool('key', '--clearmodifiers', 'alt+shift+k');
    await expect.poll(() => marks(page, 'have access to'), PATIENCE).toBe(true);
    await page.close();
  });

  it('the page menu\'s Plan Lens › "Check this page with Plan Lens" checks the page', async () => {
    const page = await open('/fixtures/not-a-plan.html');
    await rightClick(page, 'h1');
    // From the bottom: Inspect, View page source, then Plan Lens's submenu (its second item checks the page).
    await inMenu('Up', 'Up', 'Up', 'Right', 'Down', 'Return');
    await expect.poll(() => marks(page, 'have access to'), PATIENCE).toBe(true);
    await page.close();
  });

  it('the page menu\'s Plan Lens › "Show the plan report in the side panel" opens the side panel', async () => {
    const page = await open('/fixtures/plan-static.html');
    const panels = async () => {
      const session = await browser.context.browser()!.newBrowserCDPSession();
      try {
        const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { url: string; type: string }[] };
        return targetInfos.filter((t) => t.url.startsWith(`chrome-extension://${browser.extensionId}/sidepanel.html`)).map((t) => t.type);
      } finally {
        await session.detach();
      }
    };
    expect(await panels()).toEqual([]);
    await rightClick(page, 'h1');
    await inMenu('Up', 'Up', 'Up', 'Right', 'Return');
    await expect.poll(panels, PATIENCE).toHaveLength(1);
    await page.close();
  });

  /** Selects everything in `selector` on the page; returns the selection's text, which Plan Lens hands to the review page. */
  const select = (page: Page, selector: string) =>
    page.$eval(selector, (el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });

  /** Waits for the review page Plan Lens opens and for it to show what it was handed: its name, and the findings on `text`. */
  async function reviewed(opening: Promise<Page>, text: string): Promise<void> {
    const review = await opening;
    await expect.poll(() => review.locator('body').innerText(), PATIENCE).toContain('Selection from “EHC Hub – Draft EHC plan”');
    const expected = analyzeText(text, { assumePlan: true }).findings.length;
    expect(expected).toBeGreaterThan(0);
    expect(await review.locator('.findings .finding').count()).toBe(expected);
    await review.close();
  }
  const reviewOpens = () => browser.context.waitForEvent('page', { predicate: (p) => new URL(p.url()).pathname === '/review.html' });

  it('Alt+Shift+L checks the selected text in the review page', async () => {
    const page = await open('/fixtures/plan-static.html');
    const text = await select(page, 'main');
    const opening = reviewOpens();
    xdotool('key', '--clearmodifiers', 'alt+shift+l');
    await reviewed(opening, text);
    await page.close();
  });

  it('no request left the test server', () => {
    expect(externalRequests(browser.requests)).toEqual([]);
  });
});
