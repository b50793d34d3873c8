// The compromise reader: reads one judged item (a need, an outcome, a target, a provision) into the parts of its
// sentence that the lexicons cannot see — who acts, the commitment, the main verb, whether it is a bare noun phrase,
// whether it grants the child something — with a plugin that teaches compromise the field's words.
import type compromise from 'compromise/two';
import { isTerm, readerWords } from '../terms';

/** Who the wording's main clause is about. */
export type Subject = 'child' | 'role' | 'vague' | 'thing' | 'none';

export type Commitment = 'will' | 'must' | 'may' | 'should' | 'would' | 'is-to' | 'plans-to' | 'present' | 'none';

export interface Syntax {
  subject: Subject;
  /** The subject's words as written ("The student", "Specialist VI teacher"). */
  subjectText: string;
  commitment: Commitment;
  negated: boolean;
  /** The wording grants the child something: "may check", "shall be permitted to", "use of", "will not be penalized". */
  permission: boolean;
  /** An instruction to staff that starts with its verb ("Provide prompts", "Use graph paper"). */
  imperative: boolean;
  /** The main verb after the subject and its auxiliaries, as its root ("check", "enroll"), or "". */
  verb: string;
  /** What follows the main verb, up to a purpose clause ("to space numbers", "so that…"): what is used or given. */
  object: string;
  /** How many nouns the item names (pronouns aside): "available daily" names none. */
  nouns: number;
  /** No verb at all: a noun phrase ("Balls, beanbags with bells inside", "Frequent breaks"). */
  verbless: boolean;
  /** The child's pronoun as the item uses it, if it does. */
  pronoun: 'he' | 'she' | 'they' | undefined;
  /** Gerunds with an object after "difficulty" ("difficulty naming actions"): a need described by what is hard. */
  difficultyActivity: boolean;
}

type Nlp = typeof compromise;
let nlp: Nlp | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads compromise, once. It is imported on first use, not when the analyser is: the service worker starts again
 * for every event after it has slept, and most events (a tab closed, a menu) need no reader.
 */
export function loadReader(): Promise<void> {
  loading ??= import('compromise/two').then((m) => {
    nlp = m.default;
    setup(m.default);
  });
  return loading;
}

export function readerLoaded(): boolean {
  return nlp !== undefined;
}

function setup(nlp: Nlp): void {
  const { words, frozen } = readerWords();
  nlp.plugin({
    tags: {
      Role: { isA: 'Actor' },
      Child: { isA: 'Noun' },
    },
    words: {
      ...words,
      termly: 'Adverb',
      'half-termly': 'Adverb',
      fortnightly: 'Adverb',
      fortnight: 'Duration',
      'half-term': 'Noun',
    },
    frozen: {
      ...frozen,
      student: 'Child',
      students: 'Child',
      pupil: 'Child',
      learner: 'Child',
      child: 'Child',
      'young person': 'Child',
      yp: 'Child',
      programme: 'Noun',
      programmes: 'Noun',
      elsa: 'Role',
      salt: 'Role',
      slt: 'Role',
      ta: 'Role',
      tas: 'Role',
      lsa: 'Role',
      hlta: 'Role',
      senco: 'Role',
      sendco: 'Role',
      alnco: 'Role',
      ot: 'Role',
      ep: 'Role',
      qtvi: 'Role',
      qtod: 'Role',
      slp: 'Role',
      staff: 'Noun',
    },
  });
}

interface Term {
  text: string;
  normal: string;
  machine?: string;
  root?: string;
  tags: Set<string>;
  post: string;
}

const MODALS: Record<string, Commitment> = {
  will: 'will',
  shall: 'will',
  must: 'must',
  may: 'may',
  can: 'may',
  // "might" and "could" are wishes, never a permission: only "may" and "can" hand the child something.
  might: 'would',
  could: 'would',
  should: 'should',
  would: 'would',
};
const PERMIT = /^(?:permitted|allowed|entitled|exempt|excused)$/;
const PROTECT = /^(?:penali[sz]ed|excluded|punished|marked down|sanctioned)$/;
const VAGUE_SUBJECT = /^(?:staff|the school|school|the setting|setting|adults?|an adult|the adult|a member of staff|members of staff|school staff|support staff|key adults?|familiar adult|trusted adult)$/;
const THING_START = /^(?:use|access|permission|provision|availability)$/;

const word = (t: Term) => t.machine ?? t.normal;
interface VerbForms {
  toInfinitive(verb: string, model: unknown, tense: string): string;
}
let forms: { verb: VerbForms; model: unknown } | undefined;

/** A verb's infinitive ("given" → "give", "kept" → "keep", "checks" → "check"); "review/advise" reads as its first. */
function rootOf(t: Term): string {
  const w = word(t);
  if (t.tags.has('SlashedTerm')) return w.split('/')[0]!;
  if (t.root && t.root !== w) return t.root;
  if (!forms) {
    const world = nlp!.world() as unknown as { model: unknown; methods: { two: { transform: { verb: VerbForms } } } };
    forms = { verb: world.methods.two.transform.verb, model: world.model };
  }
  // Only a form compromise read as inflected is conjugated back: the base form is its own root.
  const tenses = t.tags.has('Gerund') ? ['Gerund'] : t.tags.has('PastTense') || t.tags.has('Participle') || t.tags.has('Passive') ? ['PastTense', 'Participle'] : t.tags.has('PresentTense') && /[^s]s$/.test(w) ? ['PresentTense'] : [];
  for (const tense of tenses) {
    const inf = forms.verb.toInfinitive(w, forms.model, tense);
    if (inf && inf !== w) return inf;
  }
  return w;
}
const isVerb = (t: Term) => (t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Adjective')) || (t.tags.has('SlashedTerm') && /^[a-z]+\/[a-z]+$/.test(word(t)) && isTerm('consult-verb', word(t).split('/')[0]!));
// The child's name, a template's stand-in for it ("[First Name]", "X", "XXX") or an initial ("J").
const isChild = (t: Term) => t.tags.has('Child') || /^(?:he|she|they|i)$/.test(word(t)) || t.tags.has('FirstName') || /^\[.*\]$|^x{1,3}$/i.test(t.text) || /^(?!A$)[A-Z]\.?$/.test(t.text);

function subjectOf(terms: readonly Term[]): Subject {
  if (!terms.length) return 'none';
  const words = terms.map(word).join(' ').replace(/[^\w\s'-]/g, '').trim();
  // The head is the last word: "Her wheelchair" is a thing, "Sam's TA" a role, "The student" the child.
  const head = terms[terms.length - 1]!;
  if (isChild(head) && !terms.some((t) => t.tags.has('Role'))) return 'child';
  if (terms.length > 1 && !head.tags.has('Role') && !isChild(head) && !/^[A-Z]/.test(head.text)) return terms.some((t) => t.tags.has('Role')) ? 'role' : VAGUE_SUBJECT.test(words) ? 'vague' : 'thing';
  if (terms.some((t) => t.tags.has('Role'))) return 'role';
  if (VAGUE_SUBJECT.test(words)) return 'vague';
  // A name compromise does not know: one or two capitalised words before the verb.
  if (terms.length <= 2 && terms.every((t) => /^[A-Z][a-z'’-]+$/.test(t.text) || t.tags.has('ProperNoun'))) return 'child';
  return 'thing';
}

/** Reads one item of plan wording (a sentence or a short paragraph). Pure; the caller caches by text. */
export function readSyntax(text: string): Syntax {
  if (!nlp) throw new Error('the compromise reader is not loaded: await loadReader() before analysing');
  const doc = nlp(text);
  doc.compute('root');
  const sentences = (doc as unknown as { docs: Term[][] }).docs;
  const terms = sentences[0] ?? [];
  const all = sentences.flat();
  const out: Syntax = {
    subject: 'none',
    subjectText: '',
    commitment: 'none',
    negated: false,
    permission: false,
    imperative: false,
    verb: '',
    object: '',
    verbless: !all.some(isVerb),
    nouns: all.filter((t) => t.tags.has('Noun') && !t.tags.has('Pronoun')).length,
    pronoun: undefined,
    difficultyActivity: false,
  };
  for (const t of all) {
    const w = word(t);
    if (w === 'he' || w === 'his' || w === 'him') out.pronoun ??= 'he';
    else if (w === 'she' || w === 'her' || w === 'hers') out.pronoun ??= 'she';
    else if (w === 'they' || w === 'their' || w === 'them') out.pronoun ??= 'they';
  }
  for (let i = 0; i + 1 < all.length; i++) {
    if (/^difficult(?:y|ies)$/.test(word(all[i]!))) {
      let j = i + 1;
      if (/^(?:with|in)$/.test(word(all[j]!))) j++;
      const g = all[j];
      const next = all[j + 1];
      // "difficulty naming actions": an activity with its object; "difficulty with working memory" names an area.
      if (g && g.tags.has('Gerund') && next && (next.tags.has('Noun') || next.tags.has('Adjective')) && !/^(?:memory|skills?|speed|attention)$/.test(word(next))) out.difficultyActivity = true;
    }
  }
  // Skip a leading clause that ends with a comma ("After graduating from high school, Alex will work…").
  let start = 0;
  const comma = terms.findIndex((t) => /,/.test(t.post));
  if (comma >= 0 && comma < terms.length - 1 && (terms[0]!.tags.has('Preposition') || terms[0]!.tags.has('Conjunction') || terms[0]!.tags.has('Condition') || /^(?:given|using|with|when|if|during|upon|after|by|in|once|following|before|until|whenever)$/.test(word(terms[0]!)))) {
    start = comma + 1;
  }
  const clause = terms.slice(start);
  const first = clause[0];
  if (!first) return out;
  const w0 = word(first);
  if (THING_START.test(w0) && clause[1] && word(clause[1]) === 'of') {
    // "Use of elevator at school", "Access to…": a thing granted or made available.
    out.subject = 'thing';
    out.subjectText = clause
      .slice(0, 3)
      .map((t) => t.text)
      .join(' ');
    out.permission = w0 === 'use' || w0 === 'permission';
    return out;
  }
  if (first.tags.has('Verb') && (first.tags.has('Infinitive') || first.tags.has('Imperative')) && !first.tags.has('Modal')) {
    out.imperative = true;
    out.verb = rootOf(first);
    out.commitment = 'present';
    out.object = objectAfter(clause, 1);
    return out;
  }
  // The subject runs to the first modal, auxiliary or verb.
  let v = clause.findIndex((t) => t.tags.has('Modal') || t.tags.has('Auxiliary') || t.tags.has('Copula') || isVerb(t) || word(t) === 'to');
  if (v < 0) v = clause.length;
  const subject = clause.slice(0, v);
  out.subject = subjectOf(subject);
  out.subjectText = subject.map((t) => t.text).join(' ');
  let i = v;
  for (; i < clause.length; i++) {
    const t = clause[i]!;
    const w = word(t);
    if (t.tags.has('Negative') || w === 'not' || w === 'never') out.negated = true;
    else if (t.tags.has('Modal') && MODALS[w]) {
      out.commitment = out.commitment === 'none' ? MODALS[w] : out.commitment;
      // After a modal comes a verb, whatever compromise guessed ("may leave class early": "leave" is no noun here).
      const next = clause[i + 1];
      if (next && !next.tags.has('Adverb') && !next.tags.has('Auxiliary') && !next.tags.has('Negative') && word(next) !== 'be' && word(next) !== 'not' && !next.tags.has('Verb')) next.tags.add('Verb');
    }
    else if (w === 'to' && out.commitment === 'none' && i === v) out.commitment = 'is-to';
    else if ((w === 'plans' || w === 'plan' || w === 'intends' || w === 'hopes' || w === 'wants') && clause[i + 1] && word(clause[i + 1]!) === 'to') {
      out.commitment = 'plans-to';
      i++;
    } else if (t.tags.has('Auxiliary') || t.tags.has('Copula') || w === 'be' || w === 'been' || w === 'is' || w === 'are') continue;
    else if (isVerb(t) || t.tags.has('Verb') || PERMIT.test(w) || PROTECT.test(w) || (w === 'marked' && clause[i + 1] && word(clause[i + 1]!) === 'down')) {
      out.verb = rootOf(t);
      if (PERMIT.test(w)) out.permission = true;
      // "will not be penalised", "will not be marked down": a protection is granted.
      if ((PROTECT.test(w) || (w === 'marked' && clause[i + 1] && word(clause[i + 1]!) === 'down')) && out.negated) out.permission = true;
      break;
    } else if (t.tags.has('Adverb')) continue;
    else break;
  }
  if (out.commitment === 'none' && out.verb) out.commitment = 'present';
  out.object = objectAfter(clause, i + 1);
  // The child "may" do something: a permission, not a hedge (504 accommodations) — "may check", "may leave"; but
  // "may benefit from" or "may need" is a recommendation, and "may have" hands nothing over.
  if (out.subject === 'child' && out.commitment === 'may' && isTerm('grant-verb', out.verb) && !/^(?:have|do|be|get)$/.test(out.verb)) out.permission = true;
  // Only the child is granted things: "Staff are permitted to…" is a rule for staff.
  if (out.subject !== 'child') out.permission = false;
  return out;
}

function objectAfter(clause: readonly Term[], from: number): string {
  const words: string[] = [];
  for (let i = from; i < clause.length && words.length < 14; i++) {
    const t = clause[i]!;
    const w = word(t);
    // A purpose clause says why, not what is given ("to space numbers", "so that he can…", "in order to").
    if ((w === 'to' && clause[i + 1]?.tags.has('Verb')) || w === 'so' || (w === 'in' && clause[i + 1] && word(clause[i + 1]!) === 'order')) break;
    words.push(t.text);
    if (/[.;:]/.test(t.post)) break;
  }
  return words.join(' ');
}
