import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '@/utils/messages/client';
import type { DeliveryRow, Overview } from '@/utils/messages/protocol';
import type { ContractorView } from '@/utils/messages/views';
import { percent, shortDate } from '@/utils/overlay/format';
import { SITE_NAMES, siteName } from '@/utils/sites/names';
import { IdentityList } from './IdentityList';


/** One contractor: their record in figures and in full, the owner's notes, and their identities on each site. */
export function ContractorPage({ id, overview, onBack, onTask }: { id: string; overview: Overview; onBack: () => void; onTask: (key: string) => void }) {
  const contractorId = overview.contractors.find((c) => c.id === id || c.identities.some((i) => `${i.site}:${i.handle}` === id))?.contractorId ?? id;
  const [data, setData] = useState<{ contractor: ContractorView; deliveries: DeliveryRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    void sendToBackground({ type: 'get-contractor', contractorId }).then((reply) => {
      if (reply.ok) setData({ contractor: reply.contractor, deliveries: reply.deliveries });
      else setError(reply.error);
    });
  }, [contractorId, overview]);

  if (error) return <p class="error" role="alert">{error}</p>;
  if (!data) return <p class="summary">Loading…</p>;
  const c = data.contractor;
  const suggestions = overview.linkSuggestions.filter((s) => s.a === c.contractorId || s.b === c.contractorId);

  return (
    <section class="contractor" aria-label={`Contractor: ${c.name}`} data-contractor-page={c.contractorId}>
      <button type="button" class="back" onClick={onBack}>
        ← All tasks
      </button>
      <h2>
        {c.name} <span class={`grade-pill grade-${c.grade}`}>{c.grade}</span>
      </h2>
      <p class={`recommendation rec-${c.recommendation.kind}`}>{c.recommendation.text}</p>
      <dl>
        <dt>On time</dt>
        <dd>{c.onTimeRate === null ? 'nothing counted yet' : `${percent(c.onTimeRate)} of ${c.n} deliveries (Bayesian estimate)`}</dd>
        <dt>Typical slip</dt>
        <dd>{c.typicalSlipDays === null ? '—' : `${c.typicalSlipDays} working ${c.typicalSlipDays === 1 ? 'day' : 'days'} when late`}</dd>
        <dt>Evidence</dt>
        <dd>{c.evidence}</dd>
        <dt>Trend</dt>
        <dd>{c.trend}</dd>
      </dl>
      <OnTimeChart deliveries={data.deliveries} />
      <h3>History</h3>
      {data.deliveries.length === 0 ? (
        <p class="summary">No deliveries with a due date yet.</p>
      ) : (
        <table class="history">
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Site</th>
              <th scope="col">Told</th>
              <th scope="col">Delivered</th>
              <th scope="col">Slip</th>
            </tr>
          </thead>
          <tbody>
            {data.deliveries.map((d) => (
              <tr key={d.taskKey} class={d.excludedReason !== null ? 'excluded' : d.slipDays !== null && d.slipDays > 0 ? 'late' : ''}>
                <td>
                  <button type="button" class="link" onClick={() => onTask(d.taskKey)}>
                    {d.title}
                  </button>
                  {d.excludedReason !== null && <div class="small">not counted: {d.excludedReason}</div>}
                </td>
                <td>{siteName(d.site)}</td>
                <td>{shortDate(d.toldDue)}</td>
                <td>{d.deliveredOn ? `${shortDate(d.deliveredOn)}${d.approximate ? '≈' : ''}` : 'open'}</td>
                <td>{d.slipDays === null ? '—' : d.slipDays > 0 ? `+${d.slipDays}d` : d.slipDays === 0 ? 'on time' : `${d.slipDays}d`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <OwnerNotes contractor={c} onSaved={() => setSaved('Saved.')} />
      {saved && <p class="notice" role="status">{saved}</p>}
      <h3>On each site</h3>
      <IdentityList person={c} as="ul" />
      {suggestions.map((s) => {
        const other = s.a === c.contractorId ? s.b : s.a;
        const person = overview.contractors.find((x) => x.contractorId === other);
        if (!person) return null;
        return (
          <div class="suggestion" key={other}>
            <span>
              {person.name} on {[...new Set(person.identities.map((i) => SITE_NAMES[i.site]))].join(' and ')} looks like the same person.
            </span>
            <button type="button" onClick={() => void sendToBackground({ type: 'link-identity', into: c.contractorId, identityKey: person.id })}>
              Link
            </button>
          </div>
        );
      })}
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        Targets and calendar…
      </button>
    </section>
  );
}

/** Cumulative on-time share over their deliveries, oldest first: is this person getting better or worse? */
function OnTimeChart({ deliveries }: { deliveries: DeliveryRow[] }) {
  const counted = deliveries.filter((d) => d.excludedReason === null && d.slipDays !== null).reverse();
  if (counted.length < 2) return null;
  let onTime = 0;
  const points = counted.map((d, i) => {
    if ((d.slipDays ?? 1) <= 0) onTime++;
    return [i / (counted.length - 1), onTime / (i + 1)] as const;
  });
  const width = 340;
  const height = 56;
  const path = points.map(([x, y]) => `${(x * (width - 8) + 4).toFixed(1)},${((1 - y) * (height - 8) + 4).toFixed(1)}`).join(' ');
  const last = points.at(-1)![1];
  return (
    <figure class="chart">
      <svg width={width} height={height} role="img" aria-label={`On-time share over ${counted.length} deliveries, now ${percent(last)}`}>
        <line x1="4" x2={width - 4} y1={height / 2} y2={height / 2} class="mid" />
        <polyline points={path} />
      </svg>
      <figcaption>On time over their last {counted.length} deliveries: {percent(last)}</figcaption>
    </figure>
  );
}

function OwnerNotes({ contractor, onSaved }: { contractor: ContractorView; onSaved: () => void }) {
  const [notes, setNotes] = useState(contractor.notes);
  const [references, setReferences] = useState(contractor.referencesChecked);
  const [rate, setRate] = useState(contractor.rate);
  const save = async () => {
    const reply = await sendToBackground({ type: 'update-contractor', contractorId: contractor.contractorId, notes, referencesChecked: references, rate });
    if (reply.ok) onSaved();
  };
  return (
    <form class="owner-notes" onSubmit={(e) => (e.preventDefault(), void save())} aria-label="Your notes">
      <label>
        Notes
        <textarea rows={3} value={notes} maxLength={10_000} onInput={(e) => setNotes(e.currentTarget.value)} />
      </label>
      <div class="row">
        <label class="check">
          <input type="checkbox" checked={references} onChange={(e) => setReferences(e.currentTarget.checked)} />
          References checked
        </label>
        <label>
          Rate <input value={rate} maxLength={100} placeholder="$45/h" onInput={(e) => setRate(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary small">
          Save notes
        </button>
      </div>
    </form>
  );
}
