/**
 * Reads a contract page's milestones from the DOM (there is no cookie-only JSON for Upwork: research §5).
 * Each milestone is read inside its own try/catch so one mangled row cannot hide the others; fields
 * that cannot be read are counted in `missing` so the health report shows selector drift.
 */
import type { TaskObservation } from '@/utils/model/observation';
import { firstAttribute, leaves, readFreelancerLinks, spacedText, textOf, type DomFreelancer } from './dom';
import { matchUpworkRoute, milestonesUrl } from './routes';
import { UPWORK_SELECTORS as S, queryAllFirst, queryFirst } from './selectors';
import {
  DONE_STATUSES,
  STATUS_LABEL,
  findDueInText,
  findSubmittedOn,
  parseAmount,
  parseMilestoneStatus,
  readDueText,
  type DueRead,
  type MilestoneStatus,
} from './text';

export type ContractField =
  | 'milestone'
  | 'milestoneId'
  | 'title'
  | 'status'
  | 'due'
  | 'amount'
  | 'contractId'
  | 'contractTitle'
  | 'freelancer';

export interface DomMilestone extends DueRead {
  element: Element;
  /** Upwork's milestone id, or the 1-based position when the page shows none. */
  milestoneId: string;
  idFromPage: boolean;
  title: string;
  amount: number | null;
  status: MilestoneStatus | null;
  /** The due element; the chip goes after it. Null when the row shows no due (or only inside other text). */
  dueElement: Element | null;
  /** `YYYY-MM-DD` the work was submitted, when the row shows it. */
  submittedOn: string | null;
  done: boolean;
}

export interface ContractRead {
  contractId: string | null;
  contractTitle: string | null;
  freelancer: DomFreelancer | null;
  milestones: DomMilestone[];
  /** Milestone elements found (including ones that could not be read). */
  milestonesFound: number;
  missing: Record<ContractField, number>;
}

export function newMissing(): Record<ContractField, number> {
  return { milestone: 0, milestoneId: 0, title: 0, status: 0, due: 0, amount: 0, contractId: 0, contractTitle: 0, freelancer: 0 };
}

const MILESTONE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The milestone's own id: an attribute, or a `/milestones/<id>` link; null when the page shows none. */
function readMilestoneId(row: Element): string | null {
  const attribute = firstAttribute(row, S.milestoneIdAttributes);
  if (attribute && MILESTONE_ID.test(attribute)) return attribute;
  const link = queryFirst(row, S.milestoneIdLink);
  const fromLink = /\/milestones\/([A-Za-z0-9_-]{1,64})(?:[/?#]|$)/.exec(link?.getAttribute('href') ?? '');
  return fromLink ? fromLink[1]! : null;
}

/** The shown sequence number ("1", "Milestone 2") if it is a sane position, else null. */
function readSequence(row: Element): number | null {
  const m = /^(?:milestone\s*)?#?(\d{1,3})\.?$/i.exec(textOf(queryFirst(row, S.milestoneSequence), 40));
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 999 ? n : null;
}

/** The status element, or a short leaf whose whole text is a status label ("Funded", "Paid"). */
function readStatus(row: Element, title: string): MilestoneStatus | null {
  const labelled = queryFirst(row, S.milestoneStatus);
  if (labelled) return parseMilestoneStatus(textOf(labelled, 200));
  for (const leaf of leaves(row)) {
    const text = textOf(leaf, 60);
    if (!text || text.length > 40 || text === title || /\d/.test(text)) continue;
    const status = parseMilestoneStatus(text);
    if (status) return status;
  }
  return null;
}

/** The due element by attribute, else a short leaf reading "Due …". */
function findDueElement(row: Element): Element | null {
  const labelled = queryFirst(row, S.milestoneDue);
  if (labelled) return labelled;
  return leaves(row).find((leaf) => /^\s*due\b/i.test(textOf(leaf, 80)) && textOf(leaf).length <= 80) ?? null;
}

function readMilestone(row: Element, index: number, today: string, missing: Record<ContractField, number>): DomMilestone {
  const rowText = spacedText(row);
  const pageId = readMilestoneId(row);
  if (!pageId) missing.milestoneId++;
  const milestoneId = pageId ?? String(readSequence(row) ?? index + 1);

  const title = textOf(queryFirst(row, S.milestoneTitle));
  if (!title) missing.title++;

  const status = readStatus(row, title);
  if (status === null) missing.status++;

  const dueElement = findDueElement(row);
  const due = readDueText(dueElement ? textOf(dueElement, 200) : findDueInText(rowText), today);
  if (due.dueUnparsed) missing.due++;

  const amountElement = queryFirst(row, S.milestoneAmount);
  const amount = parseAmount(amountElement ? textOf(amountElement, 200) : rowText);
  if (amount === null) missing.amount++;

  const submittedElement = queryFirst(row, S.milestoneSubmitted);
  const submittedOn = findSubmittedOn(submittedElement ? textOf(submittedElement, 200) : rowText, today);
  const done = status !== null && DONE_STATUSES.has(status);
  return { element: row, milestoneId, idFromPage: pageId !== null, title, amount, status, dueElement, ...due, submittedOn, done };
}

/** Reads the contract heading, its freelancer and every milestone row. Never throws. */
export function readContract(root: ParentNode, opts: { today: string; pageUrl: string }): ContractRead {
  const missing = newMissing();
  const route = matchUpworkRoute(opts.pageUrl);
  const contractId = route && (route.kind === 'contract' || route.kind === 'workroom') ? route.id : null;
  let contractTitle: string | null = null;
  let freelancer: DomFreelancer | null = null;
  let rows: Element[] = [];
  try {
    contractTitle = textOf(queryFirst(root, S.contractTitle), 1000) || null;
    freelancer = readFreelancerLinks(root, S.contractFreelancer)[0] ?? null;
    rows = queryAllFirst(root, S.milestone);
  } catch {
    rows = [];
  }
  if (rows.length > 0) {
    if (contractId === null) missing.contractId++;
    if (contractTitle === null) missing.contractTitle++;
    if (freelancer === null) missing.freelancer++;
  }
  const milestones: DomMilestone[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    try {
      const milestone = readMilestone(row, index, opts.today, missing);
      // Two rows with one key would fight over one task: keep the first (same page order every reload).
      if (seen.has(milestone.milestoneId)) {
        missing.milestoneId++;
        return;
      }
      seen.add(milestone.milestoneId);
      milestones.push(milestone);
    } catch {
      missing.milestone++;
    }
  });
  return { contractId, contractTitle, freelancer, milestones, milestonesFound: rows.length, missing };
}

/** One observation per milestone; null when the contract id is unknown (no stable key) or the result is invalid. */
export function milestoneObservation(read: ContractRead, milestone: DomMilestone): TaskObservation | null {
  if (read.contractId === null) return null;
  const nativeId = `${read.contractId}:${milestone.milestoneId}`;
  const candidate: TaskObservation = {
    key: `upwork:${nativeId}`,
    site: 'upwork',
    nativeId,
    title: milestone.title.slice(0, 5000),
    url: milestonesUrl(read.contractId),
    board: read.contractTitle === null ? null : read.contractTitle.slice(0, 1000),
    list: milestone.status === null ? null : STATUS_LABEL[milestone.status],
    assignees: read.freelancer
      ? [{ site: 'upwork', handle: read.freelancer.handle.slice(0, 200), displayName: read.freelancer.displayName.slice(0, 500) }]
      : [],
    due: milestone.due,
    dueText: milestone.dueText,
    dueUnparsed: milestone.dueUnparsed,
    done: milestone.done,
    // Submission is delivery: the freelancer's part ends there, whatever the client does next.
    completedAt: milestone.done && milestone.submittedOn ? `${milestone.submittedOn}T12:00:00.000Z` : null,
    source: 'dom',
  };
  // Validated once, when sent (utils/content/runner.ts): a page re-read after every re-render must stay cheap.
  return candidate;
}
