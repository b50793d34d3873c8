#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to find, closing with one plain
// "N passed, N failed" line that CI reads. Exit non-zero when anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let passed = 0;
let failed = 0;
const run = (label, cmd, args) => {
  console.log(`\n── ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.log(`✖ ${label} failed (exit ${r.status})`);
  }
  return r.status === 0;
};
const npx = (label, ...args) => run(label, 'npx', ['--no-install', ...args]);

npx('lint', 'eslint', '--max-warnings=0', '.');
npx('typecheck', 'tsc', '--noEmit', '-p', '.');
const built = npx('build chrome-mv3', 'wxt', 'build') & npx('build firefox', 'wxt', 'build', '-b', 'firefox', '--mv3');

// vitest's own summary is not a line CI reads: count its tests from the JSON reporter.
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-test-')), 'vitest.json');
const projects = built ? ['unit', 'dom', 'e2e'] : ['unit', 'dom'];
console.log(`\n── vitest: ${projects.join(', ')}${built ? '' : ' (e2e skipped: the build failed)'}`);
spawnSync('npx', ['--no-install', 'vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { stdio: 'inherit' });
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A file that fails to load has no tests to count; it is still a failure.
  failed += json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else {
  failed++;
  console.log('✖ vitest wrote no report');
}
if (!built) failed++;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
