import { localDateOf } from '../../utils/model/dates';
import { boardUrl, chipsOfCard, expect, openPopup, test } from '../support/test';
import type { JsonMode } from '../support/fake-trello';

for (const mode of ['unauthorized', 'login-page', 'garbage'] satisfies JsonMode[]) {
  test.describe(`JSON endpoints answer ${mode}`, () => {
    test.use({ jsonMode: mode });

    test('the DOM fallback still gives the right chips, silently', async ({ context, trello }) => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(boardUrl(trello));
      await expect(page.locator('[data-leeway="task"]')).toHaveCount(trello.board.cards.length);
      for (const card of trello.board.cards.filter((c) => c.due && !c.dueTextOverride)) {
        await expect(chipsOfCard(page, card.shortLink)).toHaveAttribute('data-told-due', localDateOf(card.due!));
        await expect(chipsOfCard(page, card.shortLink)).toHaveAttribute('data-zone', card.dueComplete ? 'done' : /^(green|yellow|red)$/);
      }
      await expect(page.locator('[data-leeway="contractor"]')).toHaveCount(
        await page.locator('button[data-testid="card-front-member"]').count(),
      );
      expect(trello.apiRequests.length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    });
  });
}

test.describe('unreadable due text', () => {
  test.use({ jsonMode: 'unauthorized' });

  test('the chip says "due ?" and the popup flags it', async ({ context, extensionId, trello }) => {
    const page = await context.newPage();
    await page.goto(boardUrl(trello));
    const chip = chipsOfCard(page, 'Vid00009');
    await expect(chip).toHaveAttribute('data-zone', 'none');
    await expect(chip).not.toHaveAttribute('data-told-due', /.*/);
    await expect(chip.getByRole('button')).toHaveText('due ?');
    await expect(chip.getByRole('button')).toHaveAttribute('aria-label', /could not be read/);

    const popup = await openPopup(context, extensionId);
    const row = popup.locator('[data-task-key="trello:Vid00009"]');
    await popup.getByText(/No due date/).click();
    await expect(row.getByText('due date unreadable')).toBeVisible();
  });
});
