import { dayOffset } from '../support/demo-board';
import { todayIso } from '../support/extension';
import { boardUrl, chipsOfCard, expect, openPopup, test } from '../support/test';

const inDays = (n: number) => dayOffset(todayIso(), n).slice(0, 10);

test('track any page by hand from the popup, then mark it delivered', async ({ launched, trello }) => {
  const { context, extensionId, serviceWorker } = launched;
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  await expect(chipsOfCard(page, 'Hero0001')).toHaveCount(1);

  // What the context menu leaves for the popup form.
  await serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } };
    await chrome.storage.session.set({ trackDraft: { title: 'Translate the brochure', url: 'https://docs.example.com/d/42' } });
  });
  const popup = await openPopup(context, extensionId);
  const form = popup.getByRole('form', { name: 'Track this page' });
  await expect(form.getByLabel('Task')).toHaveValue('Translate the brochure');
  await form.getByLabel('Who does it').selectOption({ label: 'Ana Ruiz' });
  await form.getByLabel('Told due').fill(inDays(7));
  await form.getByLabel('Client deadline').fill(inDays(5));
  await form.getByRole('button', { name: 'Track' }).click();
  await expect(form.getByRole('alert')).toContainText('client deadline is before the told date');
  // Two weeks of buffer after a week's work by Ana, who is reliable: on track.
  await form.getByLabel('Client deadline').fill(inDays(21));
  await form.getByRole('button', { name: 'Track' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Tracking' })).toHaveText('Tracking “Translate the brochure”.');

  const row = popup.locator('li.task', { hasText: 'Translate the brochure' });
  await expect(row).toHaveAttribute('data-zone', 'green');
  await expect(row).toContainText('Ana Ruiz');
  await popup.getByText(/^Letting go/).click();
  await row.locator('button.title').click();
  await popup.getByRole('button', { name: 'Mark delivered' }).click();
  await popup.getByRole('button', { name: '← All tasks' }).click();
  await expect(popup.locator('[data-zone-group="done"] li.task', { hasText: 'Translate the brochure' })).toHaveCount(1);
});

test('one person on two sites: the popup suggests linking and can undo it', async ({ context, extensionId, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  await expect(chipsOfCard(page, 'Hero0001')).toHaveCount(1);
  // Ana is also tracked by hand under her name, as a person Leeway did not know on any site.
  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: 'Track this page' }).click();
  const form = popup.getByRole('form', { name: 'Track this page' });
  await form.getByLabel('Task').fill('Invoice check');
  await form.getByLabel('Who does it').selectOption({ label: 'Someone new…' });
  await form.getByLabel('Their name').fill('ana ruiz');
  await form.getByRole('button', { name: 'Track' }).click();

  await popup.getByText(/^Contractors/).click();
  const suggestion = popup.locator('[data-link-suggestion]');
  await expect(suggestion).toContainText('look like one person');
  await suggestion.getByRole('button', { name: 'Link' }).click();
  const ana = popup.locator('li.person', { hasText: 'Trello: Ana Ruiz' });
  await expect(ana).toContainText('Leeway: ana ruiz');
  await expect(popup.locator('[data-link-suggestion]')).toHaveCount(0);
  await ana.getByRole('button', { name: /Unlink ana ruiz/ }).click();
  await expect(popup.locator('[data-link-suggestion]')).toHaveCount(1);
});
