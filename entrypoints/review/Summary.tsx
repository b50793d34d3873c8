// The plan at a glance: what it is, where it is from, and how many sentences need work, errors first.
import { jurisdictionLabel, planTypeLabel } from '../../src/documents/report';
import { t, type MessageName } from '../../src/extension/i18n';
import type { Checked } from './App';

const KIND_LABELS: Record<Checked['doc']['kind'], MessageName> = { pdf: 'kindPdf', docx: 'kindDocx', html: 'kindHtml', txt: 'kindTxt', md: 'kindMd', paste: 'kindPaste' };

export function Summary({ checked }: { checked: Checked }) {
  const { doc, report, findings } = checked;
  // Sentences that need work, errors first; good-practice notes are counted apart.
  const work = findings.filter((f) => f.severity !== 'info');
  const errors = work.filter((f) => f.severity === 'error').length;
  const notes = findings.length - work.length;
  return (
    <section class="summary" aria-label={t('reviewSummary')}>
      <div>
        <h2 class="file">{doc.name}</h2>
        <p class="meta">
          <span data-testid="plan-type">{planTypeLabel(t, report.planType)}</span> · <span data-testid="jurisdiction">{jurisdictionLabel(t, report.jurisdiction)}</span> ·{' '}
          {t(KIND_LABELS[doc.kind])}
        </p>
        {!report.isPlan && <p class="notice">{t('reviewNotPlan')}</p>}
      </div>
      <p class="counts" data-testid="counts">
        <strong data-testid="finding-count">{work.length}</strong> {t(work.length === 1 ? 'toFixOne' : 'toFixMany')}
        {work.length > 0 && (
          <>
            : <strong class="sev-error">{errors}</strong> {t(errors === 1 ? 'errorsOne' : 'errorsMany')}, <strong class="sev-warning">{work.length - errors}</strong> {t('warnings')}
          </>
        )}
        {notes > 0 && `; ${notes} ${t(notes === 1 ? 'notesOne' : 'notesMany')}`}.
      </p>
      {work.length > 0 && (
        <a class="to-amendments" href="#amendments">
          {t('panelAmendments')}
        </a>
      )}
    </section>
  );
}
