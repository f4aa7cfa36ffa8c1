import { demoBoard } from '../support/demo-board';
import { todayIso } from '../support/extension';
import { serveTrello } from '../support/fake-trello';
import { boardPath, demoProject, serveAsana } from '../support/fake-asana';
import { milestonesUrl, serveUpwork } from '../support/fake-upwork';
import { sampleContracts } from '../../test/fixtures/upwork/generate-contract';
import { boardUrl, expect, test } from '../support/test';
import type { BrowserContext, Page, Worker } from '@playwright/test';

async function popupForTab(context: BrowserContext, sw: Worker, page: Page, extensionId: string): Promise<Page> {
  await page.bringToFront();
  const tabId = await sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } };
    return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

test('a Trello redesign that breaks the card selector is said plainly in the popup', async ({ launched }) => {
  const { context, extensionId, serviceWorker } = launched;
  const fake = await serveTrello(context, demoBoard(todayIso()), {
    mangle: (html) => html.replaceAll('data-testid="list-card"', 'data-testid="board-card-2027"'),
  });
  const page = await context.newPage();
  await page.goto(boardUrl(fake));
  await expect(page.locator('[data-testid="board-card-2027"]').first()).toBeVisible();
  await expect(page.locator('[data-leeway="task"]')).toHaveCount(0);

  const popup = await popupForTab(context, serviceWorker, page, extensionId);
  const alert = popup.getByRole('alert');
  await expect(alert).toContainText("Leeway can't read this Trello board — the page layout may have changed.");
  await expect(alert).toContainText(`lists ${fake.board.cards.length} tasks, but none could be found`);
  // The tasks are still tracked from Trello's JSON.
  await expect(popup.locator('[data-task-key="trello:Hero0001"]')).toHaveCount(1);
});

test('a healthy board says how many tasks it reads', async ({ launched, trello }) => {
  const { context, extensionId, serviceWorker } = launched;
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  await expect(page.locator('[data-leeway="task"]')).toHaveCount(trello.board.cards.length);
  const popup = await popupForTab(context, serviceWorker, page, extensionId);
  await expect(popup.locator('[data-health="ok"]')).toHaveText(`Reading ${trello.board.cards.length} tasks on this Trello board.`);
});

test('an Asana redesign that renames board cards is said plainly', async ({ launched }) => {
  const { context, extensionId, serviceWorker } = launched;
  const fake = await serveAsana(context, demoProject(todayIso()), {
    mangle: (html) => html.replaceAll('BoardCardLayout', 'BoardTile2027').replaceAll('data-task-id=', 'data-tile-id='),
  });
  const page = await context.newPage();
  await page.goto(boardPath(fake.project));
  await expect(page.locator('.BoardTile2027').first()).toBeVisible();
  const popup = await popupForTab(context, serviceWorker, page, extensionId);
  await expect(popup.getByRole('alert')).toContainText("Leeway can't read this Asana project — the page layout may have changed.");
});

test('an Upwork redesign that renames milestone rows is said plainly', async ({ launched }) => {
  const { context, extensionId, serviceWorker } = launched;
  const contracts = sampleContracts(todayIso());
  await serveUpwork(context, contracts, { mangle: (html) => html.replaceAll('data-test="milestone"', 'data-test="payment-step"') });
  const page = await context.newPage();
  await page.goto(milestonesUrl(contracts[0]!));
  await expect(page.locator('[data-test="payment-step"]').first()).toBeVisible();
  const popup = await popupForTab(context, serviceWorker, page, extensionId);
  await expect(popup.getByRole('alert')).toContainText("Leeway can't read this Upwork contract — the page layout may have changed.");
});
