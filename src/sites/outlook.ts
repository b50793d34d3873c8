// Outlook on the web: the reading pane's message body (role="document") and the compose body (an
// editable textbox); folder lists and message rows are Outlook's own interface. Labels are localized,
// so roles are matched, not aria-label text.
import type { Site } from './site';

export const outlook: Site = {
  name: 'outlook',
  textRoots: (doc) => [...doc.querySelectorAll('[role="document"], [contenteditable="true"][role="textbox"]')],
};
