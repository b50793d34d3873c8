// How each finding category looks. Colour AND line style differ, so the marks stay distinguishable
// for colour-blind readers: wavy hedges, dotted provision gaps, double target gaps, solid structure.
import type { Category } from '../analysis';
import type { MessageName } from './words';

export interface CategoryStyle {
  /** Its name, a message (src/page/words.ts). */
  label: MessageName;
  color: string;
  line: 'wavy' | 'dotted' | 'double' | 'solid';
}

export const CATEGORY_STYLES: Record<Category, CategoryStyle> = {
  hedge: { label: 'categoryHedge', color: '#b45309', line: 'wavy' },
  provision: { label: 'categoryProvision', color: '#b91c1c', line: 'dotted' },
  target: { label: 'categoryTarget', color: '#1d4ed8', line: 'double' },
  structure: { label: 'categoryStructure', color: '#6d28d9', line: 'solid' },
};

export const CATEGORIES = Object.keys(CATEGORY_STYLES) as Category[];

/** The CSS Custom Highlight name a category's marks are registered under. */
export const highlightName = (category: Category) => `plan-lens-${category}`;
export const ACTIVE_HIGHLIGHT = 'plan-lens-active';
/** The hedge words inside a flagged sentence, emphasised within its underline (the wavy hedge line, a stronger tint). */
export const EMPHASIS_HIGHLIGHT = 'plan-lens-emphasis';
export const EMPHASIS_STYLE = { color: CATEGORY_STYLES.hedge.color, line: 'wavy', tint: '#f59e0b40' } as const;
