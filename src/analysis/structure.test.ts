import { describe, expect, it } from 'vitest';
import { choosePlanType, planNames, readLabel, roleFromWording } from './structure';

describe('readLabel', () => {
  it.each([
    ['Section F: Special educational provision', 'provision', 'england'],
    ['Section B – Special Educational Needs', 'need', 'england'],
    ['Section E: Outcomes – what we would like Ruby to achieve by the end of Key Stage 2', 'outcome', 'england'],
    ['2B.2 Additional learning provision', 'provision', 'wales'],
    ['2A Description of additional learning needs', 'need', 'wales'],
    ['Part 3: Objectives', 'target', 'ni'],
    ['Part 2: Special educational needs', 'need', 'ni'],
    ['Measurable annual goals', 'target', undefined],
    ['Present levels of academic achievement and functional performance', 'need', undefined],
    ['Factors giving rise to additional support needs', 'need', undefined],
    ['Additional support required to achieve the educational objectives', 'provision', undefined],
    ['SEN Support plan: targets', 'target', undefined],
    ['Accommodations', 'provision', undefined],
  ])('"%s" is a %s heading', (text, role, jurisdiction) => {
    const label = readLabel(text)!;
    expect(label.heading).toBe(true);
    expect(label.role).toBe(role);
    expect(label.jurisdiction).toBe(jurisdiction);
  });

  it('reads an inline label and where the content starts', () => {
    const text = 'Part 3: Provision – a classroom assistant for 25 hours per week.';
    const label = readLabel(text)!;
    expect(label.heading).toBe(false);
    expect(label.role).toBe('provision');
    expect(text.slice(label.contentStart)).toBe('a classroom assistant for 25 hours per week.');
  });

  it('one-off fields do not start a section', () => {
    expect(readLabel("Parent view: 'We want him to be happy.'")).toMatchObject({ role: 'view', persistent: false });
    expect(readLabel('Date of annual review meeting: 14 May 2026')).toMatchObject({ role: 'other', persistent: false });
    expect(readLabel('Persons by whom the support is to be provided: a teacher.')).toMatchObject({ role: 'provision', personsByWhom: true });
  });

  it('a professional\'s input heads provision, a pupil\'s input is a view', () => {
    expect(readLabel('SALT input: 30 minutes weekly with the speech and language therapist.')?.role).not.toBe('view');
    expect(readLabel("Student input: 'I want to study computers.'")?.role).toBe('view');
    expect(readLabel("Parent's comments: 'We are happy with the help.'")?.role).toBe('view');
  });

  it('ordinary sentences are not labels', () => {
    expect(readLabel('Handwriting: 3 x 20 minutes a week of Write from the Start.')).toBeUndefined();
    expect(readLabel('Sam will receive 30 minutes of tuition each week.')).toBeUndefined();
    expect(readLabel('')).toBeUndefined();
  });
});

describe('roles from wording, for fragments with no heading', () => {
  it.each([
    ["'I like the quiet room,' said Jo.", 'view'],
    ['By July 2026, Kit will read 40 words per minute.', 'target'],
    ['Kit has a diagnosis of dyslexia.', 'need'],
    ['Kit will receive 30 minutes of Lexia per week.', 'provision'],
    ['Aarav joined the school in Year 4.', 'other'],
  ])('%s → %s', (text, role) => {
    expect(roleFromWording(text)).toBe(role);
  });
});

describe('plan type', () => {
  it('reads plan names in the light of the jurisdiction', () => {
    expect(choosePlanType(new Set(planNames('My Support Plan (SEN Support)')), 'england')).toBe('sen-support');
    expect(choosePlanType(new Set(planNames('Co-ordinated support plan')), 'scotland')).toBe('csp');
    expect(choosePlanType(new Set(planNames('Section 504 Plan')), 'us')).toBe('504');
    expect(choosePlanType(new Set(), 'wales')).toBe('idp');
  });
});
