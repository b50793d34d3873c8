// Per-site choices, kept in storage.local (they are the user's settings, not plan text): whether Plan
// Lens runs on a site (automatic = plans only, always, off) and the phrases ignored there.
import type { WxtBrowser } from 'wxt/browser';

export type SiteMode = 'auto' | 'always' | 'off';

export interface SiteSettings {
  mode: SiteMode;
  ignoredPhrases: Set<string>;
}

type Storage = WxtBrowser['storage']['local'];

const modeKey = (host: string) => `site-mode:${host}`;
const phrasesKey = (host: string) => `ignored-phrases:${host}`;

/** The address a document's site is read from; about:blank and srcdoc editor frames belong to their parent's. */
export function siteUrl(location: Location): string {
  if (location.hostname) return location.href;
  return location.ancestorOrigins?.[0] ?? '';
}

/** The site (host name) a document belongs to. */
export function siteOf(location: Location): string {
  const url = siteUrl(location);
  return url ? new URL(url).hostname : '';
}

export async function loadSiteSettings(storage: Storage, host: string): Promise<SiteSettings> {
  const stored = await storage.get([modeKey(host), phrasesKey(host)]);
  const mode = stored[modeKey(host)];
  const phrases = stored[phrasesKey(host)];
  return {
    mode: mode === 'always' || mode === 'off' ? mode : 'auto',
    ignoredPhrases: new Set(Array.isArray(phrases) ? phrases.filter((p): p is string => typeof p === 'string') : []),
  };
}

/** Every site whose mode the user has set (automatic is the default and is not stored). */
export async function storedSiteModes(storage: Storage): Promise<Map<string, SiteMode>> {
  const stored = await storage.get(null);
  const modes = new Map<string, SiteMode>();
  for (const [key, mode] of Object.entries(stored)) {
    if (key.startsWith(modeKey('')) && (mode === 'always' || mode === 'off')) modes.set(key.slice(modeKey('').length), mode);
  }
  return modes;
}

export async function setSiteMode(storage: Storage, host: string, mode: SiteMode): Promise<void> {
  if (mode === 'auto') await storage.remove(modeKey(host));
  else await storage.set({ [modeKey(host)]: mode });
}

export async function addIgnoredPhrase(storage: Storage, host: string, phrase: string): Promise<void> {
  const { ignoredPhrases } = await loadSiteSettings(storage, host);
  ignoredPhrases.add(phrase);
  await storage.set({ [phrasesKey(host)]: [...ignoredPhrases] });
}

/** Calls `onChange` whenever this site's settings change (in any tab). */
export function watchSiteSettings(browser: WxtBrowser, host: string, onChange: (settings: SiteSettings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (modeKey(host) in changes || phrasesKey(host) in changes)) void loadSiteSettings(browser.storage.local, host).then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}
