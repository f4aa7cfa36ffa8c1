import { launchWithExtension } from '../support/extension';
import { boardUrl, chipsOfCard, expect, openPopup, test } from '../support/test';

test('an empty history explains how to start', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('heading', { name: 'Nothing tracked yet' })).toBeVisible();
  await expect(popup.getByText(/Open a Trello board/)).toBeVisible();
});

test('the popup lists tracked tasks by zone, red first, and opens a task', async ({ context, extensionId, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  await expect(chipsOfCard(page, 'Hero0001')).toHaveCount(1);

  const popup = await openPopup(context, extensionId);
  const groups = popup.locator('[data-zone-group]');
  await expect(groups.first()).toHaveAttribute('data-zone-group', 'red');
  const order = await groups.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-zone-group')));
  expect(order).toEqual(['red', 'yellow', 'green', 'none', 'done']);

  const red = popup.locator('[data-zone-group="red"] [data-task-key]');
  await expect(red).toHaveCount(1);
  await expect(red).toHaveAttribute('data-task-key', 'trello:Chck0003');
  await expect(red).toContainText('Chen Li');
  await expect(red).toContainText('told');
  const hero = popup.locator('[data-task-key="trello:Hero0001"]');
  await expect(hero).toContainText('Ana Ruiz');
  // The HTML-looking title is text.
  await expect(popup.locator('[data-task-key="trello:Logo0006"] button.title')).toHaveText(
    trello.board.cards.find((c) => c.shortLink === 'Logo0006')!.name,
  );

  const opened = context.waitForEvent('page');
  await red.getByRole('button').click();
  await expect(await opened).toHaveURL(/https:\/\/trello\.com\/c\/Chck0003/);
});

test('the history survives a browser restart with the same profile', async ({ launched, profileDir, trello }) => {
  const page = await launched.context.newPage();
  await page.goto(boardUrl(trello));
  await expect(chipsOfCard(page, 'Hero0001')).toHaveAttribute('data-told-due', /\d{4}-\d{2}-\d{2}/);
  await launched.context.close();

  const again = await launchWithExtension(profileDir);
  try {
    const popup = await openPopup(again.context, again.extensionId);
    await expect(popup.locator('[data-task-key="trello:Hero0001"]')).toContainText('Homepage hero');
    await expect(popup.locator('[data-task-key]')).not.toHaveCount(0);
  } finally {
    await again.context.close();
  }
});
