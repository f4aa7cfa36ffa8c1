/**
 * Asana's own JSON API (`https://app.asana.com/api/1.0`), read with the user's session cookie and the
 * `X-Allow-Asana-Client: 1` header Asana requires of cookie-authenticated clients (research §5, S7).
 * It names assignees (board cards show initials only), gives exact dues and the full task set, and
 * stories give the history. Every response is validated; any failure yields null. Nothing here throws.
 */
import { eachInSlices } from '@/utils/slices';
import * as z from 'zod/mini';
import { lazySchema } from '@/utils/model/lazy-schema';
import type { HistoryFact, PersonRef, TaskObservation } from '@/utils/model/observation';
import { CalendarDateSchema, HistoryFactSchema, InstantSchema, TaskObservationSchema } from '@/utils/model/observation';
import { GID } from './routes';
import { taskUrl } from './observe';

/** The subset of `fetch` we use, so tests and Firefox (`content.fetch`) can inject their own. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

// Wrapped so a detached `fetch` is never called with the wrong `this` ("Illegal invocation").
const defaultFetch: FetchLike = (url, init) => fetch(url, init);

const API = 'https://app.asana.com/api/1.0';
export const TASK_FIELDS =
  'name,assignee.name,due_on,due_at,start_on,completed,completed_at,created_at,modified_at,memberships.project.name,memberships.section.name,permalink_url';
const STORY_FIELDS = 'resource_subtype,created_at,created_by.name,text,new_dates,old_dates,assignee.name,assignee.gid';

export const asanaUrls = {
  projectTasks: (gid: string, offset?: string) =>
    `${API}/projects/${gid}/tasks?opt_fields=${TASK_FIELDS}&limit=100${offset ? `&offset=${encodeURIComponent(offset)}` : ''}`,
  project: (gid: string) => `${API}/projects/${gid}?opt_fields=name`,
  task: (gid: string) => `${API}/tasks/${gid}?opt_fields=${TASK_FIELDS}`,
  stories: (gid: string, offset?: string) =>
    `${API}/tasks/${gid}/stories?opt_fields=${STORY_FIELDS}&limit=100${offset ? `&offset=${encodeURIComponent(offset)}` : ''}`,
};

/** Limits: each page and each task's stories is one request. */
export const LIMITS = {
  taskPages: 20,
  storyPages: 3,
  storyTasks: 60,
  storyConcurrency: 3,
  /** Completed tasks older than this have no stories fetched. */
  storyDays: 180,
};

// ---- schemas: only the fields we use; unknown fields are ignored so additions don't break us.
// Built on first use (`lazySchema`): see `utils/model/lazy-schema.ts`.

const GidSchema = lazySchema(() => z.string().check(z.regex(GID)));
const UserSchema = lazySchema(() => z.object({ gid: GidSchema, name: z.nullish(z.string()) }));
const DatesSchema = lazySchema(() => z.nullish(z.object({ due_on: z.nullish(CalendarDateSchema), due_at: z.nullish(InstantSchema) })));
const TaskSchema = lazySchema(() => z.object({
  gid: GidSchema,
  name: z.string(),
  assignee: z.nullish(UserSchema),
  due_on: z.nullish(CalendarDateSchema),
  due_at: z.nullish(InstantSchema),
  completed: z.optional(z.boolean()),
  completed_at: z.nullish(InstantSchema),
  created_at: z.nullish(InstantSchema),
  memberships: z.optional(
    z.array(
      z.object({
        project: z.nullish(z.object({ gid: GidSchema, name: z.nullish(z.string()) })),
        section: z.nullish(z.object({ gid: z.optional(GidSchema), name: z.nullish(z.string()) })),
      }),
    ),
  ),
  permalink_url: z.nullish(z.string()),
}));
const StorySchema = lazySchema(() => z.object({
  gid: GidSchema,
  resource_subtype: z.string(),
  created_at: InstantSchema,
  created_by: z.nullish(UserSchema),
  new_dates: DatesSchema,
  old_dates: DatesSchema,
  assignee: z.nullish(UserSchema),
}));
const NextPageSchema = lazySchema(() => z.nullish(z.object({ offset: z.string().check(z.minLength(1)) })));
const PageSchema = lazySchema(() => z.object({ data: z.array(z.unknown()), next_page: NextPageSchema }));

export type AsanaTask = z.infer<typeof TaskSchema>;
type AsanaStory = z.infer<typeof StorySchema>;

export interface ProjectSnapshot {
  project: { gid: string; name: string | null };
  observations: TaskObservation[];
  facts: HistoryFact[];
  /** False when the page cap cut the task list short. */
  complete: boolean;
}

export interface TaskSnapshot {
  observation: TaskObservation;
  facts: HistoryFact[];
  /** The task's first project, so the caller can fetch the whole project. */
  projectGid: string | null;
}

export interface SnapshotOptions {
  fetchImpl?: FetchLike;
  /** "Now" for the 180-day story window; injectable for tests. */
  now?: Date;
}

/** Fetches JSON; null on HTTP errors (401/403/404…), non-JSON bodies (the HTML login page) or network failure. */
async function getJson(url: string, fetchImpl: FetchLike): Promise<unknown> {
  try {
    const response = await fetchImpl(url, {
      credentials: 'include',
      headers: { Accept: 'application/json', 'X-Allow-Asana-Client': '1' },
    });
    if (!response.ok) return null;
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return null;
  }
}

/** Keeps valid elements; a page whose elements are all invalid is a changed format → null. */
function parseItems<T>(schema: z.ZodMiniType<T>, items: readonly unknown[]): T[] | null {
  const out: T[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return items.length > 0 && out.length === 0 ? null : out;
}

/** Every page of a paginated `{ data: [], next_page }` list; null if any page fails. */
async function getPages<T>(
  url: (offset?: string) => string,
  schema: z.ZodMiniType<T>,
  maxPages: number,
  fetchImpl: FetchLike,
): Promise<{ items: T[]; complete: boolean } | null> {
  const items: T[] = [];
  let offset: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const parsed = PageSchema.safeParse(await getJson(url(offset), fetchImpl));
    if (!parsed.success) return null;
    const valid = parseItems(schema, parsed.data.data);
    if (!valid) return null;
    items.push(...valid);
    offset = parsed.data.next_page?.offset;
    if (!offset) return { items, complete: true };
  }
  return { items, complete: false };
}

const person = (user: { gid: string; name?: string | null }): PersonRef => ({
  site: 'asana',
  handle: user.gid,
  displayName: (user.name ?? '').slice(0, 500),
});

function membershipIn(task: AsanaTask, projectGid: string | null) {
  const all = task.memberships ?? [];
  return all.find((m) => m.project?.gid === projectGid) ?? all.find((m) => m.project) ?? null;
}

function taskObservation(task: AsanaTask, projectGid: string | null, projectName: string | null): TaskObservation | null {
  const membership = membershipIn(task, projectGid);
  const permalink = task.permalink_url?.startsWith('https://app.asana.com/') ? task.permalink_url : null;
  const candidate: TaskObservation = {
    key: `asana:${task.gid}`,
    site: 'asana',
    nativeId: task.gid,
    title: task.name.slice(0, 5000),
    url: permalink ?? taskUrl(task.gid),
    board: (membership?.project?.name ?? projectName)?.slice(0, 1000) ?? null,
    list: membership?.section?.name?.slice(0, 1000) ?? null,
    assignees: task.assignee ? [person(task.assignee)] : [],
    // due_at is set only when the due has a time; due_on is then its local date.
    due: task.due_at ?? task.due_on ?? null,
    done: task.completed === true,
    completedAt: task.completed === true ? (task.completed_at ?? null) : null,
    source: 'json',
  };
  return TaskObservationSchema.safeParse(candidate).success ? candidate : null;
}

const dueOf = (dates: z.infer<typeof DatesSchema>) => dates?.due_at ?? dates?.due_on ?? null;

/** One story → one fact, or null for stories we don't track (comments, likes, attachments…). */
function storyFact(taskGid: string, story: AsanaStory): HistoryFact | null {
  const base = { taskKey: `asana:${taskGid}`, factId: story.gid, at: story.created_at };
  let fact: HistoryFact | null = null;
  switch (story.resource_subtype) {
    case 'due_date_changed':
      fact = { ...base, kind: 'due-changed', oldDue: dueOf(story.old_dates), newDue: dueOf(story.new_dates) };
      break;
    case 'marked_complete':
      fact = { ...base, kind: 'completed' };
      break;
    case 'marked_incomplete':
      fact = { ...base, kind: 'reopened' };
      break;
    case 'assigned':
    case 'unassigned':
      fact = { ...base, kind: story.resource_subtype };
      if (story.assignee) fact.person = person(story.assignee);
      break;
  }
  return fact && HistoryFactSchema.safeParse(fact).success ? fact : null;
}

/** The task's creation as a fact; its id is derived from the task gid so it stays the same on every read. */
function createdFact(task: AsanaTask): HistoryFact[] {
  if (!task.created_at) return [];
  return [{ taskKey: `asana:${task.gid}`, factId: `created:${task.gid}`, kind: 'created', at: task.created_at }];
}

async function taskFacts(taskGid: string, fetchImpl: FetchLike): Promise<HistoryFact[]> {
  const stories = await getPages((o) => asanaUrls.stories(taskGid, o), StorySchema, LIMITS.storyPages, fetchImpl);
  return (stories?.items ?? []).map((s) => storyFact(taskGid, s)).filter((f): f is HistoryFact => f !== null);
}

/**
 * Which tasks get their stories read (one request each): open tasks with a due, then tasks completed in
 * the last 180 days, most recently due/completed first, at most `LIMITS.storyTasks`.
 */
export function tasksForStories(tasks: readonly AsanaTask[], now: Date): AsanaTask[] {
  const since = now.getTime() - LIMITS.storyDays * 86_400_000;
  const openWithDue = tasks.filter((t) => t.completed !== true && (t.due_on || t.due_at));
  const recentDone = tasks.filter((t) => t.completed === true && t.completed_at && Date.parse(t.completed_at) >= since);
  const key = (t: AsanaTask) => t.completed_at ?? t.due_at ?? t.due_on ?? '';
  const byRecent = (a: AsanaTask, b: AsanaTask) => key(b).localeCompare(key(a));
  return [...openWithDue.sort(byRecent), ...recentDone.sort(byRecent)].slice(0, LIMITS.storyTasks);
}

/** Runs `work` over `items`, `limit` at a time, so a project doesn't fire 60 requests at once. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += limit) out.push(...(await Promise.all(items.slice(i, i + limit).map(work))));
  return out;
}

/**
 * A whole project: every task (paginated, capped), history from a bounded set of tasks' stories, and
 * creation facts. Null when the task list can't be read (logged out, no access, changed format).
 */
export async function fetchProjectSnapshot(projectGid: string, options: SnapshotOptions = {}): Promise<ProjectSnapshot | null> {
  const fetchImpl = options.fetchImpl ?? defaultFetch;
  try {
    if (!GID.test(projectGid)) return null;
    const [pages, projectRaw] = await Promise.all([
      getPages((o) => asanaUrls.projectTasks(projectGid, o), TaskSchema, LIMITS.taskPages, fetchImpl),
      getJson(asanaUrls.project(projectGid), fetchImpl),
    ]);
    if (!pages) return null;
    const project = z.object({ data: z.object({ name: z.string() }) }).safeParse(projectRaw);
    const projectName = project.success ? project.data.data.name : null;
    // Each observation is checked against the contract as it is made: in slices, a project has a thousand.
    const observations: TaskObservation[] = [];
    await eachInSlices(pages.items, (t) => {
      const observation = taskObservation(t, projectGid, projectName);
      if (observation) observations.push(observation);
    });
    const storyFacts = await inBatches(tasksForStories(pages.items, options.now ?? new Date()), LIMITS.storyConcurrency, (t) =>
      taskFacts(t.gid, fetchImpl),
    );
    const facts = [...pages.items.flatMap(createdFact), ...storyFacts.flat()];
    const name = projectName ?? observations.find((o) => o.board)?.board ?? null;
    return { project: { gid: projectGid, name }, observations, facts, complete: pages.complete };
  } catch {
    return null;
  }
}

/** One task with its stories, for a pane opened by direct link. Null when the task can't be read. */
export async function fetchTaskSnapshot(taskGid: string, options: SnapshotOptions = {}): Promise<TaskSnapshot | null> {
  const fetchImpl = options.fetchImpl ?? defaultFetch;
  try {
    if (!GID.test(taskGid)) return null;
    const envelope = z.object({ data: TaskSchema }).safeParse(await getJson(asanaUrls.task(taskGid), fetchImpl));
    if (!envelope.success) return null;
    const task = envelope.data.data;
    const observation = taskObservation(task, null, null);
    if (!observation) return null;
    const facts = [...createdFact(task), ...(await taskFacts(task.gid, fetchImpl))];
    return { observation, facts, projectGid: membershipIn(task, null)?.project?.gid ?? null };
  } catch {
    return null;
  }
}
