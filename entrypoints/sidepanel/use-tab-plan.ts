// The plan report of the tab the panel is looking at, kept live: the active tab (or ?tab=ID when the panel
// page is opened in a tab of its own), re-read whenever the worker stores a new report for it.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { tabPlanKey, type TabPlan } from '../../src/extension/tab-plan-messages';

export function useTabPlan(): { tabId: number | undefined; plan: TabPlan | undefined } {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [plan, setPlan] = useState<TabPlan | undefined>(undefined);

  useEffect(() => {
    const pinned = Number(new URLSearchParams(location.search).get('tab'));
    if (pinned) {
      setTabId(pinned);
      return;
    }
    const follow = () => void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id));
    follow();
    const onUpdated = (_id: number, change: { status?: string }) => change.status === 'complete' && follow();
    browser.tabs.onActivated.addListener(follow);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(follow);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  useEffect(() => {
    if (tabId === undefined) return;
    const key = tabPlanKey(tabId);
    // Listening before reading: a report the worker stores while the panel opens is not missed between the two,
    // and once a change has arrived, the read (which may have been answered before it) does not undo it.
    let changed = false;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(key in changes)) return;
      changed = true;
      setPlan(changes[key]!.newValue as TabPlan | undefined);
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.session.get(key).then((stored) => {
      if (!changed) setPlan(stored[key] as TabPlan | undefined);
    });
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [tabId]);

  return { tabId, plan };
}
