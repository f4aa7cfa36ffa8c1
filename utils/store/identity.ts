import type { PersonRef } from '../model/observation';

/** The id of a site identity, also the id of the contractor it introduces: `trello:anaruiz`. */
export function identityKey(person: Pick<PersonRef, 'site' | 'handle'>): string {
  return `${person.site}:${person.handle}`;
}
