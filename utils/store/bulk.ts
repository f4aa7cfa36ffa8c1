import { unwrap, type IDBPObjectStore, type StoreNames, type StoreValue } from 'idb';
import { queueAll } from './apply-batch';
import type { LeewayDB } from './schema';

/**
 * Reading and writing thousands of records in one transaction (an import).
 *
 * Requests go out a chunk at a time. fake-indexeddb (the unit tests, `bench/store.ts`) drains a
 * transaction's queue with `Array.prototype.shift`, which V8 does in constant time only while the array
 * is small: past roughly 10,000 pending requests every shift copies the whole queue, and 50,000 event
 * adds queued at once took seconds. A browser pays one extra round trip per chunk. The transaction stays
 * active between chunks: the next one is queued from the previous one's success callback, never after an
 * await on anything but this transaction's own requests.
 */
export const CHUNK_SIZE = 2000;

type Names = StoreNames<LeewayDB>;
type Store<S extends Names, Tx extends ArrayLike<Names>> = IDBPObjectStore<LeewayDB, Tx, S, 'readwrite'>;

/** `queueAll`, a chunk at a time. */
export async function queueInChunks<T, R>(items: readonly T[], request: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += CHUNK_SIZE) {
    for (const r of await queueAll(items.slice(start, start + CHUNK_SIZE), request)) results.push(r);
  }
  return results;
}

/**
 * The stored value for each key, in order (undefined where there is none). A store no bigger than the
 * list of keys (an import into a new or small history) is read whole in one request; a bigger one key by
 * key, so a small file does not read a large history.
 */
export async function getEach<S extends Names, Tx extends ArrayLike<Names>>(
  store: Store<S, Tx>,
  keys: readonly string[],
): Promise<(StoreValue<LeewayDB, S> | undefined)[]> {
  if ((await store.count()) > keys.length) return queueInChunks(keys, (key) => store.get(key));
  // Both lists come in key order, so they pair up.
  const [storedKeys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
  const byKey = new Map(storedKeys.map((key, i) => [String(key), values[i]]));
  return keys.map((key) => byKey.get(key));
}

/**
 * Adds or puts every value, without idb's promise per request (a quarter of the time of each write on
 * fake-indexeddb): only the last request of each chunk is awaited, since a transaction's requests
 * complete in order. A failed request aborts the transaction, so every later one fails too; the error
 * reported is the first one (the transaction's), e.g. a QuotaExceededError that the owner is told about.
 */
export async function writeAll<S extends Names, Tx extends ArrayLike<Names>>(
  store: Store<S, Tx>,
  method: 'add' | 'put',
  values: readonly StoreValue<LeewayDB, S>[],
): Promise<void> {
  const raw = unwrap(store);
  for (let start = 0; start < values.length; start += CHUNK_SIZE) {
    let last: IDBRequest | undefined;
    for (const value of values.slice(start, start + CHUNK_SIZE)) last = method === 'add' ? raw.add(value) : raw.put(value);
    if (last) await settled(last);
  }
}

function settled(request: IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve(), { once: true });
    const failed = () => request.transaction?.error ?? request.error ?? new DOMException('A write failed.', 'AbortError');
    request.addEventListener('error', () => reject(failed()), { once: true });
  });
}
