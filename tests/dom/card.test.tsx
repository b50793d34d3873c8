import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { Card } from '../../src/page/card';
import { words } from './words';
import type { Finding } from '../../src/analysis';

const SENTENCE = 'A teaching assistant will support him as required.';
const hedge = '"as required" leaves it to someone to decide later whether the help is given.';
const finding: Finding = {
  rule: 'PROV-SPECIFY',
  category: 'provision',
  severity: 'error',
  start: 0,
  end: SENTENCE.length,
  message: `${hedge} This provision does not say how often, so nobody could check whether it is being delivered.`,
  why: 'SEND Code of Practice 9.69',
  suggestion: 'A teaching assistant will support him [how often: e.g. 3 × 20 minutes a week].',
  missing: ['frequency'],
  spans: [{ rule: 'HEDGE-DISCRETION', start: 38, end: 49, phrase: 'as required', message: hedge }],
};

let root: HTMLElement;
afterEach(() => render(null, root));

/** An event as the browser makes it for the user's own input (happy-dom makes none trusted). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const userClick = (el: Element) => el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));

function show(actions: { label: string; run(): string | undefined }[] = [], focus = false) {
  root = document.body.appendChild(document.createElement('div'));
  render(<Card finding={finding} flagged={SENTENCE} anchor={{ left: 10, top: 10, width: 50, height: 18 }} actions={actions} focus={focus} words={words} onClose={() => undefined} />, root);
  return root.querySelector<HTMLElement>('.card')!;
}

describe('the finding card', () => {
  it('quotes the sentence with its hedge words emphasised, lists its problems, one rewrite with visible slots, and why (with the rule)', () => {
    const card = show();
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.querySelector('.flagged')!.textContent).toBe(`“${SENTENCE}”`);
    expect([...card.querySelectorAll('.flagged .hedge')].map((e) => e.textContent)).toEqual(['as required']);
    expect([...card.querySelectorAll('.message li')].map((li) => li.textContent)).toEqual([hedge, 'This provision does not say how often, so nobody could check whether it is being delivered.']);
    expect(card.querySelector('.why')!.textContent).toContain('SEND Code of Practice 9.69');
    expect(card.querySelector('.rule')!.textContent).toBe('(PROV-SPECIFY)');
    expect(card.querySelector('.suggestion strong')!.textContent).toBe('Try: ');
    expect([...card.querySelectorAll('.suggestion .slot')].map((s) => s.textContent)).toEqual(['[how often: e.g. 3 × 20 minutes a week]']);
  });

  it('is a dialog named by its kind and described by its problems; opened from the keyboard, focus starts on them', () => {
    const card = show([], true);
    expect(document.activeElement).toBe(card.querySelector('.message'));
    const described = root.querySelector(`#${card.getAttribute('aria-describedby')!}`)!;
    expect(described.classList.contains('message')).toBe(true);
    expect(root.querySelector(`#${card.getAttribute('aria-labelledby')!}`)!.textContent).toBe('Plan Lens: Provision not specific');
  });

  it('shows why an action could not do what it says', async () => {
    const card = show([{ label: 'Replace', run: () => 'This editor did not accept the change; copy the suggestion instead.' }]);
    userClick(card.querySelector<HTMLButtonElement>('button')!);
    await expect.poll(() => card.querySelector('[role="status"]')?.textContent).toBe('This editor did not accept the change; copy the suggestion instead.');
  });
});

describe('keys pressed in the card', () => {
  it('stay in the card: an editor around its host never acts on them (Enter on a button, Escape)', () => {
    const editor = document.body.appendChild(document.createElement('div'));
    editor.contentEditable = 'true';
    const seen: string[] = [];
    for (const type of ['keydown', 'keypress', 'keyup']) editor.addEventListener(type, (e) => seen.push(`${type} ${(e as KeyboardEvent).key}`));
    root = editor.appendChild(document.createElement('div'));
    let closed = 0;
    render(<Card finding={finding} flagged={SENTENCE} anchor={{ left: 10, top: 10, width: 50, height: 18 }} actions={[]} focus={false} words={words} onClose={() => closed++} />, root);
    const button = root.querySelector('button')!;
    for (const type of ['keydown', 'keypress', 'keyup']) button.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', bubbles: true }));
    root.querySelector('.card')!.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(seen).toEqual([]);
    expect(closed).toBe(1);
    editor.remove();
  });
});

describe('events a page makes up', () => {
  it('do nothing: a dispatched click on Replace or Close, or an Escape, is not the user’s', () => {
    root = document.body.appendChild(document.createElement('div'));
    const ran: string[] = [];
    let closed = 0;
    const actions = ['Replace', 'Ignore “as required” on this site'].map((label) => ({ label, run: () => void ran.push(label) }));
    render(<Card finding={finding} flagged="as required" anchor={{ left: 10, top: 10, width: 50, height: 18 }} actions={actions} focus={false} words={words} onClose={() => closed++} />, root);
    for (const button of root.querySelectorAll('button')) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    root.querySelector('.card')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(ran).toEqual([]);
    expect(closed).toBe(0);
    // The user's own click on the same button does act.
    userClick(root.querySelector('button')!);
    expect(ran).toEqual(['Replace']);
  });
});
