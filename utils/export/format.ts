import * as z from 'zod/mini';
import { CalendarDateSchema, DueSchema, InstantSchema, SiteIdSchema, SourceSchema } from '../model/observation';
import { EVENT_TYPES } from '../store/schema';

/**
 * The export file (docs/export-format.md). Validated whole before anything is written: a file that
 * fails here changes nothing. Unknown fields are ignored (and so is `__proto__`: zod copies only the
 * fields it knows into fresh objects).
 */
export const EXPORT_FORMAT = 'leeway-export';
export const EXPORT_VERSION = 1;

const IdentitySchema = z.object({
  site: SiteIdSchema,
  handle: z.string().check(z.minLength(1), z.maxLength(200)),
  displayName: z.string().check(z.maxLength(500)),
  linkedAt: z.optional(InstantSchema),
});

const ContractorSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(300)),
  name: z.string().check(z.maxLength(500)),
  identities: z.array(IdentitySchema).check(z.maxLength(50)),
  createdAt: z.optional(InstantSchema),
});

const TaskSchema = z.object({
  key: z.string().check(z.regex(/^[a-z]+:.+/, 'expected <site>:<id>'), z.maxLength(300)),
  site: SiteIdSchema,
  title: z.string().check(z.maxLength(5000)),
  url: z.string().check(z.maxLength(4000)),
  /** Contractor ids. */
  assignees: z.array(z.string().check(z.minLength(1), z.maxLength(300))).check(z.maxLength(100)),
  /** The site identities behind `assignees` (Leeway's own exports; lets a round trip keep them). */
  assigneeIdentities: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(300))).check(z.maxLength(100))),
  /** When the work was handed over. */
  assignedAt: z.nullable(InstantSchema),
  toldDue: z.nullable(DueSchema),
  clientDue: z.nullable(CalendarDateSchema),
  done: z.boolean(),
  completedAt: z.nullable(InstantSchema),
  nativeId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  board: z.optional(z.nullable(z.string().check(z.maxLength(1000)))),
  list: z.optional(z.nullable(z.string().check(z.maxLength(1000)))),
  dueUnparsed: z.optional(z.boolean()),
  dueText: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  firstSeenAt: z.optional(InstantSchema),
  lastSeenAt: z.optional(InstantSchema),
  lastSource: z.optional(SourceSchema),
  progress: z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(1)))),
  stakes: z.optional(z.enum(['normal', 'critical', 'low'])),
});

const EventSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(600)),
  taskKey: z.string().check(z.minLength(3), z.maxLength(300)),
  type: z.enum(EVENT_TYPES),
  at: InstantSchema,
  source: z.enum(['json', 'dom', 'owner', 'import', 'leeway']),
  approximate: z.boolean(),
  oldValue: z.nullable(z.string().check(z.maxLength(100))),
  newValue: z.nullable(z.string().check(z.maxLength(100))),
  /** The site identity the event names (assigned / unassigned). */
  contractorId: z.nullable(z.string().check(z.maxLength(300))),
});

export const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: InstantSchema,
  contractors: z.array(ContractorSchema).check(z.maxLength(100_000)),
  tasks: z.array(TaskSchema).check(z.maxLength(500_000)),
  events: z.array(EventSchema).check(z.maxLength(5_000_000)),
  settings: z.optional(z.unknown()),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;
export type ExportTask = z.infer<typeof TaskSchema>;
export type ExportEvent = z.infer<typeof EventSchema>;
