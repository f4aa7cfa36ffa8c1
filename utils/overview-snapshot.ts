import { storage } from '#imports';
import { z } from 'zod';
import { TaskViewSchema, type TaskView } from './messages/views';
import { byRisk } from './views/risk';

/** Rows the popup can show before anyone scrolls. */
const FIRST_SCREEN_TASKS = 12;

/**
 * The popup's first screen, saved by the background each time it builds the full overview. The popup
 * shows it at once (a few KB from storage) while the full overview, which reads the whole history,
 * is computed: that is how it opens in well under 150 ms with thousands of tasks.
 */
export const FirstScreenSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  needsYou: z.array(TaskViewSchema).max(100),
  counts: z.object({
    open: z.number().int().min(0),
    green: z.number().int().min(0),
    none: z.number().int().min(0),
    done: z.number().int().min(0),
    contractors: z.number().int().min(0),
  }),
});
export type FirstScreen = z.infer<typeof FirstScreenSchema>;

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

export async function readFirstScreen(): Promise<FirstScreen | null> {
  const parsed = FirstScreenSchema.safeParse(await firstScreenItem.getValue());
  return parsed.success ? parsed.data : null;
}
