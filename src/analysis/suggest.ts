// Stronger wording to start from: the user's own sentence with visible [slots] for what is missing, in the
// register of what was judged and the plan's own jurisdiction. Slots name the question and give a shape, never a
// fact about the child (their text is data: slots.json).
import slots from './slots.json';
import type { Jurisdiction, Part } from './types';

export type SlotKind = 'provision' | 'goal' | 'need';

/** Who and what a rewrite is about: the child's name and pronoun, the kind of work, the plan's jurisdiction. */
export interface RewriteContext {
  jurisdiction?: Jurisdiction | 'unknown';
  /** The child as the sentence names them ("Amira", "The student"). */
  name?: string;
  pronoun?: 'he' | 'she' | 'they';
  /** Areas of need the wording is about (speech and language, literacy…): who would deliver such work. */
  areas?: readonly string[];
  /** The vague words a goal's "what" slot replaces. */
  instead?: string;
}

type SlotTable = Record<string, string>;
const TABLES = slots as unknown as Record<SlotKind | 'us', SlotTable> & { deliverers: Record<string, [string, string]> };

const POSSESSIVE = { he: 'his', she: 'her', they: 'their' } as const;

function deliverer(ctx: RewriteContext): string {
  const us = ctx.jurisdiction === 'us' ? 1 : 0;
  for (const area of ctx.areas ?? []) {
    const d = TABLES.deliverers[area];
    if (d) return d[us];
  }
  return TABLES.deliverers.default![us];
}

/** The slot for a part, filled in for this child and plan: "[how often: e.g. 3 × 20 minutes a week]". */
export function slotFor(part: Part, kind: SlotKind = 'provision', ctx: RewriteContext = {}): string {
  const us = ctx.jurisdiction === 'us';
  // A US plan's own words for a service's slots; a goal's or a need's own question comes first (the child's action,
  // not a program), then the US wording of what it lacks (its measure, its date).
  const template = (us && kind === 'provision' ? TABLES.us[part] : undefined) ?? TABLES[kind][part] ?? (us ? TABLES.us[part] : undefined) ?? TABLES.provision[part]!;
  const text = template
    .replace(/\{name\}/g, ctx.name?.trim() || 'the child')
    .replace(/\{their\}/g, POSSESSIVE[ctx.pronoun ?? 'they'])
    .replace(/\{deliverer\}/g, deliverer(ctx))
    .replace(/\{instead\}/g, ctx.instead ? `, instead of "${ctx.instead}"` : '');
  return `[${text}]`;
}

/** A commitment in place of a recommendation ("would benefit from" → "will receive"), or undefined. */
export function firmWording(phrase: string): string | undefined {
  const p = phrase.toLowerCase().replace(/[\s-]+/g, ' ');
  if (/benefit from$/.test(p) || p === 'may need') return 'will receive';
  if (/^(?:may|might|could|should|would)$/.test(p)) return 'will';
  if (/^(?:will be )?encouraged to$/.test(p)) return 'will';
  if (/^(?:aims?|tries|try) to$/.test(p)) return 'will';
  // "Will have access to speech and language therapy" → "will receive speech and language therapy".
  if (/^(?:will )?(?:have|has) access to$|^(?:can|may) access$/.test(p)) return 'will receive';
  if (/^(?:is|are) available$/.test(p)) return 'will be provided';
  // An open list closed: "visual supports such as a now-and-next board" → "visual supports: a now-and-next board".
  if (/^(?:e\.?g\.?|eg|for example|such as|including but not limited to)$/.test(p)) return ':';
  if (/^(?:etc\.?|or similar)$/.test(p)) return '';
  if (p === 'and/or') return 'and';
  // "will have opportunities to read" → "will read"; a sentence that starts with the opportunity starts with its verb.
  if (/^(?:will (?:have|be given) )?(?:regular |daily )?(?:the )?opportunit(?:y|ies) (?:to|for)$|^given the opportunity to$/.test(p)) return p.startsWith('will') ? 'will' : '';
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
  // A pattern that spans the plan's own words ("initially weekly visits …, thereafter") keeps them: its part's slot
  // is asked for at the end instead.
  // So does a hedge with a number in it ("20-45 minutes", "approximately 5 hours"): the number is the plan's.
  return hedges.filter((h) => (h.end - h.start <= 30 || !/\s\S+\s\S+\s/.test(h.text.slice(12, -12))) && (h.rule.id === 'HEDGE-UP-TO' || !/\d/.test(h.text))).map((h) => {
    const cap = h.rule.id === 'HEDGE-UP-TO';
    const firm = cap ? '' : firmWording(h.text);
    return { start: h.start - item.start, end: h.end - item.start, ...(h.group.part ? { part: h.group.part } : {}), ...(firm !== undefined ? { text: firm } : {}), ...(cap ? { answers: true } : {}) };
  });
}

export interface Replacement {
  start: number;
  end: number;
  /** The part the weak phrase leaves open: it becomes that part's slot. */
  part?: Part;
  /** Firmer wording for the phrase itself ("will receive" for "would benefit from"). */
  text?: string;
  /** For a goal's vague words: they are quoted in the slot that replaces them. */
  instead?: string;
  /** Dropping the phrase answers its part ("up to 10 hours" → "10 hours" says how much). */
  answers?: boolean;
}

/**
 * Rewrites `text` (offsets relative to it): each weak phrase with a part becomes that part's slot, and slots
 * for the remaining missing parts are appended before the final full stop.
 */
export function suggestRewrite(text: string, replacements: readonly Replacement[], missing: readonly Part[], kind: SlotKind = 'provision', ctx: RewriteContext = {}): string {
  let out = '';
  let at = 0;
  const placed = new Set<Part>();
  for (const r of [...replacements].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    // A vague actor's "will" stays: "staff will check" → "[delivered by: …] will check".
    const keptWill = /\swill$/i.test(text.slice(r.start, r.end)) ? ' will' : '';
    // "adult support" → "support from [delivered by: …]": the help stays, the vague adult becomes a slot.
    const help = r.part === 'who' && /\bsupport$/i.test(text.slice(r.start, r.end)) ? 'support from ' : '';
    if (r.part && r.text !== undefined) {
      // The phrase itself was the problem ("up to 10 hours" → "10 hours"): dropping it answers the part.
      out += text.slice(at, r.start) + firmAfter(text.slice(0, r.start), r.text);
      if (r.answers) placed.add(r.part);
    } else if (r.part && !placed.has(r.part) && missing.includes(r.part)) {
      out += text.slice(at, r.start) + help + slotFor(r.part, kind, { ...ctx, ...(r.instead ? { instead: r.instead } : {}) }) + keptWill;
      placed.add(r.part);
    } else if (r.text !== undefined) out += text.slice(at, r.start) + firmAfter(text.slice(0, r.start), r.text);
    // The part the phrase hedged is answered elsewhere ("twice a week where possible"): the phrase goes.
    else if (r.part && !missing.includes(r.part)) out += text.slice(at, r.start) + keptWill;
    else continue;
    at = r.end;
  }
  out = tidy(out + text.slice(at))
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/,\s*([.;:]|$)/g, '$1')
    .replace(/(?<=[A-Za-z]):(?=[A-Za-z])/g, ': ');
  const rest = missing.filter((p) => !placed.has(p));
  if (!rest.length) return out;
  const body = out.replace(/[\s.;,]+$/, '');
  return `${body} ${rest.map((p) => slotFor(p, kind, ctx)).join(' ')}.`;
}
