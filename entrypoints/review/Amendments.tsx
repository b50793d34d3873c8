// "Requested amendments": the response a parent sends back on a draft plan, on screen and as printed (a one-page
// summary, then the table), with the same document to download for Word. Text goes in as text nodes only.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { requestedAmendments, type AmendmentRow } from '../../src/documents/amendments';
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

const sentences = (n: number) => `${n} ${n === 1 ? 'sentence' : 'sentences'}`;

/** A file name from the plan's: "ehcp-draft.html" → "ehcp-draft – requested amendments.docx". */
const docxName = (name: string) => `${name.replace(/\.[a-z0-9]+$/i, '') || 'plan'} – requested amendments.docx`;

export function Amendments({ checked, focus = false }: { checked: Checked; focus?: boolean }) {
  const { doc, report, findings } = checked;
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) title.current?.focus();
  }, [focus]);
  const a = useMemo(() => requestedAmendments(doc, report, findings, new Date()), [doc, report, findings]);
  const [status, setStatus] = useState<string | null>(null);

  const download = async () => {
    setStatus('Making the Word document…');
    try {
      // Loaded when asked for: the review page opens without it.
      const [{ Packer }, { amendmentsDocument }] = await Promise.all([import('docx'), import('../../src/documents/amendments-docx')]);
      const blob = await Packer.toBlob(amendmentsDocument(a));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = docxName(doc.name);
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setStatus(`Saved ${link.download} to your downloads.`);
    } catch (e) {
      setStatus(`The Word document could not be made: ${(e as Error).message}`);
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
            Print or save as PDF
          </button>
          <button type="button" onClick={() => void download()}>
            Download as a Word document
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
        <h3>Summary</h3>
        <p class="headline">
          <strong>{a.summary.headline}</strong>
        </p>
        {a.summary.bySection.length > 0 && (
          <ul class="by-section">
            {a.summary.bySection.map((s) => (
              <li key={s.section}>
                {s.section}: {sentences(s.sentences)}
              </li>
            ))}
          </ul>
        )}
        {a.summary.missing.length > 0 && (
          <>
            <h4>What the plan leaves out most often</h4>
            <ul class="missing">
              {a.summary.missing.slice(0, 6).map((m) => (
                <li key={m.what}>
                  {m.what}: {sentences(m.sentences)}
                </li>
              ))}
            </ul>
          </>
        )}
        <h4>Needs with no provision</h4>
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
          <p>Every need has some provision.</p>
        )}
        {a.rules.length > 0 && (
          <>
            <h4>The rules this relies on</h4>
            <ol class="rules">
              {a.rules.map((r) => (
                <li key={r.number} value={r.number}>
                  {r.text}
                </li>
              ))}
            </ol>
          </>
        )}
        <p class="footer">Plan Lens read this plan on this computer; nothing was uploaded. It flags wording, not the child’s needs: check each point with the people who know the child.</p>
      </div>
      {a.rows.length > 0 && (
        <div class="amendments-table">
          <h3>The changes I ask for</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">The plan says</th>
                <th scope="col">Please write instead</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {a.rows.map((r, i) => (
                <tr key={i} class={`row sev-${r.severity}`}>
                  <td data-label="The plan says">
                    <span class="section">{r.section}</span> <PlanWords row={r} />
                  </td>
                  <td data-label="Please write instead">{r.askFor ? <Suggestion text={r.askFor} /> : 'Wording that answers the point under “Why”.'}</td>
                  <td data-label="Why">
                    {r.why} <span class="rule">(Rule {r.ruleNumber})</span>
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
