// Structure: which plan this is, whose law applies, which section each block sits in, and the role of
// each piece of wording (need, outcome, target, provision, view, other).
import type { BlockKind, Jurisdiction, PlanType, Role } from './types';
import { findTagged, taggedRegex, wordCount } from './text';
import { areasOf } from './rules/plan-structure';

export interface Label {
  /** Section code or title as found, e.g. "Section F", "2B.2", "Additional support required". */
  name: string;
  role: Role;
  jurisdiction?: Jurisdiction;
  /** The whole block is a heading: nothing after it to judge. */
  heading: boolean;
  /** Offset in the block where the content after the label starts. */
  contentStart: number;
  /** The label names a section that runs on to later blocks (not a one-off field such as "Parent view:"). */
  persistent: boolean;
  /** A CSP "persons by whom" line: judged on who provides the support (ASL Act s.9(2)). */
  personsByWhom: boolean;
  /** A section code or a title only a plan would use ("Section F", "Measurable annual goals"): the text reads as a plan. */
  specific: boolean;
  /** A short line naming an area ("Receptive language") heads what follows it; as a document's last line it is content. */
  tentative?: boolean;
}

const EHCP_ROLES: Record<string, Role> = { A: 'view', B: 'need', C: 'need', D: 'need', E: 'outcome', F: 'provision', G: 'provision', H: 'provision', H1: 'provision', H2: 'provision', I: 'other', J: 'other', K: 'other' };
const NI_ROLES: Record<string, Role> = { '1': 'other', '2': 'need', '3': 'provision', '4': 'other', '5': 'other', '6': 'other' };

// "Input", "comments" and "concerns" are views only when someone's: "SALT input:" heads provision.
const VIEW_TITLE = /\b(?:views?|says?|said|(?:pupil|student|child|parent|carer|family|young person)(?:'s|’s|s'|s)? (?:input|comments?|concerns?)|aspirations?|all about me|one[- ]page profile|what (?:people )?(?:like|admire)|likes|dislikes|interests|what (?:\w+ )?(?:says|thinks|wants))\b/i;
const OTHER_TITLE = /^(?:pupil|student|learner|child|young person|class|form|year(?: group)?|upn|(?:sen |primary )?category(?: of need)?|status|plan (?:start|end|date)|start date|end date|key stage|gender|age)$|^(?:name|date|dob|address|school|setting|co-?ordinator|contact|named|review|advice (?:received|and information)|list of advice|eligibility|least restrictive|lre|placement|personal budget|extract|background|history|introduction|meeting|signed|consent|iep meeting|annual iep review|attendance|current attainment|education authority|local authority|reason|type of)\b|information report|policy|statement of special educational needs/i;
// Titles that only a plan uses: they make the text read as a plan. The generic ones ("Targets", "Support")
// count only as short headings, since articles and emails use those words in their own headings.
const SPECIFIC_TITLES: ReadonlyArray<[RegExp, Role]> = [
  [/special educational provision|additional learning provision|\bALP\b|additional support required|persons by whom|related services?|special education services|special education and related|supplementary aids|health provision|social care provision|extended school year|plp provision|support to be provided|504 accommodations?/i, 'provision'],
  [/special educational needs?\b(?! co-?ordinator| and disabilit)|additional learning needs|additional support needs|factors giving rise|present levels?|plaafp|\bplop\b|areas? of need|description of (?:the )?(?:child's |learner's )?(?:additional learning )?needs/i, 'need'],
  [/intended outcomes?|measurable annual goals?|annual goals?|short[- ]term (?:targets|objectives|goals)|long[- ]term targets|educational objectives?|benchmarks|plp targets?|iep targets?|sen support plan: targets/i, 'target'],
  [/^section e\b/i, 'outcome'],
];
const GENERIC_TITLES: ReadonlyArray<[RegExp, Role]> = [
  [/\b(?:provision(?! map)|accommodations?|modifications|support|strategies|services|interventions|help|what (?:we|school|the school) will do|how (?:we|school|the school) will help)\b/i, 'provision'],
  [/\b(?:needs\b(?! co-?ordinator)|difficulties|factors)\b/i, 'need'],
  [/\boutcomes?\b/i, 'outcome'],
  [/\b(?:targets?|goals?|objectives?)\b/i, 'target'],
];
const GENERIC_TITLE_WORDS = 4;
const PERSONS_TITLE = /persons by whom/i;

interface Title {
  role: Role;
  /** Only a plan would use this title. */
  specific: boolean;
}

function readTitle(title: string): Title | undefined {
  if (VIEW_TITLE.test(title)) return { role: 'view', specific: false };
  if (OTHER_TITLE.test(title)) return { role: 'other', specific: false };
  for (const [re, role] of SPECIFIC_TITLES) if (re.test(title)) return { role, specific: true };
  if (wordCount(title) > GENERIC_TITLE_WORDS) return undefined;
  for (const [re, role] of GENERIC_TITLES) if (re.test(title)) return { role, specific: false };
  return undefined;
}

/** A title only a plan would use, or a heading that names the plan ("Personal Learning Plan: targets"). */
function isSpecific(title: string): boolean {
  return readTitle(title)?.specific === true || (planNames(title).length > 0 && /\b(?:targets?|goals?|objectives?|outcomes?|provision|needs|strategies)\b/i.test(title));
}

function titleRole(title: string): Role | undefined {
  return readTitle(title)?.role;
}

// A subtitle that asks the heading's question ("what we would like Ruby to achieve") is part of the heading.
const SUBTITLE = /^(?:what|how|who|where|when|which|details? of|description of|the child's|the young person's|including)\b/i;

// A section code's own title ("Section H1: Social care provision under section 2 of the … Act 1970") is a heading
// however long; content after a code is a clause with a verb of its own or a sentence end.
const CLAUSE = /\b(?:will|shall|should|must|may|might|can|could|would|is|are|was|were|has|had|does|did|receives?|attends?|needs to)\b/i;
function isSectionTitle(title: string): boolean {
  const t = title.trim();
  // A relative clause belongs to the title ("Any social care provision which must be made for a child …").
  return t !== '' && wordCount(t) <= 30 && !/[.!?;]$/.test(t) && !CLAUSE.test(t.replace(/\b(?:which|that|who)\b.*$/i, ''));
}

// A sub-heading naming an area of need ("Communication and interaction", "Sensory and/or physical needs", or a
// table's "Receptive language") sorts the needs or provision under it: it is structure, not a need or a provision.
const BROAD_AREA = /^(?:communication and interaction|cognition and learning|social,? emotional and mental health|sensory and\/or physical|physical and\/or sensory|(?:speech, )?language and communication|independence and self-care|preparing for adulthood)(?: (?:needs|difficulties))?$/i;
const PROVISION_NOUN = /\b(?:therapy|programme|program|sessions?|group|club|breaks?|diet|timetable|seating|support|help|aids?|equipment|tuition|teaching|intervention|time|room|space)\b/i;
function isAreaSubheading(text: string): boolean {
  const t = text.trim();
  if (BROAD_AREA.test(t)) return true;
  return wordCount(t) <= 5 && !/[.!?;:,]$/.test(t) && !/\d/.test(t) && !CLAUSE.test(t) && !PROVISION_NOUN.test(t) && areasOf(t).length > 0;
}

const ARTICLE_LINE = /^(?:[#>*•▪◦●]|-\s|\d+\.\s*\*\*)|\*\*/;
const LABEL_SHAPE = /^[^.!?]{1,120}?(?::|\s[–—-]\s|–|—)/;
const CODE = /^(?:section\s+([A-K]|H[12])(?![\w.])|part\s+([1-6])(?!\d)|(?:section\s+)?(2A|2B(?:\.\d)?)(?![\w.]))/i;
// From a run of spaces' first character only, so runs of spaces stay linear.
const SEPARATOR = /(?<!\s)\s*(?::|\s[–—-]\s|–|—)\s*/g;

/** Recognises a section heading, or an inline label in front of content ("Part 3: Provision – a classroom assistant…"). */
export function readLabel(block: string): Label | undefined {
  const lead = block.length - block.trimStart().length;
  const text = block.slice(lead).trimEnd();
  // Bulleted or markdown lines are list items and article headings, not a plan's own section headings.
  if (!text || ARTICLE_LINE.test(text)) return undefined;
  let code = CODE.exec(text);
  // Most blocks are sentences: without a code, a separator near the start or a short line there is no label.
  if (!code && !LABEL_SHAPE.test(text) && wordCount(text) > 12) return undefined;
  // "Section F must specify…" is prose about a plan; a code labels a section only before a separator or a title.
  if (code && !/^\s*(?:[:.–—-]|$)/.test(text.slice(code[0].length)) && titleRole(text.slice(code[0].length).split(/[:–—]/)[0] ?? '') === undefined) code = null;
  let role: Role | undefined;
  let jurisdiction: Jurisdiction | undefined;
  let pos = 0;
  let name = '';
  if (code) {
    name = code[0];
    pos = code[0].length;
    if (code[1]) {
      role = EHCP_ROLES[code[1].toUpperCase()];
      jurisdiction = 'england';
    } else if (code[2]) {
      role = NI_ROLES[code[2]];
      jurisdiction = 'ni';
    } else if (code[3]) {
      const c = code[3].toUpperCase();
      role = c === '2A' ? 'need' : c === '2B.1' ? 'target' : c === '2B' || c === '2B.2' ? 'provision' : 'other';
      jurisdiction = 'wales';
    }
  }
  // Up to two title segments follow the code (or stand alone): "Section E: Outcomes – what we would like…".
  const segments: { start: number; end: number }[] = [];
  SEPARATOR.lastIndex = pos;
  let segStart = pos;
  for (let m = SEPARATOR.exec(text); m && segments.length < 3; m = SEPARATOR.exec(text)) {
    if (m.index === segStart && m.index === pos) {
      segStart = m.index + m[0].length;
      continue;
    }
    segments.push({ start: segStart, end: m.index });
    segStart = m.index + m[0].length;
  }
  segments.push({ start: segStart, end: text.length });

  const first = segments[0]!;
  const firstText = text.slice(first.start, first.end);
  let contentStart = first.start;
  let titled = false;
  if (segments.length > 1 && wordCount(firstText) <= 9 && !/[.;]$/.test(firstText)) {
    const r = titleRole(firstText);
    if (r !== undefined || code) {
      // A code's own title may refine its role ("Part 3: Objectives" is the objectives half of Part 3).
      if (r !== undefined && (!code || r === 'target' || r === 'outcome' || (role === 'provision' && r !== 'view'))) role = r;
      name = text.slice(0, first.end);
      contentStart = segments[1]!.start;
      titled = true;
    }
  }
  const rest = text.slice(contentStart);
  let heading = false;
  if (!titled && !code) {
    // A short line with no sentence end is a heading when its title is recognised ("Measurable annual goals").
    // The broad areas of need sort a section's content ("Cognition and learning needs" under Section F too).
    if (wordCount(text) <= 12 && !/[.!?]$/.test(text) && !BROAD_AREA.test(text)) {
      const r = titleRole(text);
      if (r !== undefined) {
        return {
          name: text,
          role: r,
          heading: true,
          contentStart: block.length,
          persistent: r !== 'view' && r !== 'other',
          personsByWhom: PERSONS_TITLE.test(text),
          specific: isSpecific(text),
          // "Speech and language difficulties" heads a description, or is itself a need named only as a label.
          ...(r === 'need' && !isSpecific(text) && areasOf(text).length > 0 ? { tentative: true } : {}),
        };
      }
    }
    if (isAreaSubheading(text)) {
      return { name: text, role: 'other', heading: true, contentStart: block.length, persistent: false, personsByWhom: false, specific: false, ...(BROAD_AREA.test(text) ? {} : { tentative: true }) };
    }
    return undefined;
  }
  if (code && !titled) {
    const r = titleRole(firstText);
    if (wordCount(firstText) <= 9 && !/[.!?]$/.test(firstText) && (r !== undefined || firstText.trim() === '')) {
      heading = true;
      if (r !== undefined && r !== 'view' && (r === 'target' || r === 'outcome' || role === 'provision')) role = r;
      name = text;
    } else if (segments.length === 1 && isSectionTitle(firstText)) {
      heading = true;
      name = text;
    } else contentStart = first.start;
  } else if (!rest.trim() || SUBTITLE.test(rest)) heading = true;
  else if (titled && segments.length === 2 && wordCount(rest) <= 6 && !/[.!?]$/.test(rest) && titleRole(rest) !== undefined && !code) {
    // "SEN Support plan: targets" — a plan name then the section's title.
    const r = titleRole(rest)!;
    return { name: text, role: r, heading: true, contentStart: block.length, persistent: r !== 'view' && r !== 'other', personsByWhom: false, specific: isSpecific(text) };
  }
  if (role === undefined) return undefined;
  const persistent = code !== null || (role !== 'view' && role !== 'other');
  return {
    name: name.trim(),
    role,
    ...(jurisdiction ? { jurisdiction } : {}),
    heading,
    contentStart: heading ? block.length : lead + contentStart,
    persistent,
    personsByWhom: PERSONS_TITLE.test(name),
    specific: code !== null || isSpecific(name),
  };
}

/** What a block's text says about it as a table row, whatever its section: read once per text (the analyser caches it). */
export interface RowShape {
  /** Cells joined as the page and the CLI join them, or tabs: read as a row even when no one said it is one. */
  cells: boolean;
  /** Where the content starts after leading cells that only name the need it is for ("Reading | …"), or 0. */
  contentStart: number;
  /** Those leading cells, as the row's label. */
  name: string;
  /** The content's role from its wording, for a row under no section. */
  role: Role;
}

export function readRow(text: string): RowShape {
  const contentStart = rowContentStart(text);
  return {
    cells: CELL_SEPARATOR.test(text),
    contentStart,
    name: text.slice(0, contentStart).replace(/[\s|]+$/, ''),
    role: contentStart > 0 ? roleFromWording(text.slice(contentStart)) : 'other',
  };
}

/**
 * How a block the page has marked reads: a heading element is structure whatever its words (its title may still
 * name a section); a list item or table row is content, never a section heading. `followed`: text comes after it.
 */
export function labelOfKind(scanned: Label | undefined, text: string, kind: BlockKind | undefined, section: Label | undefined, row: RowShape, followed: boolean): Label | undefined {
  // A sub-heading naming an area ("Cognition and learning needs") inside a section sorts that section's content;
  // it does not start a needs section in the middle of Section F.
  const label = !scanned?.tentative ? scanned : !followed ? undefined : section ? { ...scanned, role: 'other' as const, persistent: false } : scanned;
  if (kind === 'heading' || kind === 'header-row') {
    if (label && kind === 'heading') return { ...label, heading: true, contentStart: text.length };
    return { name: text.trim(), role: 'other', heading: true, contentStart: text.length, persistent: false, personsByWhom: false, specific: false };
  }
  if ((kind === 'row' || (kind === undefined && row.cells)) && row.contentStart > 0) {
    return {
      name: row.name,
      role: section?.role ?? row.role,
      heading: false,
      contentStart: row.contentStart,
      persistent: false,
      personsByWhom: section?.personsByWhom ?? false,
      specific: false,
    };
  }
  if ((kind === 'item' || kind === 'row') && label?.heading) return undefined;
  return label;
}

// Cells of a table row as the page and the CLI join them, or as a table pasted from a browser or Word (tabs).
const CELL_SEPARATOR = /\S(?: \| |\t+)\S/;
const CELL = /(?<!\s)\s+\|\s+|\t+/g;

/** Where a row's content starts after leading cells that only name the need it is for ("Reading | …"), or 0. */
function rowContentStart(text: string): number {
  let start = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(text); m; m = CELL.exec(text)) {
    if (!isAreaSubheading(text.slice(start, m.index))) break;
    start = m.index + m[0].length;
  }
  CELL.lastIndex = 0;
  return start;
}

// ---- roles from wording ----

const VIEW_START = /^['‘"“]|^(?:I|I'm|I’m)\s/;
// A stated nil ("None.", "No social care needs identified at this time.", "No personal budget has been requested.")
// answers the section; it is not weak wording.
const NIL = /^(?:none|nil|n\/?a|not (?:applicable|required|needed)|none (?:identified|required|needed|known)?(?: ?(?:at (?:this time|present)|currently))?|no (?:[\w-]+ ){0,5}(?:identified|required|requested|needed|reported|known)(?: (?:at (?:this time|present)|currently))?|no (?:[\w-]+ ){1,5}(?:has|have) been (?:identified|requested|required|agreed|needed))[.!]?$/i;
// Page furniture and form instructions ("Scroll down to the targets.", "Click to add a target") are not plan wording.
const NAVIGATION = /^(?:please\s+)?(?:scroll|click|tap|press|select|go (?:to|back)|return to|back to|skip to|jump to|print|download|upload|save|submit|log (?:in|out)|sign (?:in|out)|read more|add (?:another|a new|more)|fill in|type (?:here|the|your))\b/i;

// Wording about the plan itself ("This IDP is maintained by…", "This plan will be reviewed within 12 months…").
const ABOUT_THE_PLAN = /^this (?:plan|IDP|CSP|EHCP|EHC plan|IEP|PLP|statement|co-ordinated support plan|coordinated support plan|document|individual development plan)\b/i;
// History in a provision or target section ("Aarav joined the school in Year 4…", "Ella was entered for…"): what
// happened, not what will be done; a commitment or a wish in it is still judged.
const PAST_NARRATIVE = /^(?:[A-Z][\w'’-]*\s+){1,3}(?:was|were|had|joined|moved|achieved|attended|started|left|transferred|completed|scored|entered|began|came)\b/;
const FORWARD = /\b(?:will|shall|should|must|may|might|could|would|to be)\b/i;

// Editing instructions in amended plans and tribunal orders ("Add the following text to the … column", "Delete
// 'as required'"), notes about the plan and page markers are not plan wording; a support they quote is.
const INSTRUCTION = /^(?:please\s+)?(?:add|insert|delete|remove|amend|replace|substitute|change|include|omit|strike out)\b(?=[^.!?]{0,200}?(?:['‘"“]|\bfollowing\b|\btext\b|\bwording\b|\bcolumn\b|\bsection\b|\bsentence\b|\bparagraph\b|\bbox\b|:))/i;
const NOTE = /^(?:note|nb|n\.b\.|comment|editor'?s note|tribunal'?s? (?:note|order))\s*[:.–-]/i;
const PAGE_MARKER = /^(?:page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-|\[?\s*page break\s*\]?|\d+\s*\/\s*\d+)$/i;

/** An editing instruction ("Add: 'OT to review…'"): its quoted wording, not the instruction, is the plan's. */
export function isInstruction(text: string): boolean {
  return INSTRUCTION.test(text.trim());
}

/** The role of one item: a view, a nil or page furniture whatever the section; otherwise the section's role. */
export function itemRole(text: string, section: Role | undefined): Role {
  if (isInstruction(text) || NOTE.test(text.trim()) || PAGE_MARKER.test(text.trim())) return 'other';
  if (VIEW_START.test(text)) return 'view';
  if (NIL.test(text.trim()) || NAVIGATION.test(text) || !/\p{L}/u.test(text) || ABOUT_THE_PLAN.test(text)) return 'other';
  if (section !== 'need' && section !== 'view' && PAST_NARRATIVE.test(text) && !FORWARD.test(text)) return 'other';
  return section ?? roleFromWording(text);
}

const VIEW_WORDING = /^['‘"“]|\b(?:I|I'm|I’m|we|We)\s+(?:am|want|like|would|feel|think|need|love|hate|enjoy|don't|do not|find)\b|\b(?:says|said|told us)\s*:/;
const TARGET_WORDING = /^(?:by|within|in|over)\b[^.]{0,80}?,\s*[A-Z][\w'’-]+ will\b|\bwill be able to\b|^(?:to|target|goal|objective)\b/i;
const PROVISION_WORDING = /\b(?:will (?:receive|have|be given|be provided|attend|be taught|be supported)|per (?:week|day|fortnight)|sessions?|delivered by|provided by|support from|therapy|programme|program|1:1|intervention|access to|accommodations?|extended time|extra time|breaks|seating|tuition|teaching assistant|scribe|reader|will support)\b/i;
const NEED_WORDING = /\b(?:has (?:a )?(?:diagnosis|difficult|diagnosed)|difficult(?:y|ies)|struggles?|finds? it|cannot|diagnosed|is autistic|has (?:ADHD|autism|dyslexia|dyspraxia)|percentile|reading age)\b/i;

export function roleFromWording(text: string): Role {
  if (VIEW_WORDING.test(text)) return 'view';
  if (TARGET_WORDING.test(text)) return 'target';
  if (NEED_WORDING.test(text) && !/\bwill (?:receive|have|be given|be provided)\b/i.test(text)) return 'need';
  if (PROVISION_WORDING.test(text)) return 'provision';
  return 'other';
}

// ---- jurisdiction and plan type from vocabulary (JUR-DETECT) ----

const JURISDICTION_VOCAB: ReadonlyArray<[Jurisdiction, RegExp]> = [
  ['england', /(?:EHCP|EHC plan|education, health and care|section [a-k]\b|SENCO|SENDCo|SEN Support|SEND Code|key stage|SENDIASS|provision map|year \d{1,2}\b|GCSE|Ofsted)/gi],
  ['wales', /(?:IDP|individual development plan|ALNCo|ALN\b|ALP\b|additional learning (?:needs|provision)|2A\b|2B\.\d|Welsh|Ysgol|ALNET|Cymru)/gi],
  ['scotland', /(?:CSP|co-ordinated support plan|coordinated support plan|additional support needs|educational objectives|GIRFEC|ASN\b|pupil support assistant|support for learning|S[1-6]\b|named person|Child's Plan|persons by whom|additional support required)/gi],
  ['ni', /(?:Statement of Special Educational Needs|Education Authority|EA\b|PLP\b|personal learning plan|Part [1-6]\b|LSC\b|learning support co-?ordinator|classroom assistant|Primary [1-7]\b)/gi],
  ['us', /(?:IEP team|PLAAFP|present levels|annual goals?|related services?|minutes per week|FAPE|504|LRE|least restrictive|general education|special education|paraprofessional|grade\b|math\b|behavior|counseling|IDEA|semester|recess|cafeteria|school psychologist|speech-language pathologist)/gi],
];

// One scan for all five vocabularies.
const JURISDICTION_WORDS = taggedRegex(JURISDICTION_VOCAB.map(([j, re]) => [`/${re.source}/`, j] as const));

export function jurisdictionVotes(text: string): Partial<Record<Jurisdiction, number>> {
  const votes: Partial<Record<Jurisdiction, number>> = {};
  for (const { tag } of findTagged(JURISDICTION_WORDS, text.length > 50000 ? text.slice(0, 50000) : text)) votes[tag] = (votes[tag] ?? 0) + 1;
  return votes;
}

const PLAN_NAMES: ReadonlyArray<[PlanType, RegExp]> = [
  ['504', /\b504\b/],
  ['us-iep', /\b(?:PLAAFP|present levels of academic|measurable annual goals|IEP team|related services)\b/i],
  ['ehcp', /\b(?:EHCP|EHC plan|education, health and care plan|section [a-k]\b)/i],
  ['idp', /\b(?:IDP|individual development plan|additional learning provision)\b/i],
  ['csp', /\b(?:CSP|co-ordinated support plan|coordinated support plan|persons by whom|additional support required)\b/i],
  ['statement', /\b(?:Statement of Special Educational Needs|statement)\b|\bpart [23]\b/i],
  ['plp', /\b(?:PLP|personal learning plan)\b/i],
  ['sen-support', /\b(?:SEN Support|My Support Plan|provision map)\b/i],
  ['iep', /\b(?:IEP|individual(?:ised|ized)? education(?:al)? (?:plan|programme))\b/i],
];

const PLAN_WORDS = taggedRegex(PLAN_NAMES.map(([p, re]) => [`/${re.source}/`, p] as const));

export function planNames(text: string): PlanType[] {
  return [...new Set(findTagged(PLAN_WORDS, text.length > 50000 ? text.slice(0, 50000) : text).map((m) => m.tag))];
}

/** Chooses the plan type from names seen in the document, read in the light of the jurisdiction. */
export function choosePlanType(seen: ReadonlySet<PlanType>, jurisdiction: Jurisdiction | 'unknown'): PlanType {
  const has = (p: PlanType): boolean => seen.has(p);
  switch (jurisdiction) {
    case 'us':
      return has('504') && !has('us-iep') ? '504' : has('us-iep') || has('iep') ? 'us-iep' : has('504') ? '504' : 'us-iep';
    case 'wales':
      return 'idp';
    case 'scotland':
      return has('csp') ? 'csp' : 'iep';
    case 'ni':
      return has('plp') && !has('statement') ? 'plp' : 'statement';
    case 'england':
      return has('ehcp') ? 'ehcp' : has('sen-support') || has('iep') ? 'sen-support' : 'ehcp';
    default:
      return [...seen][0] ?? 'unknown';
  }
}

/** Plans that are legal documents: vague provision there is likely unlawful, so it is an error, not a warning. */
export function isStatutory(plan: PlanType): boolean {
  return plan === 'ehcp' || plan === 'idp' || plan === 'csp' || plan === 'statement' || plan === 'us-iep' || plan === 'unknown';
}
