import * as z from 'zod/mini';
import { lazySchema } from '../model/lazy-schema';
import { SiteIdSchema } from '../model/observation';
import { SITE_NAMES } from '../sites/names';

// Built on first use (`lazySchema`): see `utils/model/lazy-schema.ts`.
/** What a content script says about how well it could read its page. */
export const HealthReportSchema = lazySchema(() => z.object({
  site: SiteIdSchema,
  pageUrl: z.string().check(z.maxLength(4000)),
  route: z.nullable(z.string().check(z.maxLength(100))),
  expectsTasks: z.boolean(),
  tasksFound: z.int().check(z.minimum(0)),
  missing: z.record(z.string().check(z.maxLength(100)), z.int().check(z.minimum(0))),
  /** The site's own JSON: read ('ok'), tried and refused ('unavailable'), or not applicable ('none'). */
  json: z.enum(['ok', 'unavailable', 'none']),
  /** Tasks the site's JSON lists for this page, when it was read. */
  jsonTasks: z.nullable(z.int().check(z.minimum(0))),
  at: z.iso.datetime({ offset: true }),
}));
export type HealthReport = z.infer<typeof HealthReportSchema>;

export interface Diagnosis {
  level: 'ok' | 'info' | 'problem';
  message: string;
  details: string[];
}

const PAGE_NAMES: Record<string, string> = { board: 'board', card: 'board', project: 'project', contract: 'contract' };

/**
 * Turns a health report into words for the popup. Leeway never fails silently: a page that should
 * show tasks but yields none, or a field unreadable on every task, is called out plainly.
 */
export function diagnose(report: HealthReport): Diagnosis {
  const site = SITE_NAMES[report.site];
  const page = PAGE_NAMES[report.route ?? ''] ?? 'page';
  const details = Object.entries(report.missing)
    .filter(([, count]) => count > 0)
    .map(([field, count]) => `${field}: unreadable on ${count} of ${report.tasksFound}`);
  if (report.route === null) return { level: 'ok', message: `Leeway has nothing to read on this ${site} page.`, details: [] };

  const jsonSaysTasks = report.jsonTasks !== null && report.jsonTasks > 0;
  if (report.expectsTasks && report.tasksFound === 0 && (jsonSaysTasks || report.json !== 'ok')) {
    return {
      level: 'problem',
      message: `Leeway can't read this ${site} ${page} — the page layout may have changed.`,
      details: [
        jsonSaysTasks ? `${site}'s data lists ${report.jsonTasks} tasks, but none could be found on the page.` : 'No tasks were found on the page.',
        ...details,
        'Chips that can be shown still are. “Track this page” in the popup works meanwhile.',
      ],
    };
  }
  const broken = Object.entries(report.missing)
    .filter(([field, count]) => field !== 'card' && report.tasksFound > 0 && count >= report.tasksFound)
    .map(([field]) => field);
  if (broken.length > 0) {
    return {
      level: 'problem',
      message: `Leeway can't read ${broken.join(' or ')} on this ${site} ${page} — the page layout may have changed.`,
      details: [...details, 'Chips that can be shown still are.'],
    };
  }
  if (report.json === 'unavailable') {
    return {
      level: 'info',
      message: `Reading ${report.tasksFound} tasks from the page (${site}'s own data was not available, so dates are to the day).`,
      details,
    };
  }
  return { level: 'ok', message: `Reading ${report.tasksFound} tasks on this ${site} ${page}.`, details };
}
