/** Playwright fixtures: a fresh profile with the built extension, and the demo board served as trello.com. */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { demoBoard } from './demo-board';
import { launchWithExtension, todayIso } from './extension';
import { serveTrello, type FakeTrello, type JsonMode } from './fake-trello';

export interface Fixtures {
  profileDir: string;
  launched: { context: BrowserContext; extensionId: string; serviceWorker: Worker };
  context: BrowserContext;
  extensionId: string;
  jsonMode: JsonMode;
  trello: FakeTrello;
}

export const test = base.extend<Fixtures>({
  profileDir: async ({}, use, testInfo) => use(testInfo.outputPath('profile')),
  launched: async ({ profileDir }, use) => {
    const launched = await launchWithExtension(profileDir);
    await use(launched);
    await launched.context.close();
  },
  context: async ({ launched }, use) => use(launched.context),
  extensionId: async ({ launched }, use) => use(launched.extensionId),
  jsonMode: ['ok', { option: true }],
  trello: async ({ context, jsonMode }, use) => use(await serveTrello(context, demoBoard(todayIso()), { json: jsonMode })),
});

export { expect };

export function boardUrl(fake: FakeTrello): string {
  return `https://trello.com/b/${fake.board.shortLink}/${fake.board.slug}`;
}

/** Task chip hosts inside the card list item whose title link points at this shortLink. */
export function chipsOfCard(page: Page, shortLink: string) {
  return page.locator(`li[data-testid="list-card"]:has(a[href^="/c/${shortLink}/"]) [data-leeway="task"]`);
}

/**
 * Waits until every card has its chip and each shows the background's view. A chip is first drawn from the page
 * alone (`data-pending`); once none is, every task on the board has been stored.
 */
export async function boardStored(page: Page, cards: number): Promise<void> {
  await expect(page.locator('[data-leeway="task"]')).toHaveCount(cards);
  await expect(page.locator('[data-leeway="task"][data-pending]')).toHaveCount(0);
}

export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}
