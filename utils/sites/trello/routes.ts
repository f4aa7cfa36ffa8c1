/**
 * Trello page routes, kept as data (in the style of refined-github's github-url-detection): each route
 * carries its own examples so the tests can prove that every route matches its examples and no other
 * route's. Content scripts match the whole origin and route in code, because manifest `matches` with
 * paths are only evaluated on full page loads and Trello moves between /b/ and /c/ by History API.
 */

export type TrelloRouteKind = 'board' | 'card';

export interface TrelloRouteMatch {
  kind: TrelloRouteKind;
  /** Trello's 8-character public id of the board or card. */
  shortLink: string;
}

export interface TrelloRoute {
  kind: TrelloRouteKind;
  /** Matches the URL path (the host has already been checked). Group 1 is the shortLink. */
  path: RegExp;
  test: { matches: string[]; nonMatches: string[] };
}

/** Only the real origin; `trello.com.evil.example` and `notrello.com` are other sites. */
const TRELLO_HOSTS = new Set(['trello.com', 'www.trello.com']);

export const TRELLO_ROUTES: readonly TrelloRoute[] = [
  {
    kind: 'board',
    // /b/<shortLink> or /b/<shortLink>/<slug>, optional trailing slash. Query and hash are not part of the path.
    path: /^\/b\/([A-Za-z0-9]{8})(?:\/[^/]+)?\/?$/,
    test: {
      matches: [
        'https://trello.com/b/Kx7pQ2mN/client-site-launch',
        'https://trello.com/b/Kx7pQ2mN',
        'https://trello.com/b/Kx7pQ2mN/',
        'https://trello.com/b/Kx7pQ2mN/client-site-launch/',
        'https://trello.com/b/Kx7pQ2mN/client-site-launch?filter=member:anaruiz',
        'https://trello.com/b/Kx7pQ2mN/client-site-launch#top',
        'https://www.trello.com/b/Kx7pQ2mN/client-site-launch',
      ],
      nonMatches: [
        'https://trello.com/b/',
        'https://trello.com/b',
        'https://trello.com/b/Kx7/short-id',
        'https://trello.com/b/Kx7pQ2mN/client-site-launch/extra',
        'https://trello.com.evil.example/b/Kx7pQ2mN/client-site-launch',
        'https://evil.example/trello.com/b/Kx7pQ2mN/client-site-launch',
        'http://trello.com/b/Kx7pQ2mN/client-site-launch',
      ],
    },
  },
  {
    kind: 'card',
    // /c/<shortLink>, /c/<shortLink>/<idShort>-<slug>, or a bare /c/<shortLink>/<idShort>.
    path: /^\/c\/([A-Za-z0-9]{8})(?:\/\d+(?:-[^/]*)?)?\/?$/,
    test: {
      matches: [
        'https://trello.com/c/AbC123xy/14-homepage-hero',
        'https://trello.com/c/AbC123xy',
        'https://trello.com/c/AbC123xy/',
        'https://trello.com/c/AbC123xy/14',
        'https://trello.com/c/AbC123xy/14-homepage-hero?utm_source=email#comment-1',
      ],
      nonMatches: [
        'https://trello.com/c/',
        'https://trello.com/c/AbC1/14-too-short',
        'https://trello.com/c/AbC123xy/homepage-hero',
        'https://trello.com.evil.example/c/AbC123xy/14-homepage-hero',
        'https://trello.com/c/AbC123xy/14-homepage-hero/extra',
      ],
    },
  },
];

/** Pages on trello.com that are neither a board nor a card; used as extra negative examples in tests. */
export const TRELLO_NON_ROUTES: readonly string[] = [
  'https://trello.com/',
  'https://trello.com/u/anaruiz/boards',
  'https://trello.com/u/anaruiz/activity',
  'https://trello.com/w/clientwork/home',
  'https://trello.com/w/clientwork/members',
  'https://trello.com/invite/b/Kx7pQ2mN/abcdef0123456789/client-site-launch',
  'https://trello.com/1/boards/Kx7pQ2mN',
  'https://trello.com/b/Kx7pQ2mN.json',
  'https://trello.com/login',
  'not a url',
  '',
];

/** Which Trello page a URL is, or null. Never throws. */
export function matchTrelloRoute(url: string): TrelloRouteMatch | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || !TRELLO_HOSTS.has(parsed.hostname) || parsed.port !== '') return null;
  for (const route of TRELLO_ROUTES) {
    const m = route.path.exec(parsed.pathname);
    if (m) return { kind: route.kind, shortLink: m[1]! };
  }
  return null;
}
