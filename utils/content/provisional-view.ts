import { localDateOf } from '../model/dates';
import type { TaskObservation } from '../model/observation';
import type { TaskView } from '../messages/views';

/**
 * What a chip shows before the background has answered for its task: the due the page itself shows, with
 * no zone, chance or suggestion yet. It is drawn at once so a card never waits for the site's JSON and the
 * history store to get its chip; the background's view replaces it a moment later.
 */
export function provisionalView(observation: TaskObservation): TaskView {
  return {
    key: observation.key,
    site: observation.site,
    title: observation.title,
    url: observation.url,
    board: observation.board,
    list: observation.list,
    assignees: observation.assignees.map((a) => ({ id: `${a.site}:${a.handle}`, name: a.displayName })),
    toldDue: observation.due ? localDateOf(observation.due) : null,
    clientDue: null,
    stakes: 'normal',
    target: 0,
    bufferDays: null,
    suggestedTold: null,
    chance: null,
    zone: observation.done ? 'done' : 'none',
    done: observation.done,
    dueUnparsed: observation.dueUnparsed ?? false,
    dueText: observation.dueText ?? null,
    why: null,
    note: null,
    ownerDeliveredOn: null,
    acceptedOn: null,
    excludedReason: null,
    checkpoints: [],
    rung: 'none',
    checkIn: null,
  };
}
