// What a vitest run did, counted so that nothing fails quietly. vitest's JSON report counts a file whose
// beforeAll threw as skipped tests and an unhandled rejection as nothing; this reporter sees the run's own
// result (files, suites, tests, unhandled errors), and `judge` adds vitest's exit code and the skip policy.
// `npm test` and `npm run e2e:repeat` count with it; tests/unit/test-runner.test.ts plants failures in it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter, SerializedError, TestCase, TestModule, TestSuite } from 'vitest/node';

export interface Tally {
  passed: number;
  /** Each thing that went wrong: a failed test, a file or suite that threw (import, hook), an unhandled error. */
  failures: { file: string; what: string; message: string }[];
  skipped: { file: string; test: string }[];
}

/** Where the reporter writes the tally: a run's own temporary file, named by the caller. */
const TALLY_FILE = 'PLAN_LENS_TALLY';

const firstLine = (e: { message?: string } | undefined) => (e?.message ?? 'no message').split('\n')[0]!;

/** Whether a suite or the file around `test` has errors of its own (a throwing beforeAll, say). */
function failedAround(test: TestCase): boolean {
  for (let around: TestSuite | TestModule = test.parent; ; around = around.parent) {
    if (around.errors().length > 0) return true;
    if (around.type === 'module') return false;
  }
}

/** The reporter vitest loads by this file's path (`--reporter=scripts/vitest-tally.ts`). */
export default class TallyReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const out = process.env[TALLY_FILE];
    if (!out) return;
    const tally: Tally = { passed: 0, failures: [], skipped: [] };
    for (const error of unhandledErrors) tally.failures.push({ file: '', what: 'unhandled error', message: firstLine(error) });
    for (const module of modules) {
      const file = path.relative(process.cwd(), module.moduleId);
      const before = tally.failures.length;
      // A throwing import, beforeAll or afterAll lands on its file or suite, not on a test.
      for (const error of module.errors()) tally.failures.push({ file, what: 'file', message: firstLine(error) });
      for (const suite of module.children.allSuites()) {
        for (const error of suite.errors()) tally.failures.push({ file, what: `suite "${suite.fullName}"`, message: firstLine(error) });
      }
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') tally.passed++;
        else if (result.state === 'failed') tally.failures.push({ file, what: `test "${test.fullName}"`, message: firstLine(result.errors[0]) });
        // A test that did not run because its file's or suite's hook threw is that failure, already counted.
        else if (result.state === 'skipped') {
          if (!failedAround(test)) tally.skipped.push({ file, test: test.fullName });
        }
        else tally.failures.push({ file, what: `test "${test.fullName}"`, message: 'never finished' });
      }
      if (module.state() === 'failed' && tally.failures.length === before) tally.failures.push({ file, what: 'file', message: 'failed' });
    }
    fs.writeFileSync(out, JSON.stringify(tally));
  }
}

/**
 * Files that may skip, and why: only outside CI, and only because this machine lacks what they drive (each file
 * checks for it itself). Under CI, which installs all of it, nothing may skip.
 */
export const ENVIRONMENT_SKIPS: Record<string, string> = {
  'tests/e2e/firefox.e2e.ts': 'needs Firefox (firefox-esr)',
  'tests/e2e/browser-ui.e2e.ts': 'needs Xvfb and xdotool',
  'tests/e2e/policy.e2e.ts': 'needs root (it writes Chromium’s managed policy directory)',
  'tests/e2e/plan-forms.e2e.ts': 'needs LibreOffice (libreoffice-writer-nogui) for the Word conversions',
  'tests/e2e/amendments.e2e.ts': 'needs LibreOffice (libreoffice-writer-nogui) to read the Word document back',
};

/** `CI=true` (or any value but empty, 0 or false), as CI services set it. */
export const underCI = (env: NodeJS.ProcessEnv = process.env) => !['', '0', 'false'].includes((env.CI ?? '').toLowerCase());

export interface Verdict {
  passed: number;
  failed: number;
  /** One line per failure, and one per file whose skip was allowed. */
  lines: string[];
}

/** The run's verdict: its tally, its exit code (non-zero with nothing counted is still a failure) and the skip policy. */
export function judge(tally: Tally | null, status: number | null, options: { ci: boolean; maySkip?: Record<string, string> }): Verdict {
  if (!tally) return { passed: 0, failed: 1, lines: [`✖ vitest wrote no tally (exit ${status})`] };
  const lines = tally.failures.map((f) => `✖ ${[f.file, f.what].filter(Boolean).join(' ')}: ${f.message}`);
  let failed = tally.failures.length;
  const allowed = new Map<string, number>();
  for (const s of tally.skipped) {
    const why = options.ci ? undefined : options.maySkip?.[s.file];
    if (why) allowed.set(s.file, (allowed.get(s.file) ?? 0) + 1);
    else {
      failed++;
      lines.push(`✖ ${s.file} test "${s.test}": skipped${options.ci ? ' under CI' : ''}`);
    }
  }
  for (const [file, n] of allowed) lines.push(`- ${file}: ${n} skipped, allowed outside CI (${options.maySkip![file]})`);
  if (status !== 0 && failed === 0) {
    failed = 1;
    lines.push(`✖ vitest exited ${status} with no failure it reported: see its output above`);
  }
  return { passed: tally.passed, failed, lines };
}

const VITEST_CLI = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

/** Runs `vitest run <args>` in `cwd` with the default reporter (unless `quiet`) and this one; resolves to its exit code and tally. */
export function runVitest(args: string[], options: { cwd?: string; quiet?: boolean } = {}): Promise<{ status: number | null; tally: Tally | null }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-tally-'));
  const out = path.join(dir, 'tally.json');
  const reporter = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [VITEST_CLI, 'run', ...args, ...(options.quiet ? [] : ['--reporter=default']), `--reporter=${reporter}`], {
    cwd: options.cwd ?? process.cwd(),
    // Its own run: none of a surrounding vitest's worker variables (the runner's own test starts it from one).
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))), [TALLY_FILE]: out },
    stdio: options.quiet ? 'ignore' : 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      const tally = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Tally) : null;
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ status, tally });
    });
  });
}
