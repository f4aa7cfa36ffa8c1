/**
 * Selector helpers shared by every site adapter. Each field has an ordered list of selectors, newest
 * UI first; these pick the first one that matches, skipping any the browser cannot parse.
 */

/** Ordered fallbacks for one field, newest UI first. */
export type SelectorList = readonly string[];

/**
 * The first element matched by the first selector in `list` that matches anything under `root`.
 * A malformed selector is skipped rather than allowed to throw.
 */
export function queryFirst(root: ParentNode, list: SelectorList): Element | null {
  for (const selector of list) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // invalid selector in this engine: try the next one
    }
  }
  return null;
}

/** All elements of the first selector in `list` that matches anything under `root` (never mixes UIs). */
export function queryAllFirst(root: ParentNode, list: SelectorList): Element[] {
  for (const selector of list) {
    try {
      const found = root.querySelectorAll(selector);
      if (found.length > 0) return Array.from(found);
    } catch {
      // invalid selector in this engine: try the next one
    }
  }
  return [];
}

/** The nearest ancestor-or-self matching the first usable selector of `list`. */
export function closestFirst(element: Element, list: SelectorList): Element | null {
  for (const selector of list) {
    try {
      const found = element.closest(selector);
      if (found) return found;
    } catch {
      // invalid selector in this engine: try the next one
    }
  }
  return null;
}

/** True when `element` itself matches any selector of `list`. */
export function matchesAny(element: Element, list: SelectorList): boolean {
  return list.some((selector) => {
    try {
      return element.matches(selector);
    } catch {
      return false;
    }
  });
}
