import { storage } from '#imports';
import type { TaskView } from './messages/views';
import { byRisk } from './views/risk';

/** Rows the popup can show before anyone scrolls. */
const FIRST_SCREEN_TASKS = 12;

/**
 * The popup's first screen, saved by the background each time it builds the full overview. The popup
 * shows it at once (a few KB from storage) while the full overview, which reads the whole history,
 * is computed: that is how it opens in well under 150 ms with thousands of tasks.
 */
/** The popup's first screen (read without a validation library by components/popup/FirstScreen.tsx). */
export interface FirstScreen {
  at: string;
  needsYou: TaskView[];
  counts: { open: number; green: number; none: number; done: number; contractors: number };
}

export const firstScreenItem = storage.defineItem<unknown>('local:firstScreen', { fallback: null });

export function firstScreenOf(tasks: TaskView[], contractors: number, at: Date): FirstScreen {
  const open = tasks.filter((t) => !t.done);
  return {
    at: at.toISOString(),
    // The riskiest first, and only as many as fit the first screen: the rest arrive with the full overview.
    needsYou: open.filter((t) => t.zone === 'red' || t.zone === 'yellow').sort(byRisk).slice(0, FIRST_SCREEN_TASKS),
    counts: {
      open: open.length,
      green: open.filter((t) => t.zone === 'green').length,
      none: open.filter((t) => t.zone === 'none').length,
      done: tasks.length - open.length,
      contractors,
    },
  };
}
