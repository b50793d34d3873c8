// How plans are judged: the plan's jurisdiction (detected, or fixed), how strict, and which rule families run.
import { RULE_FAMILIES, type RuleFamilyId } from '../../src/analysis/families';
import { JURISDICTION_CHOICES, type EffectiveSettings } from '../../src/extension/settings';
import { t, type MessageName } from '../../src/extension/i18n';
import { Locked } from './Locked';
import { save } from './use-settings';

const JURISDICTION_NAMES: Record<(typeof JURISDICTION_CHOICES)[number], MessageName> = {
  auto: 'jurisdictionAuto',
  england: 'jurisdictionEngland',
  wales: 'jurisdictionWales',
  scotland: 'jurisdictionScotland',
  ni: 'jurisdictionNi',
  us: 'jurisdictionUs',
};

const FAMILY_WORDS: Record<RuleFamilyId, { name: MessageName; catches: MessageName }> = {
  HEDGE: { name: 'familyHedge', catches: 'familyHedgeCatches' },
  PROV: { name: 'familyProv', catches: 'familyProvCatches' },
  GOAL: { name: 'familyGoal', catches: 'familyGoalCatches' },
  STRUCT: { name: 'familyStruct', catches: 'familyStructCatches' },
};

export function Checking({ effective }: { effective: EffectiveSettings }) {
  const { settings, locked } = effective;
  const toggle = (family: string, on: boolean) =>
    void save({ disabledRules: on ? settings.disabledRules.filter((r) => r !== family) : [...settings.disabledRules, family] });
  return (
    <section aria-labelledby="checking">
      <h2 id="checking">{t('optionsChecking')}</h2>
      <p class="field">
        <label for="jurisdiction">{t('optionsJurisdiction')}</label>{' '}
        <select
          id="jurisdiction"
          name="jurisdiction"
          value={settings.jurisdiction}
          disabled={locked.has('jurisdiction')}
          onChange={(e) => void save({ jurisdiction: e.currentTarget.value as (typeof JURISDICTION_CHOICES)[number] })}
        >
          {JURISDICTION_CHOICES.map((j) => (
            <option key={j} value={j}>
              {t(JURISDICTION_NAMES[j])}
            </option>
          ))}
        </select>{' '}
        {locked.has('jurisdiction') && <Locked />}
      </p>
      <fieldset disabled={locked.has('strictness')}>
        <legend>
          {t('optionsStrictness')} {locked.has('strictness') && <Locked />}
        </legend>
        <label>
          <input type="radio" name="strictness" value="statutory" checked={settings.strictness === 'statutory'} onChange={() => void save({ strictness: 'statutory' })} />{' '}
          {t('strictnessStatutory')}
        </label>
        <label>
          <input type="radio" name="strictness" value="good-practice" checked={settings.strictness === 'good-practice'} onChange={() => void save({ strictness: 'good-practice' })} />{' '}
          {t('strictnessGoodPractice')}
        </label>
      </fieldset>
      <fieldset disabled={locked.has('disabledRules')}>
        <legend>
          {t('optionsFamilies')} {locked.has('disabledRules') && <Locked />}
        </legend>
        {RULE_FAMILIES.map((id) => (
          <label key={id} class="family">
            <input type="checkbox" name="family" value={id} checked={!settings.disabledRules.includes(id)} onChange={(e) => toggle(id, e.currentTarget.checked)} />{' '}
            <strong>{t(FAMILY_WORDS[id].name)}</strong>
            <span class="catches">{t(FAMILY_WORDS[id].catches)}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
