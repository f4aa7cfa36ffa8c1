import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onScreenWithin, watchNearViewport } from '@/utils/content/near-viewport';

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

describe('watchNearViewport: what the observer reported', () => {
  /** A stand-in for the browser's observer: the test reports entries by hand. */
  class FakeObserver {
    static last: FakeObserver;
    constructor(readonly report: (entries: Partial<IntersectionObserverEntry>[]) => void) {
      FakeObserver.last = this;
    }
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  const box = (top: number) => ({ top, bottom: top + 90, left: 0, right: 250, width: 250, height: 90 }) as DOMRectReadOnly;
  beforeEach(() => {
    vi.stubGlobal('window', { innerWidth: 1000, innerHeight: 800 });
    vi.stubGlobal('IntersectionObserver', FakeObserver);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('tells the cards reported on screen from those only in the margin, until a later report says otherwise', () => {
    const changes: { onScreen: unknown[]; around: unknown[]; away: unknown[] }[] = [];
    const near = watchNearViewport((onScreen, around, away) => changes.push({ onScreen, around, away }));
    const [shown, margin, far] = [{ isConnected: true }, { isConnected: true }, { isConnected: true }] as unknown as Element[];
    for (const element of [shown!, margin!, far!]) near.watch(element);
    FakeObserver.last.report([
      { target: shown, isIntersecting: true, boundingClientRect: box(100) },
      { target: margin, isIntersecting: true, boundingClientRect: box(850) },
      { target: far, isIntersecting: false, boundingClientRect: box(3000) },
    ]);
    expect(changes).toEqual([{ onScreen: [shown], around: [margin], away: [far] }]);
    expect([shown, margin, far].map((e) => near.wasOnScreen(e!))).toEqual([true, false, false]);
    expect([shown, margin, far].map((e) => near.isNear(e!))).toEqual([true, true, false]);

    // The card in the margin is reported again on screen (a scroll); the one on screen leaves altogether.
    FakeObserver.last.report([
      { target: margin, isIntersecting: true, boundingClientRect: box(400) },
      { target: shown, isIntersecting: false, boundingClientRect: box(-2000) },
    ]);
    expect([shown, margin].map((e) => near.wasOnScreen(e!))).toEqual([false, true]);
    near.disconnect();
    expect(near.wasOnScreen(margin!)).toBe(false);
  });
});
