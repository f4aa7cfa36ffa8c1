/**
 * Asana prints due dates relative to the viewer's day: "Today", "Tomorrow", "Yesterday", a weekday
 * name for the coming week ("Thursday"), and "Feb 22" / "Feb 22, 2027" otherwise (research §2, S8/S9).
 * The relative words are resolved here against the `today` the caller passes (never the clock, so a
 * page read is reproducible); absolute texts go to the shared `parseDueText`.
 *
 * English only: Asana localises these words, and a localised weekday we cannot place is reported as
 * unparsed ("due ?") rather than guessed.
 */
import { addDays, getDay, isValid, parseISO } from 'date-fns';
import { localCalendarDate } from '@/utils/model/dates';
import { parseDueText } from '@/utils/sites/dates/parse-due-text';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const OFFSETS: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };

/** Times are dropped: "Today at 5pm", "Tomorrow, 17:00", "Friday 9:30 AM". */
const TIME = /(?:,|\bat\b)?\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*$/i;
/** Start–due ranges: "Today – Friday", "Mon – Thursday", "Feb 20 – 22". */
const RANGE = /\s+-\s+|\s*[–—]\s*/;

function weekdayIndex(word: string): number {
  // Full names, or their 3-letter abbreviations ("Thu").
  return WEEKDAYS.findIndex((name) => word === name || (word.length === 3 && name.startsWith(word)));
}

/** A relative word → `YYYY-MM-DD`, or null when the text is not one. */
function resolveRelative(text: string, today: Date): string | null {
  const words = text.toLowerCase().replace(TIME, '').replace(/[.,]/g, ' ').trim().split(/\s+/);
  if (words.length === 1 && words[0]! in OFFSETS) return localCalendarDate(addDays(today, OFFSETS[words[0]!]!));
  const last = words.length === 2 && (words[0] === 'last' || words[0] === 'next');
  if (words.length !== 1 && !last) return null;
  const day = weekdayIndex(words[words.length - 1]!);
  if (day < 0) return null;
  const ahead = (day - getDay(today) + 7) % 7;
  // "Last Thursday" is the most recent one before today; a bare weekday is the next one after today
  // (today itself would read "Today"), and so is "Next Thursday".
  if (words[0] === 'last') return localCalendarDate(addDays(today, ahead === 0 ? -7 : ahead - 7));
  return localCalendarDate(addDays(today, ahead === 0 ? 7 : ahead));
}

/**
 * The due date (`YYYY-MM-DD`) an Asana due text means, as of `today` (`YYYY-MM-DD`); null when it
 * cannot be read with confidence. For a range the due is its end. Never throws.
 */
export function resolveAsanaDueText(text: string, today: string): string | null {
  try {
    if (typeof text !== 'string' || text.length > 200) return null;
    const todayDate = parseISO(today);
    if (!isValid(todayDate) || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return null;
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!trimmed) return null;
    const parts = trimmed.split(RANGE);
    if (parts.length > 2) return null;
    const relative = resolveRelative(parts[parts.length - 1]!, todayDate);
    if (relative) return relative;
    // "Feb 20 – 22" needs the whole range; "Yesterday – Feb 22" only its absolute end.
    return parseDueText(trimmed, today)?.due ?? (parts.length === 2 ? (parseDueText(parts[1]!, today)?.due ?? null) : null);
  } catch {
    return null;
  }
}
