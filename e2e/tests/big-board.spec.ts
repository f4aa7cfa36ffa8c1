import { serveTrello } from '../support/fake-trello';
import { todayIso } from '../support/extension';
import { expect, test } from '../support/test';
import { generateBoardModel } from '../../test/fixtures/trello/generate-board';

const CARD = 'li[data-testid="list-card"]';

test('a big board: chips near the viewport at once, the rest only as the owner scrolls to them', async ({ context }) => {
  const board = generateBoardModel({ cards: 600, seed: 5, today: todayIso() });
  await serveTrello(context, board);
  const page = await context.newPage();
  await page.goto(`https://trello.com/b/${board.shortLink}/${board.slug}`);

  const firstCard = page.locator(CARD).first();
  await expect(firstCard.locator('[data-leeway="task"]')).toHaveCount(1);
  // The chip drawn from the page becomes the background's view (zone known, no `data-pending`).
  await expect(firstCard.locator('[data-leeway="task"]')).not.toHaveAttribute('data-pending');

  const total = await page.locator(CARD).count();
  const chips = await page.locator('[data-leeway="task"]').count();
  expect(total).toBe(600);
  // Far below the fold, cards wait: a 600-card board is not decorated whole.
  expect(chips).toBeLessThan(total / 2);
  const lastCard = page.locator(CARD).last();
  await expect(lastCard.locator('[data-leeway="task"]')).toHaveCount(0);

  await lastCard.scrollIntoViewIfNeeded();
  await expect(lastCard.locator('[data-leeway="task"]')).toHaveCount(1);
  await expect(lastCard.locator('[data-leeway="task"]')).not.toHaveAttribute('data-pending', { timeout: 30_000 });
  // Still exactly one chip per decorated card.
  const perCard = await page.locator(CARD).evaluateAll((cards) => cards.map((c) => c.querySelectorAll('[data-leeway="task"]').length));
  expect(perCard.every((n) => n <= 1)).toBe(true);
});
