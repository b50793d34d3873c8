// The one rewrite a finding offers, tried as a user would: Replace, then judge the sentence again. On every flagged
// line of our labelled set and the bundled samples' weak sentences, the rewrite leaves nothing to fix but its own
// blanks, and keeps every number, name and role the writer gave.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEADINGS, judge } from './testing';
import { findTerms } from './terms';
import type { Jurisdiction } from './types';

interface Case {
  text: string;
  kind: 'provision' | 'target' | 'outcome' | 'need' | 'other';
  jurisdiction: Jurisdiction;
}

const lines = readFileSync(new URL('./labelled.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Case)
  .filter((c) => c.kind !== 'other');

const rewritten = lines.flatMap((c) => {
  const under = HEADINGS[c.kind as Exclude<Case['kind'], 'other'>][c.jurisdiction];
  // The rewrite replaces the finding's own words (an inline label before them stays on the page).
  return judge(under, c.text)
    // A service written as an outcome is rewritten as the outcome it should be; the service itself moves to provision.
    .findings.filter((f) => f.severity !== 'info' && f.suggestion && f.rule !== 'STRUCT-OUTCOME-NOT-PROVISION')
    .map((f) => ({ under, text: `${under}\n${c.text}`.slice(f.start, f.end), suggestion: f.suggestion! }));
});

/** Words the writer chose that a rewrite must keep: numbers, names, roles (slots' own words aside). */
function facts(text: string): string[] {
  const own = text.replace(/\[[^\]]*\]/g, ' ');
  const numbers = own.match(/\d+(?:\.\d+)?/g) ?? [];
  // A name is capitalised inside the sentence, or opens it as its subject ("Ella will…", "Tom's…").
  const names = [...own.matchAll(/(?<=(\S)?\s?)\b[A-Z][a-z]+(?='s|\b)/g)].filter((m) => !/^(?:Staff|Support|Adult|Teaching|School|Setting)$/.test(m[0]) && (m.index > 0 || /^[A-Z][a-z]+(?:'s)?\s+(?:will|has|is|needs|can)\b/.test(own))).map((m) => m[0]);
  const roles = findTerms('role', own).map((r) => r.text.toLowerCase());
  return [...numbers, ...names, ...roles];
}

describe('a rewrite, put in place of its sentence', () => {
  it('is offered for the flagged lines', () => {
    expect(rewritten.length).toBeGreaterThan(100);
  });

  it.each(rewritten.map((r) => [r.text, r]))('leaves nothing but its blanks to fill: %s', (_text, r) => {
    const left = judge(r.under, r.suggestion).findings.filter((f) => f.severity !== 'info' && f.rule !== 'TEMPLATE-BLANK');
    expect([r.suggestion, left.map((f) => f.message)]).toEqual([r.suggestion, []]);
  });

  it.each(rewritten.map((r) => [r.text, r]))('keeps the numbers, names and roles: %s', (_text, r) => {
    const kept = facts(r.suggestion.replace(/\[[^\]]*\]/g, ' ')).map((w) => w.toLowerCase());
    for (const fact of facts(r.text)) expect([r.suggestion, kept]).toEqual([r.suggestion, expect.arrayContaining([fact.toLowerCase()])]);
  });

  it('is grammatical where the vague words were: the slot takes their place and says what it replaced', () => {
    const goal = judge('SEN Support plan: targets', 'Amira will improve her reading.').findings[0]!;
    expect(goal.suggestion).toMatch(/^Amira will \[what Amira will do that you could see, instead of "improve her reading": e\.g\. [^\]]*stay in her seat\]/);
    const wish = judge('Section F: Special educational provision', 'Sam would benefit from a weekly ELSA session.').findings[0]!;
    expect(wish.suggestion).toMatch(/^Sam will receive a weekly ELSA session/);
    // A US annual goal asks for the child's action in the goal's words, its measure and date in the IEP's.
    const usGoal = judge('Measurable annual goals', 'Maria will improve her behavior in class.').findings[0]!;
    expect(usGoal.suggestion).toMatch(/^Maria will \[what Maria will do that you could see, instead of "improve her behavior": [^\]]*\]/);
    expect(usGoal.suggestion).toMatch(/\[measure: e\.g\. 80% accuracy in 4 of 5 trials\]/);
    expect(usGoal.suggestion).not.toMatch(/program or service/);
    expect(usGoal.message).toMatch(/^This goal does not say/);
    const adult = judge('Section F: Special educational provision', 'Adult support in class when needed.').findings[0]!;
    expect(adult.suggestion).toMatch(/^Support from \[delivered by:/);
  });

  it('pairs the work with a role that does it', () => {
    const slot = (line: string) => /\[delivered by: [^\]]*\]/.exec(judge('Section F: Special educational provision', line).findings[0]?.suggestion ?? '')?.[0] ?? '';
    expect(slot('Speech and language therapy every week.')).toMatch(/speech and language therapist/);
    expect(slot('Movement breaks every lesson.')).not.toMatch(/speech and language/);
    expect(slot('Handwriting practice daily.')).toMatch(/occupational therapist|teacher|teaching assistant/);
    expect(judge('Special education and related services', 'Speech therapy weekly.').findings[0]?.suggestion).toMatch(/speech-language pathologist/);
  });
});
