// The plan's own text, section by section, each flagged sentence underlined with its hedge words emphasised.
// Text goes in as text nodes only.
import { useEffect, useRef } from 'preact/hooks';
import { segmentsOf, sectionsOf } from '../../src/documents/report';
import { t } from '../../src/extension/i18n';
import { Quote } from '../../src/page/quote';
import type { Checked } from './App';

interface Props {
  checked: Checked;
  selected: number | null;
  onSelect: (index: number) => void;
}

export function PlanView({ checked, selected, onSelect }: Props) {
  const { doc, findings } = checked;
  const root = useRef<HTMLElement>(null);

  useEffect(() => {
    if (selected === null) return;
    root.current?.querySelector(`[data-findings~="${selected}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selected]);

  // Of the findings under a click, the narrowest is the one the reader meant.
  const pick = (indexes: number[]) => indexes.reduce((best, i) => (findings[i]!.end - findings[i]!.start < findings[best]!.end - findings[best]!.start ? i : best));

  const paragraph = (n: number) => {
    const p = doc.paragraphs[n]!;
    return (
      <p key={n} class="para">
        {segmentsOf(p, findings).map((s) => {
          const text = doc.text.slice(s.start, s.end);
          if (!s.findings.length) return text;
          const main = findings[pick(s.findings)]!;
          return (
            <mark
              key={s.start}
              class={`mark cat-${main.category} sev-${main.severity} ${selected !== null && s.findings.includes(selected) ? 'active' : ''}`}
              data-findings={s.findings.join(' ')}
              role="button"
              tabIndex={0}
              aria-label={`${text} (${main.severity === 'info' ? 'a note' : main.severity === 'error' ? 'fails the legal test' : 'would be questioned'}: open its card)`}
              onClick={() => onSelect(pick(s.findings))}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(pick(s.findings));
                }
              }}
            >
              <Quote text={text} finding={main} offset={s.start} />
            </mark>
          );
        })}
      </p>
    );
  };

  return (
    <article class="plan" ref={root} aria-label={t('reviewThePlan')}>
      {sectionsOf(doc).map((section) => (
        <section key={section.heading} class="plan-section">
          <h3>{section.title}</h3>
          {section.paragraphs.map(paragraph)}
        </section>
      ))}
    </article>
  );
}
