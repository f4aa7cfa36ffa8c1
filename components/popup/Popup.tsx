import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '@/utils/messages/client';
import type { Overview } from '@/utils/messages/protocol';
import type { TaskView, Zone } from '@/utils/messages/views';
import { todayLocal } from '@/utils/model/dates';
import { relativeDue, shortDate } from '@/utils/overlay/format';
import { historyRevisionItem } from '@/utils/settings';
import { trackDraftItem, type TrackDraft } from '@/utils/track-draft';
import { PageHealth } from './PageHealth';
import { People } from './People';
import { TrackForm } from './TrackForm';

const GROUPS: { zone: Zone; title: string; open: boolean }[] = [
  { zone: 'red', title: 'Needs you', open: true },
  { zone: 'yellow', title: 'At risk', open: true },
  { zone: 'green', title: 'On track', open: true },
  { zone: 'none', title: 'No due date', open: false },
  { zone: 'done', title: 'Delivered', open: false },
];

export function Popup() {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<TrackDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    // The context menu leaves a draft for the form; open it straight away.
    void trackDraftItem.getValue().then((d) => {
      if (d) setDraft(d);
      void trackDraftItem.setValue(null);
    });
  }, []);

  const startTracking = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    setDraft({ title: tab?.title ?? '', url: tab?.url ?? '' });
  };

  useEffect(() => {
    const load = async () => {
      const reply = await sendToBackground({ type: 'get-overview' });
      if (reply.ok) setOverview(reply.overview);
      else setError(reply.error);
    };
    void load();
    return historyRevisionItem.watch(() => void load());
  }, []);

  const open = overview?.tasks.filter((t) => !t.done) ?? [];
  return (
    <>
      <header>
        <h1>Leeway</h1>
        {overview && (
          <span class="summary">
            {open.length} open · {overview.tasks.filter((t) => t.zone === 'red').length} need you
          </span>
        )}
        <button type="button" class="track-button" onClick={() => void startTracking()}>
          Track this page
        </button>
      </header>
      <main>
        <PageHealth />
        {notice && <p class="notice" role="status">{notice}</p>}
        {draft && overview && (
          <TrackForm
            initial={draft}
            contractors={overview.contractors}
            onDone={(message) => {
              setDraft(null);
              setNotice(message);
            }}
          />
        )}
        {error && <p class="error" role="alert">Leeway could not read its history: {error}</p>}
        {!overview && !error && <p class="summary">Loading…</p>}
        {overview && overview.tasks.length === 0 && <EmptyState />}
        {overview && overview.tasks.length > 0 && GROUPS.map((g) => <Group key={g.zone} {...g} tasks={sortGroup(overview.tasks.filter((t) => t.zone === g.zone))} />)}
        {overview && <People overview={overview} />}
      </main>
    </>
  );
}

function EmptyState() {
  return (
    <div class="empty">
      <h2>Nothing tracked yet</h2>
      Open a Trello board with cards that have due dates and members. Leeway reads them as you browse, learns how
      each contractor delivers, and lists here what needs you. Everything stays in this browser.
    </div>
  );
}

/** Soonest told due first; undated last. */
function sortGroup(tasks: TaskView[]): TaskView[] {
  return [...tasks].sort((a, b) => (a.toldDue ?? '9999').localeCompare(b.toldDue ?? '9999') || a.title.localeCompare(b.title));
}

function Group({ zone, title, open, tasks }: { zone: Zone; title: string; open: boolean; tasks: TaskView[] }) {
  if (tasks.length === 0) return null;
  const list = (
    <ul>
      {tasks.map((t) => (
        <TaskRow key={t.key} task={t} />
      ))}
    </ul>
  );
  const heading = (
    <>
      <span class="dot" aria-hidden="true" />
      {title} ({tasks.length})
    </>
  );
  if (open)
    return (
      <section class={`zone-${zone}`} data-zone-group={zone} aria-label={title}>
        <h2>{heading}</h2>
        {list}
      </section>
    );
  return (
    <details class={`zone-${zone}`} data-zone-group={zone}>
      <summary>{heading}</summary>
      {list}
    </details>
  );
}

function TaskRow({ task }: { task: TaskView }) {
  const openTask = () => void browser.tabs.create({ url: task.url });
  return (
    <li class={`task zone-${task.zone}`} data-task-key={task.key} data-zone={task.zone}>
      <button type="button" class="title" onClick={openTask} title={`Open on ${task.site}`}>
        {task.title || '(untitled)'}
      </button>
      <div class="meta">
        <span>
          {task.assignees.length > 0 ? task.assignees.map((a) => a.name).join(', ') : 'unassigned'}
        </span>
        {task.dueUnparsed ? (
          <span class="flag" title={`Leeway could not read “${task.dueText ?? ''}”`}>
            due date unreadable
          </span>
        ) : (
          <span>
            told <b>{task.toldDue ? shortDate(task.toldDue) : '—'}</b>
            {task.toldDue && !task.done && <> ({relativeDue(task.toldDue, todayLocal())})</>}
          </span>
        )}
        <span>
          client <b>{task.clientDue ? shortDate(task.clientDue) : '—'}</b>
        </span>
        {task.board && <span>{task.board}</span>}
        {task.site === 'manual' && (
          <button
            type="button"
            class="link"
            onClick={() => void sendToBackground({ type: 'set-done', taskKey: task.key, done: !task.done })}
          >
            {task.done ? 'Reopen' : 'Mark delivered'}
          </button>
        )}
      </div>
    </li>
  );
}
