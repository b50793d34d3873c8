// "Requested amendments": the response a parent sends back on a draft plan, on screen and as printed (a one-page
// summary, then the table), with the same document to download for Word. Text goes in as text nodes only.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { requestedAmendments, sentenceCount, type AmendmentRow } from '../../src/documents/amendments';
import { t } from '../../src/extension/i18n';
import type { Checked } from './App';
import { Suggestion } from './Suggestion';

/** The plan's words with its weak words emphasised. */
function PlanWords({ row }: { row: AmendmentRow }) {
  const out = [];
  let at = 0;
  for (const w of [...row.weak].sort((a, b) => a.start - b.start)) {
    if (w.start < at) continue;
    out.push(row.words.slice(at, w.start), <em key={w.start} class="hedge">{row.words.slice(w.start, w.end)}</em>);
    at = w.end;
  }
  out.push(row.words.slice(at));
  return <>{out}</>;
}

/** A file name from the plan's: "ehcp-draft.html" → "ehcp-draft – requested amendments.docx". */
const docxName = (name: string) => t('amendFileName', name.replace(/\.[a-z0-9]+$/i, '') || t('amendFileNamePlan'));

export function Amendments({ checked, focus = false }: { checked: Checked; focus?: boolean }) {
  const { doc, report, findings } = checked;
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) title.current?.focus();
  }, [focus]);
  const a = useMemo(() => requestedAmendments(doc, report, findings, new Date(), t), [doc, report, findings]);
  const [status, setStatus] = useState<string | null>(null);

  const download = async () => {
    setStatus(t('amendMaking'));
    try {
      // Loaded when asked for: the review page opens without it.
      const [{ Packer }, { amendmentsDocument }] = await Promise.all([import('docx'), import('../../src/documents/amendments-docx')]);
      const blob = await Packer.toBlob(amendmentsDocument(a, t));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = docxName(doc.name);
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setStatus(t('amendSaved', link.download));
    } catch (e) {
      setStatus(t('amendNotMade', (e as Error).message));
    }
  };

  return (
    <section class="amendments" aria-labelledby="amendments-title" id="amendments">
      <div class="amendments-summary">
        <h2 id="amendments-title" ref={title} tabIndex={-1}>
          {a.title}
        </h2>
        <p class="meta">
          {a.about} · {a.date}
        </p>
        <div class="screen-only actions">
          <button type="button" onClick={() => window.print()}>
            {t('amendPrint')}
          </button>
          <button type="button" onClick={() => void download()}>
            {t('amendDownload')}
          </button>
          {status && (
            <p class="status" role="status">
              {status}
            </p>
          )}
        </div>
        {a.intro.map((t) => (
          <p key={t}>{t}</p>
        ))}
        <h3>{t('amendSummary')}</h3>
        <p class="headline">
          <strong>{a.summary.headline}</strong>
        </p>
        {a.summary.bySection.length > 0 && (
          <ul class="by-section">
            {a.summary.bySection.map((s) => (
              <li key={s.section}>
                {s.section}: {sentenceCount(t, s.sentences)}
              </li>
            ))}
          </ul>
        )}
        {a.summary.missing.length > 0 && (
          <>
            <h4>{t('amendLeftOut')}</h4>
            <ul class="missing">
              {a.summary.missing.slice(0, 6).map((m) => (
                <li key={m.what}>
                  {m.what}: {sentenceCount(t, m.sentences)}
                </li>
              ))}
            </ul>
          </>
        )}
        <h4>{t('amendNeedsNoProvision')}</h4>
        {a.summary.needsWithoutProvision.length ? (
          <ul class="gaps">
            {a.summary.needsWithoutProvision.map((n) => (
              <li key={n.area}>
                {n.area}
                {n.words && `: “${n.words}”`}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('amendEveryNeedProvided')}</p>
        )}
        {a.rules.length > 0 && (
          <>
            <h4>{t('amendRules')}</h4>
            <ol class="rules">
              {a.rules.map((r) => (
                <li key={r.number} value={r.number}>
                  {r.text}
                </li>
              ))}
            </ol>
          </>
        )}
        <p class="footer">{t('amendFooter')}</p>
      </div>
      {a.rows.length > 0 && (
        <div class="amendments-table">
          <h3>{t('amendChanges')}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('amendColumnPlanSays')}</th>
                <th scope="col">{t('amendColumnInstead')}</th>
                <th scope="col">{t('amendColumnWhy')}</th>
              </tr>
            </thead>
            <tbody>
              {a.rows.map((r, i) => (
                <tr key={i} class={`row sev-${r.severity}`}>
                  <td data-label={t('amendColumnPlanSays')}>
                    <span class="section">{r.section}</span> <PlanWords row={r} />
                  </td>
                  <td data-label={t('amendColumnInstead')}>{r.askFor ? <Suggestion text={r.askFor} /> : t('amendNoWording')}</td>
                  <td data-label={t('amendColumnWhy')}>
                    {r.why} <span class="rule">{t('amendRuleRef', String(r.ruleNumber))}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
