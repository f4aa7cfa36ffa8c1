import { describe, expect, it, vi } from 'vitest';
import { sendSnapshotInParts, type HandOverOutcome } from '@/utils/content/snapshot-parts';
import type { HistoryFact, TaskObservation } from '@/utils/model/observation';
import { withPageTicking } from '../page-turns';

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

/**
 * Records what is sent, first part and handed-over parts alike; `whileSending` runs as a part goes (the owner
 * scrolling meanwhile). `outcomes` answers the handed-over parts, in order ('written' once they run out).
 */
function recorder(whileSending: (partIndex: number) => void = () => {}, outcomes: HandOverOutcome[] = []) {
  const parts: { keys: string[]; facts: string[]; handedOver: boolean }[] = [];
  const record = (observations: TaskObservation[], facts: HistoryFact[], handedOver: boolean) => {
    parts.push({ keys: observations.map((o) => o.key), facts: facts.map((f) => f.factId), handedOver });
    whileSending(parts.length - 1);
  };
  const send = async (observations: TaskObservation[], facts: HistoryFact[]) => {
    record(observations, facts, false);
    await Promise.resolve();
  };
  const handOver = async (observations: TaskObservation[], facts: HistoryFact[]): Promise<HandOverOutcome> => {
    record(observations, facts, true);
    await Promise.resolve();
    return outcomes.shift() ?? 'written';
  };
  return { parts, send, handOver };
}

/** Sends a board of `cards` in parts of two, the handed-over parts answered with `outcomes`, retried twice. */
async function withRetries(cards: number, outcomes: HandOverOutcome[]) {
  const { parts, ...io } = recorder(undefined, outcomes);
  let reads = 0;
  const readAgain = async () => {
    reads++;
    return board(cards);
  };
  await sendSnapshotInParts(board(cards), { partSize: 2, isWanted: () => false, ...io, retryDelaysMs: [0, 0], readAgain }).rest;
  return { parts, reads };
}

describe('sendSnapshotInParts', () => {
  it('sends the cards on screen first, then hands the rest over in parts, each task with its facts', async () => {
    const snapshot = board(7);
    const wanted = new Set(['trello:c5', 'trello:c2']);
    const { parts, ...io } = recorder();
    await sendSnapshotInParts(snapshot, { partSize: 3, isWanted: (k) => wanted.has(k), ...io }).rest;
    expect(parts.map((p) => p.keys)).toEqual([
      ['trello:c2', 'trello:c5'],
      ['trello:c0', 'trello:c1', 'trello:c3'],
      ['trello:c4', 'trello:c6'],
    ]);
    // The first part is sent (kept until answered); the others handed over.
    expect(parts.map((p) => p.handedOver)).toEqual([false, true, true]);
    // The closed card's fact goes with the first part; every other fact with its own task.
    expect(parts[0]!.facts).toEqual(['f-closed', 'f-trello:c2', 'f-trello:c5']);
    expect(parts[2]!.facts).toEqual(['f-trello:c4', 'f-trello:c6']);
  });

  it('hands every later part over before any is answered', async () => {
    const answers: (() => void)[] = [];
    let handedOver = 0;
    const { send } = recorder();
    const parts = sendSnapshotInParts(board(6), {
      partSize: 2,
      isWanted: () => false,
      send,
      handOver: () => {
        handedOver++;
        return new Promise<HandOverOutcome>((resolve) => answers.push(() => resolve('written')));
      },
    });
    let done = false;
    void parts.rest.then(() => (done = true));
    await vi.waitFor(() => expect(handedOver).toBe(3));
    expect(done).toBe(false);
    for (const answer of answers) answer();
    await parts.rest;
    expect(done).toBe(true);
  });

  it('hands the rest over without waiting for the first part\'s answer, and settles once every part is answered', async () => {
    let answerFirst!: () => void;
    const handed: string[][] = [];
    const parts = sendSnapshotInParts(board(4), {
      partSize: 2,
      isWanted: (key) => key === 'trello:c0',
      send: () => new Promise<void>((resolve) => (answerFirst = resolve)),
      handOver: async (observations) => {
        handed.push(observations.map((o) => o.key));
        return 'written';
      },
    });
    let settled = false;
    void parts.rest.then(() => (settled = true));
    await vi.waitFor(() => expect(handed).toEqual([['trello:c1', 'trello:c2'], ['trello:c3']]));
    expect(settled).toBe(false);
    answerFirst();
    await parts.rest;
    expect(settled).toBe(true);
  });

  it('never drops a card that comes near the screen while the first part is on its way', async () => {
    const snapshot = board(6);
    const wanted = new Set(['trello:c0']);
    // While the first part is written, the idle-time decoration reaches two more cards.
    const { parts, ...io } = recorder((index) => {
      if (index === 0) wanted.add('trello:c3').add('trello:c4');
    });
    await sendSnapshotInParts(snapshot, { partSize: 2, isWanted: (k) => wanted.has(k), ...io }).rest;
    const sent = parts.flatMap((p) => p.keys);
    expect(sent.sort()).toEqual(snapshot.observations.map((o) => o.key).sort());
    expect(new Set(sent).size).toBe(sent.length);
    // And the cards that came near lead the next part.
    expect(parts[1]!.keys).toEqual(['trello:c3', 'trello:c4']);
  });

  it('still sends the facts of closed cards when no card is on screen, and nothing twice', async () => {
    const snapshot = board(2);
    const { parts, ...io } = recorder();
    await sendSnapshotInParts(snapshot, { partSize: 10, isWanted: () => false, ...io }).rest;
    expect(parts[0]).toEqual({ keys: [], facts: ['f-closed'], handedOver: false });
    expect(parts[1]).toEqual({ keys: ['trello:c0', 'trello:c1'], facts: ['f-trello:c0', 'f-trello:c1'], handedOver: true });
    expect(parts).toHaveLength(2);
  });

  it('hands later parts over one after another in a task, and waits for the next once a task has run 8 ms', async () => {
    /** What happened, in order: a part handed over, or another task of the page's own. */
    const run = async (partCostMs: number) => {
      const log: string[] = [];
      await withPageTicking(
        log,
        () =>
          sendSnapshotInParts(board(4), {
            partSize: 1,
            isWanted: () => false,
            send: async () => {},
            handOver: (observations) => {
              const until = performance.now() + partCostMs;
              while (performance.now() < until);
              log.push(observations[0]!.key);
              return Promise.resolve('written');
            },
          }).rest,
      );
      // The page's turns in a row count once; those after the last part are left out.
      const turns = log.filter((entry, i) => entry !== 'page' || log[i - 1] !== 'page');
      while (turns.at(-1) === 'page') turns.pop();
      return turns;
    };
    // Cheap parts: all four in the first task after the first part's.
    expect(await run(0)).toEqual(['trello:c0', 'trello:c1', 'trello:c2', 'trello:c3']);
    // Parts of 10 ms each: a task of the page's own between any two.
    expect(await run(10)).toEqual(['trello:c0', 'page', 'trello:c1', 'page', 'trello:c2', 'page', 'trello:c3']);
  });

  it('stops between parts once stopped', async () => {
    let stop = false;
    // The first part carries the closed card's fact; the content script is invalidated during the second.
    const { parts, ...io } = recorder((index) => (stop = index === 1));
    await sendSnapshotInParts(board(5), { partSize: 2, isWanted: () => false, ...io, stopped: () => stop }).rest;
    expect(parts.map((p) => p.keys.length)).toEqual([0, 2]);
  });

  it('reads the board again for the parts that got no answer, and sends just those again, with their facts', async () => {
    const { parts, reads } = await withRetries(6, ['written', 'unanswered', 'written']);
    expect(reads).toBe(1);
    expect(parts.map((p) => p.keys)).toEqual([
      [],
      ['trello:c0', 'trello:c1'],
      ['trello:c2', 'trello:c3'],
      ['trello:c4', 'trello:c5'],
      ['trello:c2', 'trello:c3'],
    ]);
    expect(parts[4]!.facts).toEqual(['f-trello:c2', 'f-trello:c3']);
  });

  it('gives up on unanswered parts after its last delay, and does not send refused parts again', async () => {
    const { parts, reads } = await withRetries(4, ['refused', 'unanswered', 'unanswered', 'unanswered']);
    // Refused: c0, c1 (never again). Unanswered: c2, c3, then twice more; no third read after the last delay.
    expect(reads).toBe(2);
    expect(parts.slice(1).map((p) => p.keys)).toEqual([
      ['trello:c0', 'trello:c1'],
      ['trello:c2', 'trello:c3'],
      ['trello:c2', 'trello:c3'],
      ['trello:c2', 'trello:c3'],
    ]);
  });
});
