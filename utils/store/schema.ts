import type { DBSchema } from 'idb';
import type { ObservationSource, SiteId } from '../model/observation';

/**
 * The history database, owned by the background service worker. Bump DB_VERSION and add a step to
 * `upgradeSteps` (db.ts) for every change; never edit an existing step, so any older database upgrades.
 */
export const DB_NAME = 'leeway-history';
export const DB_VERSION = 1;

export interface SiteIdentity {
  site: SiteId;
  /** The site's stable id for the person (Trello username, Asana gid, Upwork ~ciphertext). */
  handle: string;
  displayName: string;
  /** When the owner linked this identity into the contractor (absent for the first one). */
  linkedAt?: string;
}

export interface ContractorRecord {
  /** `<site>:<handle>` of the identity that first introduced the person. */
  id: string;
  name: string;
  identities: SiteIdentity[];
  /** `<site>:<handle>` of every identity, indexed so a site handle finds its contractor. */
  identityKeys: string[];
  createdAt: string;
  /** The owner's own notes on the person (contractor page). */
  notes?: string;
  referencesChecked?: boolean;
  rate?: string;
}

export type Stakes = 'normal' | 'critical' | 'low';

export interface TaskRecord {
  /** `<site>:<native id>` */
  key: string;
  site: SiteId;
  nativeId: string;
  title: string;
  url: string;
  board: string | null;
  list: string | null;
  /** Contractor ids. */
  assignees: string[];
  /** The due the contractor sees on the site: an ISO instant (site JSON) or a calendar date (DOM). */
  toldDue: string | null;
  /** The owner's private client deadline, `YYYY-MM-DD`. */
  clientDue: string | null;
  /** Share of the work the site shows done (checklists), 0..1, when it shows any. */
  progress?: number | null;
  /** How much rides on it: picks the target chance (options: normal, critical, low-stakes). Absent = normal. */
  stakes?: Stakes;
  done: boolean;
  completedAt: string | null;
  /** Set when the page shows a due date Leeway could not parse; kept so the popup can flag it. */
  dueUnparsed: boolean;
  dueText: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  lastSource: ObservationSource;
}

export const EVENT_TYPES = [
  'first-seen',
  /** Created on the site (from the site's own history). */
  'created',
  'due-set',
  'due-changed',
  'assigned',
  'unassigned',
  'completed',
  'reopened',
  'client-due-set',
  /** The owner says a delay was their doing (scope change, late input): the delivery counts for nothing. */
  'excluded',
  'exclusion-cleared',
  /** The task's zone (green / yellow / red) changed; oldValue → newValue. Written by the background's recompute. */
  'zone-changed',
  /** The owner says the work was handed in (the site does not show it done). */
  'owner-delivered',
  /** The owner marked a checkpoint: newValue `<YYYY-MM-DD>|met` or `|missed`. */
  'checkpoint-marked',
  /** The owner set how much rides on the task (normal / critical / low); newValue. */
  'stakes-set',
  /** The owner accepted the delivered work. */
  'accepted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/**
 * `import`: derived from the task fields of an imported file that carried no events.
 * `leeway`: Leeway's own computation (zone changes), exact as to when Leeway recomputed.
 */
export type EventSource = ObservationSource | 'import' | 'leeway';

/** One line of the append-only history. Nothing here is ever updated or deleted by observation. */
export interface HistoryEvent {
  /**
   * Deterministic id, so the same fact recorded twice is stored once: `json:<site action id>` for facts from
   * a site's own history, `<taskKey>|<type>|<at>|…` for changes Leeway noticed itself.
   */
  id: string;
  taskKey: string;
  type: EventType;
  /** When it happened (exact for site JSON), or when Leeway first noticed it (`approximate`). */
  at: string;
  source: EventSource;
  approximate: boolean;
  oldValue: string | null;
  newValue: string | null;
  contractorId: string | null;
}

export interface LeewayDB extends DBSchema {
  contractors: { key: string; value: ContractorRecord; indexes: { byHandle: string } };
  tasks: { key: string; value: TaskRecord; indexes: { byAssignee: string; bySite: string } };
  events: { key: string; value: HistoryEvent; indexes: { byTask: string; byAt: string } };
}
