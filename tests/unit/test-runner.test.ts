// The runner's own test: vitest projects with a planted failure each (a throwing beforeAll or afterAll, an
// unhandled rejection in a passing test) must make the run fail and count at least one failure; a clean
// project passes; a skipped test fails unless its file's environment is allowed to be missing, and never under CI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judge, runVitest } from '../../scripts/vitest-tally';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-runner-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A vitest project of its own (globals on, so the planted files import nothing) with one test file. */
function planted(name: string, source: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'vitest.config.mjs'), 'export default { test: { globals: true } };\n');
  fs.writeFileSync(path.join(dir, 'planted.test.js'), source);
  return dir;
}

const PASSING = "test('adds', () => expect(1 + 1).toBe(2));\n";
const projects = {
  clean: planted('clean', PASSING),
  beforeAll: planted('before-all', `beforeAll(() => { throw new Error('planted beforeAll'); });\n${PASSING}`),
  afterAll: planted('after-all', `afterAll(() => { throw new Error('planted afterAll'); });\n${PASSING}`),
  rejection: planted('rejection', "test('passes, leaving a rejection behind', () => { void Promise.reject(new Error('planted rejection')); expect(1).toBe(1); });\n"),
  skipped: planted('skipped', `${PASSING}test.skip('not yet', () => {});\n`),
};
// The five runs at once: each is its own vitest process, mostly startup.
const runs = Object.fromEntries(await Promise.all(Object.entries(projects).map(async ([name, cwd]) => [name, await runVitest([], { cwd, quiet: true })] as const)));
const verdict = (name: keyof typeof projects, ci = false, maySkip: Record<string, string> = {}) => judge(runs[name]!.tally, runs[name]!.status, { ci, maySkip });

describe('npm test counts', () => {
  it('a clean project as passed, with nothing failed', () => {
    expect(runs.clean!.status).toBe(0);
    expect(verdict('clean')).toEqual({ passed: 1, failed: 0, lines: [] });
  });

  it.each(['beforeAll', 'afterAll', 'rejection'] as const)('a planted %s as a failure, and vitest exits non-zero', (name) => {
    expect(runs[name]!.status).not.toBe(0);
    const { failed, lines } = verdict(name);
    expect(failed).toBeGreaterThanOrEqual(1);
    expect(lines.join('\n')).toMatch(name === 'rejection' ? /unhandled error: planted rejection/ : new RegExp(`planted ${name}`));
  });

  it('a skipped test as a failure, unless its file may skip outside CI', () => {
    expect(runs.skipped!.status).toBe(0);
    expect(verdict('skipped').failed).toBe(1);
    const allowed = verdict('skipped', false, { 'planted.test.js': 'needs a planted browser' });
    expect(allowed.failed).toBe(0);
    expect(allowed.lines).toEqual(['- planted.test.js: 1 skipped, allowed outside CI (needs a planted browser)']);
    expect(verdict('skipped', true, { 'planted.test.js': 'needs a planted browser' }).failed).toBe(1);
  });

  it('a run that wrote no tally, or exited non-zero with nothing counted, as failed', () => {
    expect(judge(null, 1, { ci: false }).failed).toBe(1);
    expect(judge({ passed: 3, failures: [], skipped: [] }, 1, { ci: false }).failed).toBe(1);
  });
});
