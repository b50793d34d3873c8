// Stronger wording to start from: the user's own sentence with visible [slots] for what is missing.
// Slots name the question and give a shape, never a fact about the child.
import type { Part } from './types';

const SLOTS: Record<Part, string> = {
  what: '[what exactly: name the programme or activity and its focus]',
  frequency: '[how often: e.g. 3 × 20 minutes a week]',
  duration: '[for how long: e.g. 30 minutes a session, for 12 weeks]',
  who: '[delivered by: role and qualification, e.g. a qualified speech and language therapist]',
  group_size: '[group size: e.g. 1:1, or a group of no more than 4]',
  training: '[staff training: e.g. trained in … by …]',
  monitoring: '[monitored by: who reviews progress, how often, against what]',
  measure: '[measure: e.g. on 4 out of 5 occasions, or 80% accuracy]',
  context: '[context: when, where or given what]',
  timescale: '[by when: e.g. by the end of the spring term 2027]',
};

/** The skill a target or outcome names is its "what"; for a need it is the specific difficulty. */
const WHAT_FOR: Record<'goal' | 'need', string> = {
  goal: '[skill or behaviour you could see: e.g. read aloud, ask for help, stay in his seat]',
  need: '[the specific difficulty and its impact on learning]',
};

export type SlotKind = 'provision' | 'goal' | 'need';

export function slotFor(part: Part, kind: SlotKind = 'provision'): string {
  return part === 'what' && kind !== 'provision' ? WHAT_FOR[kind] : SLOTS[part];
}

/** A commitment in place of a recommendation ("would benefit from" → "will receive"), or undefined. */
export function firmWording(phrase: string): string | undefined {
  const p = phrase.toLowerCase().replace(/[\s-]+/g, ' ');
  if (/benefit from$/.test(p) || p === 'may need') return 'will receive';
  if (/^(?:may|might|could|should|would)$/.test(p)) return 'will';
  if (/^(?:will be )?encouraged to$/.test(p)) return 'will be supported by [who] to';
  if (/^(?:aims?|tries|try) to$/.test(p)) return 'will';
  return undefined;
}

/** Spacing and the capital letter after a phrase is dropped from the start of a sentence. */
export function tidy(s: string): string {
  const t = s.replace(/ {2,}/g, ' ').trimStart();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export interface Replacement {
  start: number;
  end: number;
  /** The part the weak phrase leaves open: it becomes that part's slot. */
  part?: Part;
  /** Firmer wording for the phrase itself ("will receive" for "would benefit from"). */
  text?: string;
}

/**
 * Rewrites `text` (offsets relative to it): each weak phrase with a part becomes that part's slot, and slots
 * for the remaining missing parts are appended before the final full stop.
 */
export function suggestRewrite(text: string, replacements: readonly Replacement[], missing: readonly Part[], kind: SlotKind = 'provision'): string {
  let out = '';
  let at = 0;
  const placed = new Set<Part>();
  for (const r of [...replacements].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    if (r.part && r.text !== undefined) {
      // The phrase itself was the problem ("up to 10 hours" → "10 hours"): dropping it answers the part.
      out += text.slice(at, r.start) + r.text;
      placed.add(r.part);
    } else if (r.part && !placed.has(r.part) && missing.includes(r.part)) {
      out += text.slice(at, r.start) + slotFor(r.part, kind);
      placed.add(r.part);
    } else if (r.text !== undefined) out += text.slice(at, r.start) + r.text;
    else continue;
    at = r.end;
  }
  out = tidy(out + text.slice(at));
  const rest = missing.filter((p) => !placed.has(p));
  if (!rest.length) return out;
  const body = out.replace(/[\s.;,]+$/, '');
  return `${body} ${rest.map((p) => slotFor(p, kind)).join(' ')}.`;
}
