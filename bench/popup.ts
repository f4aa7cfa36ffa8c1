/**
 * Popup first content with 5,000 tasks stored (issue #5: under 150 ms), in Chromium with the built
 * extension. Baseline: the same popup over an empty history, measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { launchWithExtension } from '../e2e/support/extension';
import { generateHistory } from './history-generator';
import type { Row } from './row';


/**
 * Milliseconds from the popup's navigation start until it shows tasks (or says there are none), as the
 * popup itself marks it (`leeway:first-content`): the browser's clock, not the test driver's round trips.
 */
async function firstContent(context: BrowserContext, extensionId: string): Promise<number> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.locator('[data-zone-group], .all-good, .empty, .loading').first().waitFor();
  const ms = await page.evaluate(() => performance.getEntriesByName('leeway:first-content')[0]?.startTime ?? Number.NaN);
  await page.close();
  return Math.round(ms);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runPopupBench(): Promise<Row[]> {
  const profile = mkdtempSync(path.join(tmpdir(), 'leeway-bench-'));
  const { context, extensionId } = await launchWithExtension(profile);
  try {
    const empty: number[] = [];
    for (let i = 0; i < 5; i++) empty.push(await firstContent(context, extensionId));

    const file = generateHistory({ tasks: 5000, contractors: 200, eventsPerTask: 10, today: new Date().toISOString().slice(0, 10) });
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const imported = await options.evaluate(async (text) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } };
      return chrome.runtime.sendMessage({ type: 'import-history', text });
    }, JSON.stringify(file));
    if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported)}`);

    const full: number[] = [];
    for (let i = 0; i < 5; i++) full.push(await firstContent(context, extensionId));
    const ms = median(full);
    const baselineMs = median(empty);
    return [
      {
        name: `popup first content, 5,000 tasks (median of 5; first open ${full[0]} ms)`,
        ms,
        baselineMs,
        ratio: ms / baselineMs,
        target: '< 150 ms',
        pass: ms < 150,
      },
    ];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
