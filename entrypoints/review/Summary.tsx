// The plan at a glance: what it is, where it is from, and how many findings of each kind.
import { JURISDICTION_LABELS, PLAN_TYPE_LABELS } from '../../src/documents/report';
import { CATEGORIES, CATEGORY_STYLES } from '../../src/page/categories';
import type { Checked } from './App';

const KIND_LABELS = { pdf: 'PDF', docx: 'Word document', html: 'web page', txt: 'text file', md: 'Markdown file', paste: 'pasted text' } as const;

export function Summary({ checked }: { checked: Checked }) {
  const { doc, report, findings } = checked;
  return (
    <section class="summary" aria-label="Summary">
      <div>
        <h2 class="file">{doc.name}</h2>
        <p class="meta">
          <span data-testid="plan-type">{PLAN_TYPE_LABELS[report.planType]}</span> · <span data-testid="jurisdiction">{JURISDICTION_LABELS[report.jurisdiction]}</span> ·{' '}
          {KIND_LABELS[doc.kind]}
        </p>
        {!report.isPlan && <p class="notice">This text does not read like an SEN plan; findings may not apply.</p>}
      </div>
      <ul class="counts">
        <li>
          <strong data-testid="finding-count">{findings.length}</strong> {findings.length === 1 ? 'finding' : 'findings'}
        </li>
        {CATEGORIES.map((c) => {
          const n = findings.filter((f) => f.category === c).length;
          return (
            n > 0 && (
              <li key={c} class={`count cat-${c}`}>
                <strong>{n}</strong> {CATEGORY_STYLES[c].label.toLowerCase()}
              </li>
            )
          );
        })}
      </ul>
      <button type="button" class="print" onClick={() => window.print()}>
        Print / save as PDF
      </button>
    </section>
  );
}
