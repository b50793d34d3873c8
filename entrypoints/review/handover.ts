// Text the extension handed to this page (a selection, a Google Docs export) and notes on how it got here.
import { browser } from 'wxt/browser';
import { t, type MessageName } from '../../src/extension/i18n';
import { takeHandover, type Handover } from '../../src/extension/selection-review';

const ROUTE_NOTICES: Record<string, MessageName> = { gdocs: 'reviewGdocsNotice' };

export async function takeHandedOverText(location: Location): Promise<Handover | undefined> {
  const from = new URLSearchParams(location.search).get('from');
  const handover = await takeHandover(browser, location.hash);
  const notice = handover?.notice ?? (from && Object.hasOwn(ROUTE_NOTICES, from) ? t(ROUTE_NOTICES[from]!) : undefined);
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  return handover || notice ? { text: handover?.text ?? '', name: handover?.name ?? '', ...(notice ? { notice } : {}), ...(handover?.show ? { show: handover.show } : {}) } : undefined;
}
