// The options page: where Plan Lens runs. Webmail by itself; any other site only once the user allows it
// here or from the toolbar button's menu (the browser asks to grant it); "Turn off" gives the grant back.
// Each change reaches the site's open pages at once (site-access.ts). Every button calls the browser
// straight from the click, which its grant question needs. Worded for parents and SENCOs, not engineers.
// A site the organisation lists keeps the policy's mode; until the browser allows it, one click asks for it.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { allowSite, listSites, sitePattern, turnOffSite, type SiteRow } from '../../src/extension/site-access';
import { t, type MessageName } from '../../src/extension/i18n';
import { Locked } from './Locked';

const STATE: Record<SiteRow['mode'], MessageName> = {
  auto: 'siteStateAuto',
  always: 'siteStateAlways',
  off: 'siteStateOff',
};

function describe(row: SiteRow): string {
  if (row.mode === 'off') return t(STATE.off);
  if (row.access === 'none') return t(row.locked ? 'siteStateAsked' : 'siteStateNotAllowed');
  return t(STATE[row.mode]);
}

export function Sites() {
  const [rows, setRows] = useState<SiteRow[]>([]);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    const reload = () => void listSites(browser).then(setRows);
    reload();
    browser.permissions.onAdded.addListener(reload);
    browser.permissions.onRemoved.addListener(reload);
    browser.storage.onChanged.addListener(reload);
    return () => {
      browser.permissions.onAdded.removeListener(reload);
      browser.permissions.onRemoved.removeListener(reload);
      browser.storage.onChanged.removeListener(reload);
    };
  }, []);

  const allow = (url: string, mode: 'auto' | 'always') => {
    setProblem('');
    allowSite(browser, url, mode).then(
      (granted) => granted || setProblem(t('siteRefused')),
      (error: unknown) => setProblem(t('siteChangeFailed', String(error))),
    );
  };
  const turnOff = (url: string) => void turnOffSite(browser, url).catch((error: unknown) => setProblem(t('siteTurnOffFailed', String(error))));

  const onAdd = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const typed = (new FormData(form).get('site') as string).trim();
    const url = /^[a-z]+:\/\//i.test(typed) ? typed : `https://${typed}/`;
    const mode = (event.submitter as HTMLButtonElement | null)?.value === 'always' ? 'always' : 'auto';
    if (!sitePattern(url)) setProblem(t('siteNotAnAddress', typed));
    else allow(url, mode);
  };

  return (
    <section aria-labelledby="sites">
      <h2 id="sites">{t('optionsSites')}</h2>
      <p class="note">{t('optionsSitesNote')}</p>
      <p class="note">{t('optionsSitesNote2')}</p>
      <form onSubmit={onAdd}>
        <input name="site" aria-label={t('site')} placeholder="portal.example.org" required />
        <button type="submit" value="auto">
          {t('siteAddAuto')}
        </button>
        <button type="submit" value="always">
          {t('siteAddAlways')}
        </button>
      </form>
      {problem && <p class="error" role="alert">{problem}</p>}
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.host} data-host={row.host}>
              <td>{row.host}</td>
              <td class="state">{describe(row)}</td>
              <td class="actions">
                {row.locked ? (
                  <>
                    {row.access === 'none' && row.mode !== 'off' && <button onClick={() => allow(row.url, row.mode === 'always' ? 'always' : 'auto')}>{t('siteAllowAsked')}</button>}{' '}
                    <Locked />
                  </>
                ) : row.mode !== 'off' && row.access !== 'none' ? (
                  <>
                    <button onClick={() => allow(row.url, row.mode === 'always' ? 'auto' : 'always')}>{t(row.mode === 'always' ? 'sitePlansOnly' : 'siteEveryPage')}</button>
                    <button onClick={() => turnOff(row.url)}>{t('siteTurnOff')}</button>
                  </>
                ) : (
                  <button onClick={() => allow(row.url, row.mode === 'always' ? 'always' : 'auto')}>{t('siteTurnOn')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
