import { localDateOf } from '../../utils/model/dates';
import { boardUrl, chipsOfCard, expect, test } from '../support/test';

const dialogChip = '[role="dialog"][data-testid="card-back-name"] [data-leeway="task"]';

test('board → card → board: the dialog gets its chip and badges, the board keeps one chip per card', async ({ context, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  const total = trello.board.cards.length;
  await expect(page.locator('[data-leeway="task"]')).toHaveCount(total);

  await page.locator('a[data-testid="card-name"][href^="/c/Land0005/"]').click();
  await expect(page).toHaveURL(/\/c\/Land0005\//);
  const chip = page.locator(dialogChip);
  await expect(chip).toHaveCount(1);
  await expect(chip).toHaveAttribute('data-task-key', 'trello:Land0005');
  const card = trello.board.cards.find((c) => c.shortLink === 'Land0005')!;
  await expect(chip).toHaveAttribute('data-told-due', localDateOf(card.due!));
  await expect(page.locator('[role="dialog"] [data-leeway="contractor"]')).toHaveCount(2);

  await page.getByRole('button', { name: 'Close dialog' }).click();
  await expect(page).toHaveURL(/\/b\//);
  await expect(page.locator(dialogChip)).toHaveCount(0);
  await expect(page.locator('[data-leeway="task"]')).toHaveCount(total);

  // And again, to a different card.
  await page.locator('a[data-testid="card-name"][href^="/c/Pric0002/"]').click();
  await expect(page.locator(dialogChip)).toHaveAttribute('data-task-key', 'trello:Pric0002');
  await expect(chipsOfCard(page, 'Pric0002')).toHaveCount(1);
});

test('a direct load of /c/… shows the board and the dialog, both annotated', async ({ context, trello }) => {
  const page = await context.newPage();
  await page.goto('https://trello.com/c/Chck0003/3-checkout-bug-fixes');
  await expect(page.locator(dialogChip)).toHaveAttribute('data-task-key', 'trello:Chck0003');
  await expect(page.locator(dialogChip)).toHaveAttribute('data-zone', 'red');
  await expect(page.locator('li[data-testid="list-card"] [data-leeway="task"]')).toHaveCount(trello.board.cards.length);
  // The card's JSON named its board, whose JSON was then read for the whole picture.
  expect(trello.apiRequests.some((p) => p.startsWith('/1/cards/Chck0003'))).toBe(true);
  expect(trello.apiRequests.some((p) => p.startsWith(`/1/boards/${trello.board.shortLink}/cards`))).toBe(true);
});
