import type { HistoryFact, SiteId, TaskObservation } from '../model/observation';
import type { Step } from '../slices';

/** A task found on the page, with where its overlays go. */
export interface PlacedTask {
  key: string;
  /** The element the task chip lives inside (the card's list item, legacy card link, or card dialog). */
  container: Element;
  /** The chip goes right after this (the due badge) … */
  anchor: Element | null;
  /** … or, without an anchor, at the end of this element inside `container`. */
  slot: Element;
  /** Assignee avatars on the page: a badge goes right after each. */
  people: { contractorId: string; element: Element }[];
  observation: TaskObservation;
}

export interface AdapterHealth {
  /** Name of the route that matched, or null when this page is not one Leeway reads. */
  route: string | null;
  /** Whether this route should show tasks (a board, a project); a profile page, say, need not. */
  expectsTasks?: boolean;
  tasksFound: number;
  /** Field → number of tasks on which it could not be read. */
  missing: Record<string, number>;
}

/** A person shown on the page outside any task (a freelancer profile, a proposal): a badge goes after `element`. */
export interface PlacedPerson {
  contractorId: string;
  element: Element;
}

export interface PageRead {
  tasks: PlacedTask[];
  /** People to badge outside tasks; only those already in the owner's history get one. */
  people?: PlacedPerson[];
  health: AdapterHealth;
}

/** What the site's own JSON says: the source of truth for which tasks exist and their exact dates. */
export interface Snapshot {
  observations: TaskObservation[];
  facts: HistoryFact[];
  /** Route ids this snapshot already describes (a board and its cards), so navigating among them refetches nothing. */
  scope: string[];
}

/**
 * The site's JSON for a page as it came, unparsed: each response's text by name (Trello: `board`, `cards`, `lists`,
 * `actions`), null where one could not be fetched. See `SiteAdapter.fetchSiteJson`.
 */
export type SiteJson = Record<string, string | null>;

/**
 * Takes a site's JSON as it downloads: each response's text in pieces, in order. Resolves when the adapter may read
 * on (the page is given its turn between pieces).
 */
export type SiteJsonSink = (name: string, piece: string) => Promise<void>;

export interface SiteRoute {
  kind: string;
  /** The id of the thing whose JSON describes the page (Trello: the board or card shortLink). */
  id: string;
}

/** What a read of the page needs to know. */
export interface ReadContext {
  /** `YYYY-MM-DD`: year-less and relative due texts resolve against it. */
  today: string;
  pageUrl: string;
  /**
   * Read only the cards or rows this accepts (their containers, as the site's selectors find them). The content
   * script reads the cards on screen this way before the rest of a big page, so their chips need not wait for it.
   */
  only?: (element: Element) => boolean;
  /**
   * The containers wanted, when the caller already has them from an earlier read (cards coming near the screen
   * again): a reader may read these instead of finding every container on the page, which took 5–9 ms on a
   * 5,000-card board. Those no longer on the page are skipped; `only` still applies.
   */
  containers?: readonly Element[];
}

/** A page read a slice at a time (see `SiteAdapter.readPageGradually`), shaped like the readers that do it. */
export interface GradualRead {
  /** Reads on (at least one item) until `timeUp()` says so; true while there is more to read. */
  readSome: Step;
  /** What `readPage` returns, once `readSome` has returned false. */
  finish(): PageRead;
}

export interface SiteAdapter {
  site: SiteId;
  /** Content-script match patterns: whole origins, routes are checked in code (SPA navigation). */
  matches: string[];
  route(url: string): SiteRoute | null;
  readPage(document: Document, context: { today: string; pageUrl: string }): PageRead;
  /**
   * The same read, a slice at a time, for sites whose pages can hold thousands of tasks (a Trello board): the
   * content script spreads it over several tasks so that no read is a long task on the page.
   */
  readPageGradually?(document: Document, context: ReadContext): GradualRead;
  /** Reads the site's JSON for a route; null when the page can't (logged out, 401/403, HTML, garbage). */
  snapshot?(route: SiteRoute): Promise<Snapshot | null>;
  /**
   * Instead of `snapshot`, for sites whose pages can hold thousands of tasks: fetches the site's JSON for a route
   * and passes each response's text to `sink` as it downloads, unparsed; the background puts the pieces together,
   * checks them with `checkSiteJson` and writes them. Parsed and checked on the page, a 5,000-card board's JSON was
   * 6–10 MB of the page's heap for the seconds the check took, between the page's own frames. Resolves with the
   * names of the responses read to their end; null when a required one could not be (logged out, 401/403).
   */
  fetchSiteJson?(route: SiteRoute, sink: SiteJsonSink): Promise<string[] | null>;
  /**
   * Runs in the background: the snapshot that `fetchSiteJson`'s texts describe, or null when they do not parse or
   * check (logged out, an HTML page, a changed format). Must not throw, and must not touch the DOM.
   */
  checkSiteJson?(json: SiteJson): Promise<Snapshot | null>;
  /**
   * True when `readPage` places more once a snapshot has been read (Asana: people behind initials-only
   * avatars), so the page is read again after each snapshot. Otherwise the earlier read stands: a second
   * whole-page read of a big board would be one more long task for nothing.
   */
  readsSnapshot?: boolean;
}
