import { useState } from 'preact/hooks';
import type { TaskView } from '@/utils/messages/views';
import { longDate, percent, shortDate, ZONE_WORDS } from '@/utils/overlay/format';

export interface TaskChipProps {
  view: TaskView;
  /** Drawn from the page alone: the background has not answered for this task yet. */
  pending?: boolean;
  onSetClientDue: (clientDue: string | null) => Promise<string | null>;
}

/** Words for screen readers: the whole chip in one sentence. */
export function describeTask(view: TaskView): string {
  const parts: string[] = [];
  if (view.dueUnparsed) parts.push(`due date "${view.dueText ?? ''}" could not be read`);
  else if (view.toldDue) parts.push(`told due ${longDate(view.toldDue)}`);
  else parts.push('no due date');
  if (view.clientDue) parts.push(`client deadline ${longDate(view.clientDue)}`);
  if (view.bufferDays !== null) parts.push(`${view.bufferDays} working days of buffer`);
  if (view.suggestedTold) parts.push(`suggested told date ${longDate(view.suggestedTold)}`);
  if (view.chance !== null) parts.push(`${percent(view.chance)} chance of meeting the client deadline`);
  parts.push(view.done ? 'delivered' : ZONE_WORDS[view.zone]);
  return `Leeway: ${parts.join(', ')}`;
}

export function TaskChip({ view, pending = false, onSetClientDue }: TaskChipProps) {
  const [open, setOpen] = useState(false);
  return (
    <span>
      <button
        type="button"
        class={`chip zone-${view.zone}`}
        aria-label={pending ? `${describeTask(view)} (still reading)` : describeTask(view)}
        aria-expanded={open}
        title="Leeway: click for the client deadline and buffer"
        onClick={() => setOpen(!open)}
      >
        <span class="dot" aria-hidden="true" />
        <ChipText view={view} />
      </button>
      {open && <TaskPanel view={view} pending={pending} onSetClientDue={onSetClientDue} onClose={() => setOpen(false)} />}
    </span>
  );
}

function ChipText({ view }: { view: TaskView }) {
  if (view.dueUnparsed) return <span class="unparsed">due ?</span>;
  if (!view.toldDue) return <span class="muted">no due</span>;
  if (view.done) return <span>Delivered</span>;
  return (
    <span aria-hidden="true">
      {shortDate(view.toldDue)}
      {view.clientDue && (
        <>
          <span class="sep"> → </span>client {shortDate(view.clientDue)}
          {view.bufferDays !== null && <span class="muted"> ({signed(view.bufferDays)}d)</span>}
        </>
      )}
      {view.suggestedTold && view.suggestedTold !== view.toldDue && (
        <span class="muted"> · tell {shortDate(view.suggestedTold)}</span>
      )}
    </span>
  );
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function TaskPanel({ view, pending, onSetClientDue, onClose }: TaskChipProps & { onClose: () => void }) {
  const [draft, setDraft] = useState(view.clientDue ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async (value: string | null) => {
    const problem = await onSetClientDue(value);
    setError(problem);
    if (!problem) onClose();
  };
  return (
    <div class="panel" role="dialog" aria-label={`Leeway: ${view.title}`}>
      <h3>{view.title}</h3>
      <dl>
        <dt>Told due</dt>
        <dd>{view.dueUnparsed ? `unreadable (“${view.dueText ?? ''}”)` : view.toldDue ? longDate(view.toldDue) : 'none'}</dd>
        {view.suggestedTold && (
          <>
            <dt>Suggested</dt>
            <dd>{longDate(view.suggestedTold)}</dd>
          </>
        )}
        {view.bufferDays !== null && (
          <>
            <dt>Buffer</dt>
            <dd>{view.bufferDays} working days</dd>
          </>
        )}
        {view.chance !== null && (
          <>
            <dt>Chance</dt>
            <dd>{percent(view.chance)} of meeting the client deadline</dd>
          </>
        )}
        <dt>Status</dt>
        <dd>{pending ? 'Leeway is still reading this task…' : ZONE_WORDS[view.zone]}</dd>
      </dl>
      <label for="leeway-client-due">Client deadline (private, never shown on the site)</label>
      <div class="row">
        <input
          id="leeway-client-due"
          type="date"
          value={draft}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="button" class="primary" disabled={!draft || pending} onClick={() => void save(draft)}>
          Save
        </button>
        {view.clientDue && (
          <button type="button" class="link" onClick={() => void save(null)}>
            Clear
          </button>
        )}
      </div>
      {error && <div class="error" role="alert">{error}</div>}
      {view.why && <div class="why">{view.why}</div>}
      {view.note && <div class="note">{view.note}</div>}
    </div>
  );
}
