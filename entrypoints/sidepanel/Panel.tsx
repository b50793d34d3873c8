// The side panel: the current tab's plan at a glance, where it is vague, whether needs meet provision,
// and every finding with a way back to it in the document.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Category } from '../../src/analysis/types';
import { CATEGORIES } from '../../src/page/categories';
import { CoverageGrid } from './CoverageGrid';
import { FindingsBySection } from './FindingsBySection';
import { Overview } from './Overview';
import { SpecificityChart } from './SpecificityChart';
import { useTabPlan } from './use-tab-plan';

export function Panel() {
  const { tabId, plan } = useTabPlan();
  const [shown, setShown] = useState<Set<Category>>(new Set(CATEGORIES));
  const openReview = () => void browser.tabs.create({ url: browser.runtime.getURL('/review.html') });

  if (!plan) {
    return (
      <main class="empty">
        <h1>Plan Lens</h1>
        <p>No plan has been read in this tab yet.</p>
        <p>In Google Docs, Plan Lens reads the document by itself. For a PDF or Word file, or pasted text:</p>
        <button type="button" onClick={openReview}>
          Check a file or pasted text
        </button>
      </main>
    );
  }
  return (
    <main>
      <Overview plan={plan} shown={shown} onToggle={(c) => setShown((s) => new Set(s.has(c) ? [...s].filter((x) => x !== c) : [...s, c]))} />
      <SpecificityChart plan={plan} />
      <CoverageGrid plan={plan} />
      <FindingsBySection plan={plan} tabId={tabId} shown={shown} />
      <footer>
        <button type="button" onClick={openReview}>
          Check a file or pasted text
        </button>
      </footer>
    </main>
  );
}
