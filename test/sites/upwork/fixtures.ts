/** Loads the static Upwork fixtures for DOM tests (needs the happy-dom environment for DOMParser). */
import { parseHtml, siteFixtures } from '../fixture-files';

export { parseHtml };
export const { FIXTURES, fixtureText, fixtureDocument } = siteFixtures('upwork');

/** The day the static fixtures were rendered (see write-fixtures.ts). */
export const FIXTURE_TODAY = '2026-12-01';
export const CONTRACT_URL = 'https://www.upwork.com/nx/wm/workroom/41000001/milestones';
export const CONTRACTS_URL = 'https://www.upwork.com/nx/wm/contracts?status=active';
export const PROFILE_URL = 'https://www.upwork.com/freelancers/~01aa11bb22cc33dd44';
export const PROPOSALS_URL = 'https://www.upwork.com/ab/applicants/~021234567890123456789/applicants';
