/**
 * `npm run demo`: opens Chromium with the built extension on a bundled demo Trello board (served for
 * https://trello.com so the real content-script matches apply), with months of delivery history.
 *
 *   npm run demo                                   a window you can click around in (close it to stop)
 *   npm run demo -- --headless --screenshot docs   no window: writes board.png, chip.png, popup.png, options.png
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { demoBoard } from './support/demo-board';
import { launchWithExtension, todayIso } from './support/extension';
import { serveTrello } from './support/fake-trello';
import { boardPath, demoProject, serveAsana } from './support/fake-asana';
import { milestonesUrl, serveUpwork } from './support/fake-upwork';
import { demoHistory } from './support/demo-history';
import { sampleContracts } from '../test/fixtures/upwork/generate-contract';

const { values } = parseArgs({
  options: { headless: { type: 'boolean', default: false }, screenshot: { type: 'string' } },
  allowPositionals: false,
});

let headless = values.headless;
let screenshotDir = values.screenshot;
if (!headless && !process.env.DISPLAY && process.platform === 'linux') {
  headless = true;
  screenshotDir ??= '.output/demo';
  console.log('No display found: running headless and writing screenshots instead.');
}

const profile = mkdtempSync(path.join(tmpdir(), 'leeway-demo-'));
const { context, extensionId } = await launchWithExtension(profile, { headless });
const today = todayIso();
const board = demoBoard(today);
const project = demoProject(today);
const contracts = sampleContracts(today);
await serveTrello(context, board);
await serveAsana(context, project);
await serveUpwork(context, contracts);

// A year of history for six contractors across the three sites, imported like any export file.
const seed = context.pages()[0] ?? (await context.newPage());
await seed.goto(`chrome-extension://${extensionId}/options.html`);
const imported = await seed.evaluate(async (text) => {
  const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } };
  return chrome.runtime.sendMessage({ type: 'import-history', text });
}, JSON.stringify(demoHistory(today)));
if (!imported.ok) throw new Error(`Could not seed the demo history: ${imported.error}`);

// Upwork and Asana first, so the board is the tab in front.
const upwork = await context.newPage();
await upwork.goto(milestonesUrl(contracts[0]!));
const asana = await context.newPage();
await asana.goto(boardPath(project));
const page = seed;
await page.goto(`https://trello.com/b/${board.shortLink}/${board.slug}`);
await page.locator('[data-leeway="task"]').nth(board.cards.length - 1).waitFor();

// The owner has recorded the client's deadline for the homepage hero: a week after the told date.
const hero = page.locator('li[data-testid="list-card"]:has(a[href^="/c/Hero0001/"]) [data-leeway="task"]');
const told = await hero.getAttribute('data-told-due');
if (told) {
  const client = new Date(`${told}T00:00:00Z`);
  client.setUTCDate(client.getUTCDate() + 7);
  await hero.getByRole('button').click();
  await hero.getByLabel(/Client deadline/).fill(client.toISOString().slice(0, 10));
  await hero.getByRole('button', { name: 'Save' }).click();
  await hero.locator('xpath=.').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-task-key="trello:Hero0001"]')?.hasAttribute('data-client-due'));
}

if (screenshotDir) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, 'board.png') });
  await asana.bringToFront();
  await asana.locator('[data-leeway="task"]').first().waitFor();
  await asana.screenshot({ path: path.join(screenshotDir, 'asana.png') });
  await upwork.bringToFront();
  await upwork.locator('[data-leeway="task"]').first().waitFor();
  await upwork.screenshot({ path: path.join(screenshotDir, 'upwork.png') });
  await page.bringToFront();
  await hero.getByRole('button').first().click();
  await hero.getByRole('dialog').waitFor();
  const box = await hero.boundingBox();
  await page.screenshot({
    path: path.join(screenshotDir, 'chip.png'),
    clip: box ? { x: Math.max(0, box.x - 280), y: Math.max(0, box.y - 140), width: 620, height: 420 } : undefined,
  });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('[data-task-key]').first().waitFor();
  await popup.screenshot({ path: path.join(screenshotDir, 'popup.png'), fullPage: true });
  await popup.locator('[data-task-key="trello:Chck0003"] button.title').click();
  await popup.locator('[data-task-detail]').waitFor();
  await popup.screenshot({ path: path.join(screenshotDir, 'popup-task.png'), fullPage: true });
  await popup.getByRole('button', { name: 'Chen Li' }).click();
  await popup.locator('[data-contractor-page] table.history').waitFor();
  await popup.screenshot({ path: path.join(screenshotDir, 'popup-contractor.png'), fullPage: true });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.getByRole('button', { name: '← All tasks' }).click();
  await popup.screenshot({ path: path.join(screenshotDir, 'popup-dark.png'), fullPage: true });
  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 1300 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Export history' }).waitFor();
  await options.screenshot({ path: path.join(screenshotDir, 'options.png'), fullPage: true });
  console.log(`Screenshots written to ${path.resolve(screenshotDir)}: board.png, chip.png, popup*.png, options.png`);
}

if (headless) {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
} else {
  console.log('Leeway demo is open. Click a chip to record a client deadline; open the Leeway toolbar button for the popup.');
  console.log(`Popup as a page: chrome-extension://${extensionId}/popup.html — close the window to stop.`);
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  rmSync(profile, { recursive: true, force: true });
}
