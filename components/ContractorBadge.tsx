import type { ContractorView } from '@/utils/messages/views';
import { percent } from '@/utils/overlay/format';

const GRADE_WORDS = { new: 'new', reliable: 'reliable', ok: 'OK', watch: 'watch' } as const;

export function describeContractor(view: ContractorView): string {
  const record =
    view.onTimeRate === null
      ? 'no deliveries counted yet'
      : `on time ${percent(view.onTimeRate)} of ${view.n} ${view.n === 1 ? 'delivery' : 'deliveries'}`;
  return `Leeway reliability for ${view.name}: ${GRADE_WORDS[view.grade]}, ${record} (${view.evidence})`;
}

export function ContractorBadge({ view }: { view: ContractorView }) {
  const label = describeContractor(view);
  return (
    <span class={`badge grade-${view.grade}`} role="img" aria-label={label} title={label}>
      <span aria-hidden="true">
        {view.grade === 'new' || view.onTimeRate === null ? 'new' : percent(view.onTimeRate)}
        <span class="muted"> ·{view.n}</span>
      </span>
    </span>
  );
}
