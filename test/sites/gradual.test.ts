import { describe, expect, it } from 'vitest';
import { readToEnd, stepThrough } from '@/utils/sites/gradual';

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
