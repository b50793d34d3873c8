// The CLI as a user runs it (`npm run check -- --json FILE`), for e2e files that check the extension gives the
// same findings for the same text.
import { execFileSync } from 'node:child_process';
import type { Finding } from '../../src/analysis/index';
import { REPO_ROOT } from './harness';

/** A finding as --json prints it: the analyser's finding, and where it is. */
export type PlacedFinding = Finding & { quote: string; line: number; column: number; section: string | null; page?: number };

export function cliReport(file: string): PlacedFinding[] {
  const out = execFileSync('npx', ['--no-install', 'tsx', 'src/cli/bin.ts', '--json', file], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(out) as { findings: PlacedFinding[] }).findings;
}

/** The analyser's findings for a file, as the CLI gives them (without the places --json adds). */
export function cliFindings(file: string): Finding[] {
  const place = new Set(['quote', 'line', 'column', 'section', 'page']);
  return cliReport(file).map((placed) => Object.fromEntries(Object.entries(placed).filter(([key]) => !place.has(key))) as unknown as Finding);
}
