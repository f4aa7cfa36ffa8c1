/**
 * What Leeway adds to a big board page's JS heap, by kind of object: `npx tsx bench/heap-board.ts [cards] [ms,ms…]`
 * (default 5000 cards, after 4,000 and 15,000 ms; with `--reload`, after a reload 20 s after the first visit). The
 * Trello board is loaded without the extension and then with it (a fresh profile: a first visit); at each moment a
 * heap snapshot is taken after a forced GC, its objects are summed by type and constructor, and the differences are
 * printed, largest first, next to `JSHeapUsedSize` (what the bench counts). Content scripts share the page's V8
 * isolate, so their objects are in the page's snapshot.
 *
 * A diagnostic, not a benchmark: no targets. Nothing here waits with Playwright selectors: its selector engine walks
 * every element in a world of its own, and the wrappers it leaves would be counted as Leeway's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM, installSettled, launchWithExtension, todayIso } from '../e2e/support/extension';
import { serveTrello } from '../e2e/support/fake-trello';
import { generateBoardModel } from '../test/fixtures/trello/generate-board';
import { heapUsed } from './board';

type Totals = Map<string, { count: number; bytes: number }>;

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const cards = Number(args[0] ?? 5000);
const moments = (args[1] ?? '4000,15000').split(',').map(Number);
/** `--reload`: the moments are counted from a reload, 20 s after the first visit (everything known and settled). */
const reload = process.argv.includes('--reload');
const board = generateBoardModel({ cards, seed: 3, today: todayIso() });
const url = `https://trello.com/b/${board.shortLink}/${board.slug}`;

/** Strings grouped by what they look like (their text is not a constructor name). */
function stringKind(text: string): string {
  if (/^[a-z]+:[A-Za-z0-9]+$/.test(text)) return 'site:id';
  if (text.startsWith('https://')) return 'URL';
  if (/^\d{4}-\d\d-\d\d/.test(text)) return 'date';
  return text.length < 16 ? 'under 16 chars' : text.length < 64 ? '16–63 chars' : text.length < 256 ? '64–255 chars' : '256+ chars';
}

async function heapByKind(page: Page): Promise<{ usedMb: number; totals: Totals }> {
  const used = await heapUsed(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const types = snapshot.snapshot.meta.node_types[0];
  const totals: Totals = new Map();
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]!]!;
    const name = snapshot.strings[snapshot.nodes[i + nameAt]!]!;
    const kind = /string/.test(type) ? `${type}: ${stringKind(name)}` : type === 'code' ? 'code' : `${type}: ${name.slice(0, 60)}`;
    const total = totals.get(kind) ?? { count: 0, bytes: 0 };
    total.count++;
    total.bytes += snapshot.nodes[i + sizeAt]!;
    totals.set(kind, total);
  }
  return { usedMb: used / 1048576, totals };
}

async function measure(context: BrowserContext): Promise<{ usedMb: number; totals: Totals }[]> {
  await serveTrello(context, board);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  if (reload) {
    await page.waitForTimeout(20_000);
    await page.reload({ waitUntil: 'domcontentloaded' });
  }
  const out = [];
  let waited = 0;
  for (const at of moments) {
    await page.waitForTimeout(at - waited);
    waited = at;
    out.push(await heapByKind(page));
  }
  return out;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
const without = await measure(await browser.newContext({ viewport: { width: 1280, height: 800 } }));
await browser.close();
const profile = mkdtempSync(path.join(tmpdir(), 'leeway-heap-board-'));
const { context, serviceWorker } = await launchWithExtension(profile);
await installSettled(serviceWorker);
const withLeeway = await measure(context);
await context.close();
rmSync(profile, { recursive: true, force: true });

moments.forEach((at, i) => {
  const [bare, leeway] = [without[i]!, withLeeway[i]!];
  console.log(`\n${cards.toLocaleString('en-US')} cards, ${at} ms after ${reload ? 'the reload' : 'navigation'}: JSHeapUsedSize ${leeway.usedMb.toFixed(2)} MB with Leeway, ${bare.usedMb.toFixed(2)} MB without (+${(leeway.usedMb - bare.usedMb).toFixed(2)} MB)`);
  const rows = [...new Set([...bare.totals.keys(), ...leeway.totals.keys()])].map((kind) => {
    const a = bare.totals.get(kind) ?? { count: 0, bytes: 0 };
    const b = leeway.totals.get(kind) ?? { count: 0, bytes: 0 };
    return { kind, count: b.count - a.count, bytes: b.bytes - a.bytes };
  });
  rows.sort((x, y) => y.bytes - x.bytes);
  for (const row of rows.slice(0, 25)) console.log(`${(row.bytes / 1024).toFixed(0).padStart(7)} KB ${String(row.count).padStart(8)}  ${row.kind}`);
});
