// One finding in full: what is wrong, the plan's words, what is missing, a stronger wording, and the rule.
import type { Finding } from '../../src/analysis/index';
import { missingInWords } from '../../src/analysis/parts';
import { quoteOf } from '../../src/documents/report';
import { CATEGORY_STYLES } from '../../src/page/categories';
import { Suggestion } from './Suggestion';

interface Props {
  text: string;
  finding: Finding;
  position: string;
  onPrevious: (() => void) | undefined;
  onNext: (() => void) | undefined;
  onClose(): void;
}

export function FindingCard({ text, finding, position, onPrevious, onNext, onClose }: Props) {
  return (
    <section class={`card cat-${finding.category}`} aria-label="Finding" data-testid="finding-card">
      <header>
        <span class="category">{CATEGORY_STYLES[finding.category].label}</span>
        <span class="position">{position}</span>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="message">{finding.message}</p>
      <blockquote>{quoteOf(text, finding)}</blockquote>
      {finding.missing?.length ? (
        <p>
          <strong>Missing:</strong> {missingInWords(finding)}
        </p>
      ) : null}
      {finding.suggestion && (
        <p class="suggestion">
          <strong>Try instead:</strong> <Suggestion text={finding.suggestion} />
        </p>
      )}
      <p class="why">
        <strong>Why:</strong> {finding.why} <code>{finding.rule}</code>
      </p>
      <nav>
        <button type="button" disabled={!onPrevious} onClick={onPrevious}>
          ← Previous
        </button>
        <button type="button" disabled={!onNext} onClick={onNext}>
          Next →
        </button>
      </nav>
    </section>
  );
}
