// The printed report a parent takes to a meeting: each sentence the plan gets wrong, quoted once with its weak
// words emphasised, what is wrong with it, the one wording to ask for instead and the rule behind it.
// Only visible when printing.
import { rewritesSentence } from '../../src/analysis/problems';
import { JURISDICTION_LABELS, PLAN_TYPE_LABELS, quoteOf, sectionTitleAt } from '../../src/documents/report';
import { Problems, Quote } from '../../src/page/quote';
import type { Checked } from './App';
import { Suggestion } from './Suggestion';

export function PrintReport({ checked }: { checked: Checked }) {
  const { doc, report, findings } = checked;
  const date = new Date().toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <div class="print-only report">
      <h1>Questions about this plan</h1>
      <p class="meta">
        {doc.name} · {PLAN_TYPE_LABELS[report.planType]} · {JURISDICTION_LABELS[report.jurisdiction]} · checked {date} with Plan Lens ·{' '}
        {findings.length} {findings.length === 1 ? 'sentence' : 'sentences'} to look at
      </p>
      <p class="intro">
        Each entry quotes the plan, says what is vague or missing, and suggests wording to ask for. Words in [brackets] are blanks for the
        people who know the child to fill in.
      </p>
      <ol class="points">
        {findings.map((f) => (
          <li key={`${f.start}-${f.rule}`} class="point">
            <p class="where">{sectionTitleAt(doc, f.start)}</p>
            <blockquote>
              “<Quote text={quoteOf(doc.text, f)} finding={f} />”
            </blockquote>
            <Problems finding={f} />
            {f.suggestion && (
              <p>
                <strong>{rewritesSentence(f) ? 'Ask for instead:' : 'Ask for this to be added:'}</strong> <Suggestion text={f.suggestion} />
              </p>
            )}
            <p class="why">
              <strong>The rule behind it:</strong> {f.why}
            </p>
          </li>
        ))}
      </ol>
      <p class="footer">Plan Lens read this plan on this computer; nothing was uploaded. It flags wording, not the child's needs: check each point with the people who know the child.</p>
    </div>
  );
}
