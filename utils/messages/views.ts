import * as z from 'zod/mini';
import { lazySchema } from '../model/lazy-schema';
import { CalendarDateSchema, SiteIdSchema } from '../model/observation';

/** What the overlays and the popup show. Computed in the background, validated again where it is shown. */

export const ZoneSchema = lazySchema(() => z.enum(['green', 'yellow', 'red', 'none', 'done']));
export type Zone = z.infer<typeof ZoneSchema>;

export const GradeSchema = lazySchema(() => z.enum(['new', 'reliable', 'ok', 'watch']));
export type Grade = z.infer<typeof GradeSchema>;

// Built on first use (`lazySchema`): see `utils/model/lazy-schema.ts`.
export const TaskViewSchema = lazySchema(() => z.object({
  key: z.string(),
  site: SiteIdSchema,
  title: z.string(),
  url: z.string(),
  board: z.nullable(z.string()),
  list: z.nullable(z.string()),
  assignees: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Local calendar date of the due the contractor sees. */
  toldDue: z.nullable(CalendarDateSchema),
  clientDue: z.nullable(CalendarDateSchema),
  /** How much rides on it; picks the target chance. */
  stakes: z.enum(['normal', 'critical', 'low']),
  /** The chance the suggestion aims for. */
  target: z.number().check(z.minimum(0), z.maximum(1)),
  /** Working days between the told due and the client deadline. */
  bufferDays: z.nullable(z.int()),
  suggestedTold: z.nullable(CalendarDateSchema),
  /** Chance of delivery by the client deadline (0..1), when there is one. */
  chance: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  zone: ZoneSchema,
  done: z.boolean(),
  dueUnparsed: z.boolean(),
  dueText: z.nullable(z.string()),
  /** Why the suggestion / chance is what it is, in a sentence. */
  why: z.nullable(z.string()),
  /** A site-specific reminder, e.g. when Upwork will release a submitted milestone's payment. */
  note: z.nullable(z.string()),
  /** When the owner said it was delivered (the site did not), and when they accepted it. */
  ownerDeliveredOn: z.nullable(CalendarDateSchema),
  acceptedOn: z.nullable(CalendarDateSchema),
  /** The owner excluded this delivery from the contractor's record, with this reason. */
  excludedReason: z.nullable(z.string()),
  /** Checkpoints at about 25/50/75% of the told window (one at the middle for short tasks). */
  checkpoints: z.array(
    z.object({
      date: CalendarDateSchema,
      fraction: z.number().check(z.minimum(0), z.maximum(1)),
      status: z.enum(['upcoming', 'met', 'missed', 'unknown']),
    }),
  ),
  /** Where the task is on the escalation ladder. */
  rung: z.enum(['none', 'reminder', 'escalation', 'replace']),
  /** A copyable check-in message for the current rung (status and new ETA). */
  checkIn: z.nullable(z.string()),
}));
export type TaskView = z.infer<typeof TaskViewSchema>;

export const ContractorViewSchema = lazySchema(() => z.object({
  /** The site identity this view was asked for (`trello:anaruiz`), as the page shows it. */
  id: z.string(),
  /** The contractor record behind it: several linked identities share one. */
  contractorId: z.string(),
  name: z.string(),
  identities: z.array(z.object({ site: SiteIdSchema, handle: z.string(), displayName: z.string() })),
  grade: GradeSchema,
  /** Deliveries counted: completed, plus open ones already past their told due. */
  n: z.int().check(z.minimum(0)),
  onTimeRate: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  /** Typical slip of late deliveries, in working days. */
  typicalSlipDays: z.nullable(z.number()),
  evidence: z.string(),
  /** Recent deliveries against the long run. */
  trend: z.enum(['improving', 'steady', 'worsening']),
  /** Late twice or more in their last five deliveries: "don't let a delay happen twice". */
  repeatedSlip: z.boolean(),
  recommendation: z.object({ kind: z.enum(['keep', 'watch', 'replace']), text: z.string() }),
  notes: z.string(),
  referencesChecked: z.boolean(),
  /** Their rate, as the owner writes it ("$45/h", "€600 per page"). */
  rate: z.string(),
}));
export type ContractorView = z.infer<typeof ContractorViewSchema>;

export const ViewsSchema = lazySchema(() => z.object({
  tasks: z.array(TaskViewSchema),
  contractors: z.array(ContractorViewSchema),
}));
export type Views = z.infer<typeof ViewsSchema>;
