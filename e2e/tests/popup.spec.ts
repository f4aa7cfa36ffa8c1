import { launchWithExtension } from '../support/extension';
import { boardUrl, chipsOfCard, expect, openPopup, test } from '../support/test';

test('an empty history explains how to start', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('heading', { name: 'Nothing tracked yet' })).toBeVisible();
  await expect(popup.getByText(/Open a Trello board/)).toBeVisible();
});

test('the popup puts what needs you first, by risk, with the next step; the rest is collapsed', async ({ context, extensionId, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  await expect(chipsOfCard(page, 'Hero0001')).toHaveCount(1);

  const popup = await openPopup(context, extensionId);
  const groups = popup.locator('[data-zone-group]');
  await expect(groups.first()).toHaveAttribute('data-zone-group', 'needs-you');
  const order = await groups.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-zone-group')));
  expect(order).toEqual(['needs-you', 'green', 'none', 'done']);

  const needsYou = popup.locator('[data-zone-group="needs-you"] [data-task-key]');
  // The overdue card first, then the one due tomorrow.
  await expect(needsYou).toHaveCount(2);
  await expect(needsYou.first()).toHaveAttribute('data-task-key', 'trello:Chck0003');
  await expect(needsYou.first()).toContainText('Chen Li');
  await expect(needsYou.first()).toContainText('Escalate');
  await expect(needsYou.nth(1)).toHaveAttribute('data-task-key', 'trello:Pric0002');
  await expect(needsYou.nth(1)).toContainText('Check in');
  // Green tasks are out of sight until asked for.
  await expect(popup.locator('[data-zone-group="green"] [data-task-key="trello:Hero0001"]')).toBeHidden();
  await popup.getByText(/^Letting go: \d+ on track/).click();
  await expect(popup.locator('[data-task-key="trello:Hero0001"]')).toContainText('Ana Ruiz');
  // The HTML-looking title is text.
  await expect(popup.locator('[data-task-key="trello:Logo0006"] button.title')).toHaveText(
    trello.board.cards.find((c) => c.shortLink === 'Logo0006')!.name,
  );
});

test('task detail: record the client deadline, see the suggestion and why, copy the brief, open the page', async ({ context, extensionId, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  await expect(chipsOfCard(page, 'Hero0001')).toHaveCount(1);
  const popup = await openPopup(context, extensionId);
  await popup.getByText(/^Letting go/).click();
  await popup.locator('[data-task-key="trello:Hero0001"] button.title').click();
  const detail = popup.locator('[data-task-detail="trello:Hero0001"]');
  await expect(detail.getByRole('heading', { name: 'Homepage hero' })).toBeVisible();
  await detail.getByLabel('Client deadline').fill('2099-01-30');
  await detail.getByRole('button', { name: 'Save' }).click();
  await expect(detail.locator('[data-suggested-told]')).toBeVisible();
  await expect(detail).toContainText('Based on 7 past deliveries by Ana Ruiz');
  await expect(chipsOfCard(page, 'Hero0001')).toHaveAttribute('data-client-due', '2099-01-30');
  await detail.getByRole('button', { name: 'Copy brief for the contractor' }).click();
  await expect(detail.getByRole('status')).toHaveText(/Brief copied\.|Copy failed/);
  await detail.getByRole('button', { name: 'Ana Ruiz' }).click();
  const person = popup.locator('[data-contractor-page="trello:anaruiz"]');
  // Every card of hers with a due date: the seven delivered and the open ones.
  const hers = trello.board.cards.filter((c) => c.due && c.members.some((m) => m.username === 'anaruiz'));
  await expect(person.locator('table.history tbody tr')).toHaveCount(hers.length);
  await person.getByRole('button', { name: '← All tasks' }).click();

  await popup.locator('[data-zone-group="needs-you"] [data-task-key="trello:Chck0003"] button.title').click();
  const opened = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Open on Trello ↗' }).click();
  await expect(await opened).toHaveURL(/https:\/\/trello\.com\/c\/Chck0003/);
});

test('a delay the owner caused can be excluded from the contractor’s record, with a reason', async ({ context, extensionId, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  const chen = page.locator('[data-leeway="contractor"][data-contractor="trello:chenli"]').first();
  await expect(chen).toHaveAttribute('data-n', '5');
  const popup = await openPopup(context, extensionId);
  await popup.locator('[data-task-key="trello:Chck0003"] button.title').click();
  await popup.getByLabel(/Was a delay your doing/).fill('I sent the payment keys late');
  await popup.getByRole('button', { name: 'Don’t count this delay' }).click();
  await expect(popup.getByText('Not counted against Chen Li: I sent the payment keys late.')).toBeVisible();
  await expect(chen).toHaveAttribute('data-n', '4');
});

test('the history survives a browser restart with the same profile', async ({ launched, profileDir, trello }) => {
  const page = await launched.context.newPage();
  await page.goto(boardUrl(trello));
  await expect(chipsOfCard(page, 'Hero0001')).toHaveAttribute('data-told-due', /\d{4}-\d{2}-\d{2}/);
  // Drawn from the page at once; stored once the chip shows the background's view (no `data-pending`).
  await expect(chipsOfCard(page, 'Hero0001')).not.toHaveAttribute('data-pending');
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
