import { describe, expect, it } from 'vitest';
import { collectTextBlocks, rangeForSpan } from '../../src/page/text-blocks';

function setup(html: string) {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  document.body.replaceWith(document.adoptNode(body));
  return collectTextBlocks(document.body, (el) => el.hasAttribute('data-skip'));
}

describe('collectTextBlocks', () => {
  it('reads one block per paragraph, collapsing source whitespace as the page renders it', () => {
    const blocks = setup(`<p>  Sam will have
        access to   a quiet space. </p><ul><li>He will receive <em>regular</em> support.</li></ul>`);
    expect(blocks.map((b) => b.text.trim())).toEqual(['Sam will have access to a quiet space.', 'He will receive regular support.']);
  });

  it('maps every offset back to the text node it came from, across inline markup', () => {
    const [block] = setup('<p>He will receive <em>regular</em>\n   support as  required.</p>');
    for (const phrase of ['regular', 'receive regular support', 'as required']) {
      const start = block!.text.indexOf(phrase);
      expect(rangeForSpan(block!, start, start + phrase.length)!.toString().replace(/\s+/g, ' ')).toBe(phrase);
    }
  });

  it('counts <br> as a line break and skips opted-out and hidden subtrees', () => {
    const blocks = setup('<div>Line one<br>line two<span data-skip>secret</span><span style="display:none">hidden</span></div><script>var x = 1;</script>');
    expect(blocks.map((b) => b.text)).toEqual(['Line one\nline two']);
  });

  it('does not collapse whitespace in pre-formatted text', () => {
    const [block] = setup('<pre>a  b\n c</pre>');
    expect(block!.text).toBe('a  b\n c');
  });

  it('tells the analyser which blocks are headings and list items', () => {
    const blocks = setup('<h2>Section F: Special educational provision</h2><label style="display:block">Review date</label><p>Plain text.</p><ul><li><p>An item.</p></li></ul>');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'heading', undefined, 'item']);
  });

  it('reads a table row of plain cells as one block, cells joined by " | ", each cell still mapped to its own words', () => {
    const blocks = setup(
      '<table><thead><tr><th>Need</th><th>Provision</th></tr></thead><tbody><tr><td> Reading </td><td><p>Daily phonics,</p><p>15 minutes.</p></td></tr><tr><td>Anxiety</td><td><ul><li>Calm box</li></ul></td></tr></tbody></table>',
    );
    expect(blocks.map((b) => [b.text.trim(), b.kind])).toEqual([
      ['Need | Provision', 'header-row'],
      ['Reading | Daily phonics, 15 minutes.', 'row'],
      ['Anxiety', undefined],
      ['Calm box', 'item'],
    ]);
    const row = blocks[1]!;
    const start = row.text.indexOf('Daily');
    expect(rangeForSpan(row, start, row.text.indexOf('minutes.') + 'minutes.'.length)!.toString().replace(/\s+/g, ' ')).toBe('Daily phonics,15 minutes.');
    expect(rangeForSpan(row, row.text.indexOf('|'), row.text.indexOf('|') + 1)).toBeNull();
  });
});
