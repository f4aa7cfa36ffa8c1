import * as z from 'zod/mini';
import { lazySchema } from '../model/lazy-schema';
import { CalendarDateSchema, InstantSchema, ObservationBatchSchema, SiteIdSchema } from '../model/observation';
import { HealthReportSchema } from '../health/report';
import { ContractorViewSchema, TaskViewSchema, ViewsSchema } from './views';

/**
 * The most characters in a piece of a site's JSON response (`utils/sites/stream-text.ts` sends 256 K), and the most
 * pieces a response may have; the background keeps at most 64 M characters of a board (`site-json-pieces.ts`).
 */
const MAX_PIECE_CHARS = 4 * 1024 * 1024;
const MAX_PIECES = 16_384;

// Built on first use (`lazySchema`): see `utils/model/lazy-schema.ts`. The content script never parses a request.
/** A task the owner tracks by hand, from any page. */
export const ManualTaskSchema = lazySchema(() => z.object({
  title: z.string().check(z.trim(), z.minLength(1, 'a title is needed'), z.maxLength(500)),
  url: z.string().check(z.maxLength(4000)),
  /** A known contractor (an identity key such as `trello:anaruiz`) … */
  assigneeKey: z.nullable(z.string().check(z.maxLength(300))),
  /** … or a new one, by name. */
  newAssigneeName: z.nullable(z.string().check(z.trim(), z.maxLength(200))),
  toldDue: z.nullable(CalendarDateSchema),
  clientDue: z.nullable(CalendarDateSchema),
}));
export type ManualTask = z.infer<typeof ManualTaskSchema>;

/**
 * Every message between Leeway's contexts. The background parses each one with `RequestSchema` and
 * answers `{ ok: false, error }` for anything that does not parse; it never throws at a caller.
 */
/** The id a page gives a board it sends as site JSON (a UUID). */
const BoardIdSchema = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(100)));

export const RequestSchema = lazySchema(() => z.discriminatedUnion('type', [
  /** Content script → background: what a page shows. Answered with the views for those tasks. */
  z.object({
    type: z.literal('observe'),
    batch: ObservationBatchSchema,
    /** Answer with views for only these of the batch's tasks (the ones on screen); all of them when absent. */
    viewsFor: z.optional(z.array(z.string().check(z.maxLength(300))).check(z.maxLength(20000))),
  }),
  /**
   * Content script → background: a piece of the site's JSON for the page, unparsed, as it downloads
   * (`SiteAdapter.fetchSiteJson`): the `index`th piece of response `name` of board `boardId`. Kept until `site-json`.
   */
  z.object({
    type: z.literal('site-json-piece'),
    boardId: BoardIdSchema,
    name: z.string().check(z.minLength(1), z.maxLength(100)),
    index: z.int().check(z.minimum(0), z.maximum(MAX_PIECES)),
    text: z.string().check(z.maxLength(MAX_PIECE_CHARS)),
  }),
  /**
   * Content script → background: the site's JSON for the page is all sent, `responses` saying how many pieces each
   * has. The background puts it together, checks it and writes it in parts, the tasks in `viewsFor` (on screen)
   * first. Answered once those are written, with their views and which tasks the JSON lists; `board-written` waits
   * for the rest.
   */
  z.object({
    type: z.literal('site-json'),
    site: SiteIdSchema,
    pageUrl: z.string().check(z.maxLength(4000)),
    observedAt: InstantSchema,
    boardId: BoardIdSchema,
    responses: z.record(z.string().check(z.maxLength(100)), z.int().check(z.minimum(0), z.maximum(MAX_PIECES))),
    viewsFor: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(20000)),
  }),
  /** Content script → background: answered once the rest of a `site-json` board is written (or can't be). */
  z.object({ type: z.literal('board-written'), boardId: BoardIdSchema }),
  /** Content script → background: views for tasks and people on the page (after the owner edits). */
  z.object({
    type: z.literal('get-views'),
    taskKeys: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(20000)),
    contractorIds: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(5000)),
  }),
  /** Content script → background: this page is being left with parts of its board still waiting to be written. */
  z.object({ type: z.literal('page-left') }),
  /** Content script → background: how well the page could be read (shown in the popup for that tab). */
  z.object({ type: z.literal('report-health'), report: HealthReportSchema }),
  /** Popup → background: everything tracked. */
  z.object({ type: z.literal('get-overview') }),
  /** Popup or overlay → background: the owner's private client deadline (null clears it). */
  z.object({ type: z.literal('set-client-due'), taskKey: z.string().check(z.maxLength(300)), clientDue: z.nullable(CalendarDateSchema) }),
  /** Popup → background: one person on several sites. */
  z.object({ type: z.literal('link-identity'), into: z.string().check(z.maxLength(300)), identityKey: z.string().check(z.maxLength(300)) }),
  z.object({ type: z.literal('unlink-identity'), identityKey: z.string().check(z.maxLength(300)) }),
  /** Popup → background: track any page by hand (the fallback when no adapter reads it). */
  z.object({ type: z.literal('track-manual'), task: ManualTaskSchema }),
  /** Popup → background: the owner marks a hand-tracked task delivered (or not). */
  z.object({ type: z.literal('set-done'), taskKey: z.string().check(z.maxLength(300)), done: z.boolean() }),
  /** Popup or overlay → background: a delay that was the owner's doing counts for nothing (or does again). */
  z.object({
    type: z.literal('set-excluded'),
    taskKey: z.string().check(z.maxLength(300)),
    excluded: z.boolean(),
    reason: z.nullable(z.string().check(z.trim(), z.maxLength(500))),
  }),
  /** Popup → background: the owner marks a checkpoint met or missed. */
  z.object({ type: z.literal('mark-checkpoint'), taskKey: z.string().check(z.maxLength(300)), date: CalendarDateSchema, status: z.enum(['met', 'missed']) }),
  /** Popup or overlay → background: how much rides on a task (picks its target chance). */
  z.object({ type: z.literal('set-stakes'), taskKey: z.string().check(z.maxLength(300)), stakes: z.enum(['normal', 'critical', 'low']) }),
  /** Popup → background: the owner's word on any task: delivered (though the site does not show it) or accepted. */
  z.object({ type: z.literal('mark-task'), taskKey: z.string().check(z.maxLength(300)), mark: z.enum(['delivered', 'accepted']) }),
  /** Popup → background: one contractor's page (record and history). */
  z.object({ type: z.literal('get-contractor'), contractorId: z.string().check(z.maxLength(300)) }),
  /** Popup → background: the owner's notes on a contractor. */
  z.object({
    type: z.literal('update-contractor'),
    contractorId: z.string().check(z.maxLength(300)),
    notes: z.string().check(z.maxLength(10_000)),
    referencesChecked: z.boolean(),
    rate: z.string().check(z.trim(), z.maxLength(100)),
  }),
  /** Options → background: the data tools. */
  z.object({ type: z.literal('export-history') }),
  z.object({ type: z.literal('import-history'), text: z.string().check(z.maxLength(64 * 1024 * 1024)) }),
  z.object({ type: z.literal('export-deliveries-csv') }),
  z.object({ type: z.literal('erase-history') }),
]));
export type Request = z.infer<typeof RequestSchema>;

export const OverviewSchema = lazySchema(() => z.object({
  tasks: z.array(TaskViewSchema),
  contractors: z.array(ContractorViewSchema),
  /** Contractors on different sites whose names match: probably one person. */
  linkSuggestions: z.array(z.object({ a: z.string(), b: z.string(), name: z.string() })),
}));
export type Overview = z.infer<typeof OverviewSchema>;

/** One row of a contractor's history table. */
export const DeliveryRowSchema = lazySchema(() => z.object({
  taskKey: z.string(),
  title: z.string(),
  site: z.string(),
  url: z.string(),
  assignedOn: z.string(),
  toldDue: z.string(),
  deliveredOn: z.nullable(z.string()),
  /** Working days late (negative: early); null while open and not yet due. */
  slipDays: z.nullable(z.int()),
  excludedReason: z.nullable(z.string()),
  approximate: z.boolean(),
}));
export type DeliveryRow = z.infer<typeof DeliveryRowSchema>;

export const FailureSchema = lazySchema(() => z.object({ ok: z.literal(false), error: z.string() }));

export const ResponseSchemas = {
  observe: lazySchema(() => z.union([z.object({ ok: z.literal(true), views: ViewsSchema }), FailureSchema])),
  'site-json-piece': lazySchema(() => z.union([z.object({ ok: z.literal(true) }), FailureSchema])),
  'site-json': lazySchema(() => z.union([
    z.object({
      ok: z.literal(true),
      /**
       * The tasks the JSON lists, and the route ids it describes, each one string of lines: checked at once on the
       * page, where a 5,000-card board's 10,000 ids checked one by one took 5 ms warm and more cold, in the task that
       * draws the first views. Null when the JSON did not check (the page falls back to the DOM).
       */
      board: z.nullable(z.object({ keys: z.string(), scope: z.string() })),
      views: ViewsSchema,
      /** Pieces went missing (the service worker was stopped while they came): the page sends the JSON again. */
      incomplete: z.optional(z.literal(true)),
    }),
    FailureSchema,
  ])),
  'board-written': lazySchema(() => z.union([
    /** `unknown`: the background has no such board on its way (it was stopped and started again): send it again. */
    z.object({ ok: z.literal(true), outcome: z.enum(['written', 'refused', 'left', 'unknown']) }),
    FailureSchema,
  ])),
  'get-views': lazySchema(() => z.union([z.object({ ok: z.literal(true), views: ViewsSchema }), FailureSchema])),
  'page-left': lazySchema(() => z.union([z.object({ ok: z.literal(true) }), FailureSchema])),
  'report-health': lazySchema(() => z.union([z.object({ ok: z.literal(true) }), FailureSchema])),
  'link-identity': lazySchema(() => z.union([z.object({ ok: z.literal(true) }), FailureSchema])),
  'unlink-identity': lazySchema(() => z.union([z.object({ ok: z.literal(true) }), FailureSchema])),
  'track-manual': lazySchema(() => z.union([z.object({ ok: z.literal(true), taskKey: z.string() }), FailureSchema])),
  'set-done': lazySchema(() => z.union([z.object({ ok: z.literal(true) }), FailureSchema])),
  'mark-checkpoint': lazySchema(() => z.union([z.object({ ok: z.literal(true) }), FailureSchema])),
  'set-stakes': lazySchema(() => z.union([z.object({ ok: z.literal(true) }), FailureSchema])),
  'mark-task': lazySchema(() => z.union([z.object({ ok: z.literal(true) }), FailureSchema])),
  'get-contractor': lazySchema(() => z.union([
    z.object({ ok: z.literal(true), contractor: ContractorViewSchema, deliveries: z.array(DeliveryRowSchema) }),
    FailureSchema,
  ])),
  'update-contractor': lazySchema(() => z.union([z.object({ ok: z.literal(true) }), FailureSchema])),
  'set-excluded': lazySchema(() => z.union([z.object({ ok: z.literal(true) }), FailureSchema])),
  'export-history': lazySchema(() => z.union([z.object({ ok: z.literal(true), json: z.string(), fileName: z.string() }), FailureSchema])),
  'import-history': lazySchema(() => z.union([
    z.object({ ok: z.literal(true), summary: z.object({ contractors: z.number(), tasks: z.number(), events: z.number(), newEvents: z.number() }) }),
    FailureSchema,
  ])),
  'export-deliveries-csv': lazySchema(() => z.union([z.object({ ok: z.literal(true), csv: z.string(), fileName: z.string() }), FailureSchema])),
  'erase-history': lazySchema(() => z.union([z.object({ ok: z.literal(true) }), FailureSchema])),
  'get-overview': lazySchema(() => z.union([z.object({ ok: z.literal(true), overview: OverviewSchema }), FailureSchema])),
  'set-client-due': lazySchema(() => z.union([z.object({ ok: z.literal(true), task: z.nullable(TaskViewSchema) }), FailureSchema])),
} satisfies Record<Request['type'], z.ZodMiniType>;

export type ResponseFor<T extends Request['type']> = z.infer<(typeof ResponseSchemas)[T]>;

/** Turns a zod error into one readable line naming the first problem. */
export function describeZodError(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid message';
  const path = issue.path.length ? issue.path.join('.') : '(root)';
  return `${path}: ${issue.message}`;
}
