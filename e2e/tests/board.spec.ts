import { localDateOf } from '../../utils/model/dates';
import { boardUrl, chipsOfCard, expect, test } from '../support/test';

test('annotates every card with a due date and every member, once', async ({ context, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  const cards = trello.board.cards;
  const dated = cards.filter((c) => c.due);

  await expect(page.locator('[data-leeway="task"]')).toHaveCount(cards.length);
  for (const card of dated) {
    const chip = chipsOfCard(page, card.shortLink);
    await expect(chip).toHaveCount(1);
    await expect(chip).toHaveAttribute('data-task-key', `trello:${card.shortLink}`);
    await expect(chip).toHaveAttribute('data-told-due', localDateOf(card.due!));
    await expect(chip).toHaveAttribute('data-zone', card.dueComplete ? 'done' : /^(green|yellow|red)$/);
  }
  for (const card of cards.filter((c) => !c.due)) {
    await expect(chipsOfCard(page, card.shortLink)).toHaveAttribute('data-zone', 'none');
    await expect(chipsOfCard(page, card.shortLink)).not.toHaveAttribute('data-told-due', /.*/);
  }

  const memberButtons = page.locator('button[data-testid="card-front-member"]');
  const badges = page.locator('[data-leeway="contractor"]');
  await expect(badges).toHaveCount(await memberButtons.count());
  // Each badge sits right after the avatar it annotates, keyed by that member's username.
  const pairs = await memberButtons.evaluateAll((buttons) =>
    buttons.map((b) => [b.getAttribute('aria-label'), b.nextElementSibling?.getAttribute('data-contractor')]),
  );
  for (const [label, contractor] of pairs) expect(contractor).toBe(`trello:${/\(([^()]+)\)$/.exec(label ?? '')?.[1]}`);
});

test('zones follow the told due: overdue red, due tomorrow yellow, later green', async ({ context, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  await expect(chipsOfCard(page, 'Chck0003')).toHaveAttribute('data-zone', 'red');
  await expect(chipsOfCard(page, 'Pric0002')).toHaveAttribute('data-zone', 'yellow');
  await expect(chipsOfCard(page, 'News0004')).toHaveAttribute('data-zone', 'green');
  await expect(chipsOfCard(page, 'Past0001')).toHaveAttribute('data-zone', 'done');
  // The chip says it in words for screen readers.
  await expect(chipsOfCard(page, 'Chck0003').getByRole('button')).toHaveAttribute('aria-label', /told due .*in trouble/);
});

test('reliability badges learn from the board history', async ({ context, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  const badge = (username: string) => page.locator(`[data-leeway="contractor"][data-contractor="trello:${username}"]`).first();
  // Ana: 7 past deliveries (6 on time) plus nothing overdue.
  await expect(badge('anaruiz')).toHaveAttribute('data-n', '7');
  await expect(badge('anaruiz')).not.toHaveAttribute('data-grade', 'new');
  // Chen: 4 past deliveries plus the overdue open task counts as late.
  await expect(badge('chenli')).toHaveAttribute('data-n', '5');
  await expect(badge('chenli')).toHaveAttribute('data-grade', 'watch');
  // Dana: one delivery is too few to judge.
  await expect(badge('danavel')).toHaveAttribute('data-grade', 'new');
  await expect(badge('danavel')).toHaveAttribute('data-n', '1');
});

test('a host re-render (cards replaced by fresh identical nodes) keeps exactly one chip per card', async ({ context, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  const total = trello.board.cards.length;
  await expect(page.locator('[data-leeway="task"]')).toHaveCount(total);
  for (let round = 0; round < 3; round++) {
    await page.evaluate(() => {
      for (const li of document.querySelectorAll('li[data-testid="list-card"]')) {
        const fresh = li.cloneNode(true) as Element;
        fresh.querySelectorAll('[data-leeway]').forEach((n) => n.remove());
        li.replaceWith(fresh);
      }
    });
    await expect(page.locator('[data-leeway="task"]')).toHaveCount(total);
  }
  await expect(chipsOfCard(page, 'Hero0001')).toHaveCount(1);
  // React may also re-render in place and keep our host: still one.
  await page.evaluate(() => {
    const badges = document.querySelector('li[data-testid="list-card"] [data-testid="card-front-badges"]');
    badges?.replaceWith(badges.cloneNode(true));
  });
  await expect(page.locator('[data-leeway="task"]')).toHaveCount(total);
});

test('a card title containing HTML is shown as text and never runs', async ({ context, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  const card = trello.board.cards.find((c) => c.shortLink === 'Logo0006')!;
  const chip = chipsOfCard(page, 'Logo0006');
  await chip.getByRole('button').click();
  const panel = chip.getByRole('dialog');
  await expect(panel.getByRole('heading')).toHaveText(card.name);
  await expect(panel.locator('img')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
});

test('the owner records a client deadline on the chip; buffer shows and survives a reload', async ({ context, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  const chip = chipsOfCard(page, 'Hero0001');
  await chip.getByRole('button').click();
  const told = (await chip.getAttribute('data-told-due'))!;
  const client = new Date(`${told}T00:00:00Z`);
  client.setUTCDate(client.getUTCDate() + 7);
  const clientDue = client.toISOString().slice(0, 10);
  await chip.getByLabel(/Client deadline/).fill(clientDue);
  await chip.getByRole('button', { name: 'Save' }).click();
  await expect(chip).toHaveAttribute('data-client-due', clientDue);
  // A week later is exactly five working days.
  await expect(chip.getByRole('button').first()).toHaveAttribute('aria-label', /5 working days of buffer/);
  // Ana's record gives a suggested told date before the client deadline, with the chance and the why.
  await expect(chip).toHaveAttribute('data-suggested-told', /^\d{4}-\d{2}-\d{2}$/);
  expect((await chip.getAttribute('data-suggested-told'))! < clientDue).toBe(true);
  await expect(chip.getByRole('button').first()).toHaveAttribute('aria-label', /\d+% chance of meeting the client deadline/);
  await expect(chip.getByRole('dialog')).toHaveCount(0);
  await chip.getByRole('button').first().click();
  await expect(chip.getByRole('dialog')).toContainText('Based on 7 past deliveries by Ana Ruiz');
  await page.reload();
  await expect(chipsOfCard(page, 'Hero0001')).toHaveAttribute('data-client-due', clientDue);
});
