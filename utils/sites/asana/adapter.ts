import { readToEnd } from '@/utils/slices';
import type { HistoryFact } from '@/utils/model/observation';
import type { GradualRead, PageRead, PlacedTask, ReadContext, SiteAdapter, Snapshot } from '../adapter';
import { fetchProjectSnapshot, fetchTaskSnapshot, type FetchLike } from './json';
import { emptyKnownPeople, mergeForTask, rememberPeople, resolveAssignee, toObservation } from './observe';
import { asanaDomReader, type AsanaDomRead, type AsanaItemKind, type DomAsanaTask } from './reader';
import { matchAsanaRoute } from './routes';
import { ASANA_SELECTORS as S, queryFirst } from './selectors';

/** Routes whose page should list tasks; on the others (home, inbox, search) an empty page is normal. */
const EXPECTS_TASKS = new Set(['project', 'my-tasks', 'task']);

const SLOT: Record<AsanaItemKind, readonly string[]> = {
  card: S.boardCardSlot,
  row: S.listSlot,
  'my-tasks-row': S.myTasksSlot,
  pane: S.paneSlot,
};

export interface AsanaAdapterOptions {
  fetchImpl?: FetchLike;
  now?: () => Date;
}

/**
 * Asana: JSON (`/api/1.0`) for which tasks exist, exact dues, assignees and history; the DOM for
 * placement and as fallback. The adapter remembers the assignees its last snapshots named, so board
 * cards (initials only) get a person once the JSON has been read on this page.
 */
export function createAsanaAdapter(options: AsanaAdapterOptions = {}): SiteAdapter {
  const known = emptyKnownPeople();
  const json = () => ({ fetchImpl: options.fetchImpl, now: options.now?.() });

  /**
   * Reads a slice of items at a time and finds each one's chip slot as it is read: a query per item, 1,000 of
   * them at the end would be a task of their own.
   */
  function readGradually(document: Document, { today, pageUrl, only }: ReadContext): GradualRead {
    const slots = new Map<Element, Element>();
    const reader = asanaDomReader(document, { today, pageUrl, only }, (item) => slots.set(item.element, slotOf(item)));
    return { readSome: reader.readSome, finish: () => placeTasks(reader.finish(), (item) => slots.get(item.element) ?? slotOf(item)) };
  }

  const slotOf = (item: DomAsanaTask) => queryFirst(item.element, SLOT[item.kind]) ?? item.element;

  /** One task per gid (a list row and the open pane show the same task), placed on each of its items. */
  function placeTasks(read: AsanaDomRead, slotOf: (item: DomAsanaTask) => Element): PageRead {
    const byGid = new Map<string, DomAsanaTask[]>();
    for (const item of read.items) byGid.set(item.gid, [...(byGid.get(item.gid) ?? []), item]);

    let missingAssignee = 0;
    const tasks: PlacedTask[] = [];
    for (const [gid, items] of byGid) {
      try {
        const merged = mergeForTask(items);
        const assignee = resolveAssignee(merged, known);
        // An avatar we cannot name (initials, no JSON) is a missing assignee, not an invented one.
        if (merged.assigneeElement && !assignee) missingAssignee++;
        const observation = toObservation(merged, assignee);
        if (!observation) continue;
        for (const item of items) {
          tasks.push({
            key: `asana:${gid}`,
            container: item.element,
            anchor: item.dueElement,
            slot: slotOf(item),
            people: assignee && item.assigneeElement ? [{ contractorId: `asana:${assignee.handle}`, element: item.assigneeElement }] : [],
            observation,
          });
        }
      } catch {
        read.missing.item++;
      }
    }
    return {
      tasks,
      health: {
        route: read.route,
        expectsTasks: read.route !== null && EXPECTS_TASKS.has(read.route),
        tasksFound: read.found,
        missing: { ...read.missing, assignee: missingAssignee },
      },
    };
  }

  return {
    site: 'asana',
    readsSnapshot: true,
    matches: ['https://app.asana.com/*'],

    route(url) {
      const match = matchAsanaRoute(url);
      return match ? { kind: match.kind, id: match.id } : null;
    },

    readPage: (document, context) => readToEnd(readGradually(document, context)),

    readPageGradually: readGradually,

    async snapshot(route): Promise<Snapshot | null> {
      let projectGid: string | null = route.kind === 'project' ? route.id : null;
      let taskPart: Awaited<ReturnType<typeof fetchTaskSnapshot>> = null;
      if (route.kind === 'task' || (route.kind === 'search' && route.id)) {
        taskPart = await fetchTaskSnapshot(route.id, json());
        if (!taskPart) return null;
        projectGid = taskPart.projectGid;
      }
      const project = projectGid ? await fetchProjectSnapshot(projectGid, json()) : null;
      if (!project && !taskPart) return null;

      const observations = new Map((project?.observations ?? []).map((o) => [o.nativeId, o]));
      if (taskPart) observations.set(taskPart.observation.nativeId, taskPart.observation);
      const facts = new Map<string, HistoryFact>();
      for (const f of [...(project?.facts ?? []), ...(taskPart?.facts ?? [])]) facts.set(f.factId, f);
      rememberPeople(known, [...observations.values()]);
      return {
        observations: [...observations.values()],
        facts: [...facts.values()],
        scope: [...(project ? [project.project.gid] : []), ...observations.keys()],
      };
    },
  };
}

export const asanaAdapter: SiteAdapter = createAsanaAdapter();
