// The options page: where Plan Lens runs. Webmail by itself; any other site only once the user allows it
// here or from the toolbar button's menu (the browser asks to grant it); "Turn off" gives the grant back.
// Every button calls the browser straight from the click, which its grant question needs.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { allowSite, listSites, sitePattern, turnOffSite, type SiteRow } from '../../src/extension/site-access';

const STATE: Record<SiteRow['mode'], string> = {
  auto: 'marks a page when it reads as a plan',
  always: 'checks every page',
  off: 'off',
};

function describe(row: SiteRow): string {
  if (row.mode === 'off') return STATE.off;
  if (row.access === 'none') return 'not allowed in the browser: Plan Lens does not run here';
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
      (granted) => granted || setProblem('The browser did not grant that site, so nothing changed.'),
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
        By itself Plan Lens runs only in webmail, and marks only a message that reads as a plan. Anywhere else, click its toolbar button
        (“Check this page”), or allow the site here: the browser asks you first, and “Turn off” takes the permission back.
      </p>
      <form onSubmit={onAdd}>
        <input name="site" aria-label="Site" placeholder="portal.example.org" required />
        <button type="submit" value="auto">Allow: plans only</button>
        <button type="submit" value="always">Allow: every page</button>
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
                    <button onClick={() => allow(row.url, row.mode === 'always' ? 'auto' : 'always')}>{row.mode === 'always' ? 'Plans only' : 'Every page'}</button>
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
