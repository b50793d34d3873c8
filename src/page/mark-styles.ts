// The CSS for marks, generated from CATEGORY_STYLES so highlights and boxes never disagree.
import { ACTIVE_HIGHLIGHT, CATEGORIES, CATEGORY_STYLES, EMPHASIS_HIGHLIGHT, EMPHASIS_STYLE, highlightName, type CategoryStyle } from './categories';

const ACTIVE_TINT = '#facc1577';

/**
 * `::highlight()` rules. They only apply from the document's own style scope, never a shadow root. `on` is the
 * element they are set on: ':root' where every element's highlight inherits the root's (Chromium), as a universal
 * `::highlight()` rule matches every element of the page and made each of its style recalculations ~40% costlier
 * (a 5,000-field form: 164 → 238 ms); '' (every element) where highlights do not inherit (Firefox).
 */
export function highlightCss(on: ':root' | '' = ''): string {
  const rules = CATEGORIES.map((c) => {
    const { color, line } = CATEGORY_STYLES[c];
    const thickness = line === 'double' ? '' : ' 2px';
    return `${on}::highlight(${highlightName(c)}) { text-decoration: underline ${line} ${color}${thickness}; background-color: ${color}1a; }`;
  });
  rules.push(`${on}::highlight(${EMPHASIS_HIGHLIGHT}) { text-decoration: underline ${EMPHASIS_STYLE.line} ${EMPHASIS_STYLE.color} 2px; background-color: ${EMPHASIS_STYLE.tint}; }`);
  rules.push(`${on}::highlight(${ACTIVE_HIGHLIGHT}) { background-color: ${ACTIVE_TINT}; }`);
  return rules.join('\n');
}

/**
 * Whether `doc` has the rules highlightCss gives, from any sheet (the extension's own is not in the page's list):
 * the root's style for a category's highlight has that category's line. `getComputedStyle` answers for highlight
 * pseudo-elements in Chromium; where it does not, the answer is the element's own style, so no.
 */
export function highlightRulesApply(doc: Document): boolean {
  const { color, line } = CATEGORY_STYLES.provision;
  const style = doc.defaultView?.getComputedStyle(doc.documentElement, `::highlight(${highlightName('provision')})`);
  return style?.textDecorationStyle === line && style.textDecorationColor === rgb(color);
}

/** `#rrggbb` as computed styles write it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** A box's underline in a category's line style. */
function boxUnderline(selector: string, color: string, line: CategoryStyle['line']): string {
  return line === 'wavy'
    ? // A zigzag from two gradients: border-style has no "wavy".
      `${selector}::after { content: ''; position: absolute; left: 0; right: 0; bottom: -3px; height: 4px;
        background: linear-gradient(135deg, transparent 35%, ${color} 35%, ${color} 60%, transparent 60%) 0 0 / 4px 4px repeat-x,
                    linear-gradient(45deg, transparent 35%, ${color} 35%, ${color} 60%, transparent 60%) 2px 0 / 4px 4px repeat-x; }`
    : `${selector} { border-bottom: ${line === 'double' ? 3 : 2}px ${line} ${color}; }`;
}

/** Styles of positioned boxes (textareas, and browsers without the Highlight API). */
export function boxCss(): string {
  const rules = CATEGORIES.map((c) => {
    const { color, line } = CATEGORY_STYLES[c];
    return `.mark.${c} { background-color: ${color}1a; }\n${boxUnderline(`.mark.${c}`, color, line)}`;
  });
  return [
    ':host { all: initial; display: block; position: absolute; width: 0; height: 0; overflow: visible; pointer-events: none; }',
    '.origin { position: fixed; left: 0; top: 0; width: 0; height: 0; }',
    '.mark { position: fixed; box-sizing: border-box; pointer-events: none; }',
    ...rules,
    // Drawn after (over) their sentence's boxes.
    `.mark.emphasis { background-color: ${EMPHASIS_STYLE.tint}; }\n${boxUnderline('.mark.emphasis', EMPHASIS_STYLE.color, EMPHASIS_STYLE.line)}`,
    `.mark.active { background-color: ${ACTIVE_TINT}; }`,
  ].join('\n');
}
