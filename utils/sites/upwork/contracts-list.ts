/**
 * Reads the contracts list (`/nx/wm/contracts`): one entry per contract with its id, title, freelancer
 * and the next milestone's due when the row shows it. The list names no milestone, so it yields no
 * tasks (a key needs the milestone); it is read for the freelancers' badges and for the popup.
 */
import { readFreelancerLinks, spacedText, textOf, type DomFreelancer } from './dom';
import { contractIdFromHref } from './routes';
import { UPWORK_SELECTORS as S, queryAllFirst, queryFirst } from './selectors';
import { findDueInText, readDueText, type DueRead } from './text';

export interface DomContract {
  element: Element;
  contractId: string;
  title: string;
  freelancer: DomFreelancer | null;
  /** The next milestone's due as shown on the row (no due: all null/false). */
  nextDue: DueRead;
}

export type ContractsListField = 'row' | 'contractId' | 'title' | 'freelancer' | 'nextDue';

export interface ContractsListRead {
  contracts: DomContract[];
  rowsFound: number;
  missing: Record<ContractsListField, number>;
}

/** Rows by attribute, else the nearest row-like ancestor of each contract link (one per contract). */
function findRows(root: ParentNode): Element[] {
  const rows = queryAllFirst(root, S.contractRow);
  if (rows.length > 0) return rows;
  const out = new Set<Element>();
  for (const link of Array.from(root.querySelectorAll('a[href*="/workroom/"], a[href*="/contracts/"]'))) {
    if (!contractIdFromHref(link.getAttribute('href'))) continue;
    const row = link.closest('tr, li, article, [role="row"]');
    if (row) out.add(row);
  }
  return [...out];
}

/** The row's contract link: by attribute first, then any link to a contract or workroom. */
function findContractLink(row: Element): { link: Element; contractId: string } | null {
  const first = queryFirst(row, S.contractLink);
  const candidates = [...(first ? [first] : []), ...Array.from(row.querySelectorAll('a[href]'))];
  for (const link of candidates) {
    const contractId = contractIdFromHref(link.getAttribute('href'));
    if (contractId) return { link, contractId };
  }
  return null;
}

function readRow(row: Element, today: string, missing: Record<ContractsListField, number>): DomContract | null {
  const found = findContractLink(row);
  if (!found) {
    missing.contractId++;
    return null;
  }
  const title = textOf(found.link, 1000) || textOf(queryFirst(row, S.contractTitle), 1000);
  if (!title) missing.title++;
  const freelancer = readFreelancerLinks(row, ['a[href*="/freelancers/~"]'])[0] ?? null;
  if (!freelancer) missing.freelancer++;
  const dueElement = queryFirst(row, S.nextMilestoneDue);
  const nextDue = readDueText(dueElement ? textOf(dueElement, 200) : findDueInText(spacedText(row)), today);
  if (nextDue.dueUnparsed) missing.nextDue++;
  return { element: row, contractId: found.contractId, title, freelancer, nextDue };
}

/** Never throws. A contract listed twice (e.g. in two sections) is reported once. */
export function readContractsList(root: ParentNode, opts: { today: string }): ContractsListRead {
  const missing: Record<ContractsListField, number> = { row: 0, contractId: 0, title: 0, freelancer: 0, nextDue: 0 };
  let rows: Element[] = [];
  try {
    rows = findRows(root);
  } catch {
    rows = [];
  }
  const contracts: DomContract[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    try {
      const contract = readRow(row, opts.today, missing);
      if (contract && !seen.has(contract.contractId)) {
        seen.add(contract.contractId);
        contracts.push(contract);
      }
    } catch {
      missing.row++;
    }
  }
  return { contracts, rowsFound: rows.length, missing };
}
