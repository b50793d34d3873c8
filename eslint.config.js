import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

export default tseslint.config(
  { ignores: ['.output/**', 'dist/**', '.wxt/**', 'node_modules/**', 'demo-out/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  // Type-aware: a promise nobody awaits, or one handed where a plain callback is expected, is an error.
  ...tseslint.configs.recommendedTypeChecked,
  nounsanitized.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs', 'tests/fixtures/gdocs/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: {
        window: 'readonly', document: 'readonly', console: 'readonly', process: 'readonly', setTimeout: 'readonly',
        clearTimeout: 'readonly', requestAnimationFrame: 'readonly', cancelAnimationFrame: 'readonly', URL: 'readonly',
        performance: 'readonly', navigator: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly',
      },
    },
    rules: {
      // noUncheckedIndexedAccess is on; a checked index may say so with !.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: extension CSP and privacy.' },
        // Preact's one innerHTML (the README's addons-linter list counts on no text being rendered as markup).
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text as text: no dangerouslySetInnerHTML.' },
      ],
      // Analysis is pure: it must not reach into the DOM or the browser.
    },
  },
  {
    // Plain JavaScript declares no types, so what it gets from an untyped import is `any`: the no-unsafe-* rules
    // would flag every use. The promise rules still apply.
    files: ['**/*.{js,mjs}'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['tests/**', '**/*.test.{ts,tsx}'],
    rules: {
      // A test's stand-in for a promise-returning browser API is an async function with nothing to await; and
      // vi.spyOn types an overloaded browser API by its last overload, the callback form, so a stand-in
      // answering the promise form reads as a promise passed where void is expected.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      // vitest types its asymmetric matchers (expect.stringContaining, expect.any) as any.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['src/analysis/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'chrome', 'browser', 'fetch', 'XMLHttpRequest', 'localStorage'],
      'no-restricted-imports': ['error', { patterns: ['wxt/*', '**/page/**', '**/sites/**', '**/extension/**', 'webextension-polyfill'] }],
    },
  },
  {
    // Nor on the layers that read files for it (its tests may check their output).
    files: ['src/analysis/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['wxt/*', '**/page/**', '**/sites/**', '**/extension/**', 'webextension-polyfill', '**/documents/**', '**/cli/**'] }] },
  },
  {
    // Documents turn a plan file (text, HTML, Word, PDF) into text for the analysis, in Node and in extension
    // pages alike: no browser extension API, no page or site layer, and nothing sent anywhere.
    files: ['src/documents/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'chrome', 'browser', 'fetch', 'XMLHttpRequest', 'localStorage'],
      'no-restricted-imports': ['error', { patterns: ['wxt', 'wxt/*', 'webextension-polyfill', '**/extension/**', '**/page/**', '**/sites/**', '**/cli/**', '**/entrypoints/**'] }],
    },
  },
  {
    // The command line runs in Node: files in, findings out; no browser, and nothing sent anywhere.
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'navigator', 'chrome', 'browser', 'fetch', 'XMLHttpRequest', 'localStorage'],
      'no-restricted-imports': ['error', { patterns: ['wxt', 'wxt/*', 'webextension-polyfill', 'preact', 'preact/*', '**/extension/**', '**/page/**', '**/sites/**', '**/entrypoints/**'] }],
    },
  },
  {
    files: ['src/page/**/*.{ts,tsx}', 'src/sites/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', 'chrome', 'browser'],
      'no-restricted-imports': ['error', { patterns: ['wxt/browser', 'webextension-polyfill', '**/extension/**'] }],
    },
  },
);
