import { describe, expect, it } from 'vitest';
import { eachInSlices } from '@/utils/slices';

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
    let ticking = true;
    const tick = () => {
      if (!ticking) return;
      log.push('page');
      setTimeout(tick, 0);
    };
    const done = eachInSlices(['a', 'b', 'c'], (x) => log.push(x), 0);
    setTimeout(tick, 0);
    await done;
    ticking = false;
    expect(log).toEqual(['a', 'page', 'b', 'page', 'c']);
  });

  it('does nothing for no items', async () => {
    let calls = 0;
    await eachInSlices([], () => calls++);
    expect(calls).toBe(0);
  });
});
