import type { ContractorView } from '@/utils/messages/views';
import { sendToBackground } from '@/utils/messages/client';

import { SITE_NAMES } from '@/utils/sites/names';

/** A contractor's identities on each site, each unlinkable while there is more than one. */
export function IdentityList({ person, as: Tag = 'div' }: { person: ContractorView; as?: 'div' | 'ul' }) {
  const Item = Tag === 'ul' ? 'li' : 'span';
  return (
    <Tag class="identities">
      {person.identities.map((i) => (
        <Item class="identity" key={`${i.site}:${i.handle}`}>
          {SITE_NAMES[i.site]}: {i.displayName || i.handle}
          {person.identities.length > 1 && (
            <button
              type="button"
              class="link"
              aria-label={`Unlink ${i.displayName || i.handle} on ${SITE_NAMES[i.site]}`}
              onClick={() => void sendToBackground({ type: 'unlink-identity', identityKey: `${i.site}:${i.handle}` })}
            >
              unlink
            </button>
          )}
        </Item>
      ))}
    </Tag>
  );
}
