import { IDBFactory } from 'fake-indexeddb';
import type { ObservationBatch, TaskObservation } from '@/utils/model/observation';

/** A fresh, empty in-memory IndexedDB for each test. */
export function freshIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

export function observation(overrides: Partial<TaskObservation> = {}): TaskObservation {
  return {
    key: 'trello:AbC123xy',
    site: 'trello',
    nativeId: 'AbC123xy',
    title: 'Homepage hero',
    url: 'https://trello.com/c/AbC123xy',
    board: 'Client Site Launch',
    list: 'In progress',
    assignees: [{ site: 'trello', handle: 'anaruiz', displayName: 'Ana Ruiz' }],
    due: '2026-03-05T17:00:00.000Z',
    done: false,
    source: 'json',
    ...overrides,
  };
}

export function batch(tasks: TaskObservation[], overrides: Partial<ObservationBatch> = {}): ObservationBatch {
  return {
    site: 'trello',
    pageUrl: 'https://trello.com/b/Brd12345/client-site',
    observedAt: '2026-03-01T10:00:00.000Z',
    tasks,
    facts: [],
    ...overrides,
  };
}
