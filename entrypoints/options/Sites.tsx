// The options page: where Plan Lens runs. Webmail by itself; any other site only once the user allows it
// here or from the toolbar button's menu (the browser asks to grant it); "Turn off" gives the grant back.
// Each change reaches the site's open pages at once (site-access.ts). Every button calls the browser
// straight from the click, which its grant question needs. Worded for parents and SENCOs, not engineers.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { allowSite, listSites, sitePattern, turnOffSite, type SiteRow } from '../../src/extension/site-access';

const STATE: Record<SiteRow['mode'], string> = {
  auto: 'checks pages that read as a plan',
  always: 'checks every page',
  off: 'off',
};

function describe(row: SiteRow): string {
  if (row.mode === 'off') return STATE.off;
  if (row.access === 'none') return 'not allowed in your browser, so Plan Lens does not check it by itself';
  return STATE[row.mode];
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
      (granted) => granted || setProblem('Your browser did not allow that site, so nothing changed.'),
      (error: unknown) => setProblem(`Could not change that site: ${String(error)}`),
    );
  };
  const turnOff = (url: string) => void turnOffSite(browser, url).catch((error: unknown) => setProblem(`Could not turn that site off: ${String(error)}`));

  const onAdd = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const typed = (new FormData(form).get('site') as string).trim();
    const url = /^[a-z]+:\/\//i.test(typed) ? typed : `https://${typed}/`;
    const mode = (event.submitter as HTMLButtonElement | null)?.value === 'always' ? 'always' : 'auto';
    if (!sitePattern(url)) setProblem(`“${typed}” is not a web address (for example portal.example.org).`);
    else allow(url, mode);
  };

  return (
    <main>
      <h1>Where Plan Lens runs</h1>
      <p class="note">
        By itself Plan Lens runs only in webmail (Gmail, Outlook), and there it marks only a message that reads as a support plan (an EHCP, IEP
        and the like). On any other page, click its toolbar button (“Check this page”) when you want that page checked. Or add a site here, such
        as your school’s or council’s plan portal, so Plan Lens checks it for you: your browser asks you to allow the site first.
      </p>
      <p class="note">
        A change here applies straight away, also to pages of that site you already have open. “Turn off” stops Plan Lens on that site at once and
        hands back any permission you gave it there; the toolbar button still checks a page when you ask. The plan text never leaves your browser.
      </p>
      <form onSubmit={onAdd}>
        <input name="site" aria-label="Site" placeholder="portal.example.org" required />
        <button type="submit" value="auto">Check plans on this site</button>
        <button type="submit" value="always">Check every page on this site</button>
      </form>
      {problem && <p class="error" role="alert">{problem}</p>}
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.host} data-host={row.host}>
              <td>{row.host}</td>
              <td class="state">{describe(row)}</td>
              <td class="actions">
                {row.mode !== 'off' && row.access !== 'none' ? (
                  <>
                    <button onClick={() => allow(row.url, row.mode === 'always' ? 'auto' : 'always')}>{row.mode === 'always' ? 'Check plans only' : 'Check every page'}</button>
                    <button onClick={() => turnOff(row.url)}>Turn off</button>
                  </>
                ) : (
                  <button onClick={() => allow(row.url, row.mode === 'always' ? 'always' : 'auto')}>Turn on</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
