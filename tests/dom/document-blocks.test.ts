// The one block reader over two DOMs: the page's (laid out by computed styles) and a file's (laid out by its markup,
// parsed by linkedom as the CLI does). The same markup gives the same blocks, with the same kinds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paragraphsOfDom } from '../../src/documents/html';
import { parseHtml } from '../../src/documents/node';
import { checkDocument, toPlanDocument } from '../../src/documents/plan-document';
import { collectTextBlocks } from '../../src/page/text-blocks';

function pageBlocks(html: string) {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  document.body.replaceWith(document.adoptNode(body));
  return collectTextBlocks(document.body, () => false).map((b) => [b.text.trim(), b.kind]);
}
const fileBlocks = (html: string) => paragraphsOfDom(parseHtml(html)).map((p) => [p.text.trim(), p.kind]);

describe('a page and a file with the same markup give the same blocks', () => {
  const cases: Record<string, string> = {
    'headings, paragraphs and lists': '<h2>Section F: Provision</h2><p>Sam will have <em>access to</em>\n  therapy.</p><ul><li><p>One to one, weekly.</p></li><li>Group of 3.</li></ul>',
    'a table with a header row, plain rows and a row holding a list': '<table><thead><tr><th>Need</th><th>Provision</th></tr></thead><tbody><tr><td>Reading</td><td><p>Daily phonics,</p><p>15 minutes.</p></td></tr><tr><td>Anxiety</td><td><ul><li>Calm box</li></ul></td></tr></tbody></table>',
    'inline markup, hidden text, scripts and a line break': '<div>Line one<br>line <b>two</b><span style="display:none">gone</span></div><script>var x = 1;</script><nav>Home</nav>',
    'a section with inline text around a nested block': '<section>Intro words <p>A paragraph.</p> closing words</section>',
  };
  for (const [name, html] of Object.entries(cases)) it(name, () => expect(fileBlocks(html)).toEqual(pageBlocks(html)));

  it('the EHCP sample (a portal page of headings, paragraphs, lists and a provision table)', () => {
    const html = readFileSync('assets/samples/ehcp-draft.html', 'utf8');
    const file = fileBlocks(html);
    expect(file.filter(([, kind]) => kind === 'row')).toHaveLength(9);
    expect(file).toEqual(pageBlocks(html));
  });
});

it('leaves out what a browser hides by default in a file: the hidden attribute, the head, a date picker', () => {
  expect(fileBlocks('<head><title>Plan</title></head><p>Seen<span hidden> unseen</span>.</p><input type="date" value="2026-12-14"><input value="A need.">')).toEqual([
    ['Seen.', undefined],
    ['A need.', undefined],
  ]);
});

it('keeps a paragraph with a line break as one block for the analyser, as the page analyses it', () => {
  const doc = toPlanDocument('x.html', 'html', paragraphsOfDom(parseHtml('<h2>Section F: Provision</h2><p>Weekly therapy.<br>Sam will have access to a quiet space as required.</p>')));
  expect(doc.paragraphs).toHaveLength(2);
  const { report } = checkDocument(doc);
  expect(report.blocks.map((b) => b.text)).toEqual(['Section F: Provision', 'Weekly therapy.\nSam will have access to a quiet space as required.']);
});
