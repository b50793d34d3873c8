// A school's or LA's own wording: phrases to flag (each with the message the card should give) and phrases to
// allow (a hedge inside one is not flagged). What is typed is checked as a policy file would be; a phrase that
// does not fit is said, and the typed text stays in the box.
import { useState } from 'preact/hooks';
import type { HousePhrase } from '../../src/analysis/types';
import { readSettings, type EffectiveSettings } from '../../src/extension/settings';
import { t } from '../../src/extension/i18n';
import { Locked } from './Locked';
import { save } from './use-settings';

export function HousePhrases({ effective }: { effective: EffectiveSettings }) {
  const { settings, locked } = effective;
  const [problem, setProblem] = useState('');

  const onAdd = (event: SubmitEvent, list: 'customPhrases' | 'allowedPhrases') => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    // Text fields only: a file input's value would read as "[object File]".
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const phrase = text('phrase');
    const message = text('message');
    const entry = list === 'customPhrases' ? { phrase, message } : phrase;
    const read = readSettings({ [list]: [entry] });
    const added = read.settings[list]?.[0];
    if (read.problems.length > 0 || !added) {
      setProblem(t('phraseProblem'));
      return;
    }
    setProblem('');
    const current = settings[list] as unknown[];
    void save({ [list]: [...current.filter((p) => JSON.stringify(p) !== JSON.stringify(added)), added] }).then(() => form.reset());
  };
  const remove = (list: 'customPhrases' | 'allowedPhrases', i: number) => void save({ [list]: (settings[list] as unknown[]).filter((_, j) => j !== i) });

  return (
    <section aria-labelledby="house-phrases">
      <h2 id="house-phrases">{t('optionsHousePhrases')}</h2>
      <p class="note">{t('optionsHousePhrasesNote')}</p>
      <h3>
        {t('optionsFlagPhrases')} {locked.has('customPhrases') && <Locked />}
      </h3>
      <PhraseList name="flag" phrases={settings.customPhrases} locked={locked.has('customPhrases')} onRemove={(i) => remove('customPhrases', i)} />
      {!locked.has('customPhrases') && (
        <form class="add" data-form="flag" onSubmit={(e) => onAdd(e, 'customPhrases')}>
          <input name="phrase" aria-label={t('phraseToFlag')} placeholder={t('phraseToFlagExample')} required />
          <input name="message" aria-label={t('phraseMessage')} placeholder={t('phraseMessageExample')} />
          <button type="submit">{t('addPhraseToFlag')}</button>
        </form>
      )}
      <h3>
        {t('optionsAllowPhrases')} {locked.has('allowedPhrases') && <Locked />}
      </h3>
      <PhraseList name="allow" phrases={settings.allowedPhrases.map((phrase) => ({ phrase }))} locked={locked.has('allowedPhrases')} onRemove={(i) => remove('allowedPhrases', i)} />
      {!locked.has('allowedPhrases') && (
        <form class="add" data-form="allow" onSubmit={(e) => onAdd(e, 'allowedPhrases')}>
          <input name="phrase" aria-label={t('phraseToAllow')} placeholder={t('phraseToAllowExample')} required />
          <button type="submit">{t('addPhraseToAllow')}</button>
        </form>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

function PhraseList({ name, phrases, locked, onRemove }: { name: string; phrases: HousePhrase[]; locked: boolean; onRemove: (i: number) => void }) {
  return (
    <ul class="phrases" data-list={name}>
      {phrases.map((p, i) => (
        <li key={p.phrase}>
          <span class="phrase">“{p.phrase}”</span>
          {p.message && <span class="message"> — {p.message}</span>}
          {!locked && (
            <button type="button" onClick={() => onRemove(i)} aria-label={t('removePhraseLabel', p.phrase)}>
              {t('remove')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
