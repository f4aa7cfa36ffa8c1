/** Small DOM reading helpers shared by the Upwork readers. No globals: everything works on any Document or Element. */
import { ciphertextFromHref } from './routes';
import { UPWORK_SELECTORS as S, queryFirst, type SelectorList } from './selectors';
import { collapse } from './text';

/** Text of an element, whitespace-collapsed, capped so a huge node cannot blow up later regexes. */
export function textOf(element: Element | null, max = 5000): string {
  if (!element) return '';
  return collapse((element.textContent ?? '').slice(0, max * 4)).slice(0, max);
}

/**
 * Text of an element with a space between text nodes. `textContent` glues sibling cells together
 * ("Submitted for reviewDue Nov 30"), which defeats the word boundaries the text patterns need.
 */
export function spacedText(element: Element, max = 4000): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node) => {
    if (length > max) return;
    if (node.nodeType === 3) {
      // Each text node is capped, so one huge title cannot push the amount or due out of reach.
      const text = (node.nodeValue ?? '').slice(0, 300);
      parts.push(text);
      length += text.length + 1;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return;
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(element);
  return collapse(parts.join(' ')).slice(0, max);
}

/** Elements under `root` without element children (badges, cells, spans): where short labels live. */
export function leaves(root: Element, limit = 400): Element[] {
  const out: Element[] = [];
  for (const element of Array.from(root.querySelectorAll('*')).slice(0, limit)) {
    if (element.childElementCount === 0) out.push(element);
  }
  return out;
}

export interface DomFreelancer {
  /** `~ciphertext`, the stable id. */
  handle: string;
  displayName: string;
  /** The badge goes after this: the profile link (so the badge is not inside the link), or the name. */
  element: Element;
}

/** A `/freelancers/~…` link → the freelancer, or null when it has no ciphertext or no name. */
export function readFreelancerLink(link: Element): DomFreelancer | null {
  const handle = ciphertextFromHref(link.getAttribute('href'));
  if (!handle) return null;
  const nameElement = queryFirst(link, S.freelancerName);
  const image = link.querySelector('img[alt]');
  const displayName =
    textOf(nameElement ?? link, 500) || collapse(link.getAttribute('aria-label') ?? link.getAttribute('title') ?? image?.getAttribute('alt'));
  if (!displayName) return null;
  return { handle, displayName: displayName.slice(0, 500), element: link };
}

/**
 * Freelancer links under `root`, trying the selectors in order and keeping one entry per freelancer:
 * avatar and name usually link to the same profile, and the one with a readable name wins.
 */
export function readFreelancerLinks(root: ParentNode, list: SelectorList): DomFreelancer[] {
  for (const selector of list) {
    let links: Element[];
    try {
      links = Array.from(root.querySelectorAll(selector));
    } catch {
      continue;
    }
    const byHandle = new Map<string, DomFreelancer>();
    for (const link of links) {
      const read = readFreelancerLink(link);
      if (!read) continue;
      const seen = byHandle.get(read.handle);
      // Prefer a link with text over an avatar link whose name came from an image's alt.
      if (!seen || (!textOf(seen.element) && textOf(link))) byHandle.set(read.handle, read);
    }
    if (byHandle.size > 0) return [...byHandle.values()];
  }
  return [];
}

/** The first value of the first attribute in `names` that `element` carries. */
export function firstAttribute(element: Element, names: readonly string[]): string | null {
  for (const name of names) {
    const value = element.getAttribute(name);
    if (value && value.trim()) return value.trim();
  }
  return null;
}
