/**
 * Upwork page routes, kept as data like Trello's routes.ts: each route carries its own examples, and
 * the tests prove every route matches its examples and no other route's.
 *
 * Sources: /work/shared/research/sites.md §3. Upwork's contract URLs are known only from public scripts
 * (M/L confidence) and Upwork has "migrated offer-list URLs multiple times" (S13), so the patterns
 * below are assumptions, written down with the date we made them:
 *   - 2026-11-28: contracts list `/nx/wm/contracts` (+ `?status=…`), older `/ab/contracts/`,
 *     `/ab/c/<company id>/contracts/` (research: 2018, L).
 *   - 2026-11-28: one contract `/nx/wm/contracts/<contract id>` (S13, M), its workroom
 *     `/nx/wm/workroom/<contract id>/<tab>` (2025-26 scripts, M); legacy `/ab/f/contracts/<id>` (2018, L).
 *     Contract ids are numeric (8 digits in every example we have seen).
 *     The milestones are on the contract page, the workroom's `milestones`/`overview` tabs, and the
 *     bare workroom URL; other workroom tabs (messages, timesheet, files, feedback) are the `workroom` route.
 *   - 2026-11-28: freelancer profile `/freelancers/~<ciphertext>` (H). The `~01…` ciphertext is the
 *     stable id. Vanity profiles (`/fl/<name>`) carry no id in the URL and are not routed.
 *   - 2026-11-28: proposals, our guess from the client's "Review proposals" pages:
 *     `/ab/applicants/<job id>/<tab>` (older) and `/nx/proposals/…` (newer). Job ids are `~02…`
 *     ciphertexts or 19-digit numbers.
 */

export type UpworkRouteKind = 'contracts' | 'contract' | 'workroom' | 'profile' | 'proposals';

export interface UpworkRouteMatch {
  kind: UpworkRouteKind;
  /** Contract id (contract, workroom), `~ciphertext` (profile), job id or 'all' (proposals), 'all' (contracts). */
  id: string;
}

export interface UpworkRoute {
  kind: UpworkRouteKind;
  /** Patterns for the URL path (the host has already been checked). Group 1, when present, is the id. */
  paths: RegExp[];
  test: { matches: string[]; nonMatches: string[] };
}

/** Only the real origin: `upwork.com.evil.example` is another site; bare `upwork.com` redirects to www. */
const UPWORK_HOST = 'www.upwork.com';
const ORIGIN = `https://${UPWORK_HOST}`;

const CONTRACT_ID = '(\\d{4,20})';
/** `~01` + hex in every known example; letters allowed in case Upwork widens the alphabet. */
const CIPHERTEXT = '(~0[0-9a-z]{8,40})';
/** Workroom tabs that show the contract's milestones. */
const MILESTONE_TABS = '(?:milestones|overview|details)';

export const UPWORK_ROUTES: readonly UpworkRoute[] = [
  {
    kind: 'contracts',
    paths: [/^\/nx\/wm\/contracts\/?$/, /^\/ab\/contracts\/?$/, /^\/ab\/c\/\d+\/contracts\/?$/],
    test: {
      matches: [
        `${ORIGIN}/nx/wm/contracts`,
        `${ORIGIN}/nx/wm/contracts/`,
        `${ORIGIN}/nx/wm/contracts?status=active`,
        `${ORIGIN}/nx/wm/contracts?status=closed&page=2`,
        `${ORIGIN}/ab/contracts/`,
        `${ORIGIN}/ab/c/1234567/contracts/`,
      ],
      nonMatches: [
        `${ORIGIN}/nx/wm/contract`,
        `${ORIGIN}/nx/wm/contracts-archive`,
        `https://upwork.com.evil.example/nx/wm/contracts`,
        `http://www.upwork.com/nx/wm/contracts`,
      ],
    },
  },
  {
    kind: 'contract',
    paths: [
      new RegExp(`^/nx/wm/contracts/${CONTRACT_ID}/?$`),
      new RegExp(`^/nx/wm/workroom/${CONTRACT_ID}(?:/${MILESTONE_TABS})?/?$`),
      new RegExp(`^/ab/f/contracts/${CONTRACT_ID}/?$`),
    ],
    test: {
      matches: [
        `${ORIGIN}/nx/wm/contracts/41000001`,
        `${ORIGIN}/nx/wm/contracts/41000001/`,
        `${ORIGIN}/nx/wm/contracts/41000001?tab=milestones`,
        `${ORIGIN}/nx/wm/workroom/41000001/milestones`,
        `${ORIGIN}/nx/wm/workroom/41000001/overview`,
        `${ORIGIN}/nx/wm/workroom/41000001`,
        `${ORIGIN}/nx/wm/workroom/41000001/milestones#m2`,
        `${ORIGIN}/ab/f/contracts/41000001`,
      ],
      nonMatches: [
        `${ORIGIN}/nx/wm/contracts/abc`,
        `${ORIGIN}/nx/wm/contracts/41000001/extra/deep`,
        `${ORIGIN}/nx/wm/workroom/41000001/messages`,
        `https://www.upwork.com.evil.example/nx/wm/contracts/41000001`,
        `https://upwork.com/nx/wm/contracts/41000001`,
      ],
    },
  },
  {
    kind: 'workroom',
    // The other workroom tabs: milestones may still be on the page (a side panel), but need not be.
    paths: [new RegExp(`^/nx/wm/workroom/${CONTRACT_ID}/(?!${MILESTONE_TABS}/?$)[a-z-]+/?$`)],
    test: {
      matches: [
        `${ORIGIN}/nx/wm/workroom/41000001/messages`,
        `${ORIGIN}/nx/wm/workroom/41000001/timesheet`,
        `${ORIGIN}/nx/wm/workroom/41000001/files?folder=2`,
        `${ORIGIN}/nx/wm/workroom/41000001/feedback/`,
      ],
      nonMatches: [
        `${ORIGIN}/nx/wm/workroom/41000001/milestones`,
        `${ORIGIN}/nx/wm/workroom/abc/messages`,
        `${ORIGIN}/nx/wm/workroom/41000001/messages/room_abc/extra`,
      ],
    },
  },
  {
    kind: 'profile',
    paths: [new RegExp(`^/freelancers/${CIPHERTEXT}/?$`, 'i')],
    test: {
      matches: [
        `${ORIGIN}/freelancers/~01aa11bb22cc33dd44`,
        `${ORIGIN}/freelancers/~01aa11bb22cc33dd44/`,
        `${ORIGIN}/freelancers/~01aa11bb22cc33dd44?mp_source=share`,
        `${ORIGIN}/freelancers/~01AA11BB22CC33DD44?viewMode=1&s=1110580755107926016`,
      ],
      nonMatches: [
        `${ORIGIN}/freelancers/`,
        `${ORIGIN}/freelancers/01aa11bb22cc33dd44`,
        `${ORIGIN}/freelancers/~01`,
        `${ORIGIN}/freelancers/~01aa11bb22cc33dd44/portfolio/extra`,
        `${ORIGIN}/fl/priyak`,
        `https://www.upwork.com.evil.example/freelancers/~01aa11bb22cc33dd44`,
      ],
    },
  },
  {
    kind: 'proposals',
    paths: [
      /^\/nx\/proposals(?:\/[A-Za-z0-9~_-]+){0,3}\/?$/,
      /^\/ab\/applicants\/(~?[0-9a-z]{6,40})(?:\/[a-z-]+)?\/?$/i,
    ],
    test: {
      matches: [
        `${ORIGIN}/nx/proposals/`,
        `${ORIGIN}/nx/proposals/job/~021234567890123456789/applicants`,
        `${ORIGIN}/ab/applicants/1234567890123456789/applicants`,
        `${ORIGIN}/ab/applicants/~021234567890123456789/shortlist`,
        `${ORIGIN}/ab/applicants/1234567890123456789`,
      ],
      nonMatches: [
        `${ORIGIN}/ab/applicants/`,
        `${ORIGIN}/ab/applicants/12/applicants`,
        `https://www.upwork.com.evil.example/nx/proposals/`,
      ],
    },
  },
];

/** Pages on www.upwork.com that Leeway does not read; extra negative examples in tests. */
export const UPWORK_NON_ROUTES: readonly string[] = [
  `${ORIGIN}/`,
  `${ORIGIN}/nx/search/jobs/?q=shopify`,
  `${ORIGIN}/nx/find-work/best-matches`,
  `${ORIGIN}/nx/find-work/most-recent`,
  `${ORIGIN}/jobs/Shopify-theme-fixes_~021234567890123456789`,
  `${ORIGIN}/ab/messages/rooms/room_0123456789abcdef0123456789abcdef`,
  `${ORIGIN}/nx/settings/contact-info`,
  `${ORIGIN}/ab/account-security/login`,
  `${ORIGIN}/nx/offers/`,
  `${ORIGIN}/nx/search/talent/?q=shopify`,
  `${ORIGIN}/api/graphql/v1?alias=userJobSearch`,
  'https://trello.com/b/Kx7pQ2mN/client-site-launch',
  'https://community.upwork.com/t5/Freelancers/bd-p/freelancers',
  'not a url',
  '',
];

/** Which Upwork page a URL is, or null. Never throws. */
export function matchUpworkRoute(url: string): UpworkRouteMatch | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== UPWORK_HOST || parsed.port !== '') return null;
  for (const route of UPWORK_ROUTES) {
    for (const path of route.paths) {
      const m = path.exec(parsed.pathname);
      if (!m) continue;
      const id = m[1] ?? 'all';
      return { kind: route.kind, id: route.kind === 'profile' ? id.toLowerCase() : id };
    }
  }
  return null;
}

/** The contract id a link points at (`/nx/wm/contracts/<id>`, `/nx/wm/workroom/<id>/…`), or null. */
export function contractIdFromHref(href: string | null): string | null {
  if (!href) return null;
  try {
    const match = matchUpworkRoute(new URL(href, `${ORIGIN}/`).href);
    return match && (match.kind === 'contract' || match.kind === 'workroom') ? match.id : null;
  } catch {
    return null;
  }
}

/** The `~ciphertext` a freelancer profile link points at (lower-cased), or null. */
export function ciphertextFromHref(href: string | null): string | null {
  if (!href) return null;
  try {
    const match = matchUpworkRoute(new URL(href, `${ORIGIN}/`).href);
    return match?.kind === 'profile' ? match.id : null;
  } catch {
    return null;
  }
}

/** Where a contract's milestones live; the observations' `url`. */
export function milestonesUrl(contractId: string): string {
  return `${ORIGIN}/nx/wm/workroom/${contractId}/milestones`;
}
