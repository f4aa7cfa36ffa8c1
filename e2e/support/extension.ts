/** Launches Debian's Chromium with the built extension loaded, the way the E2E tests and the demo need it. */
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

export async function launchWithExtension(userDataDir: string, options: { headless?: boolean } = {}): Promise<LaunchedExtension> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--no-first-run',
      // No network here: without these Chromium floods the log with refused background connections.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
}

/**
 * Resolves once the extension has done its install-time work: the date kit it makes for pages (see
 * `utils/overlay/date-kit.ts`, 10–40 ms of the worker's time, once). An owner opens a board some time after installing;
 * the benchmarks' first visits wait for it too, so that it does not run alongside the page they measure.
 */
export async function installSettled(serviceWorker: Worker, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await storedDateKit(serviceWorker)) return;
    if (Date.now() > until) throw new Error(`the extension stored no date kit within ${timeoutMs} ms of starting`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type LocalStorage = { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } } };

/** The date kit the background stored (see `utils/overlay/date-kit.ts`), as the worker reads it; undefined if none. */
export function storedDateKit(serviceWorker: Worker): Promise<unknown> {
  return serviceWorker.evaluate(async () => (await (globalThis as unknown as { chrome: LocalStorage }).chrome.storage.local.get('dateKit')).dateKit);
}

/** Stores a date kit as the background would. */
export function storeDateKit(serviceWorker: Worker, kit: unknown): Promise<void> {
  return serviceWorker.evaluate((k) => (globalThis as unknown as { chrome: LocalStorage }).chrome.storage.local.set({ dateKit: k }), kit);
}

export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
