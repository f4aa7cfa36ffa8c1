import { describe, expect, it } from 'vitest';
import { createBoardTracker } from '@/utils/background/board-tracker';
import { PageLeft } from '@/utils/background/write-queue';

describe('board tracker', () => {
  it('answers once every write of the board is settled', async () => {
    const boards = createBoardTracker();
    let finishLast = () => {};
    const last = new Promise<void>((resolve) => (finishLast = resolve));
    boards.add('b1', [Promise.resolve(), last]);
    let answer: string | undefined;
    const asked = boards.outcome('b1').then((outcome) => (answer = outcome));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(answer).toBeUndefined();
    finishLast();
    await asked;
    expect(answer).toBe('written');
  });

  it.each([
    ['left', new PageLeft()],
    ['refused', Object.assign(new Error('quota'), { name: 'QuotaExceededError' })],
  ])('says %s when a write fails that way', async (expected, error) => {
    const boards = createBoardTracker();
    boards.add('b1', [Promise.resolve(), Promise.reject(error)]);
    expect(await boards.outcome('b1')).toBe(expected);
  });

  it('does not know a board it was never given, nor one whose outcome it already told', async () => {
    const boards = createBoardTracker();
    expect(await boards.outcome('never')).toBe('unknown');
    boards.add('b1', [Promise.resolve()]);
    expect(await boards.outcome('b1')).toBe('written');
    expect(await boards.outcome('b1')).toBe('unknown');
  });
});
