// The side panel: the current tab's plan at a glance (how many sentences need work, errors first, and where), then
// every flagged sentence with a way back to it in the document, and whether needs meet provision.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Severity } from '../../src/analysis/types';
import { checkFromPanel } from '../../src/extension/check-page';
import { openReviewWith } from '../../src/extension/selection-review';
import { CoverageGrid } from './CoverageGrid';
import { FindingsBySection } from './FindingsBySection';
import { Overview } from './Overview';
import { Summary } from './Summary';
import { useTabPlan } from './use-tab-plan';
import { t } from '../../src/extension/i18n';

export function Panel() {
  const { tabId, plan } = useTabPlan();
  const [shown, setShown] = useState<Set<Severity>>(new Set(['error', 'warning', 'info']));
  const openReview = () => void browser.tabs.create({ url: browser.runtime.getURL('/review.html') });
  const [checkNote, setCheckNote] = useState<string | null>(null);
  // A site asked for waits for the user's answer while the panel shows this tab, and no longer.
  const asking = useRef<AbortController | null>(null);
  useEffect(() => () => asking.current?.abort(), [tabId]);
  const checkThisPage = () => {
    if (tabId === undefined) return;
    setCheckNote(null);
    asking.current?.abort();
    const ask = (asking.current = new AbortController());
    const notes = { checked: null, asked: t('panelAskedForSite'), unreachable: t('panelCannotReach') };
    void checkFromPanel(browser, tabId, ask.signal, () => setCheckNote(null)).then(
      (result) => !ask.signal.aborted && setCheckNote(notes[result]),
      () => setCheckNote(t('panelCannotReach')),
    );
  };
  const actions = (
    <p class="actions">
      {checkNote && (
        <span class="note" role="status">
          {checkNote}
          <br />
        </span>
      )}
      {tabId !== undefined && (
        <button type="button" onClick={checkThisPage}>
          {t('panelCheckPage')}
        </button>
      )}{' '}
      <button type="button" onClick={openReview}>
        {t('panelCheckFile')}
      </button>
    </p>
  );

  if (!plan) {
    return (
      <main class="empty" data-testid="empty">
        <h1>Plan Lens</h1>
        <p>{t('panelNothingYet')}</p>
        <p>{t('panelHowTo')}</p>
        {actions}
      </main>
    );
  }
  if (plan.source === 'page' && !plan.report.isPlan) {
    return (
      <main class="empty" data-testid="not-a-plan">
        <h1>{plan.title || t('panelThisTab')}</h1>
        <p>{t('panelNotPlan')}</p>
        <p>{t('panelNotPlanHint')}</p>
        {actions}
      </main>
    );
  }
  return (
    <main>
      <Overview plan={plan} />
      <Summary
        plan={plan}
        shown={shown}
        onToggle={(c) => setShown((s) => new Set(s.has(c) ? [...s].filter((x) => x !== c) : [...s, c]))}
        // The response is written on the review page, from the plan's text as the panel holds it.
        onAmendments={() => void openReviewWith(browser, { text: plan.text, name: plan.title || t('panelThisTab'), show: 'amendments' })}
      />
      <FindingsBySection plan={plan} tabId={tabId} shown={shown} />
      <CoverageGrid plan={plan} />
      <footer>{actions}</footer>
    </main>
  );
}
