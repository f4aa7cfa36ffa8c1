/**
 * Every Upwork selector the readers use, as ordered fallbacks. Upwork's contract and milestone markup
 * is the least known of our sites (research §3: contract/milestone selectors are *unverified guesses*,
 * S13), and Upwork swaps `data-test` values back and forth within weeks (S11, 2025-09/10). So:
 *   - anchor on links (`/freelancers/~…`, `/contracts/…`, `/workroom/…`) and on data-test / data-qa /
 *     data-cy attributes, never on `air3-*` class names;
 *   - when every selector fails, the readers fall back to text patterns ("Due Mar 3", "Funded", "$500.00").
 * "seen" dates are dates of the public code that used the selector; "our guess" marks names we chose
 * by analogy (dated when we chose them). Re-check against a saved live page when one is available.
 */
import type { SelectorList } from '../query';

export { closestFirst, matchesAny, queryAllFirst, queryFirst, type SelectorList } from '../query';

export const UPWORK_SELECTORS = {
  /** One milestone row/card on a contract page. */
  milestone: [
    '[data-test="milestone"]', // S13 guess list 2026, L
    '[data-test="milestone-tile"]', // our guess 2026-11, by analogy with contract-tile / JobTile
    '[data-qa="milestone-row"]', // S13 guess list 2026, L; older data-qa era
    '[data-cy="milestone"]', // our guess 2026-11
    '.milestone-item', // S13 guess list 2026 (a class: last resort)
  ],
  /** Attribute that carries the milestone's own id (read with getAttribute, in this order). */
  milestoneIdAttributes: [
    'data-milestone-id', // our guess 2026-11
    'data-ev-milestone_id', // our guess 2026-11, by analogy with data-ev-opening_uid (S11, S14 2025-26)
    'data-test-milestone-id', // our guess 2026-11
    'data-qa-milestone-id', // our guess 2026-11, older data-qa era
  ],
  /** A link whose href ends in `/milestones/<id>` (e.g. "View details"), another place an id can hide. */
  milestoneIdLink: [
    'a[href*="/milestones/"]', // our guess 2026-11
  ],
  /** Shown 1-based sequence number ("1", "Milestone 1"). */
  milestoneSequence: [
    '[data-test="milestone-sequence"]', // our guess 2026-11
    '[data-qa="milestone-number"]', // our guess 2026-11, older data-qa era
  ],
  milestoneTitle: [
    '[data-test="milestone-description"]', // our guess 2026-11: Upwork calls the milestone name a description
    '[data-test="milestone-title"]', // our guess 2026-11
    '[data-test="title"]', // research §3 skeleton 2026, L
    '[data-qa="milestone-description"]', // our guess 2026-11, older data-qa era
    'h3, h4, h5', // structural fallback 2026-11: the row's own heading
  ],
  milestoneAmount: [
    '[data-test="milestone-amount"] [data-test="formatted-amount"]', // formatted-amount seen 2025-26 (S14)
    '[data-test="milestone-amount"]', // our guess 2026-11
    '[data-test="amount"]', // research §3 skeleton 2026, L
    '[data-qa="milestone-amount"]', // our guess 2026-11, older data-qa era
    '[data-test="formatted-amount"]', // seen 2025-26 (S14) on job tiles
  ],
  milestoneDue: [
    '[data-test="milestone-due-date"]', // our guess 2026-11
    '[data-test="due-date"]', // research §3 skeleton 2026, L
    '[data-qa="milestone-due-date"]', // our guess 2026-11, older data-qa era
    '[data-cy="due-date"]', // our guess 2026-11
  ],
  milestoneStatus: [
    '[data-test="milestone-status"]', // our guess 2026-11
    '[data-test="status"]', // research §3 skeleton 2026, L
    '[data-qa="milestone-state"]', // our guess 2026-11, older data-qa era
    '[data-cy="milestone-status"]', // our guess 2026-11
  ],
  milestoneSubmitted: [
    '[data-test="milestone-submitted-date"]', // our guess 2026-11
    '[data-qa="milestone-submitted"]', // our guess 2026-11, older data-qa era
  ],
  /** Where a chip goes in a row without a due element: the row's meta line, else the row itself. */
  milestoneSlot: [
    '[data-test="milestone-meta"]', // our guess 2026-11
    '[data-qa="milestone-meta"]', // our guess 2026-11, older data-qa era
  ],
  contractTitle: [
    '[data-test="contract-title"]', // our guess 2026-11, by analogy with job-title (S13 skeleton)
    '[data-qa="contract-title"]', // our guess 2026-11, older data-qa era
    '[data-cy="contract-title"]', // our guess 2026-11
    'main h1', // structural fallback 2026-11: the page heading is the contract title
    'h1', // structural fallback 2026-11
  ],
  /** The contract's freelancer link on a contract page (header first, then anywhere). */
  contractFreelancer: [
    '[data-test="contract-freelancer"] a[href*="/freelancers/~"]', // our guess 2026-11
    '[data-qa="contract-freelancer"] a[href*="/freelancers/~"]', // our guess 2026-11, older data-qa era
    'a.profile-link[data-test="UpLink"][href*="/freelancers/~"]', // seen in public scrapers 2025-26 (research §3)
    'a[href*="/freelancers/~"]', // link anchor, seen 2025-26 (S12, S14)
  ],
  /** The name inside (or as) a freelancer link. */
  freelancerName: [
    '[data-test="freelancer-name"]', // research §3 skeleton 2026, L
    '[data-qa="freelancer-name"]', // our guess 2026-11, older data-qa era
    '[data-qa="tile-name"]', // talent-search tiles, seen 2025-26 (research §3)
  ],
  /** One contract on the contracts list. */
  contractRow: [
    '[data-test="contract-tile"]', // S13 guess list 2026, L
    '[data-qa="contract-row"]', // our guess 2026-11, older data-qa era
    '[data-cy="contract-tile"]', // our guess 2026-11
    '.contract-row', // S13 guess list 2026 (a class: last resort)
  ],
  /** The link that names a contract on the list (href carries its id). */
  contractLink: [
    'a[data-test="job-title"]', // research §3 skeleton 2026, L
    'a[data-test="contract-title"]', // our guess 2026-11
    'a[href*="/nx/wm/workroom/"]', // link anchor 2026-11 (workroom URLs, M)
    'a[href*="/contracts/"]', // link anchor 2026-11 (contract URLs, M)
  ],
  nextMilestoneDue: [
    '[data-test="next-milestone-due"]', // our guess 2026-11
    '[data-qa="next-milestone-due"]', // our guess 2026-11, older data-qa era
  ],
  /** The freelancer's name heading on their profile. */
  profileName: [
    '[data-test="freelancer-profile-name"]', // our guess 2026-11
    '[itemprop="name"]', // schema.org markup on public profiles, our guess 2026-11
    '[data-test="freelancer-name"]', // research §3 skeleton 2026, L
    '[data-qa="freelancer-name"]', // our guess 2026-11, older data-qa era
    'main h1', // structural fallback 2026-11
    'main h2', // structural fallback 2026-11
  ],
  /** One proposal on a job's proposals page. */
  proposal: [
    '[data-test="proposal-card"]', // our guess 2026-11
    '[data-test="ProposalTile"]', // our guess 2026-11, by analogy with JobTile (S11 2026-06)
    '[data-qa="applicant-tile"]', // our guess 2026-11, older data-qa era
    '[data-ev-contractor_ciphertext]', // our guess 2026-11, by analogy with data-ev-opening_uid
  ],
  /** Attribute with the freelancer's ciphertext on a proposal, when its name link lacks one. */
  proposalCiphertextAttributes: [
    'data-ev-contractor_ciphertext', // our guess 2026-11
    'data-freelancer-ciphertext', // our guess 2026-11
  ],
} as const satisfies Record<string, SelectorList>;

export type UpworkSelectorName = keyof typeof UPWORK_SELECTORS;
