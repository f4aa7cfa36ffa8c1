import { defineBackground, storage } from '#imports';
import { browser } from 'wxt/browser';
import { createHistoryService } from '@/utils/background/service';
import { openHistoryDb, type HistoryDb } from '@/utils/store/db';
import { healthKey } from '@/utils/health/storage';
import { ownerPriorStore } from '@/utils/owner-prior';
import { firstScreenItem, firstScreenOf } from '@/utils/overview-snapshot';
import { registerTrackMenu } from './track-menu';
import { registerAlerts } from './alerts';
import { historyRevisionItem, loadSettings, settingsItem } from '@/utils/settings';
import { refreshDateKit } from '@/utils/overlay/date-kit-storage';
import { SITE_ADAPTERS } from '@/utils/sites/registry';

export default defineBackground(() => {
  // The service worker may be stopped at any moment: nothing lives only here except a lazily opened
  // connection, reopened on the next wake-up.
  let connection: Promise<HistoryDb> | null = null;
  const db = () =>
    (connection ??= openHistoryDb({
      onBlocking: () => {
        void connection?.then((d) => d.close());
        connection = null;
      },
    }).catch((error: unknown) => {
      connection = null;
      throw error;
    }));

  const service = createHistoryService({
    db,
    settings: loadSettings,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    ownerPrior: ownerPriorStore,
    saveFirstScreen: (o) => firstScreenItem.setValue(firstScreenOf(o.tasks, o.contractors.length, new Date())),
    onHistoryChanged: () => historyRevisionItem.setValue(Date.now()),
    saveSettings: (settings) => settingsItem.setValue(settings),
    saveHealth: (tabId, report) => storage.setItem(healthKey(tabId), report),
    siteJsonChecker: (site) => {
      const adapter = SITE_ADAPTERS.find((a) => a.site === site);
      return adapter?.checkSiteJson?.bind(adapter);
    },
  });
  browser.tabs.onRemoved.addListener((tabId) => void storage.removeItem(healthKey(tabId)));

  registerTrackMenu();
  registerAlerts({ overview: service.overview, db, settings: loadSettings, now: () => new Date() });

  // Pages format dates from this kit instead of making their own `Intl.DateTimeFormat` (see `date-kit.ts`). The
  // browser's locale can only have changed when the browser (re)started.
  const refreshKit = (checkLocale: boolean) => void refreshDateKit({ language: navigator.language, today: new Date(), checkLocale }).catch(() => {});
  refreshKit(false);
  browser.runtime.onStartup.addListener(() => refreshKit(true));

  // Registered synchronously so a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((message: unknown, sender) => service.handle(message, { tabId: sender.tab?.id, documentId: sender.documentId }));
});
