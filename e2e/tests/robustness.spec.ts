/**
 * Robustness in the real browser (issue #7): the service worker stopped in the middle of a big import
 * leaves the history with all of the file or none of it; stopped while a big board's parts wait to be written, or
 * while its JSON comes in pieces, the page reads its board again and every card reaches the history; two tabs of the same board observing at
 * once record exactly what one tab records.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { generateHistory } from '../../bench/history-generator';
import { launchWithExtension, todayIso } from '../support/extension';
import { demoBoard } from '../support/demo-board';
import { generateBoardModel } from '../../test/fixtures/trello/generate-board';
import { serveTrello } from '../support/fake-trello';
import { exported, send, settledExport, type ExportedFile, type Reply } from '../support/background';
import { boardStored, boardUrl, expect, test } from '../support/test';

async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

test('the service worker stopped mid-import leaves all of the file or none of it', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  const file = generateHistory({ tasks: 4000, contractors: 120, eventsPerTask: 10, today: todayIso(), seed: 9 });
  const text = JSON.stringify(file);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);

  const outcomes: string[] = [];
  // Stop the worker at different moments of the import: while it parses, validates, or writes.
  for (const delayMs of [150, 500, 900, 1400, 2000]) {
    expect((await send(options, { type: 'erase-history' })).ok).toBe(true);
    const importing = send(options, { type: 'import-history', text }).catch((e: Error): Reply => ({ ok: false, error: e.message }));
    await options.waitForTimeout(delayMs);
    await stopServiceWorker(options);
    const reply = await importing;
    const after = await exported(options);
    const tasks = after.tasks.length;
    // Once the file is in, the alerts may log the zones of its open tasks: Leeway's own events, not the file's.
    const fromFile = new Set(file.events.map((e) => e.id));
    const events = after.events.filter((e) => fromFile.has(e.id) || e.type !== 'zone-changed').length;
    // All or nothing, whatever the moment.
    expect([0, file.tasks.length], `tasks after stopping at ${delayMs} ms`).toContain(tasks);
    expect([0, file.events.length], `events after stopping at ${delayMs} ms`).toContain(events);
    expect(after.contractors.length === 0, 'contractors follow the tasks').toBe(tasks === 0);
    if (reply.ok) expect(tasks).toBe(file.tasks.length);
    outcomes.push(`${delayMs} ms: ${tasks === 0 ? 'nothing' : 'everything'}${reply.ok ? ' (import had answered)' : ''}`);
  }
  test.info().annotations.push({ type: 'outcomes', description: outcomes.join('; ') });
  console.log(`worker stopped mid-import: ${outcomes.join('; ')}`);
});

test('the service worker stopped while a big board waits to be written: the page reads the board again and sends what was lost', async ({ context, extensionId }) => {
  test.setTimeout(120_000);
  // 6,000 cards in the board's JSON (the page shows 300 of them): the cards on screen, then twelve parts of 500
  // queued at once in the background and written one after another, seconds of writes for the stop to fall in.
  const board = generateBoardModel({ cards: 6000, seed: 11, today: todayIso() });
  const trello = await serveTrello(context, { ...board, cards: board.cards.slice(0, 300) }, { jsonBoard: board });
  const page = await context.newPage();
  await page.goto(`https://trello.com/b/${board.shortLink}/${board.slug}`);
  // The first part has been answered once a chip shows the background's view; the rest has just been handed over.
  await expect(page.locator('[data-leeway="task"]:not([data-pending])').first()).toBeVisible({ timeout: 30_000 });
  const cardReads = () => trello.apiRequests.filter((path) => path.endsWith('/cards')).length;
  expect(cardReads()).toBe(1);
  await stopServiceWorker(page);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // The page read its board's JSON again for the parts that got no answer, and every card is in the history once.
  await expect.poll(cardReads, { timeout: 30_000 }).toBe(2);
  await expect.poll(async () => (await exported(options)).tasks.length, { timeout: 60_000, intervals: [1000] }).toBe(6000);
  const file = await settledExport(options);
  expect(new Set(file.tasks.map((t) => t.key)).size).toBe(6000);
  const firstSeen = file.events.filter((e) => e.type === 'first-seen');
  expect(firstSeen).toHaveLength(6000);
});

test('the service worker stopped while a board’s JSON comes in pieces: the page fetches it again and sends it whole', async ({ context, extensionId }) => {
  test.setTimeout(120_000);
  const board = generateBoardModel({ cards: 1500, seed: 12, today: todayIso() });
  // The first request for the cards waits until the worker has been stopped: the other responses' pieces went to the
  // worker that was stopped, the cards' go to the one that starts after it.
  let releaseCards = () => {};
  const cardsHeld = new Promise<void>((resolve) => (releaseCards = resolve));
  let cardRequests = 0;
  const trello = await serveTrello(context, board, {
    hold: (path) => (path.endsWith('/cards') && ++cardRequests === 1 ? cardsHeld : undefined),
  });
  const page = await context.newPage();
  await page.goto(`https://trello.com/b/${board.shortLink}/${board.slug}`);
  await expect.poll(() => trello.apiRequests.filter((p) => p.endsWith('/actions')).length).toBe(1);
  await expect(page.locator('[data-leeway="task"]').first()).toBeVisible();
  // The actions' 2 MB, sent in pieces a few a task, have reached the worker by now.
  await page.waitForTimeout(1500);
  await stopServiceWorker(page);
  releaseCards();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // The background said the board was incomplete; the page fetched it again, and every card is in the history once.
  await expect.poll(() => cardRequests, { timeout: 30_000 }).toBe(2);
  await expect.poll(async () => (await exported(options)).tasks.length, { timeout: 60_000, intervals: [1000] }).toBe(1500);
  const file = await settledExport(options);
  expect(file.events.filter((e) => e.type === 'first-seen')).toHaveLength(1500);
  // The board's history came through too (the site's own facts carry its ids).
  expect(file.events.filter((e) => e.id.startsWith('json:')).length).toBeGreaterThan(1500);
});

/** Opens the demo board in `tabs` tabs at once and returns what the history holds once they are done. */
async function observeBoard(context: BrowserContext, extensionId: string, tabs: number): Promise<ExportedFile> {
  const trello = await serveTrello(context, demoBoard(todayIso()));
  const pages = await Promise.all(Array.from({ length: tabs }, () => context.newPage()));
  await Promise.all(pages.map((p) => p.goto(boardUrl(trello))));
  for (const p of pages) await boardStored(p, trello.board.cards.length);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // Every tab's batches written, and the zones the alerts log after them.
  return settledExport(options);
}

/** An event as a fact, without the moment Leeway noticed it (which differs between runs). */
const fact = (e: ExportedFile['events'][number]) => [e.taskKey, e.type, e.oldValue, e.newValue, e.contractorId].join(' ');

test('two tabs of the same board observing at once record what one tab records', async ({ context, extensionId }, testInfo) => {
  test.setTimeout(120_000);
  const two = await observeBoard(context, extensionId, 2);

  const single = await launchWithExtension(testInfo.outputPath('profile-single'));
  try {
    const one = await observeBoard(single.context, single.extensionId, 1);
    expect(two.tasks.map((t) => t.key).sort()).toEqual(one.tasks.map((t) => t.key).sort());
    expect(two.events.length).toBe(one.events.length);
    // No event lost, none recorded twice (a duplicate would be the same fact noticed at two moments).
    expect(two.events.map(fact).sort()).toEqual(one.events.map(fact).sort());
    expect(new Set(two.events.map((e) => e.id)).size).toBe(two.events.length);
    // Facts from the site's own history carry the site's ids: exactly the same ids.
    const siteIds = (f: ExportedFile) => f.events.filter((e) => e.id.startsWith('json:')).map((e) => e.id).sort();
    expect(siteIds(two)).toEqual(siteIds(one));
  } finally {
    await single.context.close();
  }
});
