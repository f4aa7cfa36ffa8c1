/**
 * Freelancers shown outside milestones: the subject of a profile page and the authors of proposals.
 * The badge goes right after the name element, so Upwork's own Job Success Score stays where it is
 * and the owner sees both side by side.
 */
import type { PlacedPerson } from '../adapter';
import { firstAttribute, readFreelancerLinks, textOf } from './dom';
import { ciphertextFromHref, matchUpworkRoute } from './routes';
import { UPWORK_SELECTORS as S, queryAllFirst, queryFirst } from './selectors';

const FREELANCER_LINK = ['a[href*="/freelancers/~"]'] as const;
const CIPHERTEXT = /^~0[0-9a-z]{8,40}$/i;

export const contractorIdOf = (handle: string) => `upwork:${handle}`;

/** The profile's `~ciphertext`: from the page URL, else from the canonical or og:url link. */
function profileHandle(root: ParentNode, pageUrl: string): string | null {
  const route = matchUpworkRoute(pageUrl);
  if (route?.kind === 'profile') return route.id;
  const canonical = root.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const ogUrl = root.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null;
  return ciphertextFromHref(canonical) ?? ciphertextFromHref(ogUrl);
}

/** The profile's subject, badged after their name heading. Never throws. */
export function readProfilePeople(root: ParentNode, pageUrl: string): PlacedPerson[] {
  try {
    const handle = profileHandle(root, pageUrl);
    const heading = queryFirst(root, S.profileName);
    if (!handle || !heading || !textOf(heading, 500)) return [];
    return [{ contractorId: contractorIdOf(handle), element: heading }];
  } catch {
    return [];
  }
}

/** One freelancer per proposal card: the name link, else the card's ciphertext attribute and name. */
function readProposal(card: Element): PlacedPerson | null {
  const linked = readFreelancerLinks(card, FREELANCER_LINK).find((f) => textOf(f.element, 500));
  if (linked) return { contractorId: contractorIdOf(linked.handle), element: linked.element };
  const attribute = firstAttribute(card, S.proposalCiphertextAttributes);
  const handle = attribute && CIPHERTEXT.test(attribute) ? attribute.toLowerCase() : null;
  const name = queryFirst(card, S.freelancerName);
  return handle && name && textOf(name, 500) ? { contractorId: contractorIdOf(handle), element: name } : null;
}

/** Freelancers on a proposals page; without recognisable cards, every named freelancer link. Never throws. */
export function readProposalPeople(root: ParentNode): { people: PlacedPerson[]; cardsFound: number; unreadable: number } {
  try {
    const cards = queryAllFirst(root, S.proposal);
    if (cards.length === 0) {
      const people = readFreelancerLinks(root, FREELANCER_LINK)
        .filter((f) => textOf(f.element, 500))
        .map((f) => ({ contractorId: contractorIdOf(f.handle), element: f.element }));
      return { people, cardsFound: 0, unreadable: 0 };
    }
    const people: PlacedPerson[] = [];
    const seen = new Set<string>();
    let unreadable = 0;
    for (const card of cards) {
      let person: PlacedPerson | null = null;
      try {
        person = readProposal(card);
      } catch {
        person = null;
      }
      if (!person) unreadable++;
      else if (!seen.has(person.contractorId)) {
        seen.add(person.contractorId);
        people.push(person);
      }
    }
    return { people, cardsFound: cards.length, unreadable };
  } catch {
    return { people: [], cardsFound: 0, unreadable: 0 };
  }
}
