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
});
