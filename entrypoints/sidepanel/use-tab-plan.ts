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
    void browser.storage.session.get(key).then((stored) => setPlan(stored[key] as TabPlan | undefined));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key in changes) setPlan(changes[key]!.newValue as TabPlan | undefined);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [tabId]);

  return { tabId, plan };
}
