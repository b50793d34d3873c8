// Plan Lens's own words (menus, badge titles, its pages, the card's buttons) in the browser's language: en_GB by
// default, en_US where the browser speaks American English (public/_locales; a missing en_US message falls back).
import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/en_GB/messages.json';

export type MessageName = keyof typeof messages;

export function t(name: MessageName, ...substitutions: string[]): string {
  return browser.i18n.getMessage(name, substitutions);
}
