// Page-layer modules bundled for a plain page, so a real browser can exercise them directly (the
// middle tier between happy-dom unit tests and the whole extension): no analyser, no extension APIs.
import { build } from 'vite';
import { REPO_ROOT } from './harness';

/** Bundles `entry` (relative to the repo) as an IIFE that sets `window[globalName]` to its exports. */
export async function bundleForPage(entry: string, globalName: string): Promise<string> {
  const result = await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: `${REPO_ROOT}/${entry}`, formats: ['iife'], name: globalName, fileName: () => 'bundle.js' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if ('output' in out) {
      const chunk = out.output.find((o) => o.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error(`could not bundle ${entry}`);
}
