/** Loads the static Upwork fixtures for DOM tests (needs the happy-dom environment for DOMParser). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/upwork');

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function fixtureDocument(name: string): Document {
  return parseHtml(fixtureText(name));
}

/** The day the static fixtures were rendered (see write-fixtures.ts). */
export const FIXTURE_TODAY = '2026-12-01';
export const CONTRACT_URL = 'https://www.upwork.com/nx/wm/workroom/41000001/milestones';
export const CONTRACTS_URL = 'https://www.upwork.com/nx/wm/contracts?status=active';
export const PROFILE_URL = 'https://www.upwork.com/freelancers/~01aa11bb22cc33dd44';
export const PROPOSALS_URL = 'https://www.upwork.com/ab/applicants/~021234567890123456789/applicants';
