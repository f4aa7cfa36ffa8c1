/** Talking to the extension's background from an extension page in the tests, the way the options page does. */
import type { Page } from '@playwright/test';

export interface ExportedFile {
  tasks: { key: string }[];
  events: { id: string; taskKey: string; type: string; oldValue: string | null; newValue: string | null; contractorId: string | null }[];
  contractors: { id: string }[];
}

export interface Reply {
  ok: boolean;
  json?: string;
  error?: string;
}
type Send = (message: unknown) => Promise<Reply>;

/** Sends a message to the background from an extension page, the way the options page does. */
export async function send(page: Page, message: unknown): Promise<Reply> {
  return page.evaluate(async (m) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage: Send } } };
    // A worker stopped before it answered leaves the reply empty.
    return (await chrome.runtime.sendMessage(m)) ?? { ok: false, error: 'no answer: the worker stopped' };
  }, message);
}

export async function exported(page: Page): Promise<ExportedFile> {
  // The worker may be waking up after being stopped: a few tries.
  for (let i = 0; ; i++) {
    const reply = await send(page, { type: 'export-history' }).catch((e: Error): Reply => ({ ok: false, error: e.message }));
    if (reply.ok && reply.json) return JSON.parse(reply.json) as ExportedFile;
    if (i >= 20) throw new Error(`export failed: ${reply.error}`);
    await page.waitForTimeout(250);
  }
}

/**
 * The background's history once it has stopped changing: two exports `apartMs` apart that are the same. After a
 * write the alerts wait for the history to be quiet (300 ms) and then log zone changes, so two reads closer together
 * can both come before those land.
 */
export async function settledExport(page: Page, apartMs = 1_500): Promise<ExportedFile> {
  const comparable = (file: ExportedFile) => JSON.stringify({ ...file, exportedAt: null });
  let last = await exported(page);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(apartMs);
    const now = await exported(page);
    if (comparable(now) === comparable(last)) return now;
    last = now;
  }
  throw new Error('the history never settled');
}
