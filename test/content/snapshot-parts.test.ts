import { describe, expect, it } from 'vitest';
import { sendSnapshotInParts } from '@/utils/content/snapshot-parts';
import type { HistoryFact, TaskObservation } from '@/utils/model/observation';

const observation = (id: string): TaskObservation => ({
  key: `trello:${id}`,
  site: 'trello',
  nativeId: id,
  title: `Card ${id}`,
  url: `https://trello.com/c/${id}`,
  board: 'Board',
  list: 'List',
  assignees: [],
  due: '2026-12-01',
  done: false,
  source: 'json',
});
const fact = (taskKey: string, factId: string): HistoryFact => ({ taskKey, factId, kind: 'created', at: '2026-11-01T09:00:00.000Z' });

/** A board of `n` cards, with one fact per card and one for a closed card the snapshot does not list. */
function board(n: number) {
  const observations = Array.from({ length: n }, (_, i) => observation(`c${i}`));
  return { observations, facts: [...observations.map((o) => fact(o.key, `f-${o.key}`)), fact('trello:closed', 'f-closed')] };
}

/** Records what is sent; `whileSending` runs while a part is on its way (the owner scrolling meanwhile). */
function recorder(whileSending: (partIndex: number) => void = () => {}) {
  const parts: { keys: string[]; facts: string[] }[] = [];
  const send = async (observations: TaskObservation[], facts: HistoryFact[]) => {
    parts.push({ keys: observations.map((o) => o.key), facts: facts.map((f) => f.factId) });
    whileSending(parts.length - 1);
    await Promise.resolve();
  };
  return { parts, send };
}

describe('sendSnapshotInParts', () => {
  it('sends the cards on screen first, then the rest in parts, each task with its facts', async () => {
    const snapshot = board(7);
    const wanted = new Set(['trello:c5', 'trello:c2']);
    const { parts, send } = recorder();
    await sendSnapshotInParts(snapshot, { partSize: 3, isWanted: (k) => wanted.has(k), send }).rest;
    expect(parts.map((p) => p.keys)).toEqual([
      ['trello:c2', 'trello:c5'],
      ['trello:c0', 'trello:c1', 'trello:c3'],
      ['trello:c4', 'trello:c6'],
    ]);
    // The closed card's fact goes with the first part; every other fact with its own task.
    expect(parts[0]!.facts).toEqual(['f-closed', 'f-trello:c2', 'f-trello:c5']);
    expect(parts[2]!.facts).toEqual(['f-trello:c4', 'f-trello:c6']);
  });

  it('never drops a card that comes near the screen while the first part is on its way', async () => {
    const snapshot = board(6);
    const wanted = new Set(['trello:c0']);
    // While the first part is written, the idle-time decoration reaches two more cards.
    const { parts, send } = recorder((index) => {
      if (index === 0) wanted.add('trello:c3').add('trello:c4');
    });
    await sendSnapshotInParts(snapshot, { partSize: 2, isWanted: (k) => wanted.has(k), send }).rest;
    const sent = parts.flatMap((p) => p.keys);
    expect(sent.sort()).toEqual(snapshot.observations.map((o) => o.key).sort());
    expect(new Set(sent).size).toBe(sent.length);
    // And the cards that came near lead the next part.
    expect(parts[1]!.keys).toEqual(['trello:c3', 'trello:c4']);
  });

  it('still sends the facts of closed cards when no card is on screen, and nothing twice', async () => {
    const snapshot = board(2);
    const { parts, send } = recorder();
    await sendSnapshotInParts(snapshot, { partSize: 10, isWanted: () => false, send }).rest;
    expect(parts[0]).toEqual({ keys: [], facts: ['f-closed'] });
    expect(parts[1]).toEqual({ keys: ['trello:c0', 'trello:c1'], facts: ['f-trello:c0', 'f-trello:c1'] });
    expect(parts).toHaveLength(2);
  });

  it('stops between parts once stopped', async () => {
    let stop = false;
    // The first part carries the closed card's fact; the content script is invalidated during the second.
    const { parts, send } = recorder((index) => (stop = index === 1));
    await sendSnapshotInParts(board(5), { partSize: 2, isWanted: () => false, send, stopped: () => stop }).rest;
    expect(parts.map((p) => p.keys.length)).toEqual([0, 2]);
  });
});
