// The panel's first screen: how many sentences need work, errors first (each count a filter of the list below),
// where they are by section, the needs with no provision, and the way to the parent's requested amendments.
import type { Severity } from '../../src/analysis/types';
import { shortSectionName, toFixBySection } from '../../src/documents/report';
import type { TabPlan } from '../../src/extension/tab-plan-messages';

interface Props {
  plan: TabPlan;
  shown: ReadonlySet<Severity>;
  onToggle: (severity: Severity) => void;
  onAmendments: () => void;
}

/** Each severity in a parent's words, errors first. */
const SEVERITY_WORDS: [Severity, (n: number) => string][] = [
  ['error', (n) => `${n === 1 ? 'fails' : 'fail'} the legal test`],
  ['warning', () => 'would be questioned'],
  ['info', (n) => `good-practice ${n === 1 ? 'note' : 'notes'}`],
];

export function Summary({ plan, shown, onToggle, onAmendments }: Props) {
  const count = (s: Severity) => plan.findings.filter((f) => f.severity === s).length;
  const work = count('error') + count('warning');
  const sections = toFixBySection(plan.text, plan.report, plan.findings);
  const gaps = plan.report.coverage.filter((c) => !c.provided);
  return (
    <section class="summary" aria-labelledby="summary-title">
      <h2 id="summary-title" data-testid="to-fix">
        {work === 0 ? 'No sentence needs work' : `${work} ${work === 1 ? 'sentence needs' : 'sentences need'} work`}
      </h2>
      <div class="filters" role="group" aria-label="Show in the list below">
        {SEVERITY_WORDS.map(([s, words]) => {
          const n = count(s);
          return (
            n > 0 && (
              <button key={s} type="button" class={`chip sev-${s}`} aria-pressed={shown.has(s)} data-severity={s} onClick={() => onToggle(s)}>
                <strong>{n}</strong> {words(n)}
              </button>
            )
          );
        })}
      </div>
      {sections.length > 0 && (
        <table class="by-section">
          <caption>To fix, by section</caption>
          <tbody>
            {sections.map((s) => (
              <tr key={s.title} data-section={s.title}>
                <th scope="row" title={s.title}>
                  {shortSectionName(s.title)}
                </th>
                <td data-testid="to-fix-in-section">
                  {s.toFix} of {s.statements}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {gaps.length > 0 && (
        <p class="gaps" data-testid="gaps">
          <strong>Needs with no provision:</strong> {gaps.map((g) => g.area).join(', ')}
        </p>
      )}
      {work > 0 && (
        <button type="button" class="amendments" onClick={onAmendments}>
          Write the requested amendments
        </button>
      )}
    </section>
  );
}
