import { useState } from 'preact/hooks';
import { sendToBackground } from '@/utils/messages/client';
import type { ContractorView } from '@/utils/messages/views';

export interface TrackFormProps {
  initial: { title: string; url: string };
  contractors: ContractorView[];
  onDone: (message: string | null) => void;
}

const NEW_PERSON = '__new__';

/** "Track this page": a task from any page, in the same history and forecasts as the sites' tasks. */
export function TrackForm({ initial, contractors, onDone }: TrackFormProps) {
  const [title, setTitle] = useState(initial.title);
  const [assignee, setAssignee] = useState(contractors[0]?.id ?? NEW_PERSON);
  const [newName, setNewName] = useState('');
  const [toldDue, setToldDue] = useState('');
  const [clientDue, setClientDue] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (clientDue && toldDue && clientDue < toldDue) {
      setError('The client deadline is before the told date: Leeway would have no buffer to keep.');
      return;
    }
    const reply = await sendToBackground({
      type: 'track-manual',
      task: {
        title,
        url: initial.url,
        assigneeKey: assignee === NEW_PERSON ? null : assignee,
        newAssigneeName: assignee === NEW_PERSON ? newName || null : null,
        toldDue: toldDue || null,
        clientDue: clientDue || null,
      },
    });
    if (reply.ok) onDone(`Tracking “${title.trim()}”.`);
    else setError(reply.error.replace(/^rejected message: task\.\w+: /, ''));
  };

  return (
    <form class="track" onSubmit={(e) => void submit(e)} aria-label="Track this page">
      <label>
        Task
        <input value={title} required maxLength={500} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <div class="url" title={initial.url}>{initial.url}</div>
      <label>
        Who does it
        <select value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
          {contractors.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          <option value={NEW_PERSON}>Someone new…</option>
        </select>
      </label>
      {assignee === NEW_PERSON && (
        <label>
          Their name
          <input value={newName} maxLength={200} onInput={(e) => setNewName(e.currentTarget.value)} />
        </label>
      )}
      <div class="pair">
        <label>
          Told due
          <input type="date" value={toldDue} onInput={(e) => setToldDue(e.currentTarget.value)} />
        </label>
        <label>
          Client deadline
          <input type="date" value={clientDue} onInput={(e) => setClientDue(e.currentTarget.value)} />
        </label>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="actions">
        <button type="submit" class="primary">Track</button>
        <button type="button" onClick={() => onDone(null)}>Cancel</button>
      </div>
    </form>
  );
}
