// Where on a site the plan text is. Webmail pages are mostly the mail client's own interface (inbox
// rows, labels, chat): only message bodies and the message being written are read there, so subject
// lines that mention "regular" or "access to" are neither marked nor counted towards "reads as a
// plan". Elsewhere (portals, any page) the whole page is read.
import { gmail } from './gmail';
import { outlook } from './outlook';

const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'];

/**
 * Where Plan Lens runs without being asked: webmail read views, where plans arrive as messages (and
 * only a message that reads as a plan is marked). No portal is listed: no LA or school portal hostname
 * is publicly documented, so portals are reached by "Check this page" or "Always on this site".
 */
export const PLAN_SURFACES = ['mail.google.com', ...OUTLOOK_HOSTS].map((host) => `https://${host}/*`);

export interface Site {
  name: string;
  /** The elements whose text Plan Lens reads, outermost first. */
  textRoots: (doc: Document) => Element[];
}

export const anyPage: Site = { name: 'page', textRoots: (doc) => (doc.body ? [doc.body] : []) };

/** Google Docs draws on a canvas; its text comes through the Docs route, not the page. */
const googleDocs: Site = { name: 'google-docs', textRoots: () => [] };

export function siteFor(location: { hostname: string; pathname: string }): Site {
  const host = location.hostname;
  if (host === 'mail.google.com') return gmail;
  if (OUTLOOK_HOSTS.includes(host)) return outlook;
  if (host === 'docs.google.com' && location.pathname.startsWith('/document/')) return googleDocs;
  return anyPage;
}
