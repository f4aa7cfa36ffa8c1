/** Early warning in Chromium: badge and notification from an overdue card, and a service-worker restart that loses nothing. */
import type { BrowserContext, Worker } from '@playwright/test';
import { boardStored, boardUrl, chipsOfCard, expect, test } from '../support/test';

type Chrome = {
  action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]>; getTitle(d: object): Promise<string> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  alarms: { getAll(): Promise<{ name: string; periodInMinutes?: number }[]> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
};

/** The toolbar state, as the service worker sees it. */
function toolbar(sw: Worker) {
  return sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    return {
      badge: await chrome.action.getBadgeText({}),
      color: await chrome.action.getBadgeBackgroundColor({}),
      title: await chrome.action.getTitle({}),
      notifications: Object.keys(await chrome.notifications.getAll()).sort(),
      alarms: (await chrome.alarms.getAll()).map((a) => ({ name: a.name, periodInMinutes: a.periodInMinutes })),
      alerts: (await chrome.storage.local.get('alerts')).alerts ?? null,
    };
  });
}

/** Every record in the history database, counted, read in the worker that owns it. */
function history(sw: Worker) {
  return sw.evaluate(
    () =>
      new Promise<{ tasks: number; events: number; zoneChanges: string[] }>((resolve, reject) => {
        const open = indexedDB.open('leeway-history');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['tasks', 'events']);
          const tasks = tx.objectStore('tasks').count();
          const events = tx.objectStore('events').getAll();
          tx.oncomplete = () => {
            const all = events.result as { type: string; taskKey: string; oldValue: string | null; newValue: string }[];
            resolve({
              tasks: tasks.result,
              events: all.length,
              zoneChanges: all.filter((e) => e.type === 'zone-changed').map((e) => `${e.taskKey}:${e.oldValue}→${e.newValue}`).sort(),
            });
            open.result.close();
          };
        };
      }),
  );
}

/** Quiet hours off (they default to 19:00–08:00 local, which would hold the notification back at night). */
async function quietHoursOff(sw: Worker) {
  await sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    // The settings are repaired field by field on read, so the rest stays at its defaults.
    await chrome.storage.local.set({ settings: { version: 1, quietHours: { enabled: false, from: '19:00', to: '08:00' } } });
  });
}

async function loadBoard(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(url);
  return { page, started };
}

test('an overdue open card puts a red count on the toolbar and raises its notification, within seconds', async ({ launched, trello }) => {
  const { context, serviceWorker: sw } = launched;
  await quietHoursOff(sw);
  const { page, started } = await loadBoard(context, boardUrl(trello));

  await expect.poll(async () => (await toolbar(sw)).badge, { timeout: 5_000, intervals: [100] }).toBe('1');
  const elapsed = Date.now() - started;
  console.log(`badge up ${elapsed} ms after navigating to the board`);
  await expect(chipsOfCard(page, 'Chck0003')).toHaveCount(1);

  await expect.poll(async () => (await toolbar(sw)).notifications, { timeout: 5_000 }).toEqual([
    // The overdue card (red) and the one due tomorrow (yellow): one notice each.
    'leeway|task|trello:Chck0003',
    'leeway|task|trello:Pric0002',
  ]);
  const state = await toolbar(sw);
  expect(state.color).toEqual([217, 48, 37, 255]);
  expect(state.title).toMatch(/^Leeway — 1 in trouble, 1 at risk\n• Checkout bug fixes — overdue 2 days\n• Pricing page copy — due tomorrow$/);
  expect(state.alarms).toEqual([{ name: 'leeway-recompute', periodInMinutes: 30 }]);
  expect((await history(sw)).zoneChanges).toContain('trello:Chck0003:null→red');
});

test('a stopped service worker is woken by its alarm and comes back with its data, alarm and memory of what it said', async ({
  launched,
  trello,
  extensionId,
}) => {
  const { context, serviceWorker: sw } = launched;
  await quietHoursOff(sw);
  const { page } = await loadBoard(context, boardUrl(trello));
  await boardStored(page, trello.board.cards.length);
  await expect.poll(async () => (await toolbar(sw)).notifications.length, { timeout: 5_000 }).toBe(2);
  // Let the last recompute settle (two readings in a row agree) before taking the "before" picture.
  await expect.poll(async () => JSON.stringify(await toolbar(sw)) + JSON.stringify(await history(sw))).toBe(
    JSON.stringify(await toolbar(sw)) + JSON.stringify(await history(sw)),
  );
  const before = { toolbar: await toolbar(sw), history: await history(sw) };
  expect(before.history.tasks).toBe(trello.board.cards.length);

  await sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { action: { setBadgeText(d: object): Promise<void> }; alarms: { create(name: string, info: object): Promise<void> } };
    };
    // A mark in the worker's globals: a restarted worker has none.
    Object.assign(globalThis, { leewayTestMark: 'old worker' });
    // A badge only a recompute in the next worker will put right…
    await chrome.action.setBadgeText({ text: '?' });
    // …and the recompute alarm brought forward (one-shot), so it fires while the worker is stopped.
    await chrome.alarms.create('leeway-recompute', { when: Date.now() + 3_000 });
  });

  // Stop the extension's service worker from an extension page's DevTools session. Chromium reports its
  // running status; Playwright keeps the same Worker handle and evaluates in whichever instance runs.
  const extPage = await context.newPage();
  await extPage.goto(`chrome-extension://${extensionId}/options.html`);
  const cdp = await context.newCDPSession(extPage);
  const statuses: string[] = [];
  const reached = (status: string) =>
    new Promise<void>((resolve) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const ours = versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
        statuses.push(...ours.map((v) => v.runningStatus));
        if (ours.some((v) => v.runningStatus === status)) resolve();
      }),
    );
  const stopped = reached('stopped');
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  const stoppedAt = Date.now();
  const woken = reached('running');
  // Nothing else touches the extension now: only the alarm can start it again.
  await woken;
  const wokenAt = Date.now();
  expect(statuses).toContain('stopped');

  await expect.poll(async () => (await toolbar(sw)).badge, { timeout: 10_000, intervals: [100] }).toBe('1');
  console.log(`worker stopped, woken by the alarm ${wokenAt - stoppedAt} ms later, badge recomputed ${Date.now() - wokenAt} ms after that`);
  expect(await sw.evaluate(() => (globalThis as { leewayTestMark?: string }).leewayTestMark ?? 'new worker')).toBe('new worker');
  // The one-shot alarm fired and is gone; the recompute put the periodic one back.
  await expect.poll(async () => (await toolbar(sw)).alarms).toEqual(before.toolbar.alarms);
  const after = await toolbar(sw);
  expect(after.notifications).toEqual(before.toolbar.notifications);
  // Nothing said twice: the same de-dup keys with the same times.
  expect(JSON.stringify(after.alerts)).toBe(JSON.stringify(before.toolbar.alerts));
  const data = await history(sw);
  expect(data.tasks).toBe(before.history.tasks);
  expect(data.events).toBe(before.history.events);
  expect(data.zoneChanges).toEqual(before.history.zoneChanges);

  await extPage.close();

  // And the new worker serves the board as before.
  await page.reload();
  await expect(chipsOfCard(page, 'Chck0003')).toHaveCount(1);
});
