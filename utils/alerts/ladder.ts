/**
 * The escalation ladder (research §7.3): reminder → escalation → "consider replacing", with a copyable
 * check-in message at each rung that asks for the status and a new ETA.
 */
import { parseDay, weekday } from '../forecast/calendar';
import type { Zone } from '../messages/views';
import type { Checkpoint } from './checkpoints';

export type Rung = 'none' | 'reminder' | 'escalation' | 'replace';

/** One delivery as the slip rule reads it (a `DerivedDelivery` fits). Dates are `YYYY-MM-DD`. */
export interface SlipRecord {
  toldDue: string;
  deliveredOn: string | null;
  excluded?: boolean;
}

export const SLIP_WINDOW = 5;
export const SLIPS_TO_FLAG = 2;

/**
 * A contractor's second slip within their last five tasks flags them. The last five are the latest by told
 * due among deliveries that count: delivered ones, plus (given `today`) open ones already past their told
 * due, which are slips already. Deliveries the owner excluded (their own delay) never count.
 */
export function repeatedSlip(deliveries: readonly SlipRecord[], today?: string): boolean {
  const counted = deliveries
    .filter((d) => !d.excluded && (d.deliveredOn !== null || (today !== undefined && d.toldDue < today)))
    .sort((x, y) => (x.toldDue < y.toldDue ? 1 : x.toldDue > y.toldDue ? -1 : 0))
    .slice(0, SLIP_WINDOW);
  return counted.filter((d) => (d.deliveredOn ?? today!) > d.toldDue).length >= SLIPS_TO_FLAG;
}

/**
 * Where an open task stands: green with nothing missed stays off the ladder; yellow (or a checkpoint the
 * owner marked missed) is a reminder; red is an escalation; red for a contractor flagged by
 * `repeatedSlip` is "consider replacing" — a second slip in a short while is a pattern, not bad luck.
 */
export function rungFor(input: { zone: Zone; checkpoints: readonly Checkpoint[]; flagged: boolean }): Rung {
  const { zone } = input;
  if (zone === 'done') return 'none';
  if (zone === 'red') return input.flagged ? 'replace' : 'escalation';
  if (zone === 'yellow' || input.checkpoints.some((c) => c.status === 'missed')) return 'reminder';
  return 'none';
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Thu 5 Mar": the message is English, so the date is too, whatever the browser's locale. */
export function messageDate(date: string): string {
  const day = parseDay(date, 'date');
  const [, month, dom] = date.split('-').map(Number);
  return `${WEEKDAYS[weekday(day)]} ${dom} ${MONTHS[(month ?? 1) - 1]}`;
}

/** "Ana", "Ana and Ben", "Ana, Ben and Chen": first names only, as one writes to people one works with. */
function greeting(names: readonly string[]): string {
  const first = names.map((n) => n.trim().split(/\s+/)[0] ?? n).filter((n) => n.length > 0);
  if (first.length === 0) return 'Hi';
  if (first.length === 1) return `Hi ${first[0]}`;
  return `Hi ${first.slice(0, -1).join(', ')} and ${first[first.length - 1]}`;
}

export interface CheckInInput {
  rung: Rung;
  title: string;
  assigneeNames: readonly string[];
  toldDue: string | null;
  today: string;
}

/** The message to copy and send at this rung; null off the ladder. Every one asks for the status and a date. */
export function checkInMessage(input: CheckInInput): string | null {
  const { rung, toldDue, today } = input;
  if (rung === 'none') return null;
  const hi = greeting(input.assigneeNames);
  const task = `“${input.title.trim()}”`;
  if (!toldDue) return `${hi} — checking in on ${task}. How is it going, and what date can you commit to?`;
  const due = messageDate(toldDue);
  const late = today > toldDue;
  switch (rung) {
    case 'reminder':
      return `${hi} — checking in on ${task}, due ${due}. How is it going, and is that date still good? If not, what date can you commit to?`;
    case 'escalation':
      return late
        ? `${hi} — ${task} was due ${due} and I haven't received it yet. Where does it stand, and what date can you commit to? I need to plan around it today.`
        : `${hi} — ${task} is due ${due} and it looks at risk from here. Where does it stand, what's left, and what date can you realistically commit to?`;
    case 'replace':
      return `${hi} — ${task} ${late ? 'was' : 'is'} due ${due}, and this would be the second delay in a short while. I need a firm date from you today; if that isn't possible I'll have to hand it to someone else. What can you commit to?`;
  }
}
