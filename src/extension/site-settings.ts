// Per-site choices, kept in storage.local (they are the user's settings, never plan text): whether Plan
// Lens runs on a site (automatic = plans only, always, off) and what the user ignored there. An ignored
// hedge is kept as its lexicon phrase ("as required"), an ignored sentence as a hash of its text: a page's
// own words (a child's name among them) are never stored. A site the organisation's policy lists runs by
// the policy's mode, whatever the user chose.
import type { WxtBrowser } from 'wxt/browser';
import { loadPolicy, settingsChanged } from './settings';

export type SiteMode = 'auto' | 'always' | 'off';

/** What the user ignored on one site. */
export interface Ignored {
  /** Hedge phrases as the lexicon writes them, lower case. */
  phrases: Set<string>;
  /** SHA-256 hex digests of ignored sentences (src/page/ignore.ts). */
  sentences: Set<string>;
}

export interface SiteSettings {
  mode: SiteMode;
  /** The mode is the organisation's (policy), not the user's to change. */
  locked: boolean;
  ignored: Ignored;
}

type Storage = WxtBrowser['storage']['local'];

const modeKey = (host: string) => `site-mode:${host}`;
const ignoredKey = (host: string) => `ignored:${host}`;
/** Where ignored phrases were kept before: the page's flagged words, which could name a child. */
const LEGACY_IGNORED = 'ignored-phrases:';
const HASH = /^[0-9a-f]{64}$/;

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

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string') : []);

/** An ignored list as stored (or imported): lexicon phrases and sentence hashes only. */
export function readIgnored(value: unknown): Ignored {
  const { phrases, sentences } = (typeof value === 'object' && value !== null ? value : {}) as { phrases?: unknown; sentences?: unknown };
  return { phrases: new Set(strings(phrases)), sentences: new Set(strings(sentences).filter((s) => HASH.test(s))) };
}

const storedIgnored = (ignored: Ignored) => ({ phrases: [...ignored.phrases], sentences: [...ignored.sentences] });

export async function loadSiteSettings(browser: WxtBrowser, host: string): Promise<SiteSettings> {
  const [stored, policy] = await Promise.all([browser.storage.local.get([modeKey(host), ignoredKey(host)]), loadPolicy(browser)]);
  const fixed = policy.sites?.find((s) => s.host === host);
  const mode = stored[modeKey(host)];
  return {
    mode: fixed ? fixed.mode : mode === 'always' || mode === 'off' ? mode : 'auto',
    locked: fixed !== undefined,
    ignored: readIgnored(stored[ignoredKey(host)]),
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

/** What was ignored on each site, sites with nothing ignored left out. */
export async function ignoredBySite(storage: Storage): Promise<Map<string, Ignored>> {
  const stored = await storage.get(null);
  const sites = new Map<string, Ignored>();
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith(ignoredKey(''))) continue;
    const ignored = readIgnored(value);
    if (ignored.phrases.size + ignored.sentences.size > 0) sites.set(key.slice(ignoredKey('').length), ignored);
  }
  return sites;
}

/** The change being written: each one reads what the one before it wrote. */
let ignoring: Promise<void> = Promise.resolve();

/**
 * Adds to (or, with `undo`, takes out of) what is ignored on a site. Storage has no transactions: two changes
 * read before either writes would each write their own list and lose the other (a phrase, then its sentence,
 * ignored within a moment of each other), so the changes one page makes (a tab, the options page) are written one
 * after another.
 */
export function changeIgnored(storage: Storage, host: string, change: { phrases?: string[]; sentences?: string[] }, undo = false): Promise<void> {
  const write = ignoring.then(async () => {
    const ignored = readIgnored((await storage.get(ignoredKey(host)))[ignoredKey(host)]);
    for (const p of change.phrases ?? []) void (undo ? ignored.phrases.delete(p) : ignored.phrases.add(p));
    for (const s of change.sentences ?? []) if (HASH.test(s)) void (undo ? ignored.sentences.delete(s) : ignored.sentences.add(s));
    if (ignored.phrases.size + ignored.sentences.size === 0) await storage.remove(ignoredKey(host));
    else await storage.set({ [ignoredKey(host)]: storedIgnored(ignored) });
  });
  // A failed write is its caller's to hear of; the next change still runs.
  ignoring = write.catch(() => undefined);
  return write;
}

/** Drops the ignored lists kept before they were stored without the page's words (they may hold a child's name). */
export async function forgetLegacyIgnored(storage: Storage): Promise<void> {
  const legacy = Object.keys(await storage.get(null)).filter((key) => key.startsWith(LEGACY_IGNORED));
  if (legacy.length > 0) await storage.remove(legacy);
}

/** Calls `onChange` whenever this site's settings change (in any tab, or by policy). */
export function watchSiteSettings(browser: WxtBrowser, host: string, onChange: (settings: SiteSettings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (settingsChanged(changes, area) || (area === 'local' && (modeKey(host) in changes || ignoredKey(host) in changes))) void loadSiteSettings(browser, host).then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}
