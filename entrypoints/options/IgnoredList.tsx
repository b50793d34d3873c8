// What the user ignored, site by site, each with Undo. A hedge shows its phrase; an ignored sentence was kept
// only as a hash of its words, so it can be named only as "one sentence".
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { changeIgnored, ignoredBySite, type Ignored } from '../../src/extension/site-settings';
import { t } from '../../src/extension/i18n';

export function IgnoredList() {
  const [sites, setSites] = useState<Map<string, Ignored>>(new Map());
  useEffect(() => {
    const reload = () => void ignoredBySite(browser.storage.local).then(setSites);
    reload();
    browser.storage.onChanged.addListener(reload);
    return () => browser.storage.onChanged.removeListener(reload);
  }, []);
  const undo = (host: string, change: { phrases?: string[]; sentences?: string[] }) => void changeIgnored(browser.storage.local, host, change, true);

  return (
    <section aria-labelledby="ignored">
      <h2 id="ignored">{t('optionsIgnored')}</h2>
      {sites.size === 0 ? (
        <p class="note">{t('optionsIgnoredNone')}</p>
      ) : (
        [...sites].map(([host, ignored]) => (
          <div key={host} class="ignored-site" data-host={host}>
            <h3>{host}</h3>
            <ul class="phrases">
              {[...ignored.phrases].map((p) => (
                <li key={p} data-phrase={p}>
                  <span class="phrase">“{p}”</span>
                  <button type="button" onClick={() => undo(host, { phrases: [p] })}>
                    {t('undo')}
                  </button>
                </li>
              ))}
              {[...ignored.sentences].map((s) => (
                <li key={s} data-sentence={s}>
                  <span class="phrase">{t('ignoredSentence')}</span>
                  <button type="button" onClick={() => undo(host, { sentences: [s] })}>
                    {t('undo')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
