import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_STYLES, highlightName } from './categories';
import { boxCss, highlightCss } from './mark-styles';

describe('mark styles', () => {
  it('tell categories apart by line style as well as colour (colour-blind readers), in highlights and in boxes alike', () => {
    const lines = CATEGORIES.map((c) => CATEGORY_STYLES[c].line);
    expect(new Set(lines).size).toBe(CATEGORIES.length);
    expect(new Set(CATEGORIES.map((c) => CATEGORY_STYLES[c].color)).size).toBe(CATEGORIES.length);
    const highlights = highlightCss();
    const boxes = boxCss();
    for (const c of CATEGORIES) {
      const { line, color } = CATEGORY_STYLES[c];
      expect(highlights).toContain(`::highlight(${highlightName(c)}) { text-decoration: underline ${line} ${color}`);
      // Boxes have no wavy border style: a wavy line is drawn as a zigzag under the box.
      const rule = line === 'wavy' ? new RegExp(`\\.mark\\.${c}::after \\{[^}]*linear-gradient\\(135deg[^}]*${color}`) : new RegExp(`\\.mark\\.${c} \\{ border-bottom: \\d+px ${line} ${color}; \\}`);
      expect(boxes).toMatch(rule);
    }
  });

  it('set the highlight rules on the root alone where highlights inherit, on every element where they do not', () => {
    const rules = (css: string) => css.split('\n');
    expect(rules(highlightCss(':root')).every((r) => r.startsWith(':root::highlight(plan-lens-'))).toBe(true);
    expect(rules(highlightCss()).every((r) => r.startsWith('::highlight(plan-lens-'))).toBe(true);
    expect(rules(highlightCss(':root')).map((r) => r.slice(':root'.length))).toEqual(rules(highlightCss()));
  });
});
