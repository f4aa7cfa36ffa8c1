import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSiteJsonPieces } from '@/utils/background/site-json-pieces';

describe('site JSON pieces', () => {
  afterEach(() => vi.useRealTimers());

  it('puts a board together from its pieces, whatever order they came in', () => {
    const pieces = createSiteJsonPieces();
    pieces.add('b1', 'cards', 2, '3]');
    pieces.add('b1', 'cards', 0, '[1,');
    pieces.add('b1', 'board', 0, '{}');
    pieces.add('b1', 'cards', 1, '2,');
    expect(pieces.take('b1', { board: 1, cards: 3, lists: 0 })).toEqual({ board: '{}', cards: '[1,2,3]', lists: '' });
    // Taken once: the pieces are let go.
    expect(pieces.take('b1', { board: 1 })).toBe('incomplete');
  });

  it('a missing piece (the worker was stopped between pieces), or one too many, makes the board incomplete', () => {
    const pieces = createSiteJsonPieces();
    pieces.add('b1', 'cards', 0, '[1,');
    pieces.add('b1', 'cards', 2, '3]');
    expect(pieces.take('b1', { cards: 3 })).toBe('incomplete');
    pieces.add('b2', 'cards', 0, '[1,');
    pieces.add('b2', 'cards', 1, '2]');
    expect(pieces.take('b2', { cards: 1 })).toBe('incomplete');
    expect(pieces.take('never-sent', { cards: 2 })).toBe('incomplete');
  });

  it('refuses a board over the size it keeps, and lets go of what it had of it', () => {
    const pieces = createSiteJsonPieces({ maxChars: 10 });
    expect(pieces.add('big', 'cards', 0, '[1,2,3,')).toBe(true);
    expect(pieces.add('big', 'cards', 1, '4,5,6]')).toBe(false);
    expect(pieces.add('big', 'cards', 2, '')).toBe(false);
    expect(pieces.add('small', 'cards', 0, '[]')).toBe(true);
    expect(pieces.take('big', { cards: 3 })).toBe('too-big');
    expect(pieces.take('small', { cards: 1 })).toEqual({ cards: '[]' });
  });

  it('drops the pieces of a board whose page never said it was done', () => {
    vi.useFakeTimers();
    const pieces = createSiteJsonPieces({ abandonedAfterMs: 1000 });
    pieces.add('b1', 'cards', 0, '[]');
    vi.advanceTimersByTime(1001);
    expect(pieces.take('b1', { cards: 1 })).toBe('incomplete');
  });

  it('keeps response names as plain keys, `__proto__` included', () => {
    const pieces = createSiteJsonPieces();
    pieces.add('b1', '__proto__', 0, '"x"');
    const json = pieces.take('b1', { ['__proto__']: 1 });
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(json)).toEqual(['__proto__']);
  });
});
