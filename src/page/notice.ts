// A short note in the page after the user asked Plan Lens to check it and there is nothing to underline there
// ("this page does not read as a plan"), so a click is never met with silence. It sits in a shadow root
// beside the body (never in the page's text), is announced to screen readers, and goes after a while or on a click.
const SHOWN_MS = 8_000;

const CSS = `
:host { all: initial; }
.notice { position: fixed; z-index: 2147483647; top: 12px; right: 12px; max-width: 22rem; padding: 10px 14px; border-radius: 8px;
  background: #1f2937; color: #f9fafb; font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; box-shadow: 0 4px 16px rgb(0 0 0 / 25%); cursor: pointer; }
`;

export function showNotice(doc: Document, text: string): HTMLElement {
  doc.querySelector('plan-lens-notice')?.remove();
  const host = doc.createElement('plan-lens-notice');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const note = doc.createElement('div');
  note.className = 'notice';
  note.setAttribute('role', 'status');
  note.textContent = text;
  root.append(style, note);
  doc.documentElement.append(host);
  const remove = () => host.remove();
  note.addEventListener('click', remove);
  setTimeout(remove, SHOWN_MS);
  return host;
}
