import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '@/utils/messages/client';
import type { Overview } from '@/utils/messages/protocol';
import type { TaskView } from '@/utils/messages/views';
import { historyRevisionItem } from '@/utils/settings';
import { trackDraftItem, type TrackDraft } from '@/utils/track-draft';
import { FirstScreenBody, type SavedFirstScreen } from './FirstScreen';
import { ContractorPage } from './ContractorPage';
import { PageHealth } from './PageHealth';
import { People } from './People';
import { TaskDetail } from './TaskDetail';
import { byRisk, TaskRow } from './TaskRow';
import { TrackForm } from './TrackForm';

const FIRST_CONTENT = 'leeway:first-content';

type Screen = { kind: 'home' } | { kind: 'task'; key: string } | { kind: 'contractor'; id: string };

/** Soonest told due first; undated last. */
function byDue(a: TaskView, b: TaskView): number {
  return (a.toldDue ?? '9999').localeCompare(b.toldDue ?? '9999') || a.title.localeCompare(b.title);
}

export function Popup({ firstScreen = null }: { firstScreen?: SavedFirstScreen | null }) {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<TrackDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });

  useEffect(() => {
    // The context menu leaves a draft for the form; open it straight away.
    void trackDraftItem.getValue().then((d) => {
      if (d) setDraft(d);
      void trackDraftItem.setValue(null);
    });
    const load = async () => {
      const reply = await sendToBackground({ type: 'get-overview' });
      if (reply.ok) setOverview(reply.overview);
      else setError(reply.error);
    };
    void load();
    return historyRevisionItem.watch(() => void load());
  }, []);

  // For the benchmark: when the owner first sees something useful (tasks, or the word that there are none).
  useEffect(() => {
    if ((overview || firstScreen) && performance.getEntriesByName(FIRST_CONTENT).length === 0) performance.mark(FIRST_CONTENT);
  }, [overview, firstScreen]);

  const startTracking = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    setDraft({ title: tab?.title ?? '', url: tab?.url ?? '' });
  };

  const tasks = overview?.tasks ?? [];
  const open = tasks.filter((t) => !t.done);
  const needsYou = open.filter((t) => t.zone === 'red' || t.zone === 'yellow').sort(byRisk);
  const counts = overview ? null : firstScreen?.counts;
  const green = open.filter((t) => t.zone === 'green').sort(byDue);
  const undated = open.filter((t) => t.zone === 'none').sort(byDue);
  const delivered = tasks.filter((t) => t.done).sort((a, b) => byDue(b, a));
  const openTask = (key: string) => setScreen({ kind: 'task', key });
  const home = () => setScreen({ kind: 'home' });

  const detailTask = screen.kind === 'task' ? tasks.find((t) => t.key === screen.key) : undefined;

  return (
    <>
      <header>
        <h1>Leeway</h1>
        {(overview || counts) && (
          <span class="summary">
            {counts?.open ?? open.length} open · {counts ? firstScreen!.needsYou.length : needsYou.length} need you
          </span>
        )}
        <button type="button" class="track-button" onClick={() => void startTracking()}>
          Track this page
        </button>
        <button type="button" class="icon-button" aria-label="Settings" title="Settings" onClick={() => void browser.runtime.openOptionsPage()}>
          ⚙
        </button>
      </header>
      <main>
        <PageHealth />
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
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
        {!overview && !firstScreen && !error && <p class="summary">Loading…</p>}
        {!overview && firstScreen && <FirstScreenBody data={firstScreen} />}

        {overview && screen.kind === 'task' && detailTask && (
          <TaskDetail task={detailTask} onBack={home} onContractor={(id) => setScreen({ kind: 'contractor', id })} />
        )}
        {overview && screen.kind === 'contractor' && (
          <ContractorPage id={screen.id} overview={overview} onBack={home} onTask={openTask} />
        )}

        {overview && (screen.kind === 'home' || (screen.kind === 'task' && !detailTask)) && (
          <>
            {tasks.length === 0 && <EmptyState />}
            <NeedsYou tasks={needsYou} onOpen={openTask} />
            {tasks.length > 0 && needsYou.length === 0 && (
              <p class="all-good" role="status">
                Nothing needs you. Leeway is watching {open.length} open {open.length === 1 ? 'task' : 'tasks'}.
              </p>
            )}
            <Collapsed group="green" title={`Letting go: ${green.length} on track`} tasks={green} onOpen={openTask} />
            <Collapsed group="none" title={`No due date (${undated.length})`} tasks={undated} onOpen={openTask} />
            <Collapsed group="done" title={`Delivered (${delivered.length})`} tasks={delivered} onOpen={openTask} />
            <People overview={overview} onOpen={(id) => setScreen({ kind: 'contractor', id })} />
          </>
        )}
      </main>
    </>
  );
}

function NeedsYou({ tasks, onOpen }: { tasks: TaskView[]; onOpen: (key: string) => void }) {
  if (tasks.length === 0) return null;
  return (
    <section class="needs-you" data-zone-group="needs-you" aria-label="Needs you">
      <h2>
        <span class="dot red" aria-hidden="true" />
        Needs you ({tasks.length})
      </h2>
      <ul>
        {tasks.map((t) => (
          <TaskRow key={t.key} task={t} onOpen={onOpen} showAction />
        ))}
      </ul>
    </section>
  );
}

function Collapsed({ group, title, tasks, onOpen }: { group: string; title: string; tasks: TaskView[]; onOpen: (key: string) => void }) {
  if (tasks.length === 0) return null;
  return (
    <details class={`zone-${group}`} data-zone-group={group}>
      <summary>
        <span class={`dot ${group}`} aria-hidden="true" />
        {title}
      </summary>
      <ul>
        {tasks.map((t) => (
          <TaskRow key={t.key} task={t} onOpen={onOpen} />
        ))}
      </ul>
    </details>
  );
}

function EmptyState() {
  return (
    <div class="empty">
      <h2>Nothing tracked yet</h2>
      Open a Trello board, an Asana project or an Upwork contract with due dates and people on it. Leeway reads
      them as you browse, learns how each contractor delivers, and lists here what needs you. Everything stays in
      this browser.
    </div>
  );
}
