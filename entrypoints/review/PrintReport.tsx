// The printed report a parent takes to a meeting: each sentence the plan gets wrong, quoted once, then for
// each weak phrase in it what is wrong, what is missing, what to ask for instead and the rule behind it.
// Only visible when printing.
import { missingInWords } from '../../src/analysis/parts';
import { JURISDICTION_LABELS, PLAN_TYPE_LABELS, bySentence, sectionTitleAt } from '../../src/documents/report';
import { CATEGORY_STYLES } from '../../src/page/categories';
import type { Checked } from './App';
import { Suggestion } from './Suggestion';

export function PrintReport({ checked }: { checked: Checked }) {
  const { doc, report, findings } = checked;
  const date = new Date().toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  const sentences = bySentence(doc.text, findings);
  return (
    <div class="print-only report">
      <h1>Questions about this plan</h1>
      <p class="meta">
        {doc.name} · {PLAN_TYPE_LABELS[report.planType]} · {JURISDICTION_LABELS[report.jurisdiction]} · checked {date} with Plan Lens ·{' '}
        {findings.length} {findings.length === 1 ? 'point' : 'points'} in {sentences.length} {sentences.length === 1 ? 'sentence' : 'sentences'}
      </p>
      <p class="intro">
        Each entry quotes the plan, says what is vague or missing, and suggests wording to ask for. Words in [brackets] are blanks for the
        people who know the child to fill in.
      </p>
      <ol class="points">
        {sentences.map((s) => (
          <li key={s.start} class="point">
            <p class="where">{sectionTitleAt(doc, s.start)}</p>
            <blockquote>“{s.quote}”</blockquote>
            {s.findings.map((f) => {
              const missing = missingInWords(f);
              return (
                <div key={`${f.start}-${f.rule}`} class="issue">
                  <p>
                    <strong>{doc.text.slice(f.start, f.end).trim() === s.quote ? 'The whole sentence' : `“${doc.text.slice(f.start, f.end)}”`}</strong> —{' '}
                    {CATEGORY_STYLES[f.category].label.toLowerCase()}: {f.message}
                  </p>
                  {missing && (
                    <p>
                      <strong>What is missing:</strong> {missing}
                    </p>
                  )}
                  {f.suggestion ? (
                    <p>
                      <strong>Ask for instead:</strong> <Suggestion text={f.suggestion} />
                    </p>
                  ) : (
                    missing && (
                      <p>
                        <strong>Ask for:</strong> wording that states {missing}.
                      </p>
                    )
                  )}
                  <p class="why">
                    <strong>The rule behind it:</strong> {f.why}
                  </p>
                </div>
              );
            })}
          </li>
        ))}
      </ol>
      <p class="footer">Plan Lens read this plan on this computer; nothing was uploaded. It flags wording, not the child's needs: check each point with the people who know the child.</p>
    </div>
  );
}
