// The panel's first screen: how many sentences need work, errors first (each count a filter of the list below),
// where they are by section, the needs with no provision, and the way to the parent's requested amendments.
import type { Severity } from '../../src/analysis/types';
import { shortSectionName, toFixBySection } from '../../src/documents/report';
import { t, type MessageName } from '../../src/extension/i18n';
import type { TabPlan } from '../../src/extension/tab-plan-messages';
import { toFixWords } from '../../src/page/words';

interface Props {
  plan: TabPlan;
  shown: ReadonlySet<Severity>;
  onToggle: (severity: Severity) => void;
  onAmendments: () => void;
}

/** Each severity in a parent's words, after its count (one, or more), errors first. */
const SEVERITY_WORDS: [Severity, MessageName, MessageName][] = [
  ['error', 'errorsOne', 'errorsMany'],
  ['warning', 'warnings', 'warnings'],
  ['info', 'notesOne', 'notesMany'],
];

export function Summary({ plan, shown, onToggle, onAmendments }: Props) {
  const count = (s: Severity) => plan.findings.filter((f) => f.severity === s).length;
  const work = count('error') + count('warning');
  const sections = toFixBySection(plan.text, plan.report, plan.findings);
  const gaps = plan.report.coverage.filter((c) => !c.provided);
  return (
    <section class="summary" aria-labelledby="summary-title">
      <h2 id="summary-title" data-testid="to-fix">
        {toFixWords(t, work)}
      </h2>
      <div class="filters" role="group" aria-label={t('panelFilters')}>
        {SEVERITY_WORDS.map(([s, one, many]) => {
          const n = count(s);
          return (
            n > 0 && (
              <button key={s} type="button" class={`chip sev-${s}`} aria-pressed={shown.has(s)} data-severity={s} onClick={() => onToggle(s)}>
                <strong>{n}</strong> {t(n === 1 ? one : many)}
              </button>
            )
          );
        })}
      </div>
      {sections.length > 0 && (
        <table class="by-section">
          <caption>{t('panelToFixBySection')}</caption>
          <tbody>
            {sections.map((s) => (
              <tr key={s.title} data-section={s.title}>
                <th scope="row" title={s.title}>
                  {shortSectionName(s.title)}
                </th>
                <td data-testid="to-fix-in-section">
                  {t('countOf', String(s.toFix), String(s.statements))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {gaps.length > 0 && (
        <p class="gaps" data-testid="gaps">
          <strong>{t('panelGaps')}</strong> {gaps.map((g) => g.area).join(', ')}
        </p>
      )}
      {work > 0 && (
        <button type="button" class="amendments" onClick={onAmendments}>
          {t('panelAmendments')}
        </button>
      )}
    </section>
  );
}
