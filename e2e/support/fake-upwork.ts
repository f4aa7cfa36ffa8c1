/** Serves fixture contracts and profiles for https://www.upwork.com (DOM only: Upwork has no cookie JSON). */
import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  FREELANCERS,
  renderContractPage,
  renderContractsListPage,
  renderProfilePage,
  renderProposalsPage,
  sampleJob,
  type FixtureContract,
} from '../../test/fixtures/upwork/generate-contract';

const SKIN = `<style>${readFileSync(new URL('./upwork-skin.css', import.meta.url), 'utf8')}</style>`;

export async function serveUpwork(context: BrowserContext, contracts: FixtureContract[], options: { mangle?: (html: string) => string } = {}): Promise<void> {
  await context.route('https://www.upwork.com/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    const contractId = /\/nx\/wm\/workroom\/(\d+)/.exec(path)?.[1];
    const profile = /^\/freelancers\/(~[0-9a-f]+)/i.exec(path)?.[1];
    let html: string | null = null;
    if (contractId) {
      const contract = contracts.find((c) => c.id === contractId);
      html = contract ? renderContractPage(contract) : null;
    } else if (profile) {
      const freelancer = Object.values(FREELANCERS).find((f) => f.ciphertext === profile);
      html = freelancer ? renderProfilePage(freelancer) : null;
    } else if (path.startsWith('/ab/applicants/') || path.startsWith('/nx/proposals/')) {
      html = renderProposalsPage(sampleJob());
    } else if (path.startsWith('/nx/wm/contracts')) {
      html = renderContractsListPage(contracts);
    }
    if (html === null) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    const skinned = html.replace('</head>', `${SKIN}</head>`);
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: options.mangle ? options.mangle(skinned) : skinned });
  });
}

export function milestonesUrl(contract: FixtureContract): string {
  return `https://www.upwork.com/nx/wm/workroom/${contract.id}/milestones`;
}
