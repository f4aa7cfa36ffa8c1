import { describe, expect, it } from 'vitest';
import { createWriteQueue, PageLeft } from '@/utils/background/write-queue';
import type { HistoryFact, ObservationBatch } from '@/utils/model/observation';
import { batch, observation } from '../store/helpers';

const task = (id: string) => observation({ key: `trello:${id}`, nativeId: id });
const fact = (id: string): HistoryFact => ({ taskKey: `trello:${id}`, factId: `f-${id}`, kind: 'created', at: '2026-03-01T09:00:00.000Z' });
const part = (...ids: string[]): ObservationBatch => batch(ids.map(task), { facts: ids.map(fact) });

/** A writer that records each batch it is given and finishes it only when told to (`finishNext`). */
function gatedWriter(fail: (b: ObservationBatch) => boolean = () => false) {
  const written: { tasks: string[]; facts: string[] }[] = [];
  const gates: (() => void)[] = [];
  let open = 0;
  let mostAtOnce = 0;
  const write = async (b: ObservationBatch) => {
    written.push({ tasks: b.tasks.map((t) => t.key), facts: b.facts.map((f) => f.factId) });
    mostAtOnce = Math.max(mostAtOnce, ++open);
    await new Promise<void>((resolve) => gates.push(resolve));
    open--;
    if (fail(b)) throw new Error('QuotaExceededError');
  };
  const finishNext = async () => {
    await expectSoon(() => gates.length > 0);
    gates.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  /** Waits until the queue has begun writing its first batch (it starts in the task after the first `add`). */
  const firstStarted = () => expectSoon(() => written.length > 0);
  return { write, written, finishNext, firstStarted, mostAtOnce: () => mostAtOnce };
}

/** What became of a batch: written, dropped because its page was left, or the error. */
const outcome = (p: Promise<void>) => p.then(() => 'written', (error: unknown) => (error instanceof PageLeft ? 'page left' : String(error)));

async function expectSoon(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(condition()).toBe(true);
}

describe('createWriteQueue', () => {
  it('writes batches one at a time, in the order they came', async () => {
    const writer = gatedWriter();
    const queue = createWriteQueue(writer.write);
    const settled: string[] = [];
    const a = queue.add(part('a1', 'a2')).then(() => settled.push('a'));
    const b = queue.add(part('b1')).then(() => settled.push('b'));
    await writer.finishNext();
    expect(settled).toEqual(['a']);
    await writer.finishNext();
    await Promise.all([a, b]);
    expect(settled).toEqual(['a', 'b']);
    expect(writer.written.map((w) => w.tasks)).toEqual([['trello:a1', 'trello:a2'], ['trello:b1']]);
    expect(writer.mostAtOnce()).toBe(1);
  });

  it('writes the waiting tasks a page asks about next, with their facts, and settles the batch once all of it is written', async () => {
    const writer = gatedWriter();
    const queue = createWriteQueue(writer.write);
    let firstDone = false;
    let restDone = false;
    void queue.add(part('x1')).then(() => (firstDone = true));
    void queue.add(part('r1', 'r2', 'r3')).then(() => (restDone = true));
    void queue.add(part('s1', 's2')).then(() => {});
    await writer.firstStarted();
    // x1 is being written; r2 and s2 wait behind it.
    let broughtForward = false;
    const asked = queue.bringForward(['trello:s2', 'trello:r2', 'trello:x1', 'trello:unknown']).then(() => (broughtForward = true));
    await writer.finishNext(); // x1
    expect(firstDone).toBe(true);
    expect(broughtForward).toBe(false);
    await writer.finishNext(); // r2
    await writer.finishNext(); // s2
    await asked;
    expect(restDone).toBe(false);
    await writer.finishNext(); // r1, r3
    expect(restDone).toBe(true);
    await writer.finishNext(); // s1
    expect(writer.written).toEqual([
      { tasks: ['trello:x1'], facts: ['f-x1'] },
      { tasks: ['trello:r2'], facts: ['f-r2'] },
      { tasks: ['trello:s2'], facts: ['f-s2'] },
      { tasks: ['trello:r1', 'trello:r3'], facts: ['f-r1', 'f-r3'] },
      { tasks: ['trello:s1'], facts: ['f-s1'] },
    ]);
  });

  it('moves a batch whose tasks are all asked about whole, and keeps facts of tasks it does not list with the rest', async () => {
    const writer = gatedWriter();
    const queue = createWriteQueue(writer.write);
    void queue.add(part('x1'));
    await writer.firstStarted();
    const closedCard: HistoryFact = { ...fact('closed'), factId: 'f-closed' };
    void queue.add(batch([task('a1')], { facts: [fact('a1'), closedCard] }));
    void queue.add(part('b1'));
    const asked = queue.bringForward(['trello:b1', 'trello:a1']);
    for (let i = 0; i < 4; i++) await writer.finishNext();
    await asked;
    expect(writer.written).toEqual([
      { tasks: ['trello:x1'], facts: ['f-x1'] },
      { tasks: ['trello:a1'], facts: ['f-a1'] },
      { tasks: ['trello:b1'], facts: ['f-b1'] },
      { tasks: [], facts: ['f-closed'] },
    ]);
  });

  it('rejects a batch when any of its pieces fails, and goes on with the next batch', async () => {
    const writer = gatedWriter((b) => b.tasks.some((t) => t.key === 'trello:r1'));
    const queue = createWriteQueue(writer.write);
    void queue.add(part('x1'));
    await writer.firstStarted();
    const rest = queue.add(part('r1', 'r2')).then(
      () => 'written',
      (error: Error) => error.message,
    );
    const next = queue.add(part('n1'));
    const asked = queue.bringForward(['trello:r2']);
    for (let i = 0; i < 4; i++) await writer.finishNext();
    // r2 was written on its own; r1 failed: the batch is rejected, the one after it written.
    await expect(asked).resolves.toBeUndefined();
    await expect(rest).resolves.toBe('QuotaExceededError');
    await expect(next).resolves.toBeUndefined();
    expect(writer.written.map((w) => w.tasks)).toEqual([['trello:x1'], ['trello:r2'], ['trello:r1'], ['trello:n1']]);
  });

  it('answers at once when nothing asked about is waiting', async () => {
    const writer = gatedWriter();
    const queue = createWriteQueue(writer.write);
    await expect(queue.bringForward(['trello:nothing'])).resolves.toBeUndefined();
    void queue.add(part('x1'));
    await writer.firstStarted();
    await expect(queue.bringForward(['trello:x1'])).resolves.toBeUndefined(); // being written: not waited for
    await writer.finishNext();
  });

  it('drops what a page left waiting once its tab shows another document, and keeps other tabs\' parts', async () => {
    const writer = gatedWriter();
    const queue = createWriteQueue(writer.write);
    const first = outcome(queue.add(part('a1'), { tabId: 1, documentId: 'doc-1' }));
    await writer.firstStarted();
    const left = outcome(queue.add(part('a2'), { tabId: 1, documentId: 'doc-1' }));
    const otherTab = outcome(queue.add(part('b1'), { tabId: 2, documentId: 'doc-9' }));
    // Tab 1 is reloaded while a1 is written and a2 waits: its new document's first message drops a2.
    queue.heardFrom({ tabId: 1, documentId: 'doc-2' });
    const reloaded = outcome(queue.add(part('a1', 'a2'), { tabId: 1, documentId: 'doc-2' }));
    for (let i = 0; i < 3; i++) await writer.finishNext();
    expect(await Promise.all([first, left, otherTab, reloaded])).toEqual(['written', 'page left', 'written', 'written']);
    expect(writer.written.map((w) => w.tasks)).toEqual([['trello:a1'], ['trello:b1'], ['trello:a1', 'trello:a2']]);
  });

  it('drops what a page left waiting when it says it is being left, and only that page\'s', async () => {
    const writer = gatedWriter();
    const queue = createWriteQueue(writer.write);
    const first = outcome(queue.add(part('a1'), { tabId: 1, documentId: 'doc-1' }));
    await writer.firstStarted();
    const results = [
      first,
      outcome(queue.add(part('a2'), { tabId: 1, documentId: 'doc-1' })),
      outcome(queue.add(part('b1'), { tabId: 2, documentId: 'doc-9' })),
      outcome(queue.add(part('c1'))),
    ];
    queue.left({ tabId: 1, documentId: 'doc-1' });
    for (let i = 0; i < 3; i++) await writer.finishNext();
    expect(await Promise.all(results)).toEqual(['written', 'page left', 'written', 'written']);
  });

  it('starts no write while a read a page waits for is under way', async () => {
    const writer = gatedWriter();
    const queue = createWriteQueue(writer.write);
    void queue.add(part('a1'));
    void queue.add(part('a2'));
    await writer.firstStarted();
    let finishRead!: () => void;
    const read = queue.holdWhile(new Promise<string>((resolve) => (finishRead = () => resolve('views'))));
    await writer.finishNext(); // a1 was being written when the read began; a2 waits for the read
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(writer.written.map((w) => w.tasks)).toEqual([['trello:a1']]);
    finishRead();
    await expect(read).resolves.toBe('views');
    await writer.finishNext();
    expect(writer.written.map((w) => w.tasks)).toEqual([['trello:a1'], ['trello:a2']]);
  });

  it('lets a read begun on the answer to one write go before the next write', async () => {
    const writer = gatedWriter();
    const queue = createWriteQueue(writer.write);
    let finishRead!: () => void;
    let readStarted = false;
    // As the service does: once its batch is written, the page's views are read, holding the queue.
    void queue.add(part('a1')).then(() => {
      readStarted = true;
      return queue.holdWhile(new Promise<void>((resolve) => (finishRead = resolve)));
    });
    void queue.add(part('a2'));
    await writer.finishNext();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(readStarted).toBe(true);
    expect(writer.written.map((w) => w.tasks)).toEqual([['trello:a1']]);
    finishRead();
    await writer.finishNext();
    expect(writer.written.map((w) => w.tasks)).toEqual([['trello:a1'], ['trello:a2']]);
  });
});
