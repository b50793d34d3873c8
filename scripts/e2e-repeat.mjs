#!/usr/bin/env node
// `npm run e2e:repeat`: builds both browsers' extensions, then runs every end-to-end file three times in a row
// (no retries), so a test that passes only sometimes shows up as a file that failed some of its runs. Counts
// as `npm test` does (scripts/vitest-tally.ts) and closes with the same "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const { ENVIRONMENT_SKIPS, judge, runVitest, underCI } = await tsImport('./vitest-tally.ts', import.meta.url);
const RUNS = 3;

for (const args of [['build'], ['build', '-b', 'firefox', '--mv3']]) {
  if (spawnSync('npx', ['--no-install', 'wxt', ...args], { stdio: 'inherit' }).status !== 0) {
    console.log(`\n✖ wxt ${args.join(' ')} failed\n0 passed, 1 failed`);
    process.exit(1);
  }
}

const files = fs.readdirSync('tests/e2e').filter((f) => f.endsWith('.e2e.ts')).sort().map((f) => `tests/e2e/${f}`);
let passed = 0;
let failed = 0;
const summary = [];
for (const file of files) {
  const failedRuns = [];
  for (let run = 1; run <= RUNS; run++) {
    console.log(`\n── ${file}, run ${run} of ${RUNS}`);
    const { status, tally } = await runVitest(['--project', 'e2e', '--retry=0', file]);
    const verdict = judge(tally, status, { ci: underCI(), maySkip: ENVIRONMENT_SKIPS });
    passed += verdict.passed;
    failed += verdict.failed;
    if (verdict.failed > 0) failedRuns.push(run);
    summary.push(...verdict.lines.map((line) => `${line} (run ${run})`));
  }
  if (failedRuns.length > 0 && failedRuns.length < RUNS) summary.push(`✖ ${file} is flaky: it failed run ${failedRuns.join(', ')} of ${RUNS}`);
}

console.log(`\n${summary.join('\n')}${summary.length ? '\n' : ''}${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
