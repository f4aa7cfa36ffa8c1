/**
 * Store benchmark (issue #5/#7): with 5,000 tasks, 50,000 events and 200 contractors, how long the
 * background takes to export, import and build the popup's overview. Runs in Node on fake-indexeddb, so
 * absolute times are indicative; each is also given as a ratio to JSON.stringify/parse of the same data,
 * measured in the same run.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { createHistoryService, type ServiceDeps } from '../utils/background/service';
import { openHistoryDb } from '../utils/store/db';
import { DEFAULT_SETTINGS } from '../utils/settings-schema';
import type { ForecastPrior } from '../utils/forecast';
import { generateHistory } from './history-generator';
import type { Row } from './row';


async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

export async function runStoreBench(): Promise<Row[]> {
  globalThis.indexedDB = new IDBFactory();
  const db = await openHistoryDb();
  let prior: ForecastPrior | null = null;
  const deps: Omit<ServiceDeps, 'db'> = {
    settings: async () => DEFAULT_SETTINGS,
    now: () => new Date('2026-11-28T12:00:00.000Z'),
    newId: () => 'x',
    onHistoryChanged: () => {},
    saveHealth: () => {},
    saveSettings: async () => {},
    ownerPrior: { get: async () => prior, set: async (p) => void (prior = p) },
    log: () => {},
  };
  const service = createHistoryService({ ...deps, db: async () => db });
  const file = generateHistory({ tasks: 5000, contractors: 200, eventsPerTask: 10, today: '2026-11-28' });
  const text = JSON.stringify(file);
  const [parseMs] = await time(() => JSON.parse(text));
  const [stringifyMs] = await time(() => JSON.stringify(file));

  const [importMs, imported] = await time(() => service.handle({ type: 'import-history', text }));
  if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported)}`);
  const [exportMs, exported] = await time(() => service.handle({ type: 'export-history' }));
  if (!exported.ok) throw new Error('export failed');
  const [overviewMs, overview] = await time(() => service.handle({ type: 'get-overview' }));
  if (!overview.ok) throw new Error('overview failed');
  db.close();

  // The same number of tasks among seven people, as on one big board: each person's history is 700 tasks long, and
  // work done per task over a person's whole history (it was, until the sixth session: 3.5 s) shows here.
  globalThis.indexedDB = new IDBFactory();
  const boardDb = await openHistoryDb();
  const boardService = createHistoryService({ ...deps, db: async () => boardDb });
  const boardText = JSON.stringify(generateHistory({ tasks: 5000, contractors: 7, eventsPerTask: 5, today: '2026-11-28', seed: 2 }));
  const [boardParseMs] = await time(() => JSON.parse(boardText));
  if (!(await boardService.handle({ type: 'import-history', text: boardText })).ok) throw new Error('board import failed');
  const [boardOverviewMs, boardOverview] = await time(() => boardService.handle({ type: 'get-overview' }));
  if (!boardOverview.ok) throw new Error('board overview failed');
  boardDb.close();

  const row = (name: string, ms: number, baselineMs: number, limit: number) => ({
    name,
    ms,
    baselineMs,
    ratio: ms / baselineMs,
    target: `< ${limit} ms`,
    pass: ms < limit,
  });
  return [
    row(`import ${file.tasks.length} tasks, ${file.events.length} events, ${file.contractors.length} people`, importMs, parseMs, 2000),
    row('export the whole store', exportMs, stringifyMs, 1000),
    row('overview for the popup (every task and contractor, forecasts included)', overviewMs, parseMs, 1500),
    row('overview, 5,000 tasks among 7 people (one big board’s history)', boardOverviewMs, boardParseMs, 1500),
  ];
}
