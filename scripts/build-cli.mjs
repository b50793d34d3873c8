#!/usr/bin/env node
// Builds the `plan-lens` command to plain JavaScript: one ES module, its npm packages left to node_modules.
// Run by `npm install`/`npm ci`/`npm link` (prepare); `node scripts/build-cli.mjs OUTFILE` builds elsewhere.
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

const outfile = process.argv[2] ?? 'dist/plan-lens.mjs';
await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
// Runnable as it is (./dist/plan-lens.mjs), not only through the link npm makes.
chmodSync(outfile, 0o755);
