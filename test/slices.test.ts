import { describe, expect, it } from 'vitest';
import { drainInSlices, eachInSlices, readToEnd, runInSlices, stepThrough } from '@/utils/slices';
import { withPageTicking } from './page-turns';

describe('eachInSlices', () => {
  it('visits every item in order, only after the caller has moved on', async () => {
    const log: string[] = [];
    const done = eachInSlices([1, 2, 3], (n) => log.push(`item ${n}`));
    log.push('caller continues');
    await done;
    expect(log).toEqual(['caller continues', 'item 1', 'item 2', 'item 3']);
  });

  it('lets other tasks run between slices once a slice has used its time', async () => {
    const log: string[] = [];
    await withPageTicking(log, () => eachInSlices(['a', 'b', 'c'], (x) => log.push(x), 0));
    expect(log).toEqual(['a', 'page', 'b', 'page', 'c']);
  });

  it('does nothing for no items', async () => {
    let calls = 0;
    await eachInSlices([], () => calls++);
    expect(calls).toBe(0);
  });
});

describe('drainInSlices', () => {
  it('visits every item in order, a slice at a time, and empties each slot once its item is done', async () => {
    const items: ({ n: number } | undefined)[] = [{ n: 1 }, { n: 2 }, { n: 3 }];
    const seen: { n: number; slotsLeft: number }[] = [];
    const log: string[] = [];
    await withPageTicking(log, () =>
      drainInSlices(
        items,
        (item) => {
          // While an item is worked on, its own slot is already empty: only the caller's reference keeps it.
          seen.push({ n: item.n, slotsLeft: items.filter((slot) => slot !== undefined).length });
          log.push(`item ${item.n}`);
        },
        0,
      ),
    );
    expect(seen).toEqual([
      { n: 1, slotsLeft: 2 },
      { n: 2, slotsLeft: 1 },
      { n: 3, slotsLeft: 0 },
    ]);
    expect(items).toEqual([undefined, undefined, undefined]);
    expect(log).toEqual(['item 1', 'page', 'item 2', 'page', 'item 3']);
  });

  it('does nothing for no items', async () => {
    let calls = 0;
    await drainInSlices([], () => calls++);
    expect(calls).toBe(0);
  });
});

describe('stepThrough', () => {
  it('takes at least one item per step, stops when time is up, and says whether any are left', () => {
    const seen: number[] = [];
    const step = stepThrough([1, 2, 3, 4, 5], (n) => seen.push(n));
    expect(step(() => true)).toBe(true);
    expect(seen).toEqual([1]);
    let calls = 0;
    expect(step(() => ++calls >= 2)).toBe(true);
    expect(seen).toEqual([1, 2, 3]);
    expect(step(() => false)).toBe(false);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(step(() => false)).toBe(false);
    expect(seen).toHaveLength(5);
  });

  it('has nothing to do for no items', () => {
    expect(stepThrough([], () => expect.unreachable())(() => false)).toBe(false);
  });
});

describe('readToEnd', () => {
  it('steps until nothing is left, then finishes', () => {
    const items: string[] = [];
    const readSome = stepThrough(['a', 'b', 'c'], (x) => items.push(x));
    expect(readToEnd({ readSome, finish: () => items.join('') })).toBe('abc');
  });
});

describe('runInSlices', () => {
  it('stops before the next slice once stopped', async () => {
    const seen: number[] = [];
    let stop = false;
    await runInSlices(
      stepThrough([1, 2, 3], (n) => {
        seen.push(n);
        stop = true;
      }),
      { budgetMs: 0, stopped: () => stop },
    );
    expect(seen).toEqual([1]);
  });
});
