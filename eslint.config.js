import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

export default tseslint.config(
  { ignores: ['.output/**', 'dist/**', '.wxt/**', 'node_modules/**', 'demo-out/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  nounsanitized.configs.recommended,
  {
    languageOptions: {
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
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval: extension CSP and privacy.' }],
      // Analysis is pure: it must not reach into the DOM or the browser.
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
    files: ['src/page/**/*.{ts,tsx}', 'src/sites/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', 'chrome', 'browser'],
      'no-restricted-imports': ['error', { patterns: ['wxt/browser', 'webextension-polyfill', '**/extension/**'] }],
    },
  },
);
