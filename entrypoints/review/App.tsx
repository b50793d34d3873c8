// The review page: a plan from a file, a paste or a selection, checked here in the page; nothing is uploaded.
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadReader, type analyzeText, type Finding, type Options } from '../../src/analysis/index';
import { analyserOptions, loadEffectiveSettings, watchSettings } from '../../src/extension/settings';
import { readDroppedFile } from '../../src/documents/browser';
import { DocumentError, readPastedText, type PlanDocument } from '../../src/documents/index';
import { checkDocument } from '../../src/documents/plan-document';
import { DropZone } from './DropZone';
import { FindingCard } from './FindingCard';
import { FindingList } from './FindingList';
import { PlanView } from './PlanView';
import { Amendments } from './Amendments';
import { Summary } from './Summary';
import { takeHandedOverText } from './handover';
import { t } from '../../src/extension/i18n';

export interface Checked {
  doc: PlanDocument;
  report: ReturnType<typeof analyzeText>['report'];
  findings: Finding[];
}

// The user brought this text here to have it checked: judge it as plan wording even when it is a fragment
// with no plan headings (a selection, a pasted paragraph). Judged by the settings in force.
function check(doc: PlanDocument, options: Partial<Options>): Checked {
  const { report, findings } = checkDocument(doc, { ...options, assumePlan: true });
  return { doc, report, findings: [...findings].sort((a, b) => a.start - b.start || a.end - b.end) };
}

export function App() {
  const [doc, setDoc] = useState<PlanDocument | null>(null);
  const [judgedBy, setJudgedBy] = useState<Partial<Options> | null>(null);
  // A change on the options page (or the organisation's policy) re-checks the plan shown.
  const checked = useMemo(() => (doc && judgedBy ? check(doc, judgedBy) : null), [doc, judgedBy]);
  const [status, setStatus] = useState<{ busy?: string; error?: string }>({});
  const [selected, setSelected] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** Sent here from the side panel to write the requested amendments: they take focus once shown. */
  const [focusAmendments, setFocusAmendments] = useState(false);

  const show = (doc: PlanDocument) => {
    setDoc(doc);
    setSelected(null);
    setStatus({});
  };

  const openFile = async (file: File) => {
    setStatus({ busy: t('reviewReading', file.name) });
    try {
      show(await readDroppedFile(file));
    } catch (e) {
      // A file Plan Lens cannot read says why in the page's words.
      setStatus({ error: e instanceof DocumentError ? e.say(t) : (e as Error).message || t('reviewUnreadable', file.name) });
    }
  };

  // A file dropped anywhere on the page is checked, rather than the browser opening it in place of the page.
  // Listening from the render itself, not an effect after paint: a file dropped as soon as the page shows
  // (a busy machine made that gap long enough for e2e to hit it) is not lost, nor opened by the browser.
  useLayoutEffect(() => {
    const keep = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file) void openFile(file);
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', drop);
    };
  }, []);

  useEffect(() => {
    const stop = new AbortController();
    // Judged once the reader is loaded (it is imported on first use).
    const follow = (settings: Awaited<ReturnType<typeof loadEffectiveSettings>>) => void loadReader().then(() => setJudgedBy(analyserOptions(settings.settings)));
    watchSettings(browser, follow, stop.signal);
    void loadEffectiveSettings(browser).then(follow);
    return () => stop.abort();
  }, []);

  useEffect(() => {
    void takeHandedOverText(location).then((handover) => {
      if (handover?.notice) setNotice(handover.notice);
      if (handover?.text) show(readPastedText(handover.text, handover.name || undefined));
      if (handover?.text && handover.show === 'amendments') setFocusAmendments(true);
    });
  }, []);

  const finding = useMemo(() => (checked && selected !== null ? checked.findings[selected] : undefined), [checked, selected]);

  return (
    <>
      <main>
        <header class="top">
          <h1>Plan Lens</h1>
          <p class="privacy">{t('reviewPrivacy')}</p>
        </header>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <DropZone onFile={(file) => void openFile(file)} onText={(text) => show(readPastedText(text))} compact={checked !== null} />
        {status.busy && (
          <p class="busy" role="status">
            {status.busy}
          </p>
        )}
        {status.error && (
          <p class="error" role="alert">
            {status.error}
          </p>
        )}
        {checked && (
          <>
            <Summary checked={checked} />
            <div class="layout">
              <PlanView checked={checked} selected={selected} onSelect={setSelected} />
              <aside class="side" aria-live="polite">
                {finding && selected !== null && (
                  <FindingCard
                    text={checked.doc.text}
                    finding={finding}
                    position={t('countOf', String(selected + 1), String(checked.findings.length))}
                    onPrevious={selected > 0 ? () => setSelected(selected - 1) : undefined}
                    onNext={selected < checked.findings.length - 1 ? () => setSelected(selected + 1) : undefined}
                    onClose={() => setSelected(null)}
                  />
                )}
                <FindingList checked={checked} selected={selected} onSelect={setSelected} />
              </aside>
            </div>
            <Amendments checked={checked} focus={focusAmendments} />
          </>
        )}
      </main>
    </>
  );
}
