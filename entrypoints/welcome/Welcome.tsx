// The first-run page, opened once on install: what Plan Lens does, that nothing leaves the browser, how to turn it
// on for a portal, its shortcuts, and a sample plan to try it on (checked in the review page, on this computer).
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import sampleHtml from '../../assets/samples/ehcp-draft.html?raw';
import { t } from '../../src/extension/i18n';
import { sitesToOffer } from '../../src/extension/policy-sites';
import { allowSite } from '../../src/extension/site-access';
import { openReviewWith } from '../../src/extension/selection-review';
import { loadEffectiveSettings, watchSettings, type EffectiveSettings, type PolicySite } from '../../src/extension/settings';

/** The sample page's text as a reader sees it: one line per heading, paragraph, list item or table row (cells joined by " | "). */
function sampleText(): string {
  const body = new DOMParser().parseFromString(sampleHtml, 'text/html').body;
  const words = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return [...body.querySelectorAll('h1, h2, h3, h4, p, li, tr')]
    .map((el) => (el.tagName === 'TR' ? [...el.children].map(words).join(' | ') : words(el)))
    .filter(Boolean)
    .join('\n');
}

/** The keys the manifest suggests (wxt.config.ts) and the page's own: what each does. */
const SHORTCUTS: [string, Parameters<typeof t>[0]][] = [
  ['Alt+Shift+K', 'welcomeKeyCheckPage'],
  ['Alt+Shift+L', 'welcomeKeyCheckSelection'],
  ['Alt+Shift+J', 'welcomeKeyNextFinding'],
  ['Enter', 'welcomeKeyOpenCard'],
  ['Esc', 'welcomeKeyCloseCard'],
];

export function Welcome() {
  const [offered, setOffered] = useState<PolicySite[]>([]);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    // Kept current: Chromium's managed storage answers only once its policy service has loaded, seconds after start.
    const offer = (e: EffectiveSettings) => void sitesToOffer(browser, e.policySites).then(setOffered);
    const stop = new AbortController();
    watchSettings(browser, offer, stop.signal);
    void loadEffectiveSettings(browser).then(offer);
    return () => stop.abort();
  }, []);

  const trySample = async () => {
    setProblem('');
    try {
      await openReviewWith(browser, { text: sampleText(), name: t('welcomeSampleName') });
    } catch (error) {
      setProblem(String(error));
    }
  };
  const allow = (site: PolicySite) =>
    void allowSite(browser, `https://${site.host}/`, site.mode).then((granted) => granted && setOffered((list) => list.filter((s) => s.host !== site.host)));

  return (
    <main>
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeWhat')}</p>
      <p class="private">{t('welcomePrivate')}</p>
      {offered.length > 0 && (
        <section aria-labelledby="organisation">
          <h2 id="organisation">{t('welcomeOrganisation')}</h2>
          <ul class="phrases">
            {offered.map((s) => (
              <li key={s.host} data-host={s.host}>
                <span class="phrase">{s.host}</span>
                <button type="button" onClick={() => allow(s)}>
                  {t('siteAllowAsked')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="turn-on">
        <h2 id="turn-on">{t('welcomeTurnOn')}</h2>
        <ol class="steps">
          <li>{t('welcomeStepPin')}</li>
          <li>{t('welcomeStepCheck')}</li>
          <li>{t('welcomeStepAlways')}</li>
          <li>{t('welcomeStepWebmail')}</li>
        </ol>
      </section>
      <section aria-labelledby="keys">
        <h2 id="keys">{t('welcomeKeys')}</h2>
        <ul class="keys">
          {SHORTCUTS.map(([keys, what]) => (
            <li key={keys}>
              {keys.split('+').map((k, i) => (
                <Fragment key={k}>
                  {i > 0 && '+'}
                  <kbd>{k}</kbd>
                </Fragment>
              ))}{' '}
              {t(what)}
            </li>
          ))}
        </ul>
        <p class="note">{t('welcomeKeysChange')}</p>
      </section>
      <section aria-labelledby="try" class="try">
        <h2 id="try">{t('welcomeTry')}</h2>
        <p>{t('welcomeTryNote')}</p>
        <button type="button" onClick={() => void trySample()}>
          {t('welcomeTryButton')}
        </button>
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
      </section>
      <p class="note">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {t('welcomeSettings')}
        </a>
      </p>
    </main>
  );
}
