import { describe, expect, it } from 'vitest';
import { siteFor } from '../../src/sites/site';

function page(html: string) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return doc;
}

describe('where on a site the plan text is', () => {
  it('Gmail: message bodies and the compose body, not inbox rows', () => {
    const doc = page('<div class="zA">Regular newsletter</div><div class="a3s aiL">Section F…</div><div g_editable="true" contenteditable="true" role="textbox">Draft</div>');
    const site = siteFor({ hostname: 'mail.google.com', pathname: '/mail/u/0/' });
    expect(site.name).toBe('gmail');
    expect(site.textRoots(doc).map((e) => e.textContent)).toEqual(['Section F…', 'Draft']);
  });

  it('Outlook on the web: the reading pane body and compose box', () => {
    const doc = page('<div>Team lunch</div><div role="document">Section F…</div>');
    for (const hostname of ['outlook.office.com', 'outlook.live.com', 'outlook.office365.com']) {
      expect(siteFor({ hostname, pathname: '/mail/' }).textRoots(doc).map((e) => e.textContent)).toEqual(['Section F…']);
    }
  });

  it('Google Docs documents are read through the Docs route, not the page; any other page is read whole', () => {
    const doc = page('<p>Plan</p>');
    expect(siteFor({ hostname: 'docs.google.com', pathname: '/document/d/x/edit' }).textRoots(doc)).toEqual([]);
    expect(siteFor({ hostname: 'portal.example', pathname: '/' }).textRoots(doc)).toEqual([doc.body]);
  });
});
