// Every finding, grouped by the section it is in, each one a button to its place in the plan.
import { sectionTitleAt } from '../../src/documents/report';
import { CATEGORY_STYLES } from '../../src/page/categories';

/** The flagged words, shortened when a finding covers a whole sentence: the card has the rest. */
const shortQuote = (words: string) => (words.length > 70 ? `${words.slice(0, 67).trimEnd()}…` : words);
import type { Checked } from './App';
import { t } from '../../src/extension/i18n';

interface Props {
  checked: Checked;
  selected: number | null;
  onSelect: (index: number) => void;
}

export function FindingList({ checked, selected, onSelect }: Props) {
  const { doc, findings } = checked;
  if (!findings.length) return <p class="none">{t('reviewNoFindings')}</p>;
  const groups = new Map<string, number[]>();
  findings.forEach((f, i) => {
    const title = sectionTitleAt(doc, f.start);
    groups.set(title, [...(groups.get(title) ?? []), i]);
  });
  return (
    <nav class="findings" aria-label={t('reviewFindings')}>
      {[...groups].map(([title, indexes]) => (
        <section key={title}>
          <h4>{title}</h4>
          <ol>
            {indexes.map((i) => {
              const f = findings[i]!;
              return (
                <li key={i}>
                  <button
                    type="button"
                    class={`finding cat-${f.category} ${selected === i ? 'active' : ''}`}
                    data-rule={f.rule}
                    data-start={f.start}
                    data-end={f.end}
                    onClick={() => onSelect(i)}
                  >
                    <q>{shortQuote(doc.text.slice(f.start, f.end))}</q> <span class="kind">{t(CATEGORY_STYLES[f.category].label)}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </nav>
  );
}
