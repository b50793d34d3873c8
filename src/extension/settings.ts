// How Plan Lens judges a plan, as the user chose it on the options page (storage.local) and as their
// school's or LA's policy fixes it (storage.managed, src/../public/managed-schema.json). A managed value wins
// and is locked; everything read from either place is checked, and what does not fit is left out, never guessed.
import type { WxtBrowser } from 'wxt/browser';
import { RULE_FAMILIES } from '../analysis/families';
import type { HousePhrase, Options } from '../analysis/types';
import type { Words } from '../analysis/words';

export const JURISDICTION_CHOICES = ['auto', 'england', 'wales', 'scotland', 'ni', 'us'] as const;
export const STRICTNESS_CHOICES = ['statutory', 'good-practice'] as const;

/** The analyser's options a user or an organisation sets (assumePlan is the caller's to say, not a setting). */
export interface Settings {
  jurisdiction: Options['jurisdiction'];
  strictness: Options['strictness'];
  /** Rule ids or family ids (RULE_FAMILIES) turned off. */
  disabledRules: string[];
  /** House phrases to flag, each with the message the school or LA wants on the card. */
  customPhrases: HousePhrase[];
  /** House phrases to allow: a hedge inside one is not flagged. */
  allowedPhrases: string[];
}

export type SettingName = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  jurisdiction: 'auto',
  strictness: 'good-practice',
  disabledRules: [],
  customPhrases: [],
  allowedPhrases: [],
};

/** A site the organisation asks Plan Lens to check (a host name), and how: pages that read as plans, or every page. */
export interface PolicySite {
  host: string;
  mode: 'auto' | 'always';
}

/** What an organisation's policy may set: any setting, and the sites to check. */
export interface Policy extends Partial<Settings> {
  sites?: PolicySite[];
}

/** The settings in force: the user's, with the policy's on top (those names locked). */
export interface EffectiveSettings {
  settings: Settings;
  locked: ReadonlySet<SettingName>;
  /** The sites the organisation asks Plan Lens to check. */
  policySites: PolicySite[];
}

const SETTINGS_KEY = 'settings';
/** A house phrase longer than this is a pasted paragraph, not a phrase (the analyser ignores it too). */
export const MAX_PHRASE_LENGTH = 200;
const MAX_MESSAGE_LENGTH = 500;
const MAX_LIST = 500;

/** What is wrong with a setting, said in the words it is given (the options page's, in the browser's language). */
export type Problem = (words: Words) => string;
type Problems = Problem[];

const isString = (v: unknown): v is string => typeof v === 'string';

function oneOf<T extends string>(value: unknown, choices: readonly T[], name: string, problems: Problems): T | undefined {
  if (value === undefined) return undefined;
  if (isString(value) && (choices as readonly string[]).includes(value)) return value as T;
  const given = JSON.stringify(value);
  problems.push((w) => w('settingsNotOneOf', name, choices.join(', '), given));
  return undefined;
}

function listOf<T>(value: unknown, name: string, problems: Problems, item: (v: unknown, at: string) => T | undefined): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.push((w) => w('settingsNotList', name));
    return undefined;
  }
  if (value.length > MAX_LIST) {
    const entries = String(value.length);
    problems.push((w) => w('settingsTooMany', name, entries, String(MAX_LIST)));
    return undefined;
  }
  const out: T[] = [];
  for (const [i, v] of value.entries()) {
    const read = item(v, `${name}[${i + 1}]`);
    if (read !== undefined) out.push(read);
  }
  return out;
}

/** A phrase as typed: trimmed, one space between words; undefined (and a problem said) when it is not a phrase. */
function phrase(value: unknown, at: string, problems: Problems): string | undefined {
  if (!isString(value)) {
    problems.push((w) => w('settingsNotText', at));
    return undefined;
  }
  const words = value.trim().replace(/\s+/g, ' ');
  if (!words) problems.push((w) => w('settingsEmpty', at));
  else if (words.length > MAX_PHRASE_LENGTH) problems.push((w) => w('settingsTooLong', at, String(MAX_PHRASE_LENGTH)));
  else return words;
  return undefined;
}

function housePhrase(value: unknown, at: string, problems: Problems): HousePhrase | undefined {
  if (isString(value)) {
    const p = phrase(value, at, problems);
    return p === undefined ? undefined : { phrase: p };
  }
  if (typeof value !== 'object' || value === null) {
    problems.push((w) => w('settingsNotPhrase', at));
    return undefined;
  }
  const { phrase: words, message } = value as { phrase?: unknown; message?: unknown };
  const p = phrase(words, `${at}.phrase`, problems);
  if (p === undefined) return undefined;
  if (message === undefined || message === '') return { phrase: p };
  if (!isString(message) || message.length > MAX_MESSAGE_LENGTH) {
    problems.push((w) => w('settingsMessageTooLong', at, String(MAX_MESSAGE_LENGTH)));
    return undefined;
  }
  return message.trim() ? { phrase: p, message: message.trim() } : { phrase: p };
}

const RULE_ID = /^[A-Z][A-Z0-9-]{1,40}$/;

/**
 * The settings `value` holds, each checked: what is missing is left to the default, what is wrong is named in
 * `problems` and left out. Unknown names are problems too (a typo in a policy file should not pass quietly).
 */
export function readSettings(value: unknown, extra: readonly string[] = []): { settings: Partial<Settings>; problems: Problems } {
  const problems: Problems = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { settings: {}, problems: [(w) => w('settingsNotObject')] };
  const v = value as Record<string, unknown>;
  const settings: Partial<Settings> = {};
  const jurisdiction = oneOf(v.jurisdiction, JURISDICTION_CHOICES, 'jurisdiction', problems);
  if (jurisdiction) settings.jurisdiction = jurisdiction;
  const strictness = oneOf(v.strictness, STRICTNESS_CHOICES, 'strictness', problems);
  if (strictness) settings.strictness = strictness;
  const disabled = listOf(v.disabledRules, 'disabledRules', problems, (r, at) => {
    if (isString(r) && RULE_ID.test(r)) return r;
    problems.push((w) => w('settingsNotRule', at, RULE_FAMILIES.join(', ')));
    return undefined;
  });
  if (disabled) settings.disabledRules = [...new Set(disabled)];
  const custom = listOf(v.customPhrases, 'customPhrases', problems, (p, at) => housePhrase(p, at, problems));
  if (custom) settings.customPhrases = custom;
  const allowed = listOf(v.allowedPhrases, 'allowedPhrases', problems, (p, at) => phrase(p, at, problems));
  if (allowed) settings.allowedPhrases = [...new Set(allowed)];
  const known = new Set<string>([...Object.keys(DEFAULT_SETTINGS), ...extra]);
  for (const name of Object.keys(v)) if (!known.has(name)) problems.push((w) => w('settingsUnknown', name));
  return { settings, problems };
}

/** A host name as a policy or a user writes it ("portal.example.org", or a whole address). */
export function hostOf(typed: string): string | null {
  const t = typed.trim();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}/`);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname && !url.hostname.includes('*') ? url.hostname : null;
  } catch {
    return null;
  }
}

/** An organisation's policy as storage.managed holds it, each part checked like the user's settings. */
export function readPolicy(value: unknown): { policy: Policy; problems: Problems } {
  const { settings, problems } = readSettings(value, ['sites']);
  const policy: Policy = settings;
  const sites = listOf((value as { sites?: unknown } | null)?.sites, 'sites', problems, (s, at) => {
    const { host, mode = 'auto' } = (typeof s === 'object' && s !== null ? s : {}) as { host?: unknown; mode?: unknown };
    const name = isString(host) ? hostOf(host) : null;
    if (!name || (mode !== 'auto' && mode !== 'always')) {
      problems.push((w) => w('settingsPolicySite', at));
      return undefined;
    }
    return { host: name, mode } satisfies PolicySite;
  });
  if (sites) policy.sites = sites;
  return { policy, problems };
}

/** The user's settings with the policy's on top. */
export function effectiveSettings(user: Partial<Settings>, policy: Policy): EffectiveSettings {
  const { sites = [], ...fixed } = policy;
  return {
    settings: { ...DEFAULT_SETTINGS, ...user, ...fixed },
    locked: new Set(Object.keys(fixed) as SettingName[]),
    policySites: sites,
  };
}

/** The analyser's options for these settings. */
export function analyserOptions(settings: Settings): Partial<Options> {
  return { ...settings };
}

type Storage = WxtBrowser['storage']['local'];

export async function loadUserSettings(storage: Storage): Promise<Partial<Settings>> {
  return readSettings((await storage.get(SETTINGS_KEY))[SETTINGS_KEY] ?? {}).settings;
}

/** Changes some of the user's settings (the others stay as they are). */
export async function saveUserSettings(storage: Storage, change: Partial<Settings>): Promise<void> {
  const current = await loadUserSettings(storage);
  await storage.set({ [SETTINGS_KEY]: { ...current, ...change } });
}

/** Replaces all of the user's settings (an imported file). */
export async function replaceUserSettings(storage: Storage, settings: Partial<Settings>): Promise<void> {
  await storage.set({ [SETTINGS_KEY]: settings });
}

/**
 * The organisation's policy as last read, in storage.local: Chromium's managed storage answers its first read only
 * once its policy service has loaded, seconds after the browser starts, and pages should not wait that long.
 */
const POLICY_CACHE = 'policy';
/** How long a first read of managed storage is waited for before the policy as last read stands in. */
const POLICY_WAIT_MS = 300;

/**
 * The organisation's policy; none where the browser has no managed storage (Firefox without policies.json). A slow
 * or failed read is answered with the policy as last read (the worker keeps that copy: keepPolicyCopy).
 */
export async function loadPolicy(browser: WxtBrowser): Promise<Policy> {
  const cached = browser.storage.local.get(POLICY_CACHE).then((stored) => readPolicy(stored[POLICY_CACHE] ?? {}).policy);
  const fresh = browser.storage.managed.get(null).then(
    (value) => readPolicy(value).policy,
    () => cached,
  );
  return Promise.race([fresh, new Promise<void>((wait) => setTimeout(wait, POLICY_WAIT_MS)).then(() => cached)]);
}

/**
 * The worker keeps the copy of the policy that loadPolicy falls back on: once managed storage answers at start, and
 * on every change of it. A different policy is heard everywhere (settingsChanged) and read again.
 */
async function keepPolicyCopy(browser: WxtBrowser): Promise<void> {
  let policy: Policy;
  try {
    policy = readPolicy(await browser.storage.managed.get(null)).policy;
  } catch {
    // No managed storage in this browser: no policy.
    policy = {};
  }
  const stored = (await browser.storage.local.get(POLICY_CACHE))[POLICY_CACHE];
  if (JSON.stringify(readPolicy(stored ?? {}).policy) !== JSON.stringify(policy)) await browser.storage.local.set({ [POLICY_CACHE]: policy });
}

export async function loadEffectiveSettings(browser: WxtBrowser): Promise<EffectiveSettings> {
  const [user, policy] = await Promise.all([loadUserSettings(browser.storage.local), loadPolicy(browser)]);
  return effectiveSettings(user, policy);
}

/** Whether a storage change concerns the settings in force (the user's, or the organisation's). */
export const settingsChanged = (changes: Record<string, unknown>, area: string): boolean => area === 'managed' || (area === 'local' && (SETTINGS_KEY in changes || POLICY_CACHE in changes));

/** Calls `onChange` with the settings in force whenever the user's or the organisation's change. */
export function watchSettings(browser: WxtBrowser, onChange: (settings: EffectiveSettings) => void, signal?: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (settingsChanged(changes, area)) void loadEffectiveSettings(browser).then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}

/**
 * The worker's copy of the settings in force: read at start, kept current, and `ready` before the first answer
 * (a restarted worker must not judge a page by defaults while it reads them).
 */
export interface SettingsStore {
  ready: Promise<void>;
  current: () => EffectiveSettings;
  onChange: (listener: () => void) => void;
}

export function createSettingsStore(browser: WxtBrowser): SettingsStore {
  let current = effectiveSettings({}, {});
  const listeners: (() => void)[] = [];
  let reads = 0;
  const signature = (e: EffectiveSettings) => JSON.stringify([e.settings, [...e.locked], e.policySites]);
  /** Reads the settings in force; true when they differ from those held. */
  const read = () => {
    const n = ++reads;
    return loadEffectiveSettings(browser).then((next) => {
      // Two changes close together: the later read wins, whichever answers first.
      if (n !== reads || signature(next) === signature(current)) return false;
      current = next;
      return true;
    });
  };
  const ready = read().then(() => undefined);
  void keepPolicyCopy(browser);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') void keepPolicyCopy(browser);
    // A change that leaves the settings as they were (the policy's copy rewritten, say) asks no page to look again.
    if (settingsChanged(changes, area)) void read().then((changed) => changed && listeners.forEach((l) => l()));
  });
  return { ready, current: () => current, onChange: (l) => void listeners.push(l) };
}
