// Every rule's own examples are its tests: each sentence in `flags` raises the rule (as the sentence's finding, a
// rule folded into it, or a hedge inside it), each in `allows` does not. The rule files are the catalogue: every
// file is registered, every id is unique, and each file's data has the shape the analyser reads.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_FAMILIES } from '../families';
import { analyzeText } from '../index';
import { judge, rulesOf } from '../testing';
import type { Finding, Options } from '../types';
import { RULES, type Example, type RuleData } from './catalogue';

const here = new URL('.', import.meta.url);
const files = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(new URL(`${d.name}/`, here)).filter((f) => f.endsWith('.json')).map((f) => `${d.name}/${f}`));

const cases = (r: RuleData, kind: 'flags' | 'allows') =>
  r.examples[kind].map((e): [string, string, Partial<Options>] => {
    const ex: Example = typeof e === 'string' ? { text: e } : e;
    return [ex.text, ex.under ?? r.examples.under, ex.options ?? {}];
  });

describe('the rule files', () => {
  it('are all registered, once each, under their own id', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(files.map((f) => f.replace(/^.*\//, '').replace(/\.json$/, '')).sort()).toEqual([...ids].sort());
    for (const f of files) expect((JSON.parse(readFileSync(new URL(f, here), 'utf8')) as { id: string }).id).toBe(f.replace(/^.*\//, '').replace(/\.json$/, ''));
  });

  it.each(RULES.map((r) => [r.id, r]))('%s has the shape the analyser reads', (_id, r) => {
    expect(RULE_FAMILIES).toContain(r.family);
    expect(r.title.length).toBeGreaterThan(0);
    expect(r.severity.length).toBeGreaterThan(0);
    // The last case applies everywhere: no plan is left without a severity.
    const last = r.severity[r.severity.length - 1]!;
    expect([last.jurisdictions, last.plans, last.roles]).toEqual([undefined, undefined, undefined]);
    for (const c of r.severity) expect(['error', 'warning', 'info']).toContain(c.level);
    for (const g of r.groups ?? []) for (const p of g.phrases) if (typeof p !== 'string') expect(() => new RegExp(p.pattern)).not.toThrow();
    for (const g of r.guards ?? []) {
      expect(g.why.length).toBeGreaterThan(0);
      for (const source of [g.followedBy, g.precededBy]) if (source) expect(() => new RegExp(source)).not.toThrow();
    }
  });
});

describe.each(RULES.filter((r) => r.examples.flags.length + r.examples.allows.length > 0).map((r) => [r.id, r] as const))('%s', (id, r) => {
  it.each(cases(r, 'flags'))('flags: %s', (text, under, options) => {
    const { findings } = judge(under, text, options);
    expect(findings.flatMap(rulesOf)).toContain(id);
  });

  it.each(cases(r, 'allows'))('allows: %s', (text, under, options) => {
    const { findings } = judge(under, text, options);
    expect(findings.flatMap(rulesOf)).not.toContain(id);
  });
});

describe('the catalogue table in src/analysis/README.md', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('## The rules'), readme.indexOf('### A rule is a data file'));
  const documented = new Set([...table.matchAll(/^\| ([A-Z]+(?:-[A-Z0-9]+)+) \|/gm)].map((m) => m[1]!));

  it('lists every rule file', () => {
    expect(RULES.map((r) => r.id).filter((id) => !documented.has(id))).toEqual([]);
  });

  it('names every rule the analyser emits, on our labelled lines, every example and whole plans', () => {
    const emitted = new Set<string>();
    const note = (findings: readonly Finding[]) => findings.flatMap(rulesOf).forEach((id) => emitted.add(id));
    for (const r of RULES) for (const kind of ['flags', 'allows'] as const) for (const [text, under, options] of cases(r, kind)) note(judge(under, text, options).findings);
    const labelled = readFileSync(new URL('../labelled.jsonl', import.meta.url), 'utf8').split('\n').filter((l) => l.trim());
    for (const line of labelled) note(analyzeText((JSON.parse(line) as { text: string }).text, { assumePlan: true }).findings);
    const plan = [
      'Section B: Special educational needs',
      'Oliver has dyslexia.',
      'Oliver finds it hard to make friends and plays alone at break.',
      'Section F: Special educational provision',
      'Oliver will have phonics support.',
      `Oliver will have 30 minutes of 1:1 reading daily with a trained TA. ${'as required '.repeat(2000)}`,
    ].join('\n');
    note(analyzeText(plan).findings);
    const iep = ['SEN Support plan: targets', ...[1, 2, 3, 4, 5].map((n) => `By Easter, Oliver will read ${n * 10} Phase 3 words aloud with 90% accuracy.`), 'Review date: TBC'];
    note(analyzeText(iep.join('\n')).findings);
    note(analyzeText('Co-ordinated support plan\nEducational objectives\nBy June, the child will read 20 words.\nAdditional support required\nSpeech and language therapy weekly.').findings);
    expect([...emitted].filter((id) => !documented.has(id))).toEqual([]);
    // The walk reached the document-level rules too, so the check above means something.
    expect([...emitted]).toEqual(expect.arrayContaining(['STRUCT-B-F-MATCH', 'IEP-TARGET-COUNT', 'IEP-REVIEW-DATE', 'CHECK-LIMIT', 'STRUCT-SCO-CSP']));
  });
});
