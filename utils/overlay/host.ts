import { render, type ComponentChild } from 'preact';

/**
 * Light-DOM hosts for Leeway's overlays. Each host is an unknown custom element (so page CSS that targets
 * `div`/`span` leaves it alone) with a shadow root holding a Preact tree. Hosts carry `data-leeway` so the
 * page observer can tell Leeway's own mutations apart and so checks can find them.
 */

export type HostKind = 'task' | 'contractor';
const TAG: Record<HostKind, string> = { task: 'leeway-chip', contractor: 'leeway-badge' };

const mounted = new WeakMap<Element, { root: HTMLElement; signature: string }>();

export function isLeewayNode(node: Node): boolean {
  return node instanceof Element && node.hasAttribute('data-leeway');
}

/**
 * Makes sure exactly one host of `kind` for `key` sits inside `container`, right after `anchor` when one is
 * given (else appended). Extra hosts left behind by host-page re-renders are removed; a host whose
 * container now shows a different item is re-keyed rather than duplicated.
 */
export function ensureHost(options: {
  container: Element;
  kind: HostKind;
  keyAttribute: 'data-task-key' | 'data-contractor';
  key: string;
  anchor: Element | null;
  /** Where the host goes when there is no anchor (defaults to `container`). */
  slot?: Element;
  /** Hosts of this kind that belong to `container` (not to nested items). */
  existing: Element[];
  css: string;
}): HTMLElement {
  const { container, kind, keyAttribute, key, anchor, existing, css } = options;
  const slot = options.slot ?? container;
  let host = (existing.find((h) => h.getAttribute(keyAttribute) === key) ?? existing[0]) as HTMLElement | undefined;
  for (const extra of existing) if (extra !== host) extra.remove();

  if (!host) {
    host = document.createElement(TAG[kind]);
    host.setAttribute('data-leeway', kind);
    const shadow = host.attachShadow({ mode: 'open' });
    if (!adoptSheet(shadow, css)) {
      const style = document.createElement('style');
      style.textContent = css;
      shadow.append(style);
    }
    const root = document.createElement('div');
    shadow.append(root);
    mounted.set(host, { root, signature: '' });
    shieldFromHostPage(host);
  }
  host.setAttribute(keyAttribute, key);

  const wanted = anchor && anchor.parentElement ? anchor : null;
  if (wanted) {
    if (wanted.nextElementSibling !== host) wanted.after(host);
  } else if (host.parentElement !== slot) {
    slot.append(host);
  }
  return host;
}

/** One parsed stylesheet per CSS text, shared by every host (null where constructable sheets don't work). */
const sheets = new Map<string, CSSStyleSheet | null>();

/**
 * Styles a shadow root with a stylesheet parsed once and shared: a board of 5,000 cards would otherwise
 * parse and keep 5,000 copies of the same CSS. Falls back to a <style> element where adopting a sheet
 * from a content script is refused (older Firefox: the sheet belongs to the content script's compartment).
 */
function adoptSheet(shadow: ShadowRoot, css: string): boolean {
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  if (!sheet) return false;
  try {
    shadow.adoptedStyleSheets = [sheet];
    return shadow.adoptedStyleSheets.length === 1;
  } catch {
    sheets.set(css, null);
    return false;
  }
}

/** Renders into a host's shadow root, skipping the work when nothing changed. */
export function renderInto(host: HTMLElement, signature: string, vnode: ComponentChild): void {
  const state = mounted.get(host);
  if (!state || state.signature === signature) return;
  state.signature = signature;
  render(vnode, state.root);
}

/** Sets data-* attributes; `null` removes one. */
export function setData(host: HTMLElement, attributes: Record<string, string | null>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null) host.removeAttribute(name);
    else if (host.getAttribute(name) !== value) host.setAttribute(name, value);
  }
}

/**
 * Clicks on Leeway's UI must not open or drag the card underneath, nor close Trello's dialog
 * (it closes on outside mousedown and runs a focus trap).
 */
function shieldFromHostPage(host: HTMLElement): void {
  host.setAttribute('data-no-focus-lock', 'true');
  // One shared listener for every host (a big board has thousands of hosts).
  for (const type of SHIELDED_EVENTS) host.addEventListener(type, shield);
}

const SHIELDED_EVENTS = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'keydown', 'dragstart'];

function shield(event: Event): void {
  event.stopPropagation();
  // Inside a link (legacy Trello cards are <a>), a click would navigate.
  if (event.type === 'click' && event.currentTarget instanceof Element && event.currentTarget.closest('a')) event.preventDefault();
}
