// A flagged sentence quoted with its hedge words emphasised, and its problems in plain words: the same on the card,
// the side panel and the review page. Text goes in as text nodes only.
import type { Finding } from '../analysis';
import { problemsOf } from '../analysis/problems';

/** `text` is the sentence; the finding's spans are offsets into the text the finding was computed on, from `offset`. */
export function Quote({ text, finding, offset = finding.start }: { text: string; finding: Pick<Finding, 'spans' | 'start'>; offset?: number }) {
  const out = [];
  let at = 0;
  for (const s of [...(finding.spans ?? [])].sort((a, b) => a.start - b.start)) {
    const [start, end] = [s.start - offset, s.end - offset];
    if (start < at || end > text.length) continue;
    out.push(text.slice(at, start), <em key={start} class="hedge">{text.slice(start, end)}</em>);
    at = end;
  }
  out.push(text.slice(at));
  return <>{out}</>;
}

/** A finding's problems in plain words, one list item each. */
export function Problems({ finding, class: className = 'problems' }: { finding: Pick<Finding, 'message' | 'spans'>; class?: string }) {
  return (
    <ul class={className}>
      {problemsOf(finding).map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
