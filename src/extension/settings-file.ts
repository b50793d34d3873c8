// Everything a user set, as one JSON file to keep or to give another browser: the settings, each site's mode and
// what was ignored there (hedge phrases and sentence hashes: no page's words). An imported file is checked whole
// first; a file with any problem changes nothing and says what is wrong (in the words the options page gives it).
import type { WxtBrowser } from 'wxt/browser';
import { loadUserSettings, readSettings, replaceUserSettings, hostOf, type Problem, type Settings } from './settings';
import { changeIgnored, ignoredBySite, readIgnored, setSiteMode, storedSiteModes, type SiteMode } from './site-settings';

const FORMAT = 'plan-lens-settings';
const VERSION = 1;

export interface SettingsFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  settings: Partial<Settings>;
  /** Host → the user's mode there (automatic, the default, is not listed). */
  sites: Record<string, Exclude<SiteMode, 'auto'>>;
  /** Host → what was ignored there. */
  ignored: Record<string, { phrases: string[]; sentences: string[] }>;
}

type Storage = WxtBrowser['storage']['local'];

export async function exportSettings(storage: Storage): Promise<SettingsFile> {
  const [settings, modes, ignored] = await Promise.all([loadUserSettings(storage), storedSiteModes(storage), ignoredBySite(storage)]);
  return {
    format: FORMAT,
    version: VERSION,
    settings,
    sites: Object.fromEntries([...modes].filter((entry): entry is [string, 'always' | 'off'] => entry[1] !== 'auto')),
    ignored: Object.fromEntries([...ignored].map(([host, i]) => [host, { phrases: [...i.phrases], sentences: [...i.sentences] }])),
  };
}

/** The file's contents if it is a Plan Lens settings file with nothing wrong in it; otherwise every problem found. */
export function readSettingsFile(text: string): { file: SettingsFile; problems: [] } | { file: null; problems: Problem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { file: null, problems: [(w) => w('settingsFileNotJson')] };
  }
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (v.format !== FORMAT) return { file: null, problems: [(w) => w('settingsFileNotOurs')] };
  const version = JSON.stringify(v.version);
  if (v.version !== VERSION) return { file: null, problems: [(w) => w('settingsFileVersion', version, String(VERSION))] };
  const { settings, problems } = readSettings(v.settings ?? {});
  const sites: SettingsFile['sites'] = {};
  const ignored: SettingsFile['ignored'] = {};
  const hostsOf = (name: string, record: unknown): [string, unknown][] => {
    if (record === undefined) return [];
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      problems.push((w) => w('settingsFileNotSites', name));
      return [];
    }
    const entries: [string, unknown][] = [];
    for (const [host, item] of Object.entries(record)) {
      if (hostOf(host) === host) entries.push([host, item]);
      else problems.push((w) => w('settingsFileNotSite', host, name));
    }
    return entries;
  };
  for (const [host, mode] of hostsOf('sites', v.sites)) {
    if (mode === 'always' || mode === 'off') sites[host] = mode;
    else problems.push((w) => w('settingsFileMode', host));
  }
  for (const [host, list] of hostsOf('ignored', v.ignored)) {
    const read = readIgnored(list);
    const given = list as { phrases?: unknown[]; sentences?: unknown[] };
    if (read.phrases.size !== new Set(given.phrases ?? []).size || read.sentences.size !== new Set(given.sentences ?? []).size) {
      problems.push((w) => w('settingsFileIgnored', host));
    } else ignored[host] = { phrases: [...read.phrases], sentences: [...read.sentences] };
  }
  if (problems.length > 0) return { file: null, problems };
  return { file: { format: FORMAT, version: VERSION, settings, sites, ignored }, problems: [] };
}

/**
 * Applies a file read by readSettingsFile: its settings replace the user's, its sites' modes are set, and what it
 * ignored is added to what is ignored here (nothing ignored here is dropped). A site's mode needs the browser's
 * grant as well: the options page offers to turn on a site that is not allowed yet.
 */
export async function importSettings(storage: Storage, file: SettingsFile): Promise<void> {
  await replaceUserSettings(storage, file.settings);
  for (const [host, mode] of Object.entries(file.sites)) await setSiteMode(storage, host, mode);
  for (const [host, list] of Object.entries(file.ignored)) await changeIgnored(storage, host, list);
}
