import { z } from 'zod';
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
  handle: z.string().min(1).max(200),
  displayName: z.string().max(500),
  linkedAt: InstantSchema.optional(),
});

const ContractorSchema = z.object({
  id: z.string().min(1).max(300),
  name: z.string().max(500),
  identities: z.array(IdentitySchema).max(50),
  createdAt: InstantSchema.optional(),
});

const TaskSchema = z.object({
  key: z.string().regex(/^[a-z]+:.+/, 'expected <site>:<id>').max(300),
  site: SiteIdSchema,
  title: z.string().max(5000),
  url: z.string().max(4000),
  /** Contractor ids. */
  assignees: z.array(z.string().min(1).max(300)).max(100),
  /** The site identities behind `assignees` (Leeway's own exports; lets a round trip keep them). */
  assigneeIdentities: z.array(z.string().min(1).max(300)).max(100).optional(),
  /** When the work was handed over. */
  assignedAt: InstantSchema.nullable(),
  toldDue: DueSchema.nullable(),
  clientDue: CalendarDateSchema.nullable(),
  done: z.boolean(),
  completedAt: InstantSchema.nullable(),
  nativeId: z.string().min(1).max(200).optional(),
  board: z.string().max(1000).nullable().optional(),
  list: z.string().max(1000).nullable().optional(),
  dueUnparsed: z.boolean().optional(),
  dueText: z.string().max(200).nullable().optional(),
  firstSeenAt: InstantSchema.optional(),
  lastSeenAt: InstantSchema.optional(),
  lastSource: SourceSchema.optional(),
  progress: z.number().min(0).max(1).nullable().optional(),
  stakes: z.enum(['normal', 'critical', 'low']).optional(),
});

const EventSchema = z.object({
  id: z.string().min(1).max(600),
  taskKey: z.string().min(3).max(300),
  type: z.enum(EVENT_TYPES),
  at: InstantSchema,
  source: z.enum(['json', 'dom', 'owner', 'import', 'leeway']),
  approximate: z.boolean(),
  oldValue: z.string().max(100).nullable(),
  newValue: z.string().max(100).nullable(),
  /** The site identity the event names (assigned / unassigned). */
  contractorId: z.string().max(300).nullable(),
});

export const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: InstantSchema,
  contractors: z.array(ContractorSchema).max(100_000),
  tasks: z.array(TaskSchema).max(500_000),
  events: z.array(EventSchema).max(5_000_000),
  settings: z.unknown().optional(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;
export type ExportTask = z.infer<typeof TaskSchema>;
export type ExportEvent = z.infer<typeof EventSchema>;
