// The CLI as a user runs it (`npm run check -- --json FILE`), for e2e files that check the extension gives the
// same findings for the same text.
import { execFileSync } from 'node:child_process';
import type { Finding } from '../../src/analysis/index';
import { REPO_ROOT } from './harness';

export function cliFindings(file: string): Finding[] {
  const out = execFileSync('npx', ['--no-install', 'tsx', 'src/cli/check.ts', '--json', file], { cwd: REPO_ROOT, encoding: 'utf8' });
  return (JSON.parse(out) as { findings: Finding[] }).findings;
}
