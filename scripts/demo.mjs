#!/usr/bin/env node
// `npm run demo` (after `wxt build`): serves the sample plans on 127.0.0.1 and opens them in Chromium
// with Plan Lens loaded. With a display it opens a window and keeps running; without one it writes
// screenshots (underlined; one card open per sample; the side panel for each) and demo-out/summary.txt, then exits.
/* global CSS, HTMLTextAreaElement, chrome -- used inside page.evaluate / worker.evaluate callbacks, which run there */
import fs from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const harness = await tsImport('../tests/e2e/harness.ts', import.meta.url);
const { REPO_ROOT, findChromium, startServer, launchWithExtension, externalRequests } = harness;
// The card's shadow root is closed (a page's scripts cannot read it): the tests' probe reaches it through DevTools.
const { exposeCard } = await tsImport('../tests/e2e/page-probes.ts', import.meta.url);

if (!findChromium()) {
  console.error('Plan Lens demo: no Chromium found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH.');
  process.exit(1);
}

const samplesDir = path.join(REPO_ROOT, 'assets/samples');
const fixturesDir = path.join(REPO_ROOT, 'tests/fixtures');
const htmlIn = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.html')).sort() : []);
// The bundled samples; while none exist yet, the test fixtures' plan pages stand in.
let pages = htmlIn(samplesDir).map((f) => `/samples/${f}`);
if (pages.length === 0) {
  console.log('No samples in assets/samples yet: showing the test fixtures instead.');
  pages = htmlIn(fixturesDir)
    .filter((f) => f.startsWith('plan-') || f === 'not-a-plan.html')
    .map((f) => `/fixtures/${f}`);
}

/** The side panel for the page's tab, opened as a page pinned to the tab (sidePanel.open needs a user gesture). */
async function sidePanel(page, name, out) {
  const sw = await browser.serviceWorker();
  const tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
  if (tabId === undefined) return '  side panel: the tab was not found';
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  // The worker writes the tab's report once the page's changes pause; the panel follows it.
  const shown = await panel.locator('.findings').waitFor({ timeout: 10_000 }).then(() => true, () => false);
  await panel.screenshot({ path: path.join(out, `${name}-panel.png`), fullPage: true });
  const gaps = shown ? await panel.$$eval('.coverage tr.gap', (rows) => rows.map((r) => r.getAttribute('data-area'))) : [];
  const count = await panel.locator('.findings .finding').count();
  await panel.close();
  return shown ? `  side panel: ${count} sentence(s) by section${gaps.length ? `; needs with no provision found: ${gaps.join(', ')}` : ''}` : '  side panel: no report for this tab';
}

const server = await startServer({ '/samples/': samplesDir, '/fixtures/': fixturesDir });
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const browser = await launchWithExtension({ headless: !headed, keepWelcome: headed, viewport: headed ? null : { width: 1200, height: 900 } });

if (headed) {
  for (const p of pages) await (await browser.context.newPage()).goto(server.origin + p);
  console.log(`Plan Lens demo: ${pages.length} sample(s) open. Hover an underline, or press Alt+Shift+J then Enter. Ctrl+C to quit.`);
  // Ctrl+C or a closed window quits, whether or not the browser and server close cleanly.
  const stop = () => void browser.close().then(() => server.close()).finally(() => process.exit(0));
  process.on('SIGINT', stop);
  browser.context.on('close', stop);
} else {
  const out = path.join(REPO_ROOT, 'demo-out');
  fs.mkdirSync(out, { recursive: true });
  const summary = [];
  for (const p of pages) {
    const name = path.basename(p, '.html');
    const page = await browser.context.newPage();
    await page.goto(server.origin + p);
    // Marks may be in any frame (an editor's iframe, a portal shell around its form).
    const hasMarks = () => [...CSS.highlights.keys()].some((k) => k.startsWith('plan-lens-')) || document.querySelector('plan-lens-marks') !== null;
    const frame = await Promise.any(page.frames().map((f) => f.waitForFunction(hasMarks, undefined, { timeout: 15_000 }).then(() => f))).catch(() => null);
    // Plan Lens registers underlines only near the viewport (typing stays fast on long pages), so the whole
    // page is shot through a window as tall as the page, as a very tall screen would show it.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1200, height });
    await (frame ?? page.mainFrame()).evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
    await page.setViewportSize({ width: 1200, height: 900 });
    summary.push(`== ${p}`);
    if (!frame) {
      summary.push('  (no findings shown: the page does not read as a plan)');
      await page.close();
      continue;
    }
    // Walk the findings the way a keyboard user does: Alt+Shift+J selects the next, Enter opens its card.
    // Each frame has its own marks and card: keys go to the frame that has them.
    if (frame !== page.mainFrame()) await frame.evaluate(() => window.focus());
    const seen = new Set();
    for (let i = 0; i < 500; i++) {
      await page.keyboard.press('Alt+Shift+J');
      // Where the selected finding is, read before its card takes focus: it tells when the walk wraps.
      const where = await frame.evaluate(() => {
        const el = document.activeElement;
        if (el instanceof HTMLTextAreaElement) return `${el.id}:${el.selectionStart}:${el.selectionEnd}`;
        const s = window.getSelection();
        return s && s.rangeCount ? `${Math.round(s.getRangeAt(0).getBoundingClientRect().top + window.scrollY)}:${s.toString()}` : '';
      });
      await page.keyboard.press('Enter');
      await exposeCard(frame);
      const card = await frame
        .waitForFunction(() => {
          const c = window.__planLensCard?.querySelector('.card:popover-open');
          if (!c) return null;
          // One card per sentence: the sentence, then its problems.
          const problems = [...c.querySelectorAll('.message li')].map((li) => li.textContent ?? '');
          return { flagged: c.querySelector('.flagged')?.textContent ?? '', rule: c.querySelector('.rule')?.textContent ?? '', message: problems.join(' | ') };
        }, undefined, { timeout: 5_000 })
        .then((h) => h.jsonValue())
        .catch(() => null);
      if (!card) break;
      if (i === 0) await page.screenshot({ path: path.join(out, `${name}-card.png`) });
      await page.keyboard.press('Escape');
      const key = `${where}|${card.rule}|${card.message}`;
      if (seen.has(key)) break; // wrapped around to the first finding
      seen.add(key);
      summary.push(`  ${card.flagged}  ${card.rule.replace(/[()]/g, '')}\n      ${card.message}`);
    }
    summary.push(`  ${seen.size} sentence(s) flagged`);
    // Underlined but no card reached by the keyboard: the demo would show a broken Plan Lens, so it fails.
    if (seen.size === 0) {
      console.error(`Plan Lens demo: ${p} is underlined, but Alt+Shift+J and Enter opened no card.`);
      process.exitCode = 1;
    }
    summary.push(await sidePanel(page, name, out));
    await page.close();
  }
  const leaks = externalRequests(browser.requests);
  summary.push('', leaks.length === 0 ? 'Network: no request left 127.0.0.1.' : `Network: REQUESTS LEFT THE MACHINE: ${leaks.join(', ')}`);
  fs.writeFileSync(path.join(out, 'summary.txt'), summary.join('\n') + '\n');
  console.log(summary.join('\n'));
  console.log(`\nScreenshots and summary in ${path.relative(process.cwd(), out) || out}/`);
  await browser.close();
  await server.close();
  process.exit(leaks.length === 0 ? 0 : 1);
}
