/**
 * Asana page routes, kept as data like Trello's: each route carries its own examples so the tests can
 * prove every route matches its examples and no other route's. Asana is migrating from `/0/…` URLs to
 * `/1/<workspace>/…` URLs (research §2), so both schemes are listed; task panes also open over home,
 * search and inbox pages (S10, 2026-03: "do not collapse this back to plain /task/ matching").
 *
 * Known limit: legacy My Tasks is `/0/<user task list gid>/list`, which no URL can tell from a project
 * list; it routes as 'project' (its JSON then 404s and the DOM reader still reads the rows).
 */

export type AsanaRouteKind = 'task' | 'project' | 'my-tasks' | 'home' | 'search' | 'inbox';

export interface AsanaRouteMatch {
  kind: AsanaRouteKind;
  /** The route's main id: task gid, project gid, or for other pages the open task (child) gid, else ''. */
  id: string;
  /** The project the URL names, when it names one (not `0`). */
  projectGid: string | null;
  /** The task open in a pane or full screen, when the URL names one. */
  taskGid: string | null;
}

export interface AsanaRoute {
  kind: AsanaRouteKind;
  /** Path patterns (host already checked); named groups `project` and `task` when present. */
  paths: RegExp[];
  test: { matches: string[]; nonMatches: string[] };
}

/** Asana gids are 13–19 digit numbers, handled as strings (they overflow doubles). */
export const GID = /^\d{13,19}$/;
const G = '\\d{13,19}';
const re = (source: string) => new RegExp(`^${source}/?$`);

/** Project view segments seen on `/0/<project>/…` (S1, S9) and assumed for `/1/…/project/<gid>/…` (L). */
const VIEWS = '(?:list|board|calendar|timeline|overview|files|messages|workflow|dashboard|gantt)';

const WS = '1205000000000001';
const P = '1205000000000101';
const T = '1205000000000201';

export const ASANA_ROUTES: readonly AsanaRoute[] = [
  {
    kind: 'task',
    paths: [
      re(`/0/(?<project>0|${G})/(?<task>${G})(?:/f)?`), // legacy pane / full screen; project 0 = My Tasks, inbox
      re(`/1/${G}/project/(?<project>${G})/task/(?<task>${G})(?:/f)?`), // 2024+ scheme
      re(`/1/${G}/task/(?<task>${G})(?:/f)?`), // 2024+ scheme without project
      re(`/0/home/${G}/(?<task>${G})(?:/f)?`), // pane over Home (S10)
    ],
    test: {
      matches: [
        `https://app.asana.com/0/${P}/${T}`,
        `https://app.asana.com/0/${P}/${T}/f`,
        `https://app.asana.com/0/0/${T}/f`,
        `https://app.asana.com/0/${P}/${T}?focus=true`,
        `https://app.asana.com/1/${WS}/project/${P}/task/${T}`,
        `https://app.asana.com/1/${WS}/project/${P}/task/${T}/`,
        `https://app.asana.com/1/${WS}/task/${T}`,
        `https://app.asana.com/0/home/${WS}/${T}`,
      ],
      nonMatches: [
        `https://app.asana.com/0/${P}/123`,
        `https://app.asana.com/0/${P}/${T}/extra`,
        `https://app.asana.com/1/${WS}/task/`,
        `https://app.asana.com.evil.example/0/${P}/${T}`,
        `http://app.asana.com/0/${P}/${T}`,
        `https://asana.com/0/${P}/${T}`,
      ],
    },
  },
  {
    kind: 'project',
    paths: [
      re(`/0/(?<project>${G})(?:/${VIEWS})?`), // legacy project views (S1, S9)
      re(`/1/${G}/project/(?<project>${G})(?:/${VIEWS})?`), // 2024+ scheme; view names assumed (L)
    ],
    test: {
      matches: [
        `https://app.asana.com/0/${P}/list`,
        `https://app.asana.com/0/${P}/board`,
        `https://app.asana.com/0/${P}/calendar`,
        `https://app.asana.com/0/${P}/timeline`,
        `https://app.asana.com/0/${P}`,
        `https://app.asana.com/0/${P}/board?sort=due_date`,
        `https://app.asana.com/1/${WS}/project/${P}/list`,
        `https://app.asana.com/1/${WS}/project/${P}/board`,
        `https://app.asana.com/1/${WS}/project/${P}`,
      ],
      nonMatches: [
        'https://app.asana.com/0/0/list',
        `https://app.asana.com/0/${P}/spreadsheet-of-doom`,
        `https://app.asana.com/0/12345/list`,
        `https://app.asana.com/1/${WS}/project/${P}/nonsense`,
      ],
    },
  },
  {
    kind: 'my-tasks',
    paths: [
      re(`/1/${G}/my-tasks(?:/${VIEWS})?`), // 2024+ scheme (L: seen in 2025-26 links, not in the sources)
      re(`/0/my-tasks(?:/${G})?`), // legacy shortcut (L)
    ],
    test: {
      matches: [`https://app.asana.com/1/${WS}/my-tasks`, `https://app.asana.com/1/${WS}/my-tasks/list`, 'https://app.asana.com/0/my-tasks'],
      nonMatches: [`https://app.asana.com/1/${WS}/my-tasks/${T}`],
    },
  },
  {
    kind: 'home',
    paths: [re(`/0/home/${G}`), re(`/1/${G}/home`)],
    test: {
      matches: [`https://app.asana.com/0/home/${WS}`, `https://app.asana.com/1/${WS}/home`],
      nonMatches: ['https://app.asana.com/0/home', `https://app.asana.com/0/home/${WS}/x`],
    },
  },
  {
    kind: 'search',
    paths: [re(`/0/search(?:/${G})?`), re(`/1/${G}/search`)],
    test: {
      matches: [
        `https://app.asana.com/0/search?q=invoice&child=${T}`,
        'https://app.asana.com/0/search?q=invoice',
        `https://app.asana.com/0/search/${WS}?q=x`,
        `https://app.asana.com/1/${WS}/search?q=x&child=${T}`,
      ],
      nonMatches: ['https://app.asana.com/0/searching'],
    },
  },
  {
    kind: 'inbox',
    paths: [re(`/0/inbox/${G}(?:/${G}){0,3}`), re(`/1/${G}/inbox(?:/${G}){0,3}`)],
    test: {
      matches: [`https://app.asana.com/0/inbox/${WS}`, `https://app.asana.com/0/inbox/${WS}/${T}/${P}`, `https://app.asana.com/1/${WS}/inbox`],
      nonMatches: ['https://app.asana.com/0/inbox', `https://app.asana.com/1/${WS}/inboxes`],
    },
  },
];

/** Pages on app.asana.com Leeway does not read; extra negative examples for the tests. */
export const ASANA_NON_ROUTES: readonly string[] = [
  'https://app.asana.com/',
  'https://app.asana.com/-/login',
  'https://app.asana.com/api/1.0/tasks/1205000000000201',
  'https://app.asana.com/0/portfolio/1205000000000301/list',
  'https://app.asana.com/admin/1205000000000001',
  'https://asana.com/pricing',
  'not a url',
  '',
];

/** Which Asana page a URL is, or null. Never throws. */
export function matchAsanaRoute(url: string): AsanaRouteMatch | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== 'app.asana.com' || parsed.port !== '') return null;
  for (const route of ASANA_ROUTES) {
    for (const path of route.paths) {
      const m = path.exec(parsed.pathname);
      if (!m) continue;
      const project = m.groups?.project;
      const projectGid = project && project !== '0' ? project : null;
      // Search keeps the open task in `?child=<gid>` (research §2).
      const child = parsed.searchParams.get('child');
      const taskGid = m.groups?.task ?? (child && GID.test(child) ? child : null);
      const id = route.kind === 'project' ? projectGid! : (taskGid ?? '');
      return { kind: route.kind, id, projectGid, taskGid };
    }
  }
  return null;
}
