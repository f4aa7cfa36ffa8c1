import { z } from 'zod';

/**
 * What a site adapter reports about the tasks it sees on a page. This is the contract between the
 * content scripts (which read pages) and the background (which owns the history store).
 * Everything crossing that boundary is validated with these schemas.
 */

export const SITE_IDS = ['trello', 'asana', 'upwork', 'manual'] as const;
export const SiteIdSchema = z.enum(SITE_IDS);
export type SiteId = z.infer<typeof SiteIdSchema>;

/** `YYYY-MM-DD`, a calendar date with no time zone. */
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date')
  .refine(isRealCalendarDate, 'not a real calendar date');

/** `2026-02-31` matches the pattern but is no day; Date would silently roll it over to March. */
function isRealCalendarDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** An ISO-8601 instant with an explicit offset (as Trello's JSON gives it). */
export const InstantSchema = z.iso.datetime({ offset: true });

/**
 * A due date as read from a page: either an exact instant (site JSON) or a calendar date (DOM text,
 * which carries no time of day). Consumers turn either into a local calendar date with `localDateOf`.
 */
export const DueSchema = z.union([InstantSchema, CalendarDateSchema]);

/** Where an observation comes from: the site's JSON, its page, or the owner typing it in (manual tasks). */
export const SourceSchema = z.enum(['json', 'dom', 'owner']);
export type ObservationSource = z.infer<typeof SourceSchema>;

/** A person as one site knows them. `handle` is the site's stable id (Trello username, Asana gid, Upwork ~ciphertext). */
export const PersonRefSchema = z.object({
  site: SiteIdSchema,
  handle: z.string().min(1).max(200),
  displayName: z.string().max(500),
});
export type PersonRef = z.infer<typeof PersonRefSchema>;

export const TaskObservationSchema = z.object({
  /** `<site>:<native id>`, e.g. `trello:AbC123xy`. */
  key: z.string().min(3).max(300),
  site: SiteIdSchema,
  nativeId: z.string().min(1).max(200),
  title: z.string().max(5000),
  url: z.string().max(4000),
  board: z.string().max(1000).nullable(),
  list: z.string().max(1000).nullable(),
  assignees: z.array(PersonRefSchema).max(100),
  /** The due date the contractor sees on the site (the "told" due). */
  due: DueSchema.nullable(),
  /** Raw due text from the page when it was read from the DOM (kept to explain "due ?"). */
  dueText: z.string().max(200).nullable().optional(),
  /** True when the page shows a due date that could not be parsed. `due` is then null. */
  dueUnparsed: z.boolean().optional(),
  done: z.boolean(),
  /** Share of the work the site shows as done (Trello checklist items), 0..1; absent when it shows none. */
  progress: z.number().min(0).max(1).nullable().optional(),
  /** Exact completion time when the site's JSON says it. */
  completedAt: InstantSchema.nullable().optional(),
  source: SourceSchema,
});
export type TaskObservation = z.infer<typeof TaskObservationSchema>;

/**
 * A dated fact from a site's own history (Trello actions, Asana stories). Facts carry the site's own id
 * for the action so that seeing it twice adds nothing.
 */
export const HistoryFactSchema = z.object({
  taskKey: z.string().min(3).max(300),
  /** The site's own id of the action/story. */
  factId: z.string().min(1).max(200),
  kind: z.enum(['created', 'due-changed', 'completed', 'reopened', 'assigned', 'unassigned']),
  at: InstantSchema,
  oldDue: DueSchema.nullable().optional(),
  newDue: DueSchema.nullable().optional(),
  person: PersonRefSchema.optional(),
});
export type HistoryFact = z.infer<typeof HistoryFactSchema>;

export const ObservationBatchSchema = z.object({
  site: SiteIdSchema,
  pageUrl: z.string().max(4000),
  observedAt: InstantSchema,
  tasks: z.array(TaskObservationSchema).max(20000),
  facts: z.array(HistoryFactSchema).max(50000),
});
export type ObservationBatch = z.infer<typeof ObservationBatchSchema>;
