/** Early warning in Chromium: badge and notification from an overdue card, and a service-worker restart that loses nothing. */
import type { BrowserContext, Worker } from '@playwright/test';
import { boardUrl, chipsOfCard, expect, test } from '../support/test';

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

test('an overdue open card puts a red count on the toolbar and raises one notification, within seconds', async ({ launched, trello }) => {
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

test('a stopped service worker comes back with its data, alarm and memory of what it said', async ({ launched, trello, extensionId }) => {
  const { context, serviceWorker: sw } = launched;
  await quietHoursOff(sw);
  const { page } = await loadBoard(context, boardUrl(trello));
  await expect.poll(async () => (await toolbar(sw)).notifications.length, { timeout: 5_000 }).toBe(2);
  // Let the last recompute settle (two in a row agree) before taking the "before" picture.
  await expect.poll(async () => JSON.stringify(await history(sw))).toBe(JSON.stringify(await history(sw)));
  const before = { toolbar: await toolbar(sw), history: await history(sw) };
  expect(before.history.tasks).toBe(trello.board.cards.length);

  // Stop every service worker of the extension's storage partition, from an extension page's DevTools session.
  const extPage = await context.newPage();
  await extPage.goto(`chrome-extension://${extensionId}/options.html`);
  const cdp = await context.newCDPSession(extPage);
  await cdp.send('ServiceWorker.enable');
  const closed = new Promise<void>((resolve) => sw.once('close', () => resolve()));
  await cdp.send('ServiceWorker.stopAllWorkers');
  await closed;
  await extPage.close();

  // Anything that needs the background wakes it: here, the board sending its next observation.
  const restarted = context.waitForEvent('serviceworker');
  await page.reload();
  const sw2 = await restarted;
  await expect(chipsOfCard(page, 'Chck0003')).toHaveCount(1);

  const after = await toolbar(sw2);
  expect(after.alarms).toEqual(before.toolbar.alarms);
  expect(after.badge).toBe('1');
  // The new worker recomputed after the observation and said nothing twice: same keys, same times.
  await expect.poll(async () => JSON.stringify((await toolbar(sw2)).alerts)).toBe(JSON.stringify(before.toolbar.alerts));
  expect((await history(sw2)).tasks).toBe(before.history.tasks);
  expect((await history(sw2)).zoneChanges).toEqual(before.history.zoneChanges);
  expect((await history(sw2)).events).toBeGreaterThanOrEqual(before.history.events);
});
