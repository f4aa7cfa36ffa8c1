/** The toolbar badge: red tasks on red, else yellow ones on amber, else nothing; the tooltip names the top three. */
import type { TaskView } from '../messages/views';
import { relativeDue } from '../overlay/format';

export const BADGE_RED = '#d93025';
export const BADGE_AMBER = '#f9ab00';

export interface Badge {
  text: string;
  color: string | null;
  title: string;
}

/** Worst first: red before yellow, then the lower chance, then the earlier told due. */
export function byUrgency(a: TaskView, b: TaskView): number {
  const rank = (t: TaskView) => (t.zone === 'red' ? 0 : t.zone === 'yellow' ? 1 : 2);
  return rank(a) - rank(b) || (a.chance ?? 2) - (b.chance ?? 2) || (a.toldDue ?? '9999').localeCompare(b.toldDue ?? '9999');
}

/** `tasks` are the open tasks the owner wants to hear about (sites switched on). */
export function badgeFor(tasks: readonly TaskView[], today: string): Badge {
  const red = tasks.filter((t) => t.zone === 'red');
  const yellow = tasks.filter((t) => t.zone === 'yellow');
  if (red.length === 0 && yellow.length === 0) return { text: '', color: null, title: 'Leeway' };
  const counts = [red.length ? `${red.length} in trouble` : '', yellow.length ? `${yellow.length} at risk` : ''].filter(Boolean).join(', ');
  const top = [...red, ...yellow]
    .sort(byUrgency)
    .slice(0, 3)
    .map((t) => `• ${t.title}${t.toldDue ? ` — ${relativeDue(t.toldDue, today)}` : ''}`);
  return {
    text: String(red.length || yellow.length),
    color: red.length ? BADGE_RED : BADGE_AMBER,
    title: [`Leeway — ${counts}`, ...top].join('\n'),
  };
}
