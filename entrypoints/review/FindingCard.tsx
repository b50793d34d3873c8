// One sentence's finding in full: the plan's words with the hedge words emphasised, its problems in plain words,
// one stronger wording that fixes them all, and the rule.
import type { Finding } from '../../src/analysis/index';
import { rewritesSentence } from '../../src/analysis/problems';
import { quoteOf } from '../../src/documents/report';
import { CATEGORY_STYLES } from '../../src/page/categories';
import { Problems, Quote } from '../../src/page/quote';
import { Suggestion } from './Suggestion';
import { t } from '../../src/extension/i18n';

interface Props {
  text: string;
  finding: Finding;
  position: string;
  onPrevious: (() => void) | undefined;
  onNext: (() => void) | undefined;
  onClose: () => void;
}

export function FindingCard({ text, finding, position, onPrevious, onNext, onClose }: Props) {
  return (
    <section class={`card cat-${finding.category}`} aria-label={t('reviewFinding')} data-testid="finding-card">
      <header>
        <span class="category">{t(CATEGORY_STYLES[finding.category].label)}</span>
        <span class="position">{position}</span>
        <button type="button" class="close" aria-label={t('cardClose')} onClick={onClose}>
          ×
        </button>
      </header>
      <blockquote>
        <Quote text={quoteOf(text, finding)} finding={finding} />
      </blockquote>
      <Problems finding={finding} class="message problems" />
      {finding.suggestion && (
        <p class="suggestion">
          <strong>{t(rewritesSentence(finding) ? 'reviewTryInstead' : 'cardAdd')}</strong> <Suggestion text={finding.suggestion} />
        </p>
      )}
      <p class="why">
        <strong>{t('cardWhy')}</strong> {finding.why} <code>{finding.rule}</code>
      </p>
      <nav>
        <button type="button" disabled={!onPrevious} onClick={onPrevious}>
          {t('reviewPrevious')}
        </button>
        <button type="button" disabled={!onNext} onClick={onNext}>
          {t('reviewNext')}
        </button>
      </nav>
    </section>
  );
}
