import type { AdapterHealth, PageRead, PlacedPerson, PlacedTask, SiteAdapter } from '../adapter';
import { readContract, milestoneObservation, type ContractRead } from './contract';
import { readContractsList } from './contracts-list';
import { readFreelancerLinks } from './dom';
import { contractorIdOf, readProfilePeople, readProposalPeople } from './people';
import { matchUpworkRoute, type UpworkRouteKind } from './routes';
import { UPWORK_SELECTORS as S, queryFirst } from './selectors';

/**
 * Upwork: DOM only. There is no cookie-only REST API and the GraphQL API needs a bearer token taken
 * from cookies (research §5), which a content script should not handle, so there is no `snapshot`.
 */
export const upworkAdapter: SiteAdapter = {
  site: 'upwork',
  matches: ['https://www.upwork.com/*'],

  route(url) {
    const match = matchUpworkRoute(url);
    return match ? { kind: match.kind, id: match.id } : null;
  },

  readPage(document, { today, pageUrl }) {
    const kind = matchUpworkRoute(pageUrl)?.kind ?? null;
    try {
      return readRoute(kind, document, today, pageUrl);
    } catch {
      // Each reader guards its own items; this is for what nobody foresaw.
      return { tasks: [], people: [], health: { route: kind, expectsTasks: kind === 'contract', tasksFound: 0, missing: { page: 1 } } };
    }
  },
};

function readRoute(kind: UpworkRouteKind | null, document: Document, today: string, pageUrl: string): PageRead {
  const health = (tasksFound: number, missing: Record<string, number>): AdapterHealth => ({
    route: kind,
    // Only the contract page must show milestones; an hourly contract's workroom tabs need not.
    expectsTasks: kind === 'contract',
    tasksFound,
    missing,
  });
  switch (kind) {
    case 'contract':
    case 'workroom':
      return readContractPage(document, today, pageUrl, health);
    case 'contracts': {
      const list = readContractsList(document, { today });
      const people = list.contracts.flatMap((c) => (c.freelancer ? [{ contractorId: contractorIdOf(c.freelancer.handle), element: c.freelancer.element }] : []));
      return { tasks: [], people, health: health(0, { ...list.missing }) };
    }
    case 'profile': {
      const people = readProfilePeople(document, pageUrl);
      return { tasks: [], people, health: health(0, { person: people.length === 0 ? 1 : 0 }) };
    }
    case 'proposals': {
      const read = readProposalPeople(document);
      return { tasks: [], people: read.people, health: health(0, { person: read.unreadable }) };
    }
    default:
      return { tasks: [], people: [], health: health(0, {}) };
  }
}

const FREELANCER_LINK = ['a[href*="/freelancers/~"]'] as const;

function readContractPage(
  document: Document,
  today: string,
  pageUrl: string,
  health: (tasksFound: number, missing: Record<string, number>) => AdapterHealth,
): PageRead {
  const read: ContractRead = readContract(document, { today, pageUrl });
  const tasks: PlacedTask[] = [];
  for (const milestone of read.milestones) {
    try {
      const observation = milestoneObservation(read, milestone);
      if (!observation) continue;
      const row = milestone.element;
      tasks.push({
        key: observation.key,
        container: row,
        anchor: milestone.dueElement,
        slot: queryFirst(row, S.milestoneSlot) ?? row,
        people: readFreelancerLinks(row, FREELANCER_LINK).map((f) => ({ contractorId: contractorIdOf(f.handle), element: f.element })),
        observation,
      });
    } catch {
      read.missing.milestone++;
    }
  }
  // The contract's freelancer in the page header is outside every row: badge them as a page person.
  const people: PlacedPerson[] = [];
  const freelancer = read.freelancer;
  if (freelancer && !tasks.some((t) => t.container.contains(freelancer.element))) {
    people.push({ contractorId: contractorIdOf(freelancer.handle), element: freelancer.element });
  }
  return { tasks, people, health: health(read.milestonesFound, { ...read.missing }) };
}
