import { browser } from 'wxt/browser';
import { trackDraftItem } from '@/utils/track-draft';

const MENU_ID = 'leeway-track';

/**
 * "Track this in Leeway" on any page: leaves a draft (selection or page title, and the URL) for the
 * popup's form, then opens the popup, or the same form in a small window where openPopup is unavailable.
 */
export function registerTrackMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Track this in Leeway', contexts: ['page', 'selection', 'link'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    const title = (info.selectionText ?? tab?.title ?? '').trim().slice(0, 500);
    const url = info.linkUrl ?? info.pageUrl ?? tab?.url ?? '';
    void trackDraftItem.setValue({ title, url }).then(async () => {
      try {
        await (browser.action ?? browser.browserAction).openPopup();
      } catch {
        await browser.windows.create({ url: browser.runtime.getURL('/popup.html'), type: 'popup', width: 420, height: 620 });
      }
    });
  });
}
