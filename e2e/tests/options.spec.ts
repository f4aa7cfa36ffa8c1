import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { settledExport } from '../support/background';
import { boardStored, boardUrl, expect, openPopup, test } from '../support/test';

async function exportFile(options: Page): Promise<string> {
  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export history' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^leeway-history-\d{4}-\d{2}-\d{2}\.json$/);
  return readFile((await file.path())!, 'utf8');
}

const withoutExportTime = (text: string) => ({ ...JSON.parse(text), exportedAt: null });

test('export, erase, import: a lossless round trip through the options page', async ({ context, extensionId, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  await boardStored(page, trello.board.cards.length);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // The board's later parts and the zones the alerts log after them are in before the picture is taken.
  await settledExport(options);
  const exported = await exportFile(options);
  const parsed = JSON.parse(exported);
  expect(parsed).toMatchObject({ format: 'leeway-export', version: 1 });
  expect(parsed.tasks).toHaveLength(trello.board.cards.length);

  options.once('dialog', (dialog) => void dialog.accept());
  await options.getByRole('button', { name: 'Erase everything' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'erased' })).toBeVisible();
  const emptyPopup = await openPopup(context, extensionId);
  await expect(emptyPopup.getByRole('heading', { name: 'Nothing tracked yet' })).toBeVisible();

  await options.getByLabel('History file to import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(options.locator('[data-import-message="ok"]')).toContainText(`Imported “backup.json”: ${trello.board.cards.length} tasks`);
  expect(withoutExportTime(await exportFile(options))).toEqual(withoutExportTime(exported));

  // The same file again adds nothing.
  await options.getByLabel('History file to import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(options.locator('[data-import-message="ok"]')).toContainText('(0 new)');
});

test('a refused file shows its message on the page and changes nothing', async ({ context, extensionId, trello }) => {
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  await boardStored(page, trello.board.cards.length);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // The picture to compare with is taken once the history has stopped changing: the board's later parts and the
  // zone changes the alerts log after them may still be landing.
  await settledExport(options);
  const before = await exportFile(options);

  const input = options.getByLabel('History file to import');
  await input.setInputFiles({ name: 'half.json', mimeType: 'application/json', buffer: Buffer.from(before.slice(0, 500)) });
  await expect(options.getByRole('alert')).toContainText('“half.json” was not imported. This file is not valid JSON; it may be truncated');
  await input.setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(before.replace('"version": 1', '"version": 7')) });
  await expect(options.getByRole('alert')).toContainText('newer Leeway (export version 7)');
  await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"boards":[]}') });
  await expect(options.getByRole('alert')).toContainText('not a Leeway export');
  expect(withoutExportTime(await exportFile(options))).toEqual(withoutExportTime(before));
});

test('settings are saved and validated', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Review margin').fill('3');
  await options.getByLabel('Review margin').blur();
  await options.getByLabel('Saturday').check();
  await expect(options.getByRole('status').first()).toHaveText('Saved.');
  await options.reload();
  await expect(options.getByLabel('Review margin')).toHaveValue('3');
  await expect(options.getByLabel('Saturday')).toBeChecked();
  await expect(options.getByLabel('Normal tasks')).toHaveValue('85');
});
