#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to find, closing with one plain
// "N passed, N failed" line that CI reads. Exit non-zero when anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import { tsImport } from 'tsx/esm/api';

const { ENVIRONMENT_SKIPS, judge, runVitest, underCI } = await tsImport('./vitest-tally.ts', import.meta.url);

let passed = 0;
let failed = 0;
const summary = [];
const run = (label, cmd, args) => {
  console.log(`\n── ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status === 0) passed++;
  else {
    failed++;
    summary.push(`✖ ${label} failed (exit ${r.status})`);
  }
  return r.status === 0;
};
const npx = (label, ...args) => run(label, 'npx', ['--no-install', ...args]);

npx('lint', 'eslint', '--max-warnings=0', '.');
npx('typecheck', 'tsc', '--noEmit', '-p', '.');
const built = npx('build chrome-mv3', 'wxt', 'build') & npx('build firefox', 'wxt', 'build', '-b', 'firefox', '--mv3');
// What addons.mozilla.org runs on upload, on the Firefox build (known third-party warnings: README).
if (built) run('addons-linter', 'node', ['scripts/addons-lint.mjs']);

// Every test file's tests, hooks and unhandled errors count (scripts/vitest-tally.ts), and so does vitest's exit code.
const projects = built ? ['unit', 'dom', 'e2e'] : ['unit', 'dom'];
console.log(`\n── vitest: ${projects.join(', ')}${built ? '' : ' (e2e not run: the build failed)'}`);
const { status, tally } = await runVitest(projects.flatMap((p) => ['--project', p]));
const verdict = judge(tally, status, { ci: underCI(), maySkip: ENVIRONMENT_SKIPS });
passed += verdict.passed;
failed += verdict.failed;
summary.push(...verdict.lines);

console.log(`\n${summary.join('\n')}${summary.length ? '\n' : ''}${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
