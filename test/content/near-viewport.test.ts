import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onScreenWithin } from '@/utils/content/near-viewport';

/** A card of a list: its box, and a count of how often that box was read. */
interface FakeCard {
  name: string;
  parentElement: object;
  reads: number;
  getBoundingClientRect(): DOMRectReadOnly;
}

function list(name: string, x: number, firstY: number, count: number): FakeCard[] {
  const parent = { name };
  return Array.from({ length: count }, (_, i) => {
    const top = firstY + i * 100;
    const card: FakeCard = {
      name: `${name}${i}`,
      parentElement: parent,
      reads: 0,
      getBoundingClientRect() {
        card.reads++;
        return { top, bottom: top + 90, left: x, right: x + 250, width: 250, height: 90, x, y: top } as DOMRectReadOnly;
      },
    };
    return card;
  });
}

describe('onScreenWithin: the cards on screen, from their boxes', () => {
  beforeEach(() => vi.stubGlobal('window', { innerWidth: 1000, innerHeight: 250 }));
  afterEach(() => vi.unstubAllGlobals());

  it('finds every card on screen, and reads no box after a sibling below or right of the screen', () => {
    // Two lists on screen (three cards of each in the 250 px high viewport), one list right of it.
    const a = list('a', 0, 0, 6);
    const b = list('b', 300, 0, 6);
    const c = list('c', 1200, 0, 6);
    const onScreen = onScreenWithin(1000);
    const found = [...a, ...b, ...c].filter((card) => onScreen(card as unknown as Element)).map((card) => card.name);

    expect(found).toEqual(['a0', 'a1', 'a2', 'b0', 'b1', 'b2']);
    // Each list's first card below the screen is read, and the first card of the list right of it; no other.
    expect([...a, ...b, ...c].filter((card) => card.reads > 0).map((card) => card.name)).toEqual(['a0', 'a1', 'a2', 'a3', 'b0', 'b1', 'b2', 'b3', 'c0']);
  });

  it('keeps reading a list scrolled up: cards above the screen may be followed by cards on it', () => {
    const scrolled = list('s', 0, -300, 6); // tops at -300, -200, -100, 0, 100, 200; each 90 px high
    const onScreen = onScreenWithin(1000);
    expect(scrolled.filter((card) => onScreen(card as unknown as Element)).map((card) => card.name)).toEqual(['s3', 's4', 's5']);
    expect(scrolled.every((card) => card.reads === 1)).toBe(true);
  });

  it('answers no once its budget is spent (counted from the first box)', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const cards = list('a', 0, 0, 3);
    const onScreen = onScreenWithin(8);
    expect(onScreen(cards[0] as unknown as Element)).toBe(true);
    now = 9;
    expect(onScreen(cards[1] as unknown as Element)).toBe(false);
    expect(cards[1]!.reads).toBe(0);
  });
});
