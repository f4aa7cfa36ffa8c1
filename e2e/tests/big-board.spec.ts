import { localDateOf } from '../../utils/model/dates';
import { exported } from '../support/background';
import { serveTrello } from '../support/fake-trello';
import { todayIso } from '../support/extension';
import { chipsOfCard, expect, test } from '../support/test';
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
  // A card just below the screen (in the margin kept around it) gets its chip before the owner scrolls to it.
  const justBelow = await page.locator(CARD).evaluateAll((cards) =>
    cards.findIndex((card) => {
      const box = card.getBoundingClientRect();
      return box.top > innerHeight && box.top < innerHeight * 1.15 && box.left >= 0 && box.right <= innerWidth;
    }),
  );
  expect(justBelow).toBeGreaterThan(0);
  await expect(page.locator(CARD).nth(justBelow).locator('[data-leeway="task"]')).toHaveCount(1);

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
  // No chip is left drawn from the page alone, near the screen or not (a card may have moved away before its view came).
  await expect(page.locator('[data-leeway="task"][data-pending]')).toHaveCount(0);
  // Still exactly one chip per decorated card.
  const perCard = await page.locator(CARD).evaluateAll((cards) => cards.map((c) => c.querySelectorAll('[data-leeway="task"]').length));
  expect(perCard.every((n) => n <= 1)).toBe(true);
});

for (const render of ['server', 'app'] as const) {
  test(`a big board (${render === 'app' ? 'put in by the page’s script' : 'in the HTML'}): the cards on screen get their chips first`, async ({ context }) => {
    const board = generateBoardModel({ cards: 1000, seed: 6, today: todayIso() });
    await serveTrello(context, board, { render });
    const page = await context.newPage();
    // In the page, before any script: which cards are on screen when the board first shows (before any chip moves
    // them), and each batch of chips inserted, as whether each chip's card was one of them.
    await page.addInitScript(() => {
      const batches: boolean[][] = [];
      let onScreen: Set<Element> | null = null;
      Object.assign(window, { __chipBatches: batches });
      const noteOnScreen = () => {
        // Not while the HTML is still being parsed: the cards' places are not final until it is.
        const cards = document.querySelectorAll('li[data-testid="list-card"]');
        if (onScreen || cards.length === 0 || document.readyState === 'loading') return;
        onScreen = new Set();
        for (const card of cards) {
          const box = card.getBoundingClientRect();
          if (box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth) onScreen.add(card);
        }
      };
      document.addEventListener('DOMContentLoaded', noteOnScreen);
      new MutationObserver((records) => {
        noteOnScreen();
        const batch: boolean[] = [];
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (!(node instanceof Element) || node.getAttribute('data-leeway') !== 'task') continue;
            const card = node.closest('li[data-testid="list-card"]');
            if (card) batch.push(onScreen?.has(card) ?? false);
          }
        }
        if (batch.length > 0) batches.push(batch);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`https://trello.com/b/${board.shortLink}/${board.slug}`);
    const batches = () => page.evaluate(() => (window as unknown as { __chipBatches: boolean[][] }).__chipBatches);
    // Until chips reach a card that was not on screen (those near enough below the fold are drawn too).
    await expect.poll(async () => (await batches()).flat().includes(false)).toBe(true);

    const [first] = await batches();
    // The first chips drawn are on screen only.
    expect(first!.length).toBeGreaterThan(5);
    expect(first!.every((onScreen) => onScreen)).toBe(true);
  });
}

test('a board put in by the page’s script: the frame that first shows it already has the chips of the cards on screen', async ({ context }) => {
  const board = generateBoardModel({ cards: 1000, seed: 7, today: todayIso() });
  await serveTrello(context, board, { render: 'app' });
  const page = await context.newPage();
  // In the page, before any script: once cards are in, the next animation frame (it runs before that frame is
  // painted) counts the cards on screen and those of them with a chip.
  await page.addInitScript(() => {
    let armed = false;
    new MutationObserver(() => {
      if (armed || !document.querySelector('li[data-testid="list-card"]')) return;
      armed = true;
      requestAnimationFrame(() => {
        const onScreen = [...document.querySelectorAll('li[data-testid="list-card"]')].filter((card) => {
          const box = card.getBoundingClientRect();
          return box.width > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
        });
        const withChip = onScreen.filter((card) => card.querySelector('[data-leeway="task"]') !== null).length;
        Object.assign(window, { __firstFrame: { onScreen: onScreen.length, withChip } });
      });
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`https://trello.com/b/${board.shortLink}/${board.slug}`);
  const firstFrame = () => page.evaluate(() => (window as unknown as { __firstFrame?: { onScreen: number; withChip: number } }).__firstFrame ?? null);
  await expect.poll(firstFrame).not.toBeNull();
  const { onScreen, withChip } = (await firstFrame())!;
  expect(onScreen).toBeGreaterThan(10);
  expect(withChip).toBe(onScreen);
});

test('a big board without its JSON: every card reaches the history from the page, and cards read again as they come near are right', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(90_000);
  const board = generateBoardModel({ cards: 600, seed: 8, today: todayIso() });
  // The JSON is slow to fail: the page is read while it is on its way (only the cards' keys are kept meanwhile).
  await serveTrello(context, board, { json: 'unauthorized', jsonDelayMs: 2000 });
  const page = await context.newPage();
  await page.goto(`https://trello.com/b/${board.shortLink}/${board.slug}`);
  await expect(page.locator(CARD).first().locator('[data-leeway="task"]')).not.toHaveAttribute('data-pending');

  // The cards far from the screen are not kept in the page once read: those the JSON did not cover are read
  // again and sent, so the history has every card, none twice.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect.poll(async () => (await exported(options)).tasks.length, { timeout: 30_000 }).toBe(600);
  const keys = (await exported(options)).tasks.map((t) => t.key).sort();
  expect(keys).toEqual(board.cards.map((c) => `trello:${c.shortLink}`).sort());
  await expect(page.locator('[data-leeway="task"][data-pending]')).toHaveCount(0);

  // A card far down, read again when the owner scrolls to it: the due the page shows, then the background's view.
  const far = board.cards.filter((c) => c.due && !c.dueTextOverride && !c.dueComplete).at(-1)!;
  const farChip = chipsOfCard(page, far.shortLink);
  await expect(farChip).toHaveCount(0);
  await page.locator(`${CARD}:has(a[href^="/c/${far.shortLink}/"])`).scrollIntoViewIfNeeded();
  await expect(farChip).toHaveAttribute('data-told-due', localDateOf(far.due!));
  await expect(farChip).not.toHaveAttribute('data-pending');
  await expect(farChip).toHaveAttribute('data-zone', /^(green|yellow|red)$/);

  // Back at the top, the first cards still have exactly one chip each.
  await page.locator(CARD).first().scrollIntoViewIfNeeded();
  await expect(page.locator(CARD).first().locator('[data-leeway="task"]')).toHaveCount(1);
  const perCard = await page.locator(CARD).evaluateAll((cards) => cards.map((c) => c.querySelectorAll('[data-leeway="task"]').length));
  expect(perCard.every((n) => n <= 1)).toBe(true);
});
