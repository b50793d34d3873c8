// The plan at a glance: what it is, where it is from, and how many sentences need work, errors first.
import { JURISDICTION_LABELS, PLAN_TYPE_LABELS } from '../../src/documents/report';
import type { Checked } from './App';

const KIND_LABELS = { pdf: 'PDF', docx: 'Word document', html: 'web page', txt: 'text file', md: 'Markdown file', paste: 'pasted text' } as const;

export function Summary({ checked }: { checked: Checked }) {
  const { doc, report, findings } = checked;
  // Sentences that need work, errors first; good-practice notes are counted apart.
  const work = findings.filter((f) => f.severity !== 'info');
  const errors = work.filter((f) => f.severity === 'error').length;
  const notes = findings.length - work.length;
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
      <p class="counts" data-testid="counts">
        <strong data-testid="finding-count">{work.length}</strong> {work.length === 1 ? 'sentence needs' : 'sentences need'} work
        {work.length > 0 && (
          <>
            : <strong class="sev-error">{errors}</strong> {errors === 1 ? 'fails' : 'fail'} the legal test, <strong class="sev-warning">{work.length - errors}</strong> would be questioned
          </>
        )}
        {notes > 0 && `; ${notes} good-practice ${notes === 1 ? 'note' : 'notes'}`}.
      </p>
      {work.length > 0 && (
        <a class="to-amendments" href="#amendments">
          Write the requested amendments
        </a>
      )}
    </section>
  );
}
