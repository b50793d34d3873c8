// The card a mark opens: the flagged sentence with its hedge words emphasised, its problems in plain words, the one
// rewrite that fixes them all (visible [slots] for what only the user knows), and the rule behind it. Rendered with
// Preact into a shadow root; a dialog described by its problems, reachable by keyboard.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../analysis';
import { problemsOf, rewritesSentence } from '../analysis/problems';
import { byUser } from './by-user';
import { CATEGORY_STYLES } from './categories';
import { Problems, Quote } from './quote';
import type { ViewportRect } from './field-mirror';
import type { Words } from './words';

export interface CardAction {
  label: string;
  /** Returns a line to show in the card when the action could not do what it says. */
  run(): string | undefined | Promise<string | undefined>;
}

export interface CardProps {
  finding: Finding;
  /** The sentence the finding covers, quoted at the top of the card. */
  flagged: string;
  anchor: ViewportRect;
  actions: CardAction[];
  /** Opened from the keyboard: focus moves into the card, onto its message. */
  focus: boolean;
  onClose: () => void;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
  /** Plan Lens's own words, in the browser's language. */
  words: Words;
}

/** Splits "... [how often: e.g. 3 × 20 minutes a week] ..." so the slots can be shown as slots. */
function withSlots(text: string) {
  return text.split(/(\[[^\]]+\])/).map((part, i) => (part.startsWith('[') && part.endsWith(']') ? <mark key={i} class="slot">{part}</mark> : part));
}

/**
 * Keys pressed in the card are the card's: the card's host may sit inside the page's editor (TinyMCE's
 * frame body), whose own handlers would otherwise act on them too (Enter on Replace splitting the
 * paragraph under the selected finding).
 */
const keepInCard = (e: Event) => e.stopPropagation();

/** Space between the sentence and its card. */
const GAP = 6;

export function Card(props: CardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const message = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { finding, anchor, words } = props;
  const style = CATEGORY_STYLES[finding.category];
  const label = words(style.label);
  // Run within the user's click (the clipboard asks for it); one that throws or rejects (an editor refusing the
  // edit, say) says so in the card rather than failing unseen.
  const act = (action: CardAction) => {
    const failed = () => setStatus(words('cardActionFailed', action.label));
    try {
      void Promise.resolve(action.run()).then((line) => setStatus(line ?? null), failed);
    } catch {
      failed();
    }
  };

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The top layer keeps the card above the page's own stacking contexts.
    if (typeof el.showPopover === 'function' && !el.matches(':popover-open')) el.showPopover();
    const view = el.ownerDocument.defaultView!;
    const height = el.offsetHeight;
    const width = el.offsetWidth;
    // Below the sentence, or above it when only that fits in the window. The card is placed in the page (absolute),
    // not the window: a card taller than the space left grows down the page, which scrolls to show the rest.
    const below = anchor.top + anchor.height + GAP;
    const top = below + height > view.innerHeight && anchor.top - GAP - height >= 0 ? anchor.top - GAP - height : below;
    const left = Math.max(4, Math.min(anchor.left, view.innerWidth - width - 4));
    el.style.left = `${left + view.scrollX}px`;
    el.style.top = `${top + view.scrollY}px`;
    if (props.focus) (message.current ?? el).focus({ preventScroll: true });
  }, [anchor.left, anchor.top, anchor.height, props.focus, finding]);

  return (
    <div
      ref={ref}
      class="card"
      popover="manual"
      role="dialog"
      aria-labelledby="plan-lens-card-title"
      aria-describedby="plan-lens-card-message"
      tabIndex={-1}
      onKeyDown={(e) => {
        keepInCard(e);
        if (e.key === 'Escape' && e.isTrusted) {
          e.preventDefault();
          props.onClose();
        }
      }}
      onKeyPress={keepInCard}
      onKeyUp={keepInCard}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
    >
      <div class="head">
        <span class={`swatch ${finding.category}`} style={{ borderBottomColor: style.color, borderBottomStyle: style.line === 'wavy' ? 'dashed' : style.line }} />
        <h2 class="label" id="plan-lens-card-title">
          {words('cardLabel', label)}
        </h2>
        <span class={`severity ${finding.severity}`}>{finding.severity === 'info' ? 'note' : finding.severity}</span>
      </div>
      <p class="flagged">
        “<Quote text={props.flagged} finding={finding} />”
      </p>
      <div ref={message} class="message" id="plan-lens-card-message" tabIndex={-1}>
        <Problems finding={finding} />
      </div>
      {finding.suggestion && (
        <div class="suggestion">
          <strong>{words(rewritesSentence(finding) ? 'cardTry' : 'cardAdd')} </strong>
          <span>{withSlots(finding.suggestion)}</span>
        </div>
      )}
      <p class="why">
        <strong>{words('cardWhy')} </strong>
        {finding.why} <span class="rule">({finding.rule})</span>
      </p>
      {status && (
        <p class="status" role="status">
          {status}
        </p>
      )}
      <footer>
        {props.actions.map((a) => (
          <button type="button" key={a.label} onClick={byUser(() => act(a))}>
            {a.label}
          </button>
        ))}
        <button type="button" class="close" onClick={byUser(() => props.onClose())}>
          {words('cardClose')}
        </button>
      </footer>
    </div>
  );
}

/**
 * What the card's shadow root shows: a live region (always there, so a screen reader hears each change) and the
 * card when one is open.
 */
export function CardLayer({ card, announcement, words }: { card: Omit<CardProps, 'words'> | null; announcement: string; words: Words }) {
  return (
    <>
      <p class="live" role="status" aria-live="polite">
        {announcement}
      </p>
      {card && <Card {...card} words={words} />}
    </>
  );
}

/**
 * What the live region says when a sentence's finding is reached: by the keyboard walk ("2 of 13"), or when a
 * card opens under the pointer (which a keyboard user reaches with the same shortcut).
 */
export function announcementFor(finding: Finding, how: { walk: { at: number; of: number } } | { hover: true }): string {
  const severity = finding.severity === 'error' ? 'fails the legal test' : finding.severity === 'warning' ? 'would be questioned' : 'a good-practice note';
  const first = problemsOf(finding)[0] ?? finding.message;
  return 'walk' in how
    ? `Plan Lens, sentence ${how.walk.at} of ${how.walk.of}, ${severity}: ${first} Press Enter to open its card.`
    : `Plan Lens card open, ${severity}: ${first} Press Alt+Shift+J to move into it.`;
}

/**
 * Puts the card's shadow host where the user can reach it. The top layer keeps the card above any z-index,
 * but a modal <dialog> (showModal) makes everything outside it inert: a card there is drawn yet cannot be
 * clicked or focused. So while a modal dialog is open the host goes inside it, and back to `home` after.
 * Returns true when the host moved (a moved popover is hidden: the card must be shown again).
 */
export function keepCardReachable(container: HTMLElement, home: Element): boolean {
  const host = (container.getRootNode() as ShadowRoot).host;
  const doc = host.ownerDocument;
  // The last open modal in document order: the one on top, short of nested modals opened out of order.
  const modal = [...doc.querySelectorAll('dialog[open]')].filter((d) => d.matches(':modal')).at(-1);
  const place = modal ?? home;
  if (host.parentElement === place) return false;
  place.append(host);
  return true;
}

export const CARD_CSS = `
.live { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
.card { position: absolute; inset: auto; margin: 0; box-sizing: border-box; width: min(380px, calc(100vw - 8px)); overflow: visible;
  padding: 12px 14px; border: 1px solid #d4d4d8; border-radius: 8px; background: #fff; color: #18181b;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; box-shadow: 0 8px 24px rgb(0 0 0 / 0.18); z-index: 2147483647; }
.card:focus, .message:focus { outline: none; }
.message:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; border-radius: 4px; }
.head { display: flex; align-items: center; gap: 8px; }
h2 { margin: 0; font: inherit; font-weight: 600; }
.swatch { display: inline-block; width: 18px; height: 0; border-bottom-width: 3px; }
.severity { margin-left: auto; font-size: 12px; font-weight: 500; text-transform: uppercase; color: #52525b; }
.severity.error { color: #b91c1c; }
p, .suggestion, .message { margin: 8px 0 0; }
.flagged { font-style: italic; color: #3f3f46; }
.flagged .hedge { font-style: normal; font-weight: 600; background: #f59e0b40; text-decoration: underline wavy #b45309; border-radius: 2px; }
.problems { margin: 0; padding-left: 18px; }
.problems li + li { margin-top: 2px; }
.why { color: #3f3f46; font-size: 13px; }
.rule { font-family: ui-monospace, monospace; font-size: 12px; }
.suggestion { padding: 8px; border-radius: 6px; background: #f4f4f5; }
.slot { background: #fef3c7; color: inherit; border-radius: 3px; padding: 0 2px; }
.status { font-size: 13px; color: #b91c1c; }
footer { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 12px; }
button { font: inherit; font-size: 13px; padding: 4px 10px; border: 1px solid #71717a; border-radius: 6px; background: #fafafa; color: #18181b; cursor: pointer; }
button:hover { background: #f4f4f5; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.close { margin-left: auto; }
@media (prefers-color-scheme: dark) {
  .card { background: #18181b; color: #fafafa; border-color: #3f3f46; }
  .flagged, .why { color: #d4d4d8; }
  .flagged .hedge { color: #fafafa; background: #92400e; text-decoration-color: #fbbf24; }
  .severity { color: #a1a1aa; }
  .severity.error { color: #fca5a5; }
  .suggestion { background: #27272a; }
  .slot { background: #78350f; color: #fafafa; }
  .status { color: #fca5a5; }
  button { background: #27272a; color: #fafafa; border-color: #71717a; }
  button:hover { background: #3f3f46; }
}
`;
