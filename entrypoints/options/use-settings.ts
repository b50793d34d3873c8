// The options page's view of the settings: those in force (the user's with the organisation's on top), kept
// current as they change here, in another window or by policy.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadEffectiveSettings, saveUserSettings, watchSettings, type EffectiveSettings, type Settings } from '../../src/extension/settings';

export function useSettings(): EffectiveSettings | null {
  const [settings, setSettings] = useState<EffectiveSettings | null>(null);
  useEffect(() => {
    const stop = new AbortController();
    watchSettings(browser, setSettings, stop.signal);
    void loadEffectiveSettings(browser).then(setSettings);
    return () => stop.abort();
  }, []);
  return settings;
}

/** Saves a change the user made; every open page, the panel and the review page follow it. */
export const save = (change: Partial<Settings>) => saveUserSettings(browser.storage.local, change);
