// The side panel page, opened in a tab pinned to a Google Docs tab (sidePanel.open needs a user gesture):
// overview, sentences to fix (errors first) as filters, by section, B↔F grid, findings by section, Go to, live updates.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analysis/index';
import { outlineOf, shortSectionName, toFixBySection } from '../../src/documents/report';
import { cleanDocsText } from '../../src/sites/google-docs';
import { startDocsStandIn, type DocsStandIn } from '../fixtures/gdocs/stand-in';

declare const chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } };

const plan = readFileSync(path.resolve('tests/fixtures/files/plan.txt'), 'utf8');
const docsText = cleanDocsText('\u0003' + plan);

let docs: DocsStandIn;
let doc: Page;
let panel: Page;

beforeAll(async () => {
  docs = await startDocsStandIn(plan);
  doc = await docs.context.newPage();
  await doc.goto('https://docs.google.com/document/d/draft-ehcp/edit');
  const tabId = await docs.worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://docs.google.com/*' }))[0]!.id);
  panel = await docs.context.newPage();
  await panel.goto(`chrome-extension://dkjnaakmdcmeofhpcljobeojognknpbp/sidepanel.html?tab=${tabId}`);
  await panel.locator('[data-testid=route]').waitFor();
});

afterAll(async () => {
  await docs?.close();
});

const listed = () => panel.$$eval('.findings .finding', (items) => items.map((i) => ({ rule: i.getAttribute('data-rule'), start: Number(i.getAttribute('data-start')), end: Number(i.getAttribute('data-end')) })));
const expected = (text: string) =>
  analyzeText(text)
    .findings.map((f) => ({ rule: f.rule, start: f.start, end: f.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);

describe('side panel', () => {
  it('shows the route, the plan type, and how many sentences need work, errors first', async () => {
    expect(await panel.textContent('[data-testid=route]')).toContain('live as you type');
    expect(await panel.textContent('[data-testid=plan-type]')).toBeTruthy();
    const findings = analyzeText(docsText).findings;
    const of = (s: string) => findings.filter((f) => f.severity === s).length;
    expect(findings.length).toBeGreaterThan(0);
    expect(await panel.textContent('[data-testid=to-fix]')).toBe(`${of('error') + of('warning')} sentences need work`);
    // One chip per severity the plan has, errors first, each with the analyser's count: none missing, none extra.
    const chips = await panel.$$eval('.chip', (cs) => cs.map((c) => [c.getAttribute('data-severity'), Number(c.querySelector('strong')!.textContent)]));
    expect(chips).toEqual((['error', 'warning', 'info'] as const).filter((s) => of(s) > 0).map((s) => [s, of(s)]));
  });

  it('lists the findings by section, as the analyser gives them for the document text', async () => {
    expect((await listed()).sort((a, b) => a.start - b.start || a.end - b.end)).toEqual(expected(docsText));
    const flagged = outlineOf(docsText, analyzeText(docsText).report).filter((s) => analyzeText(docsText).findings.some((f) => f.start >= s.start && f.start < s.end));
    expect(await panel.$$eval('.findings h3', (hs) => hs.map((h) => h.textContent))).toEqual(flagged.map((s) => s.title));
  });

  it('sums up the sentences to fix by section and the needs with no provision, and shows which needs have provision', async () => {
    const rows = await panel.$$eval('.by-section tr', (trs) => trs.map((r) => [r.querySelector('th')!.textContent, r.querySelector('[data-testid=to-fix-in-section]')!.textContent]));
    // The arithmetic is unit-tested (plan-outline.test.ts); here: every section with something to fix, from the analyser's findings.
    expect(rows).toEqual(toFixBySection(docsText, analyzeText(docsText).report, analyzeText(docsText).findings).map((r) => [shortSectionName(r.title), `${r.toFix} of ${r.statements}`]));
    expect(rows.map(([title]) => title)).toEqual(['Section B', 'Section E', 'Section F']);
    // The grid shows the analyser's own matching: here anxiety is a need in B that nothing in F addresses.
    const coverage = analyzeText(docsText).report.coverage;
    expect(coverage.some((c) => !c.provided)).toBe(true);
    // In the browser's English: Debian's Chromium speaks American (services), a British one says provision.
    const gaps = coverage.filter((c) => !c.provided).map((c) => c.area).join(', ');
    expect(['Needs with no services: ', 'Needs with no provision: '].map((label) => label + gaps)).toContain(await panel.textContent('[data-testid=gaps]'));
    expect(await panel.$$eval('.coverage tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-area'), r.className === 'gap']))).toEqual(coverage.map((c) => [c.area, !c.provided]));
  });

  it('filters by severity', async () => {
    const total = (await listed()).length;
    await panel.click('.chip[data-severity=error]');
    expect((await listed()).length).toBe(total - analyzeText(docsText).findings.filter((f) => f.severity === 'error').length);
    await panel.click('.chip[data-severity=error]');
    expect((await listed()).length).toBe(total);
  });

  it('"Go to" selects the finding in the document', async () => {
    const first = (await listed()).sort((a, b) => a.start - b.start)[0]!;
    await panel.locator(`.finding[data-start="${first.start}"][data-end="${first.end}"] button`, { hasText: 'Go to' }).first().click();
    await expect.poll(() => doc.evaluate(() => (window as { __selections?: number[][] }).__selections)).toContainEqual([first.start, first.end]);
  });

  it('follows edits in the document', async () => {
    const edited = plan.replace('Sam will have access to speech and language therapy as required.', 'A speech and language therapist will see Sam for 30 minutes each week.');
    await doc.evaluate((text) => (window as { __edit?: (t: string) => void }).__edit!(text), edited);
    await expect.poll(async () => (await listed()).length).toBe(expected(cleanDocsText('\u0003' + edited)).length);
    await panel.screenshot({ path: 'test-results/sidepanel.png', fullPage: true });
  });

  it('sent nothing beyond (the stand-in for) docs.google.com', () => {
    expect(docs.leaks()).toEqual([]);
  });
});
