import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';

/**
 * What a site adapter reports about the tasks it sees on a page. This is the contract between the
 * content scripts (which read pages) and the background (which owns the history store).
 * Everything crossing that boundary is validated with these schemas.
 */

export const SITE_IDS = ['trello', 'asana', 'upwork', 'manual'] as const;
export const SiteIdSchema = lazySchema(() => z.enum(SITE_IDS));
export type SiteId = z.infer<typeof SiteIdSchema>;

/** `YYYY-MM-DD`, a calendar date with no time zone. */
export const CalendarDateSchema = lazySchema(() =>
  z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date'), z.refine(isRealCalendarDate, 'not a real calendar date')),
);

/** `2026-02-31` matches the pattern but is no day; Date would silently roll it over to March. */
function isRealCalendarDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** An ISO-8601 instant with an explicit offset (as Trello's JSON gives it). */
export const InstantSchema = lazySchema(() => z.iso.datetime({ offset: true }));

/**
 * A due date as read from a page: either an exact instant (site JSON) or a calendar date (DOM text,
 * which carries no time of day). Consumers turn either into a local calendar date with `localDateOf`.
 */
export const DueSchema = lazySchema(() => z.union([InstantSchema, CalendarDateSchema]));

/** Where an observation comes from: the site's JSON, its page, or the owner typing it in (manual tasks). */
export const SourceSchema = lazySchema(() => z.enum(['json', 'dom', 'owner']));
export type ObservationSource = z.infer<typeof SourceSchema>;

// Every schema here is built on first use (`lazySchema`), not when the module loads: see `lazy-schema.ts`.
/** A person as one site knows them. `handle` is the site's stable id (Trello username, Asana gid, Upwork ~ciphertext). */
export const PersonRefSchema = lazySchema(() => z.object({
  site: SiteIdSchema,
  handle: z.string().check(z.minLength(1), z.maxLength(200)),
  displayName: z.string().check(z.maxLength(500)),
}));
export type PersonRef = z.infer<typeof PersonRefSchema>;

export const TaskObservationSchema = lazySchema(() => z.object({
  /** `<site>:<native id>`, e.g. `trello:AbC123xy`. */
  key: z.string().check(z.minLength(3), z.maxLength(300)),
  site: SiteIdSchema,
  nativeId: z.string().check(z.minLength(1), z.maxLength(200)),
  title: z.string().check(z.maxLength(5000)),
  url: z.string().check(z.maxLength(4000)),
  board: z.nullable(z.string().check(z.maxLength(1000))),
  list: z.nullable(z.string().check(z.maxLength(1000))),
  assignees: z.array(PersonRefSchema).check(z.maxLength(100)),
  /** The due date the contractor sees on the site (the "told" due). */
  due: z.nullable(DueSchema),
  /** Raw due text from the page when it was read from the DOM (kept to explain "due ?"). */
  dueText: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  /** True when the page shows a due date that could not be parsed. `due` is then null. */
  dueUnparsed: z.optional(z.boolean()),
  done: z.boolean(),
  /** Share of the work the site shows as done (Trello checklist items), 0..1; absent when it shows none. */
  progress: z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(1)))),
  /** Exact completion time when the site's JSON says it. */
  completedAt: z.optional(z.nullable(InstantSchema)),
  source: SourceSchema,
}));
export type TaskObservation = z.infer<typeof TaskObservationSchema>;

/**
 * A dated fact from a site's own history (Trello actions, Asana stories). Facts carry the site's own id
 * for the action so that seeing it twice adds nothing.
 */
export const HistoryFactSchema = lazySchema(() => z.object({
  taskKey: z.string().check(z.minLength(3), z.maxLength(300)),
  /** The site's own id of the action/story. */
  factId: z.string().check(z.minLength(1), z.maxLength(200)),
  kind: z.enum(['created', 'due-changed', 'completed', 'reopened', 'assigned', 'unassigned']),
  at: InstantSchema,
  oldDue: z.optional(z.nullable(DueSchema)),
  newDue: z.optional(z.nullable(DueSchema)),
  person: z.optional(PersonRefSchema),
}));
export type HistoryFact = z.infer<typeof HistoryFactSchema>;

export const ObservationBatchSchema = lazySchema(() => z.object({
  site: SiteIdSchema,
  pageUrl: z.string().check(z.maxLength(4000)),
  observedAt: InstantSchema,
  tasks: z.array(TaskObservationSchema).check(z.maxLength(20000)),
  facts: z.array(HistoryFactSchema).check(z.maxLength(50000)),
}));
export type ObservationBatch = z.infer<typeof ObservationBatchSchema>;
