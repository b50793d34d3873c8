import { describe, expect, it } from 'vitest';
import { judge } from '../testing';

const F = 'Section F: Special educational provision';

describe('the seven provision questions', () => {
  it('a bare service name misses what, how often, how long and who', () => {
    const r = judge(F, 'Occupational therapy.');
    expect(r.flagged).toBe(true);
    expect(r.missing).toEqual(expect.arrayContaining(['what', 'frequency', 'duration', 'who']));
  });

  it('generic support with hours still says nothing about what is done', () => {
    const r = judge(F, '15 hours per week of teaching assistant support.');
    expect(r.missing).toEqual(expect.arrayContaining(['what', 'training']));
    expect(r.missing).not.toContain('frequency');
    expect(r.missing).not.toContain('who');
  });

  it('numbers alone do not satisfy "by whom"', () => {
    const r = judge(F, 'Daily 15-minute 1:1 spelling practice with an adult.');
    expect(r.missing).toContain('who');
  });

  it('a wide range fixes neither amount nor frequency', () => {
    const r = judge(F, 'Phonics catch-up for 15-60 minutes per week with the class teacher, tracked weekly.');
    expect(r.missing).toEqual(expect.arrayContaining(['frequency', 'duration']));
  });

  it('a small group with no size asks for the group size', () => {
    const r = judge(F, 'Maths intervention in a small group.');
    expect(r.missing).toContain('group_size');
  });

  it('a fully specified item is not flagged', () => {
    const r = judge(F, 'Theo will receive 3 x 20-minute 1:1 sessions per week of the Toe by Toe reading programme from a teaching assistant trained in Toe by Toe; the SENCO will review his reading age each half term.');
    expect(r.flagged).toBe(false);
  });

  it('a long item with no amount at all is still flagged', () => {
    const r = judge(F, 'Tom will have speech and language therapy sessions from a qualified speech and language therapist in school, with targets shared with his class teacher and reviewed at his annual review.');
    expect(r.flagged).toBe(true);
    expect(r.missing).toEqual(expect.arrayContaining(['frequency', 'duration']));
  });

  it('missing training or monitoring alone is a good-practice note, not a flag', () => {
    const r = judge(F, 'Nia will have 2 x 30-minute 1:1 touch typing sessions each week with her teaching assistant.');
    expect(r.flagged).toBe(false);
    const note = r.findings.find((f) => f.rule === 'PROV-GOOD-PRACTICE');
    expect(note?.severity).toBe('info');
    expect(note?.missing).toContain('training');
  });

  it('equipment and standing arrangements need no session length, frequency or deliverer (rules.md §8)', () => {
    expect(judge(F, 'Leo will use a writing slope in every lesson, set out by his teaching assistant.').flagged).toBe(false);
    expect(judge(F, 'A writing slope and a pencil grip.').flagged).toBe(false);
    expect(judge(F, 'Spare PE kit to be kept in the classroom.').flagged).toBe(false);
    // A staff action is not equipment: how often, and who does it.
    expect(judge(F, 'Give verbal reminders.').missing).toEqual(expect.arrayContaining(['frequency', 'who']));
  });

  it('a CSP "persons by whom" line is judged on who', () => {
    const H = 'Persons by whom the additional support is to be provided';
    expect(judge(H, 'Class teacher; pupil support assistant; NHS occupational therapist.').flagged).toBe(false);
    expect(judge(H, 'Relevant partners and agencies.').missing).toEqual(['who']);
  });

  it('suggests a rewrite of the user\'s own sentence with visible slots', () => {
    const r = judge(F, 'Regular speech and language therapy.');
    const main = r.findings.find((f) => f.rule === 'PROV-SPECIFY')!;
    expect(main.suggestion).toContain('[how often:');
    expect(main.suggestion).toContain('speech and language therapy');
    expect(main.suggestion).toContain('[delivered by:');
    expect(main.why).toMatch(/9\.69/);
  });

  it('turns caps and wishes into commitments in the rewrite', () => {
    const capped = judge(F, 'Up to 12 hours per week of 1:1 teaching assistant support.').findings.find((f) => f.rule === 'PROV-SPECIFY')!;
    expect(capped.suggestion).toMatch(/^12 hours per week of 1:1 teaching assistant support \[what exactly:/);
    const wish = judge(F, 'Ola would benefit from a weekly ELSA session.').findings.find((f) => f.rule === 'PROV-SPECIFY')!;
    expect(wish.suggestion).toMatch(/^Ola will receive a weekly ELSA session/);
  });

  it('cites the law of the plan\'s own jurisdiction', () => {
    const wales = judge('2B.2 Additional learning provision', 'Support from the ALNCo.').findings.find((f) => f.rule === 'PROV-SPECIFY')!;
    expect(wales.why).toMatch(/ALN Code/);
    const us = judge('Special education and related services', 'Counseling as needed.').findings.find((f) => f.rule === 'PROV-SPECIFY')!;
    expect(us.why).toMatch(/300\.320\(a\)\(7\)/);
  });
});

describe('the weak wording the sources warn about is flagged', () => {
  it.each([
    'Claire will have access to a salary.',
    'Claire needs opportunities for holidays.',
    'Claire will have equipment, e.g. a pen.',
    'Sam requires a handwriting programme and a reading programme.',
    'A specialist teacher visiting when appropriate.',
    'Programmes tailored to need.',
    'A high adult:child ratio.',
    'Small class sizes.',
    'Sam will be taught in small teaching groups.',
    '1-1, small group or whole class as appropriate.',
    'Support with literacy.',
    'Strategies to support attention.',
    'An environment sympathetic to his sensory needs.',
    'Access to multisensory teaching.',
    'Staff will consist of a teacher and a teaching assistant.',
    'Guidance from the Autism Outreach Team.',
    'Following OT guidance.',
    'The school will decide how the hours are used.',
    'Throughout the day, as needed.',
    'Typically 2 sessions a week.',
    'Approximately 5 hours of support a week.',
    'Some support from a TA.',
    'Regular input from a speech therapist.',
  ])('%s', (line) => {
    expect(judge(F, line).flagged).toBe(true);
  });
  it.each(['Scribe as needed.', 'Reduced load.', 'Shortened school day.', 'Extra homework support.'])('%s (US)', (line) => {
    expect(judge('Special education and related services', line).flagged).toBe(true);
  });
});
