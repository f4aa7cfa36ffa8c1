/**
 * The popup's first paint: the saved first screen (the riskiest tasks and the counts), drawn before the full
 * popup's code (message schemas, forms, pages) has even loaded. Deliberately tiny: no validation library, no
 * date library, no messaging. The full popup replaces it a moment later.
 */

// The same short date as the chips and the full popup (a module of two constants).
import { SHORT_DATE_OPTIONS } from '@/utils/overlay/date-options';

interface SavedTask {
  key: string;
  title: string;
  zone: string;
  toldDue: string | null;
  assignees: { name: string }[];
}

export interface SavedFirstScreen {
  needsYou: SavedTask[];
  counts: { open: number; green: number; none: number; done: number };
}

/** Reads what the background saved, checking its shape by hand; anything odd means "no first screen". */
export async function readSavedFirstScreen(): Promise<SavedFirstScreen | null> {
  const api = (globalThis as { browser?: ChromeLike; chrome?: ChromeLike }).browser ?? (globalThis as { chrome?: ChromeLike }).chrome;
  try {
    const value = (await api?.storage.local.get('firstScreen'))?.firstScreen as Partial<SavedFirstScreen> | undefined;
    if (!value || !Array.isArray(value.needsYou) || typeof value.counts?.open !== 'number') return null;
    const tasks = value.needsYou.filter(
      (t): t is SavedTask => typeof t?.key === 'string' && typeof t.title === 'string' && typeof t.zone === 'string' && Array.isArray(t.assignees),
    );
    return { needsYou: tasks, counts: value.counts };
  } catch {
    return null;
  }
}

interface ChromeLike {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

const shortDate = new Intl.DateTimeFormat(undefined, SHORT_DATE_OPTIONS);

/** The saved first screen's content: what needs you, and the counts of the rest. */
export function FirstScreenBody({ data }: { data: SavedFirstScreen }) {
  return (
    <div data-first-screen="">
      {data.needsYou.length > 0 ? (
        <section class="needs-you" aria-label="Needs you">
          <h2>
            <span class="dot red" aria-hidden="true" />
            Needs you
          </h2>
          <ul>
            {data.needsYou.map((t) => (
              <li key={t.key} class={`task zone-${t.zone}`}>
                <span class="title">{t.title || '(untitled)'}</span>
                <div class="meta">
                  <span>{t.assignees.map((a) => a.name).join(', ') || 'unassigned'}</span>
                  {t.toldDue && <span>told {shortDate.format(new Date(`${t.toldDue}T00:00:00Z`))}</span>}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p class="all-good">Nothing needs you right now.</p>
      )}
      <p class="summary loading">
        {data.counts.green} on track · {data.counts.none} without a due date · {data.counts.done} delivered — updating…
      </p>
    </div>
  );
}

export function FirstScreen({ data }: { data: SavedFirstScreen }) {
  return (
    <>
      <header>
        <h1>Leeway</h1>
        <span class="summary">
          {data.counts.open} open · {data.needsYou.length} need you
        </span>
      </header>
      <main>
        <FirstScreenBody data={data} />
      </main>
    </>
  );
}
