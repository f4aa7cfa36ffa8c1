import type { Overview } from '@/utils/messages/protocol';
import type { ContractorView } from '@/utils/messages/views';
import { sendToBackground } from '@/utils/messages/client';
import { percent } from '@/utils/overlay/format';
import { SITE_NAMES } from '@/utils/sites/names';
import { IdentityList } from './IdentityList';


/** Everyone Leeway has seen, with their record and a plain recommendation; and people to link across sites. */
export function People({ overview, onOpen }: { overview: Overview; onOpen: (contractorId: string) => void }) {
  const byId = new Map(overview.contractors.map((c) => [c.contractorId, c]));
  const people = [...overview.contractors].sort((a, b) => rank(a) - rank(b) || b.n - a.n || a.name.localeCompare(b.name));
  if (people.length === 0) return null;
  return (
    <details class="people" data-section="people">
      <summary>Contractors ({people.length})</summary>
      {overview.linkSuggestions.map((s) => {
        const a = byId.get(s.a);
        const b = byId.get(s.b);
        if (!a || !b) return null;
        return (
          <div class="suggestion" key={`${s.a}|${s.b}`} data-link-suggestion={`${s.a}|${s.b}`}>
            <span>
              <b>{s.name}</b> on {sites(a)} and on {sites(b)} look like one person.
            </span>
            <button type="button" onClick={() => void sendToBackground({ type: 'link-identity', into: s.a, identityKey: b.id })}>
              Link
            </button>
          </div>
        );
      })}
      <ul>
        {people.map((c) => (
          <Person key={c.contractorId} person={c} onOpen={onOpen} />
        ))}
      </ul>
    </details>
  );
}

/** Who to look at first: those to replace, then to watch. */
function rank(c: ContractorView): number {
  return { replace: 0, watch: 1, keep: 2 }[c.recommendation.kind];
}

function sites(c: ContractorView): string {
  return [...new Set(c.identities.map((i) => SITE_NAMES[i.site]))].join(' and ');
}

function Person({ person, onOpen }: { person: ContractorView; onOpen: (id: string) => void }) {
  return (
    <li class={`person grade-${person.grade} rec-${person.recommendation.kind}`} data-contractor-id={person.contractorId}>
      <div class="who">
        <button type="button" class="title" onClick={() => onOpen(person.contractorId)}>
          {person.name}
        </button>
        <span class="grade">{person.grade}</span>
      </div>
      <div class="meta">
        <span>{person.onTimeRate === null ? 'no deliveries counted yet' : `on time ${percent(person.onTimeRate)} of ${person.n}`}</span>
        {person.typicalSlipDays !== null && <span>typically {person.typicalSlipDays}d late when late</span>}
        <span>{person.evidence}</span>
        {person.trend !== 'steady' && <span class={`trend-${person.trend}`}>{person.trend}</span>}
      </div>
      <div class={`rec rec-${person.recommendation.kind}`}>{person.recommendation.text}</div>
      <IdentityList person={person} />
    </li>
  );
}
