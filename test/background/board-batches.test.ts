import { describe, expect, it } from 'vitest';
import { boardBatches } from '@/utils/background/board-batches';
import type { HistoryFact } from '@/utils/model/observation';
import { observation } from '../store/helpers';

const source = { site: 'trello', pageUrl: 'https://trello.com/b/Brd12345/x', observedAt: '2026-03-03T12:00:00.000Z' } as const;
const task = (i: number) => observation({ key: `trello:Card${String(i).padStart(4, '0')}`, nativeId: `Card${String(i).padStart(4, '0')}` });
const created = (taskKey: string, n = 0): HistoryFact => ({ taskKey, factId: `${taskKey}:${n}`, kind: 'created', at: '2026-03-01T09:00:00.000Z' });

describe('boardBatches', () => {
  const tasks = Array.from({ length: 12 }, (_, i) => task(i));
  const facts = [...tasks.map((t) => created(t.key)), created(tasks[7]!.key, 1), created('trello:Closed01')];

  it('writes the tasks on screen first, with the facts of tasks the board does not list, then the rest in parts', () => {
    const onScreen = new Set([tasks[7]!.key, tasks[2]!.key, 'trello:NotOnBoard']);
    const { first, rest } = boardBatches({ observations: tasks, facts }, onScreen, 5, source);
    expect(first.tasks.map((t) => t.key)).toEqual([tasks[2]!.key, tasks[7]!.key]);
    expect(first.facts.map((f) => f.factId).sort()).toEqual([`${tasks[2]!.key}:0`, `${tasks[7]!.key}:0`, `${tasks[7]!.key}:1`, 'trello:Closed01:0'].sort());
    expect(rest.map((b) => b.tasks.length)).toEqual([5, 5]);
    // Every task once, each with its own facts, in the board's order.
    const all = [first, ...rest];
    expect(all.flatMap((b) => b.tasks.map((t) => t.key)).sort()).toEqual(tasks.map((t) => t.key).sort());
    expect(all.flatMap((b) => b.facts).length).toBe(facts.length);
    for (const batch of rest) {
      const keys = new Set(batch.tasks.map((t) => t.key));
      expect(batch.facts.every((f) => keys.has(f.taskKey))).toBe(true);
      expect(batch).toMatchObject(source);
    }
  });

  it('with nothing on screen, the first batch carries only the unlisted facts', () => {
    const { first, rest } = boardBatches({ observations: tasks, facts }, new Set(), 12, source);
    expect(first.tasks).toEqual([]);
    expect(first.facts.map((f) => f.taskKey)).toEqual(['trello:Closed01']);
    expect(rest).toHaveLength(1);
    expect(rest[0]!.tasks).toHaveLength(12);
  });

  it('copies only where the batch came from, nothing else of what it is given', () => {
    const { first } = boardBatches({ observations: tasks, facts: [] }, new Set(), 5, { ...source, json: { cards: '[]' } } as typeof source);
    expect(Object.keys(first).sort()).toEqual(['facts', 'observedAt', 'pageUrl', 'site', 'tasks']);
  });
});
