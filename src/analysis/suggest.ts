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

export type SlotKind = 'provision' | 'goal' | 'need';

/**
 * A target's "what" is an observable skill; a need's parts are the difficulty, where it shows and the evidence
 * for it (a need is described, not measured against a criterion).
 */
const SLOTS_FOR: Record<SlotKind, Partial<Record<Part, string>>> = {
  provision: {},
  goal: { what: '[skill or behaviour you could see: e.g. read aloud, ask for help, stay in his seat]' },
  need: {
    what: '[the specific difficulty and its impact on learning: e.g. follows only two-word instructions]',
    context: '[where or when it shows: e.g. in whole-class teaching, at unstructured times]',
    measure: '[evidence: assessment, date and baseline, e.g. CELF-5 (June 2026), 5th percentile]',
  },
};

export function slotFor(part: Part, kind: SlotKind = 'provision'): string {
  return SLOTS_FOR[kind][part] ?? SLOTS[part];
}

/** A commitment in place of a recommendation ("would benefit from" → "will receive"), or undefined. */
export function firmWording(phrase: string): string | undefined {
  const p = phrase.toLowerCase().replace(/[\s-]+/g, ' ');
  if (/benefit from$/.test(p) || p === 'may need') return 'will receive';
  if (/^(?:may|might|could|should|would)$/.test(p)) return 'will';
  if (/^(?:will be )?encouraged to$/.test(p)) return 'will be supported by [who] to';
  if (/^(?:aims?|tries|try) to$/.test(p)) return 'will';
  // "Will have access to speech and language therapy" → "will receive speech and language therapy".
  if (/^(?:will )?(?:have|has) access to$|^(?:can|may) access$/.test(p)) return 'will receive';
  if (/^(?:is|are) available$/.test(p)) return 'will be provided';
  return undefined;
}

/** Spacing and the capital letter after a phrase is dropped from the start of a sentence. */
export function tidy(s: string): string {
  const t = s.replace(/ {2,}/g, ' ').trimStart();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** A firmer phrase in place of a weak one, without doubling a "will" in front of it ("will try to" → "will"). */
export function firmAfter(before: string, firm: string): string {
  return /\bwill\s+$/i.test(before) ? firm.replace(/^will\b\s*/i, '') : firm;
}

/** How a rewrite treats each hedge: a cap loses its "up to", a wish becomes a commitment, a vague word its part's slot. */
export function hedgeReplacements(item: { start: number }, hedges: readonly { start: number; end: number; text: string; rule: { id: string }; group: { part?: Part } }[]): Replacement[] {
  return hedges.map((h) => {
    const firm = h.rule.id === 'HEDGE-UP-TO' ? '' : firmWording(h.text);
    return { start: h.start - item.start, end: h.end - item.start, ...(h.group.part ? { part: h.group.part } : {}), ...(firm !== undefined ? { text: firm } : {}) };
  });
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
      out += text.slice(at, r.start) + firmAfter(text.slice(0, r.start), r.text);
      placed.add(r.part);
    } else if (r.part && !placed.has(r.part) && missing.includes(r.part)) {
      out += text.slice(at, r.start) + slotFor(r.part, kind);
      placed.add(r.part);
    } else if (r.text !== undefined) out += text.slice(at, r.start) + firmAfter(text.slice(0, r.start), r.text);
    // The part the phrase hedged is answered elsewhere ("twice a week where possible"): the phrase goes.
    else if (r.part && !missing.includes(r.part)) out += text.slice(at, r.start);
    else continue;
    at = r.end;
  }
  out = tidy(out + text.slice(at)).replace(/\s+([,.;:])/g, '$1').replace(/,\s*([.;]|$)/g, '$1');
  const rest = missing.filter((p) => !placed.has(p));
  if (!rest.length) return out;
  const body = out.replace(/[\s.;,]+$/, '');
  return `${body} ${rest.map((p) => slotFor(p, kind)).join(' ')}.`;
}
