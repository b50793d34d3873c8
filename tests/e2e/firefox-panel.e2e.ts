// The Firefox build (`wxt build -b firefox --mv3`, run by `npm test` before the e2e project): the side panel is
// Firefox's sidebar, and the panel's own code calls nothing Firefox lacks (the sidePanel API is Chrome's; the
// worker reaches it only behind a check for Firefox's sidebarAction).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firefoxExtensionDir } from './firefox-harness';

describe('Firefox build', () => {
  const dir = firefoxExtensionDir();
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('declares the panel as the sidebar, and asks for no Chrome-only permission', () => {
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.side_panel).toBeUndefined();
  });

  it('bundles a panel page whose scripts call no Chrome-only API', () => {
    const html = fs.readFileSync(path.join(dir, 'sidepanel.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="\/([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    // Through the polyfilled `browser` only: no direct `chrome.*` call, no sidePanel.
    for (const script of scripts) expect(fs.readFileSync(path.join(dir, script), 'utf8')).not.toMatch(/\bsidePanel\b|\bchrome\.[a-z]/);
  });
});
