// Findings grouped by section. "Go to" selects the words in the document when the route allows it (any page,
// live Google Docs); otherwise "Copy quote" puts them on the clipboard for the editor's own Find.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Finding, Severity } from '../../src/analysis/types';
import { outlineOf } from '../../src/documents/report';
import type { GoToRequest, PagePlan, ShowPassageRequest, TabPlan } from '../../src/extension/tab-plan-messages';
import { CATEGORY_STYLES } from '../../src/page/categories';
import { Problems, Quote } from '../../src/page/quote';
import { t, type MessageName } from '../../src/extension/i18n';

const SEVERITY_LABELS: Record<Severity, MessageName> = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' };

/** A sentence shortened for a button's name: enough words to tell it from the others. */
const shortName = (words: string) => (words.length > 60 ? `${words.slice(0, 57).trimEnd()}…` : words);

interface Props {
  plan: TabPlan;
  tabId: number | undefined;
  shown: ReadonlySet<Severity>;
}

export function FindingsBySection({ plan, tabId, shown }: Props) {
  const [note, setNote] = useState<string | null>(null);
  const visible = plan.findings.filter((f) => shown.has(f.severity)).sort((a, b) => a.start - b.start || a.end - b.end);
  const sections = outlineOf(plan.text, plan.report)
    .map((s) => ({ title: s.title, findings: visible.filter((f) => f.start >= s.start && f.start < s.end) }))
    .filter((s) => s.findings.length);

  const goTo = async (f: Finding) => {
    if (tabId === undefined) return;
    const moved = await (plan.source === 'page' ? showPassage(tabId, plan, f) : browser.tabs.sendMessage<GoToRequest, boolean>(tabId, { kind: 'plan-lens/go-to', start: f.start, end: f.end })).catch(() => false);
    setNote(moved ? null : t('panelGoToFailed'));
  };
  const copy = async (f: Finding) => {
    await navigator.clipboard.writeText(plan.text.slice(f.start, f.end));
    setNote(t('panelCopied'));
  };

  return (
    <section class="findings" aria-label={t('panelSentences')}>
      <h2>
        {t('panelSentencesTitle')} <span class="num">({visible.length})</span>
      </h2>
      {note && <p class="note">{note}</p>}
      {!sections.length && <p class="none">{t('panelNoneFiltered')}</p>}
      {sections.map((s) => (
        <section key={s.title}>
          <h3>{s.title}</h3>
          <ol>
            {s.findings.map((f) => (
              <li key={`${f.start}-${f.end}-${f.rule}`} class={`finding cat-${f.category} sev-${f.severity}`} data-rule={f.rule} data-start={f.start} data-end={f.end}>
                <p>
                  <q>
                    <Quote text={plan.text.slice(f.start, f.end)} finding={f} />
                  </q>{' '}
                  <span class="kind">
                    {t(SEVERITY_LABELS[f.severity])} · {t(CATEGORY_STYLES[f.category].label)}
                  </span>
                </p>
                <Problems finding={f} />
                {plan.source === 'page' || plan.canGoTo ? (
                  <button type="button" aria-label={t('panelGoToLabel', shortName(plan.text.slice(f.start, f.end)))} onClick={() => void goTo(f)}>
                    {t('panelGoTo')}
                  </button>
                ) : (
                  <button type="button" aria-label={t('panelCopyQuoteLabel', shortName(plan.text.slice(f.start, f.end)))} onClick={() => void copy(f)}>
                    {t('panelCopyQuote')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}

/** Asks the frame that read the finding's line to select it there; offsets become the block's own. */
function showPassage(tabId: number, plan: PagePlan, f: Finding): Promise<unknown> {
  const lineStart = plan.text.lastIndexOf('\n', f.start - 1) + 1;
  const line = plan.lines[plan.text.slice(0, lineStart).split('\n').length - 1];
  if (!line) return Promise.resolve(false);
  const request: ShowPassageRequest = { kind: 'plan-lens/show-passage', block: line.block, start: f.start - lineStart, end: f.end - lineStart, words: plan.text.slice(f.start, f.end) };
  return browser.tabs.sendMessage(tabId, request, { frameId: line.frame });
}
