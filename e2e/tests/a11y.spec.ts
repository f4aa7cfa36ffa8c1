import { seriousViolations } from '../support/axe';
import { boardUrl, chipsOfCard, expect, openPopup, test } from '../support/test';

for (const scheme of ['light', 'dark'] as const) {
  test(`popup and options have no serious or critical accessibility violations (${scheme})`, async ({ context, extensionId, trello }) => {
    const page = await context.newPage();
    await page.goto(boardUrl(trello));
    await expect(chipsOfCard(page, 'Hero0001')).toHaveCount(1);

    const popup = await openPopup(context, extensionId);
    await popup.emulateMedia({ colorScheme: scheme });
    await expect(popup.locator('[data-zone-group="needs-you"]')).toBeVisible();
    await popup.getByText(/^Letting go/).click();
    await popup.getByText(/^Contractors/).click();
    expect(await seriousViolations(popup)).toEqual([]);

    await popup.locator('[data-task-key="trello:Chck0003"] button.title').click();
    await expect(popup.locator('[data-task-detail]')).toBeVisible();
    expect(await seriousViolations(popup)).toEqual([]);

    await popup.getByRole('button', { name: 'Chen Li' }).click();
    await expect(popup.locator('[data-contractor-page] table.history')).toBeVisible();
    expect(await seriousViolations(popup)).toEqual([]);

    const options = await context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('button', { name: 'Export history' })).toBeVisible();
    expect(await seriousViolations(options)).toEqual([]);
  });
}
