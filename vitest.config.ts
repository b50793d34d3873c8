import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    setupFiles: ['tests/setup-reader.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['src/analysis/**/*.test.ts', 'src/cli/**/*.test.ts', 'tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['src/page/**/*.test.ts', 'src/page/**/*.test.tsx', 'src/sites/**/*.test.ts', 'src/extension/**/*.test.ts', 'tests/dom/**/*.test.ts', 'tests/dom/**/*.test.tsx'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // What a poll waits for crosses processes (page, worker, storage, another page): vitest's 1 s default made
          // a busy 2-core machine fail tests that pass; a poll still returns the moment its condition holds.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
