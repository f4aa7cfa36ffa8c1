/**
 * Tells which card containers are on, or within a screen of, the viewport, without reading layout.
 *
 * Why an IntersectionObserver: checking `getBoundingClientRect()` card by card between chip inserts forces a
 * layout of the whole board per card (hundreds of ms on a big board), and decorating cards nobody scrolls to
 * costs heap and style work for nothing. The browser computes intersections off the main thread's hot path
 * and calls back once per frame with only what changed.
 */

/**
 * A quarter screen around the viewport: chips are ready just before a card scrolls into view, and a page
 * load decorates about the cards on screen, not three screens' worth of them.
 */
const MARGIN = '25% 25% 25% 25%';

export interface NearViewport {
  /**
   * Starts watching an element (again watching one is a no-op). True when it is new: the observer reports on
   * it soon, near or away.
   */
  watch(element: Element): boolean;
  /** Whether the element was near the viewport at the last report. */
  isNear(element: Element): boolean;
  /**
   * Whether the element was on the screen itself at the last report. The observer reports only when an element
   * crosses the margin's edge, so this is a hint for what to draw first, not a fact about now.
   */
  wasOnScreen(element: Element): boolean;
  /** Stops watching elements that left the document, so they can be freed. */
  prune(): void;
  disconnect(): void;
}

/** Whether a rectangle (as the observer reported it, so no layout is read) overlaps the viewport itself. */
function isOnScreen(rect: DOMRectReadOnly): boolean {
  return rect.bottom > 0 && rect.right > 0 && rect.top < window.innerHeight && rect.left < window.innerWidth;
}

/**
 * `onChange` gets the elements that came near (those on screen, and those only in the margin around it) and those
 * reported away from it: newly watched ones that are not near, and near ones that left.
 */
export function watchNearViewport(onChange: (onScreen: Element[], around: Element[], away: Element[]) => void): NearViewport {
  const watched = new Set<Element>();
  const near = new Set<Element>();
  const onScreenAtReport = new Set<Element>();
  const observer = new IntersectionObserver(
    (entries) => {
      const onScreen: Element[] = [];
      const around: Element[] = [];
      const away: Element[] = [];
      for (const entry of entries) {
        if (entry.isIntersecting) {
          const shown = isOnScreen(entry.boundingClientRect);
          if (!near.has(entry.target)) (shown ? onScreen : around).push(entry.target);
          near.add(entry.target);
          if (shown) onScreenAtReport.add(entry.target);
          else onScreenAtReport.delete(entry.target);
        } else {
          near.delete(entry.target);
          onScreenAtReport.delete(entry.target);
          away.push(entry.target);
        }
      }
      if (onScreen.length + around.length + away.length > 0) onChange(onScreen, around, away);
    },
    // `scrollMargin` widens the clip of scrolling ancestors (a board scrolled sideways, a list scrolled down)
    // the way `rootMargin` widens the viewport; browsers without it ignore the key and report on entry.
    { rootMargin: MARGIN, scrollMargin: MARGIN } as IntersectionObserverInit,
  );
  return {
    watch(element) {
      if (watched.has(element)) return false;
      watched.add(element);
      observer.observe(element);
      return true;
    },
    isNear: (element) => near.has(element),
    wasOnScreen: (element) => onScreenAtReport.has(element),
    prune() {
      for (const element of watched) {
        if (element.isConnected) continue;
        watched.delete(element);
        near.delete(element);
        onScreenAtReport.delete(element);
        observer.unobserve(element);
      }
    },
    disconnect() {
      observer.disconnect();
      watched.clear();
      near.clear();
      onScreenAtReport.clear();
    },
  };
}

/**
 * Whether an element is on screen now, from its layout box: for a read before any chip is drawn on the page, so the
 * layout is read while it is clean and not recomputed in between. Each answer costs about 10 µs
 * (6–14 ms for 1,000 cards here); once `budgetMs` is spent every further answer is no, and those cards simply
 * wait for the whole read.
 *
 * The budget starts after the first box. Reading it may bring the page's layout up to date (work the page's next
 * frame would do anyway); counting that against the budget left every card "off screen" in one load in six of a
 * 1,000-card board, after the layout had been paid for.
 *
 * Elements come in document order, and siblings in the flow follow one another down and to the right: once one is
 * below the screen or right of it, so are its later siblings (a list's remaining cards, a list's rows), and their
 * boxes are not read. Reading every box in order, the budget ran out on a loaded machine before the last lists on
 * screen, whose cards then waited for the whole read (chips 150–400 ms later, in two of eight timed loads).
 */
export function onScreenWithin(budgetMs: number): (element: Element) => boolean {
  let until = Number.POSITIVE_INFINITY;
  const pastTheScreen = new Set<Element>();
  return (element) => {
    const parent = element.parentElement;
    if (parent && pastTheScreen.has(parent)) return false;
    if (performance.now() > until) return false;
    const rect = element.getBoundingClientRect();
    if (until === Number.POSITIVE_INFINITY) until = performance.now() + budgetMs;
    if (parent && rect.width > 0 && (rect.top >= window.innerHeight || rect.left >= window.innerWidth)) pastTheScreen.add(parent);
    return rect.width > 0 && isOnScreen(rect);
  };
}
