// A saved HTML page as the CLI, the bench and the sample tests read it: the one block reader over linkedom's DOM.
import { readHtml } from '../documents/html';
import { parseHtml } from '../documents/node';
import type { PlanDocument } from '../documents/plan-document';

export function htmlToPlanDocument(name: string, html: string): PlanDocument {
  return readHtml(name, html, parseHtml);
}
