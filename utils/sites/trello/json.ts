/**
 * Trello's own same-origin JSON (`https://trello.com/1/...`), read with the user's cookies. This is the
 * preferred source for due maths: exact instants, the full card set (the board DOM is windowed) and the
 * action history. Every response is validated; any failure (logged out, private board, HTML login page,
 * changed format, network) yields null so the caller falls back to the DOM. Nothing here throws.
 */
import * as z from 'zod/mini';
import { lazySchema } from '@/utils/model/lazy-schema';
import type { HistoryFact, PersonRef, TaskObservation } from '@/utils/model/observation';
import { HistoryFactSchema, InstantSchema, TaskObservationSchema } from '@/utils/model/observation';
import { drainInSlices, eachInSlices } from '@/utils/slices';
import type { SiteJsonSink } from '../adapter';
import { streamText } from '../stream-text';

/** The subset of `fetch` we use, so tests and Firefox (`content.fetch`) can inject their own. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

// Wrapped so a detached `fetch` is never called with the wrong `this` ("Illegal invocation").
const defaultFetch: FetchLike = (url, init) => fetch(url, init);

const API = 'https://trello.com/1';
const CARD_FIELDS = 'id,idShort,shortLink,name,idList,idMembers,due,start,dueComplete,dateLastActivity,closed,url,badges';
const MEMBER_PARAMS = 'members=true&member_fields=fullName,username';
const ACTION_FILTER = 'createCard,updateCard:due,updateCard:dueComplete,addMemberToCard,removeMemberFromCard';

export const trelloUrls = {
  board: (id: string) => `${API}/boards/${id}?fields=id,name,shortLink`,
  cards: (id: string) => `${API}/boards/${id}/cards?filter=visible&fields=${CARD_FIELDS}&${MEMBER_PARAMS}`,
  lists: (id: string) => `${API}/boards/${id}/lists?fields=id,name`,
  actions: (id: string) =>
    `${API}/boards/${id}/actions?filter=${ACTION_FILTER}&limit=1000&fields=id,type,date,data&memberCreator=false`,
  card: (shortLink: string) =>
    `${API}/cards/${shortLink}?fields=${CARD_FIELDS}&${MEMBER_PARAMS}&board=true&board_fields=name,shortLink`,
};

// ---- schemas: only the fields we use; unknown fields are ignored so additions don't break us.
// Built on first use (`lazySchema`): see `utils/model/lazy-schema.ts`.

const ShortLinkSchema = lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9]{8}$/)));
const BoardSchema = lazySchema(() => z.object({ id: z.string().check(z.minLength(1)), name: z.string(), shortLink: ShortLinkSchema }));
const MemberSchema = lazySchema(() => z.object({ id: z.string().check(z.minLength(1)), fullName: z.nullish(z.string()), username: z.string().check(z.minLength(1)) }));
const CardSchema = lazySchema(() => z.object({
  id: z.string().check(z.minLength(1)),
  shortLink: ShortLinkSchema,
  name: z.string(),
  idList: z.nullish(z.string()),
  idMembers: z.optional(z.array(z.string())),
  due: z.nullish(InstantSchema),
  start: z.nullish(InstantSchema),
  dueComplete: z.optional(z.boolean()),
  closed: z.optional(z.boolean()),
  members: z.optional(z.array(MemberSchema)),
  board: z.optional(BoardSchema),
  /** Checklist counts (the card front's "2/5"). */
  badges: z.optional(
    z.partial(z.object({ checkItems: z.optional(z.int().check(z.minimum(0))), checkItemsChecked: z.optional(z.int().check(z.minimum(0))) })),
  ),
}));
const ListSchema = lazySchema(() => z.object({ id: z.string().check(z.minLength(1)), name: z.string() }));
const ActionSchema = lazySchema(() => z.object({
  id: z.string().check(z.minLength(1)),
  type: z.string(),
  date: InstantSchema,
  data: z.object({
    card: z.optional(
      z.object({
        id: z.optional(z.string()),
        shortLink: z.optional(z.string()),
        due: z.nullish(InstantSchema),
        dueComplete: z.optional(z.boolean()),
      }),
    ),
    old: z.optional(z.record(z.string(), z.unknown())),
    member: z.optional(z.object({ id: z.optional(z.string()), name: z.optional(z.string()), username: z.optional(z.string()) })),
    idMember: z.optional(z.string()),
  }),
}));
/** A due's previous value in an `updateCard:due` action. */
const OldDueSchema = lazySchema(() => z.nullable(InstantSchema));

type TrelloBoard = z.infer<typeof BoardSchema>;
type TrelloCard = z.infer<typeof CardSchema>;
type TrelloMember = z.infer<typeof MemberSchema>;
type TrelloAction = z.infer<typeof ActionSchema>;

export interface BoardSnapshot {
  observations: TaskObservation[];
  facts: HistoryFact[];
  board: TrelloBoard;
}

export interface CardSnapshot {
  observation: TaskObservation;
  /** The card's board, so the caller can fetch the whole board with `fetchBoardSnapshot`. */
  board: TrelloBoard;
}

/** How the site's JSON is asked for: with the user's cookies, as JSON. */
const JSON_REQUEST: RequestInit = { credentials: 'include', headers: { Accept: 'application/json' } };

/** Parses a response's text; null for none, or for what is not JSON (the HTML login page). */
function parseJson(text: string | null | undefined): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Fetches and parses JSON; null on any HTTP error, non-JSON body (the HTML login page) or network failure. */
async function getJson(url: string, fetchImpl: FetchLike): Promise<unknown> {
  try {
    const response = await fetchImpl(url, JSON_REQUEST);
    return response.ok ? parseJson(await response.text()) : null;
  } catch {
    return null;
  }
}

/**
 * Validates an array element by element. A changed *shape* (not an array, or nothing valid) is a
 * mismatch → null; one odd element among good ones is dropped so one strange card can't blind a board.
 * Empties the array it is given: each raw element is let go once checked (see `drainInSlices`).
 */
async function parseArray<T>(schema: z.ZodMiniType<T>, value: unknown): Promise<T[] | null> {
  if (!Array.isArray(value)) return null;
  const count = value.length;
  const items: T[] = [];
  await drainInSlices(value as unknown[], (item) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
  });
  return count > 0 && items.length === 0 ? null : items;
}


const BOARD_ID = /^(?:[A-Za-z0-9]{8}|[0-9a-f]{24})$/;

function person(member: { username: string; fullName?: string | null }): PersonRef {
  return { site: 'trello', handle: member.username, displayName: member.fullName ?? member.username };
}

function cardObservation(
  card: TrelloCard,
  boardName: string | null,
  listName: string | null,
  completedAt: string | null,
): TaskObservation | null {
  const memberIds = card.idMembers ? new Set(card.idMembers) : null;
  const candidate: TaskObservation = {
    key: `trello:${card.shortLink}`,
    site: 'trello',
    nativeId: card.shortLink,
    title: card.name.slice(0, 5000),
    url: `https://trello.com/c/${card.shortLink}`,
    board: boardName,
    list: listName,
    assignees: (card.members ?? []).filter((m) => !memberIds || memberIds.has(m.id)).map(person),
    due: card.due ?? null,
    done: card.dueComplete === true,
    completedAt: card.dueComplete === true ? completedAt : null,
    ...(card.badges?.checkItems ? { progress: Math.min(1, (card.badges.checkItemsChecked ?? 0) / card.badges.checkItems) } : {}),
    source: 'json',
  };
  return TaskObservationSchema.safeParse(candidate).success ? candidate : null;
}

/** One action → one fact, or null for actions that say nothing we track. */
function actionFact(
  action: TrelloAction,
  shortLinkById: ReadonlyMap<string, string>,
  memberById: ReadonlyMap<string, TrelloMember>,
): HistoryFact | null {
  const { card, old, member, idMember } = action.data;
  const shortLink = card?.shortLink ?? (card?.id ? shortLinkById.get(card.id) : undefined);
  if (!shortLink) return null;
  const base = { taskKey: `trello:${shortLink}`, factId: action.id, at: action.date };
  let fact: HistoryFact | null = null;
  switch (action.type) {
    case 'createCard':
      fact = { ...base, kind: 'created' };
      break;
    case 'updateCard':
      if (old && 'due' in old) {
        const oldDue = OldDueSchema.safeParse(old.due ?? null);
        fact = { ...base, kind: 'due-changed', oldDue: oldDue.success ? oldDue.data : null, newDue: card?.due ?? null };
      } else if (card?.dueComplete === true && old?.dueComplete === false) {
        fact = { ...base, kind: 'completed' };
      } else if (card?.dueComplete === false && old?.dueComplete === true) {
        fact = { ...base, kind: 'reopened' };
      }
      break;
    case 'addMemberToCard':
    case 'removeMemberFromCard': {
      // Action data names the member by id (and sometimes `name`); the username comes from the card members.
      const id = member?.id ?? idMember;
      const known = id ? memberById.get(id) : undefined;
      const username = member?.username ?? known?.username;
      fact = { ...base, kind: action.type === 'addMemberToCard' ? 'assigned' : 'unassigned' };
      if (username) fact.person = person({ username, fullName: known?.fullName ?? member?.name ?? null });
      break;
    }
  }
  return fact && HistoryFactSchema.safeParse(fact).success ? fact : null;
}

/** Latest completion instant per task key (ISO strings with the same format compare as text). */
function latestCompletions(facts: readonly HistoryFact[]): Map<string, string> {
  const latest = new Map<string, string>();
  for (const fact of facts) {
    if (fact.kind !== 'completed') continue;
    const previous = latest.get(fact.taskKey);
    if (!previous || Date.parse(fact.at) > Date.parse(previous)) latest.set(fact.taskKey, fact.at);
  }
  return latest;
}

/** A board's four responses, by the names the background's check knows them by (`checkBoardJson`). */
const BOARD_RESPONSES = ['board', 'cards', 'lists', 'actions'] as const;
type BoardResponse = (typeof BOARD_RESPONSES)[number];

/**
 * Fetches a board's responses and passes their texts to `sink` as they download, unparsed, for the background to
 * check (`checkBoardJson`): parsed and checked on the page, a 5,000-card board's JSON was 6–10 MB of the page's
 * heap for the seconds its check took. Resolves with the names of the responses read to their end; null when a
 * required one (board, cards) could not be.
 */
export async function streamBoardJson(
  boardShortLinkOrId: string,
  sink: SiteJsonSink,
  fetchImpl: FetchLike = defaultFetch,
): Promise<BoardResponse[] | null> {
  if (!BOARD_ID.test(boardShortLinkOrId)) return null;
  const id = boardShortLinkOrId;
  const complete = await Promise.all(
    BOARD_RESPONSES.map((name) => streamText(() => fetchImpl(trelloUrls[name](id), JSON_REQUEST), (piece) => sink(name, piece))),
  );
  if (!complete[0] || !complete[1]) return null;
  return BOARD_RESPONSES.filter((_, i) => complete[i]);
}

/**
 * The whole board from Trello's JSON: observations for every visible card, history facts from the
 * board's actions, and the board itself. Board and cards are required; lists and actions are extras
 * (missing or malformed → list names null / no facts). Null when the required parts fail. Never throws.
 */
export async function checkBoardJson(json: Partial<Record<BoardResponse, string | null>>): Promise<BoardSnapshot | null> {
  try {
    const board = BoardSchema.safeParse(parseJson(json.board));
    const cards = await parseArray(CardSchema, parseJson(json.cards));
    if (!board.success || !cards) return null;
    const lists = (await parseArray(ListSchema, parseJson(json.lists))) ?? [];
    const actions = (await parseArray(ActionSchema, parseJson(json.actions))) ?? [];

    const listName = new Map(lists.map((l) => [l.id, l.name]));
    const shortLinkById = new Map(cards.map((c) => [c.id, c.shortLink]));
    const memberById = new Map(cards.flatMap((c) => c.members ?? []).map((m) => [m.id, m]));
    // Each fact is checked against the contract as it is made: sliced like the rest (a board has thousands).
    const facts: HistoryFact[] = [];
    await eachInSlices(actions, (a) => {
      const fact = actionFact(a, shortLinkById, memberById);
      if (fact) facts.push(fact);
    });
    const completedAt = latestCompletions(facts);
    const observations: TaskObservation[] = [];
    // Each checked card is let go once its observation is made (`cards` is emptied so it holds none of them).
    const open: (TrelloCard | undefined)[] = cards.filter((c) => c.closed !== true);
    cards.length = 0;
    await drainInSlices(
      open,
      (c) => {
        const listOf = c.idList ? (listName.get(c.idList) ?? null) : null;
        const observation = cardObservation(c, board.data.name, listOf, completedAt.get(`trello:${c.shortLink}`) ?? null);
        if (observation) observations.push(observation);
      },
    );
    return { observations, facts, board: board.data };
  } catch {
    return null;
  }
}

/** `streamBoardJson` and `checkBoardJson` in one go (tests, and tools that read a board outside the extension). */
export async function fetchBoardSnapshot(
  boardShortLinkOrId: string,
  fetchImpl: FetchLike = defaultFetch,
): Promise<BoardSnapshot | null> {
  const pieces = new Map<string, string[]>();
  const sink: SiteJsonSink = async (name, piece) => {
    const received = pieces.get(name) ?? [];
    received.push(piece);
    pieces.set(name, received);
  };
  const complete = await streamBoardJson(boardShortLinkOrId, sink, fetchImpl);
  if (!complete) return null;
  return checkBoardJson(Object.fromEntries(complete.map((name) => [name, (pieces.get(name) ?? []).join('')])));
}

/**
 * One card, for a direct `/c/` load: its observation (list unknown → null, no history) and its board,
 * whose shortLink the caller passes to `fetchBoardSnapshot` for the full picture.
 */
export async function fetchCardSnapshot(
  shortLink: string,
  fetchImpl: FetchLike = defaultFetch,
): Promise<CardSnapshot | null> {
  try {
    if (!ShortLinkSchema.safeParse(shortLink).success) return null;
    const parsed = CardSchema.safeParse(await getJson(trelloUrls.card(shortLink), fetchImpl));
    if (!parsed.success || !parsed.data.board) return null;
    const observation = cardObservation(parsed.data, parsed.data.board.name, null, null);
    return observation ? { observation, board: parsed.data.board } : null;
  } catch {
    return null;
  }
}
