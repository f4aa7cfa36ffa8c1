/**
 * Text patterns for Upwork milestones: the last fallback when attributes change, and the only way to
 * turn a status label into meaning. English UI only (Upwork's app is English-only as of 2026).
 */
import { parseDueText } from '@/utils/sites/dates/parse-due-text';

export const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

export type MilestoneStatus = 'pending' | 'active' | 'funded' | 'submitted' | 'approved' | 'paid';

/** What `list` shows for each status. */
export const STATUS_LABEL: Record<MilestoneStatus, string> = {
  pending: 'Not funded',
  active: 'Active',
  funded: 'Funded',
  submitted: 'Submitted for review',
  approved: 'Approved',
  paid: 'Paid',
};

/** The freelancer has delivered: the work is with the client (submitted) or accepted (approved, paid). */
export const DONE_STATUSES: ReadonlySet<MilestoneStatus> = new Set(['submitted', 'approved', 'paid']);

/**
 * Ordered: the first rule whose pattern matches wins. Order matters because labels overlap
 * ("Not funded" contains "funded", "Active & funded" contains both, "Approved & paid").
 */
const STATUS_RULES: readonly [RegExp, MilestoneStatus][] = [
  [/\b(not|un)\s*-?\s*funded\b|\bawaiting funding\b|\bfund (this )?milestone\b/i, 'pending'],
  [/\bchanges? requested\b|\brevisions? requested\b|\brequest(ed)? changes\b/i, 'active'],
  [/\bpaid\b|\bpayment (was )?released\b|\bfunds? released\b|\breleased\b/i, 'paid'],
  [/\bapproved\b/i, 'approved'],
  [/\bsubmitted\b|\bin review\b|\bawaiting (review|approval)\b|\bpending (review|approval)\b|\bwork submitted\b/i, 'submitted'],
  [/\bactive\b|\bin progress\b/i, 'active'],
  [/\bfunded\b|\bin escrow\b/i, 'funded'],
  [/\bpending\b|\bnot started\b|\bupcoming\b/i, 'pending'],
];

/** A status label as shown ("Active & funded", "Submitted for review") → its meaning, or null. */
export function parseMilestoneStatus(text: string): MilestoneStatus | null {
  const clean = collapse(text);
  if (!clean || clean.length > 200) return null;
  for (const [pattern, status] of STATUS_RULES) if (pattern.test(clean)) return status;
  return null;
}

/** Words Upwork prints around a due date that the date parser must not see. */
const DUE_PREFIX = /^(?:due(?:\s+date)?|deadline|delivery(?:\s+date)?)\s*(?:on|by)?\s*[:\-–]?\s*/i;
const DUE_SUFFIX = /\s*[·•|(,-]?\s*\(?(?:overdue|late|past due|today|\d+ days? (?:left|overdue|late))\)?\s*$/i;
const NO_DUE = /^(?:no due date|not set|none|—|-|–)$/i;

export interface DueRead {
  /** The text as shown, collapsed (kept to explain "due ?"). */
  dueText: string | null;
  due: string | null;
  dueUnparsed: boolean;
}

/** "Due Mar 3", "Due: Mar 3, 2027", "Due Dec 12 · Overdue", "3/15/2027" → a calendar date. */
export function readDueText(raw: string | null, today: string): DueRead {
  const dueText = collapse(raw).slice(0, 200) || null;
  if (dueText === null || NO_DUE.test(dueText)) return { dueText: null, due: null, dueUnparsed: false };
  let core = dueText.replace(DUE_PREFIX, '');
  for (let i = 0; i < 2; i++) core = core.replace(DUE_SUFFIX, '');
  if (NO_DUE.test(core) || /^no\b/i.test(core)) return { dueText: null, due: null, dueUnparsed: false };
  const parsed = core ? parseDueText(core, today) : null;
  // A milestone has one due date; a range would mean we read the wrong element.
  if (!parsed || parsed.start !== null) return { dueText, due: null, dueUnparsed: true };
  return { dueText, due: parsed.due, dueUnparsed: false };
}

/** A due phrase inside free text ("… Due Mar 3 …"), for rows whose due element has no attribute. */
const DUE_IN_TEXT = /\bdue(?:\s+date)?\s*(?:on|by)?\s*:?\s*((?:[a-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)|(?:\d{1,2}\/\d{1,2}\/\d{4})|(?:\d{4}-\d{2}-\d{2}))/i;

export function findDueInText(text: string): string | null {
  const m = DUE_IN_TEXT.exec(collapse(text).slice(0, 2000));
  return m ? m[0] : null;
}

/** "Submitted Nov 28", "Submitted on Nov 28, 2026", "Work submitted: 11/28/2026" → the date text. */
const SUBMITTED_IN_TEXT = /\bsubmitted\s*(?:for review)?\s*(?:on)?\s*:?\s*((?:[a-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)|(?:\d{1,2}\/\d{1,2}\/\d{4})|(?:\d{4}-\d{2}-\d{2}))/i;

/** The submission date shown in `text` as `YYYY-MM-DD`, or null. */
export function findSubmittedOn(text: string, today: string): string | null {
  const m = SUBMITTED_IN_TEXT.exec(collapse(text).slice(0, 2000));
  if (!m) return null;
  const parsed = parseDueText(m[1]!, today);
  return parsed && parsed.start === null ? parsed.due : null;
}

/** "$1,200.00" → 1200. Only dollar amounts (Upwork bills clients in USD). */
const AMOUNT = /\$\s?(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{2}))?/;

export function parseAmount(text: string): number | null {
  const m = AMOUNT.exec(collapse(text).slice(0, 500));
  if (!m) return null;
  const value = Number(m[1]!.replace(/,/g, '')) + (m[2] ? Number(m[2]) / 100 : 0);
  return Number.isFinite(value) ? value : null;
}
