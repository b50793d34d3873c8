// The small badge on a Google Doc saying which route Plan Lens reads the document by, and how many findings
// it has. The user always knows whether the list follows their typing, is a snapshot, or needs the .docx.
import type { Words } from '../page/words';
import { routeLabel, type DocsState } from './google-docs';

export const STATUS_CSS = `
:host { all: initial; }
.status { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; max-width: 340px; font: 13px/1.4 system-ui, sans-serif;
  color: #1f2937; background: #fff; border: 1px solid #d1d5db; border-left: 4px solid #6b7280; border-radius: 8px;
  box-shadow: 0 2px 8px rgb(0 0 0 / 0.15); padding: 8px 10px; }
.status[data-route="live"] { border-left-color: #15803d; }
.status[data-route="export"] { border-left-color: #b45309; }
.status[data-route="docx"] { border-left-color: #b91c1c; }
.title { font-weight: 600; }
button { font: inherit; margin: 6px 6px 0 0; padding: 2px 8px; border: 1px solid #9ca3af; border-radius: 5px; background: #fff; cursor: pointer; }
`;

export interface StatusActions {
  refresh: () => void;
  openReview: () => void;
  openPanel: () => void;
}

export interface DocsStatus {
  update(state: DocsState, findings?: number): void;
}

/** `words`: the badge's words in the browser's language (src/page/words.ts). */
export function createDocsStatus(container: HTMLElement, actions: StatusActions, words: Words): DocsStatus {
  const doc = container.ownerDocument;
  const box = doc.createElement('div');
  box.className = 'status';
  box.setAttribute('role', 'status');
  const title = doc.createElement('div');
  title.className = 'title';
  const detail = doc.createElement('div');
  detail.className = 'detail';
  const button = doc.createElement('button');
  button.type = 'button';
  const panel = doc.createElement('button');
  panel.type = 'button';
  panel.textContent = words('docsShowFindings');
  panel.onclick = actions.openPanel;
  box.append(title, detail, button, panel);
  container.append(box);

  return {
    update(state, findings) {
      box.dataset.route = state.route;
      title.textContent = findings === undefined ? words('extensionName') : words('badgeTitle', `${findings} ${words(findings === 1 ? 'findingsOne' : 'findingsMany')}`);
      panel.hidden = findings === undefined;
      detail.textContent = [routeLabel(state, words), state.reason].filter(Boolean).join(' ');
      button.hidden = state.route === 'waiting' || state.route === 'live';
      button.textContent = words(state.route === 'export' ? 'docsRefresh' : 'docsCheckDocx');
      button.onclick = state.route === 'export' ? actions.refresh : actions.openReview;
    },
  };
}
