import { defineConfig } from 'wxt';
import { highlightCss } from './src/page/mark-styles';

// The public half of Plan Lens's signing key: it pins the Chrome extension id
// (dkjnaakmdcmeofhpcljobeojognknpbp) so Google Docs' annotated-canvas allowlist can name it.
const CHROME_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkWdL/c176pwkCVH/zYeulqsWAhLs+qTaiOot7CU+6qrL4tmn/VCj/FZvYJC+Z7yPuK5Qmd7I7TSsyxxSTL/3YVPi5fTctzxT5ZOD9AGfiUxfRGE5HXwDTC0ms9QeMa1d21Bl7UjJ3O5SX6OAXni5JLLpncxzA5K1KP1V7upP9LPsTLcpWLtCxOazuDoRZLpwRtfkj1BkuOp1H8Z+OMPByPQzEh0PpU53/BcE7p5FX5AwXFp2ipzScv/7koLSiaEAB5D8/JfLVqMbEhmCdo4TOLLePbW/E3GMVMw0jGaUQaLzvy+dId8t3jEQEWVWo6cwBlw8nrg1XDfummJqL8krZQIDAQAB';

/**
 * Chromium: the marks' `::highlight()` rules come with the content script, injected before the page is parsed, so
 * they cost the page nothing when the first marks appear (a sheet added then restyles the whole document: ~150 ms
 * in a 5,000-field form). On the root alone, as Chromium's highlights inherit; Firefox's do not, so there the page
 * layer adds its own rules for every element, only to a page that gets marks (src/page/highlights.ts).
 */
const HIGHLIGHT_SHEET = 'content-scripts/highlights.css';
const CONTENT_SCRIPT = 'content-scripts/content.js';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports: every file says where its names come from.
  imports: false,
  zip: { excludeSources: ['demo-out/**', 'test-results/**', '.output/**', 'dist/**', 'coverage/**'] },
  hooks: {
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'firefox') files.push({ relativeDest: HIGHLIGHT_SHEET, contents: highlightCss(':root') });
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') return;
      // The sites the user grants get the same sheet: their registered script copies this entry (site-access.ts).
      for (const script of manifest.content_scripts ?? []) if (script.js?.includes(CONTENT_SCRIPT)) script.css = [...(script.css ?? []), HIGHLIGHT_SHEET];
    },
  },
  manifest: ({ browser }) => ({
    // UI strings are in public/_locales: en_GB, and en_US for an American browser.
    default_locale: 'en_GB',
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    commands: {
      'check-selection': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandCheckSelection__' },
      'check-page': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandCheckPage__' },
    },
    // The toolbar button: "Check this page" (activeTab) and the per-tab finding count badge.
    action: { default_title: '__MSG_actionTitle__' },
    // The worker fetches a Google Doc's plain-text export when Docs will not share its text in the page:
    // documents only, the export address being /document/…/export (src/extension/tab-plans.ts).
    host_permissions: ['https://docs.google.com/document/*'],
    // Extension pages (side panel, review, options) and the worker run only Plan Lens's own files, load nothing
    // from elsewhere and send nothing anywhere but a Google Docs export; a plugin, a <base> or a form post cannot
    // be slipped in.
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src 'self' https://docs.google.com; img-src 'self' data: blob:",
    },
    // "Always on this site": asked for one site at a time, from the toolbar menu or the browser's own
    // site-access controls; nothing is granted at install beyond the plan surfaces in content.ts.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // declarativeContent (Chrome): the toolbar button shows on an organisation's sites, without reading any page.
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel', 'declarativeContent'])],
    ...(browser === 'firefox'
      ? {
          // data_collection_permissions (Mozilla's "collects no data" declaration) is known from Firefox 140, and
          // from 142 on Android: no earlier version would read it.
          browser_specific_settings: {
            gecko: { id: 'plan-lens@plan-lens.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          key: CHROME_KEY,
          // What a school's or LA's policy may set (storage.managed); Firefox reads the same from policies.json.
          storage: { managed_schema: 'managed-schema.json' },
        }),
  }),
});
