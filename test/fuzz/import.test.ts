/**
 * Import fuzzing (issue #7): whatever file the owner picks, the background answers `{ ok: false, error }`
 * in words (never a stack trace or a thrown error) and the store is left exactly as it was. Seeded, so
 * a failing case can be replayed from its seed.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHistoryService, STORAGE_FULL } from '@/utils/background/service';
import { openHistoryDb, type HistoryDb } from '@/utils/store/db';
import { CHUNK_SIZE } from '@/utils/store/bulk';
import { generateHistory } from '../../bench/history-generator';
import { batch, freshIndexedDb, observation } from '../store/helpers';
import { testDeps } from '../background/deps';
import { seeded, type Rng } from './rng';

let db: HistoryDb;
const service = () => createHistoryService(testDeps({ db: async () => db }));

async function dump() {
  const tx = db.transaction(['contractors', 'tasks', 'events']);
  const [contractors, tasks, events] = await Promise.all([
    tx.objectStore('contractors').getAll(),
    tx.objectStore('tasks').getAll(),
    tx.objectStore('events').getAll(),
  ]);
  return { contractors, tasks, events };
}

async function importText(text: string) {
  return service().handle({ type: 'import-history', text });
}

/** Asserts a clear refusal: ok false, a sentence about the file, no stack trace, store untouched. */
async function expectRejected(text: string, pattern: RegExp = /./) {
  const before = await dump();
  const reply = await importText(text);
  expect(reply.ok).toBe(false);
  if (reply.ok) return;
  expect(reply.error).toMatch(pattern);
  expect(reply.error).not.toMatch(/\bat .+:\d+:\d+|TypeError|undefined is not/);
  expect(await dump()).toEqual(before);
}

const small = () => generateHistory({ tasks: 12, contractors: 4, eventsPerTask: 4, today: '2026-03-03', seed: 5 });

beforeEach(async () => {
  freshIndexedDb();
  db = await openHistoryDb();
  // Something already in the store, so "unchanged" means more than "still empty".
  await service().handle({ type: 'observe', batch: batch([observation()]) });
});

describe('import fuzzing: the file is refused in words, the store is unchanged', () => {
  it('refuses text that is not JSON, truncated files and empty files', async () => {
    const text = JSON.stringify(small());
    await expectRejected('', /not valid JSON/);
    await expectRejected('not json at all', /not valid JSON/);
    await expectRejected(text.slice(0, Math.floor(text.length / 2)), /not valid JSON.*truncated/);
    await expectRejected('\u0000\u0001\u0002', /not valid JSON/);
  });

  it('refuses JSON that is not a Leeway export, and exports of another format or version', async () => {
    const file = small();
    for (const text of ['null', '42', '"leeway-export"', '[]', '[{"format":"leeway-export"}]', 'true']) {
      await expectRejected(text, /not a Leeway export/);
    }
    await expectRejected(JSON.stringify({ ...file, format: 'trello-export' }), /not a Leeway export.*trello-export/);
    await expectRejected(JSON.stringify({ ...file, format: undefined }), /format is missing/);
    await expectRejected(JSON.stringify({ ...file, version: 2 }), /newer Leeway/);
    await expectRejected(JSON.stringify({ ...file, version: 1e308 }), /newer Leeway/);
    await expectRejected(JSON.stringify({ ...file, version: 0 }), /damaged: version/);
    await expectRejected(JSON.stringify({ ...file, version: '1' }), /damaged: version/);
  });

  it('refuses missing fields, wrong types and huge numbers, naming where', async () => {
    const file = small();
    const { tasks: _tasks, ...noTasks } = file;
    await expectRejected(JSON.stringify(noTasks), /damaged: tasks/);
    await expectRejected(JSON.stringify({ ...file, events: {} }), /damaged: events/);
    const task0 = file.tasks[0]!;
    await expectRejected(JSON.stringify({ ...file, tasks: [{ ...task0, title: undefined }, ...file.tasks.slice(1)] }), /damaged: tasks\.0\.title/);
    await expectRejected(JSON.stringify({ ...file, tasks: [{ ...task0, done: 1e309 }] }), /damaged: tasks\.0\.done/);
    await expectRejected(JSON.stringify({ ...file, tasks: [{ ...task0, toldDue: 9007199254740993 }] }), /damaged: tasks\.0\.toldDue/);
    await expectRejected(JSON.stringify({ ...file, tasks: [{ ...task0, assignees: ['nobody:here'] }] }), /no contractor "nobody:here"/);
    await expectRejected(JSON.stringify({ ...file, exportedAt: '+275760-09-13T00:00:00.000Z' }), /damaged: exportedAt/);
    await expectRejected(JSON.stringify({ ...file, events: [{ ...file.events[0]!, at: 1e21 }] }), /damaged: events\.0\.at/);
    await expectRejected(JSON.stringify({ ...file, events: [{ ...file.events[0]!, type: 'deleted-everything' }] }), /damaged: events\.0\.type/);
  });

  it('never lets `__proto__` or `constructor` keys reach an object prototype or the store', async () => {
    const file = small();
    const text = JSON.stringify(file)
      .replace('{"format"', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"format"')
      .replace('"title":', '"__proto__":{"polluted":true},"title":');
    const reply = await importText(text);
    expect(reply.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const after = await dump();
    for (const record of [...after.tasks, ...after.contractors, ...after.events]) {
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      expect((record as unknown as Record<string, unknown>).polluted).toBeUndefined();
    }
    // A `__proto__` where the file needs data is damage, like anything else.
    await expectRejected(JSON.stringify(file).replace('"contractors":', '"contractors":{"__proto__":[]},"ignored":'), /damaged: contractors/);
  });

  it('refuses a 50 MB file in words, without writing', async () => {
    const file = small();
    const text = JSON.stringify({ ...file, tasks: [{ ...file.tasks[0]!, title: 'x'.repeat(50 * 1024 * 1024) }] });
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
    await expectRejected(text, /damaged: tasks\.0\.title/);
  });

  it('survives 300 seeded random mutations of a valid export', async () => {
    const base = JSON.stringify(small());
    let refused = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rng = seeded(seed);
      const text = mutate(base, rng);
      const before = await dump();
      const reply = await importText(text);
      if (reply.ok) continue; // a harmless mutation (e.g. a changed title) is a valid file
      refused++;
      expect(reply.error, `seed ${seed}`).toMatch(/^This (file|is not|Leeway export|file comes)/);
      expect(await dump(), `seed ${seed}`).toEqual(before);
    }
    expect(refused).toBeGreaterThan(150);
  });
});

describe('storage full', () => {
  /**
   * Makes the `nth` write (`add` or `put`) on the events store fail the way a full disk does: the request errors,
   * the transaction aborts. (Events of tasks new to the store are put, the others added.)
   */
  function failEventWrite(nth: number) {
    // fake-indexeddb/auto installs its object store class as the global IDBObjectStore.
    const proto = globalThis.IDBObjectStore.prototype;
    let calls = 0;
    const failing = (method: 'add' | 'put') => {
      const original = proto[method];
      return vi.spyOn(proto, method).mockImplementation(function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
        if (this.name === 'events' && ++calls === nth) {
          const tx = this.transaction as unknown as { _execRequestAsync(r: { operation: () => never; source: unknown }): ReturnType<typeof original> };
          return tx._execRequestAsync({
            source: this,
            operation: () => {
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            },
          });
        }
        return original.apply(this, args);
      });
    };
    const spies = [failing('add'), failing('put')];
    return { mockRestore: () => spies.forEach((spy) => spy.mockRestore()) };
  }

  it('an import that fills the disk mid-way says so plainly and writes nothing', async () => {
    const before = await dump();
    const spy = failEventWrite(20);
    const reply = await importText(JSON.stringify(small()));
    spy.mockRestore();
    expect(reply).toEqual({ ok: false, error: STORAGE_FULL });
    expect(STORAGE_FULL).toMatch(/storage .*is full/i);
    expect(await dump()).toEqual(before);
  });

  it('an import bigger than one write chunk that fills the disk in a later chunk writes nothing', async () => {
    const file = generateHistory({ tasks: 300, contractors: 10, eventsPerTask: 10, today: '2026-03-03', seed: 7 });
    expect(file.events.length).toBeGreaterThan(CHUNK_SIZE + 1);
    const before = await dump();
    const spy = failEventWrite(CHUNK_SIZE + 1);
    const reply = await importText(JSON.stringify(file));
    spy.mockRestore();
    expect(reply).toEqual({ ok: false, error: STORAGE_FULL });
    expect(await dump()).toEqual(before);
  });

  it('an observation batch that fills the disk mid-way writes nothing either', async () => {
    const before = await dump();
    const spy = failEventWrite(2);
    const ana = { site: 'trello' as const, handle: 'anaruiz', displayName: 'Ana Ruiz' };
    const reply = await service().handle({
      type: 'observe',
      batch: batch([
        observation({ key: 'trello:Q0000001', nativeId: 'Q0000001', assignees: [ana] }),
        observation({ key: 'trello:Q0000002', nativeId: 'Q0000002', assignees: [ana], done: true, completedAt: '2026-03-01T09:00:00.000Z' }),
      ]),
    });
    spy.mockRestore();
    expect(reply).toEqual({ ok: false, error: STORAGE_FULL });
    expect(await dump()).toEqual(before);
  });
});

/** One to three random edits of the file's text: truncations, deleted or duplicated spans, swapped characters, type flips. */
function mutate(text: string, rng: Rng): string {
  let out = text;
  const edits = 1 + rng.int(3);
  for (let i = 0; i < edits; i++) {
    const at = rng.int(out.length);
    switch (rng.int(7)) {
      case 0:
        out = out.slice(0, at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at + 1 + rng.int(40));
        break;
      case 2:
        out = out.slice(0, at) + rng.pick(['{', '}', '[', ']', ',', ':', '"', '\\', 'null', '-1e999', '"__proto__"']) + out.slice(at);
        break;
      case 3:
        out = out.replace(/"(done|approximate)":(true|false)/, '"$1":"yes"');
        break;
      case 4:
        out = out.replace(/"at":"[^"]*"/, `"at":"${rng.pick(['yesterday', '2026-13-45T00:00:00Z', '', '1e400'])}"`);
        break;
      case 5:
        out = out.replace(/"(site|type|source)":"[^"]*"/, '"$1":"myspace"');
        break;
      default: {
        const span = out.slice(at, at + 1 + rng.int(80));
        out = out.slice(0, at) + span + span + out.slice(at);
      }
    }
  }
  return out;
}
