import { describe, expect, it } from 'vitest';
import { fetchGoogleDocsExport } from '../../src/extension/tab-plans';

const URL_OK = 'https://docs.google.com/document/d/abc/export?format=txt';

function answer(body: string, init: { status?: number; type?: string; url?: string } = {}): typeof fetch {
  return async () => {
    const response = new Response(body, { status: init.status ?? 200, headers: { 'content-type': init.type ?? 'text/plain; charset=utf-8' } });
    Object.defineProperty(response, 'url', { value: init.url ?? URL_OK });
    return response;
  };
}

describe('the Google Docs export, fetched by the worker', () => {
  it('returns the text when Google sends plain text', async () => {
    expect(await fetchGoogleDocsExport(URL_OK, answer('Section F\nSam will have access to SALT.'))).toEqual({ ok: true, text: 'Section F\nSam will have access to SALT.' });
  });

  it('fails with a reason when signed out (a sign-in page), on an error status, or on a network error', async () => {
    expect(await fetchGoogleDocsExport(URL_OK, answer('<html>Sign in', { url: 'https://accounts.google.com/ServiceLogin' }))).toMatchObject({ ok: false, reason: expect.stringContaining('sign in') });
    expect(await fetchGoogleDocsExport(URL_OK, answer('<html>Sign in', { type: 'text/html' }))).toMatchObject({ ok: false });
    expect(await fetchGoogleDocsExport(URL_OK, answer('', { status: 403 }))).toEqual({ ok: false, reason: 'Google answered 403' });
    expect(await fetchGoogleDocsExport(URL_OK, () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ ok: false, reason: 'Failed to fetch' });
  });

  it('fetches nothing but a Google Docs text export', async () => {
    let fetched = false;
    const spy: typeof fetch = async () => ((fetched = true), new Response(''));
    expect(await fetchGoogleDocsExport('https://evil.example/document/d/abc/export?format=txt', spy)).toMatchObject({ ok: false });
    expect(fetched).toBe(false);
  });
});
