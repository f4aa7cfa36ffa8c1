import { h } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ContractorBadge } from '@/components/ContractorBadge';
import { overlayCss } from '@/components/overlay-styles';
import { TaskChip } from '@/components/TaskChip';
import { todayLocal } from '../model/dates';
import type { ObservationBatch, TaskObservation } from '../model/observation';
import { sendToBackground } from '../messages/client';
import type { ContractorView, TaskView, Views } from '../messages/views';
import { ensureHost, isLeewayNode, renderInto, setData } from '../overlay/host';
import { historyRevisionItem } from '../settings';
import type { HealthReport } from '../health/report';
import type { PageRead, PlacedPerson, PlacedTask, SiteAdapter, SiteRoute, Snapshot } from '../sites/adapter';

/** How long page mutations settle before Leeway re-reads the page. */
const SETTLE_MS = 120;
/** How long chips wait for the site's JSON before placing from the DOM alone. */
const SNAPSHOT_PATIENCE_MS = 3000;

/** How long a burst of history changes settles before views are fetched again. */
const RELOAD_SETTLE_MS = 250;
/**
 * Work per slice when decorating cards outside the viewport: at least 8 ms even when the page is never idle (the
 * slice then comes from the callback's timeout), up to 40 ms of a real idle period; never a long task (> 50 ms).
 */
const IDLE_SLICE_MIN_MS = 8;
const IDLE_SLICE_MAX_MS = 40;
/** How long a slice may wait for an idle period before it runs anyway. */
const IDLE_TIMEOUT_MS = 50;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs one site adapter on the current tab: reads the site's JSON when it can, the DOM for placement
 * (and as a fallback), sends observations to the background and keeps exactly one chip per task and one
 * badge per assignee avatar, whatever the host page re-renders.
 */
export function runAdapter(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  const tasks = new Map<string, TaskView>();
  const people = new Map<string, ContractorView>();
  /** Last observation sent per task (DOM fallback), to send only what changed. */
  const sentSignatures = new Map<string, string>();
  let snapshot: Snapshot | null = null;
  /** While the site's JSON is on its way, DOM reads wait for it (briefly) instead of racing it. */
  let pendingSnapshot: Promise<void> | null = null;
  let snapshotKeys = new Set<string>();
  /** Snapshot tasks the background has not answered for yet (sent after the visible ones): no views to ask for. */
  let snapshotPending = new Set<string>();
  /** Bumped by every refresh: idle-time decoration left over from an older read stops. */
  let generation = 0;
  let reloadTimer: number | undefined;
  let route: SiteRoute | null = null;
  /** Whether the site's JSON could be read for the current route. */
  let json: HealthReport['json'] = adapter.snapshot ? 'unavailable' : 'none';
  let lastHealth = '';
  let pageUrl = location.href;
  let timer: number | undefined;

  const absorb = (views: Views) => {
    for (const t of views.tasks) tasks.set(t.key, t);
    for (const c of views.contractors) people.set(c.id, c);
  };

  const schedule = () => {
    if (timer !== undefined) return;
    timer = ctx.setTimeout(() => {
      timer = undefined;
      void refresh();
    }, SETTLE_MS);
  };

  async function observe(observations: TaskObservation[], facts: Snapshot['facts'] = []): Promise<void> {
    const batch: ObservationBatch = {
      site: adapter.site,
      pageUrl,
      observedAt: new Date().toISOString(),
      tasks: observations,
      facts,
    };
    const reply = await sendToBackground({ type: 'observe', batch });
    if (reply.ok) absorb(reply.views);
  }

  async function loadSnapshot(next: SiteRoute): Promise<void> {
    if (!adapter.snapshot || snapshot?.scope.includes(next.id)) return;
    const fresh = await adapter.snapshot(next).catch(() => null);
    json = fresh ? 'ok' : 'unavailable';
    if (!fresh || ctx.isInvalid) return;
    snapshot = fresh;
    snapshotKeys = new Set(fresh.observations.map((o) => o.key));
    // The tasks on screen first, so their chips need not wait for the background to take in the whole
    // board; the rest follows as one more batch (each batch is its own all-or-nothing transaction).
    const visible = visibleKeys();
    const first = fresh.observations.filter((o) => visible.has(o.key));
    const rest = fresh.observations.filter((o) => !visible.has(o.key));
    if (first.length === 0 || rest.length === 0) {
      await observe(fresh.observations, fresh.facts);
      return;
    }
    const keysOf = (os: TaskObservation[]) => new Set(os.map((o) => o.key));
    const firstKeys = keysOf(first);
    snapshotPending = keysOf(rest);
    await observe(first, fresh.facts.filter((f) => firstKeys.has(f.taskKey)));
    const pending = snapshotPending;
    void observe(rest, fresh.facts.filter((f) => !firstKeys.has(f.taskKey)))
      .catch(() => {})
      .finally(() => {
        if (snapshotPending === pending) snapshotPending = new Set();
        schedule();
      });
  }

  /** Keys of the tasks whose cards are on screen now (a DOM read; empty when the page can't be read yet). */
  function visibleKeys(): Set<string> {
    try {
      const read = adapter.readPage(document, { today: todayLocal(), pageUrl });
      return new Set(read.tasks.filter((t) => onScreen(t.container)).map((t) => t.key));
    } catch {
      return new Set();
    }
  }

  async function refresh(): Promise<void> {
    if (ctx.isInvalid || !route) return;
    if (pendingSnapshot) await Promise.race([pendingSnapshot, sleep(SNAPSHOT_PATIENCE_MS)]);
    const read = adapter.readPage(document, { today: todayLocal(), pageUrl });
    // The site's JSON is the truth for the tasks it covers; the DOM only fills the gaps.
    const fallback = read.tasks
      .filter((t) => !snapshotKeys.has(t.key))
      .map((t) => t.observation)
      .filter((o) => sentSignatures.get(o.key) !== JSON.stringify(o));
    if (fallback.length > 0) {
      for (const o of fallback) sentSignatures.set(o.key, JSON.stringify(o));
      await observe(fallback);
    }
    const missingViews = [...new Set(read.tasks.filter((t) => !tasks.has(t.key) && !snapshotPending.has(t.key)).map((t) => t.key))];
    const standalone = read.people ?? [];
    const missingPeople = [...read.tasks.flatMap((t) => t.people), ...standalone]
      .map((p) => p.contractorId)
      .filter((id) => !people.has(id));
    if (missingViews.length > 0 || missingPeople.length > 0) {
      const reply = await sendToBackground({
        type: 'get-views',
        taskKeys: missingViews,
        contractorIds: [...new Set(missingPeople)],
      });
      if (reply.ok) absorb(reply.views);
    }
    if (ctx.isInvalid) return;
    // Cards on screen now; the rest in idle time, a slice at a time, so a big board never blocks the page.
    const mine = ++generation;
    const later: PlacedTask[] = [];
    for (const placed of read.tasks) {
      if (onScreen(placed.container)) decorate(placed);
      else later.push(placed);
    }
    for (const person of standalone) badge(person, person.element.parentElement ?? document.body);
    void reportHealth(read);
    if (later.length > 0) decorateWhenIdle(later, mine);
  }

  function decorateWhenIdle(queue: PlacedTask[], mine: number): void {
    let next = 0;
    const slice = (deadline?: IdleDeadline) => {
      if (ctx.isInvalid || mine !== generation) return;
      const budget = Math.min(IDLE_SLICE_MAX_MS, Math.max(IDLE_SLICE_MIN_MS, deadline?.timeRemaining() ?? 0));
      const until = performance.now() + budget;
      do {
        const placed = queue[next++]!;
        // A card removed since the read is re-read by the refresh its removal scheduled.
        if (placed.container.isConnected) decorate(placed);
      } while (next < queue.length && performance.now() < until);
      if (next < queue.length) idle(slice);
    };
    idle(slice);
  }

  async function reportHealth(read: PageRead): Promise<void> {
    const { health } = read;
    const report: HealthReport = {
      site: adapter.site,
      pageUrl,
      route: health.route,
      expectsTasks: health.expectsTasks ?? false,
      tasksFound: health.tasksFound,
      missing: health.missing,
      json,
      jsonTasks: json === 'ok' && snapshot ? snapshot.observations.length : null,
      at: new Date().toISOString(),
    };
    const signature = JSON.stringify({ ...report, at: null });
    if (signature === lastHealth) return;
    lastHealth = signature;
    await sendToBackground({ type: 'report-health', report });
  }

  function decorate(placed: PlacedTask): void {
    const view = tasks.get(placed.key);
    if (view) {
      const host = ensureHost({
        container: placed.container,
        kind: 'task',
        keyAttribute: 'data-task-key',
        key: placed.key,
        anchor: placed.anchor,
        slot: placed.slot,
        existing: ownHosts(placed.container, 'task'),
        css: overlayCss,
      });
      setData(host, {
        'data-zone': view.zone,
        'data-told-due': view.toldDue,
        'data-client-due': view.clientDue,
        'data-suggested-told': view.suggestedTold,
      });
      renderInto(host, JSON.stringify(view), h(TaskChip, { view, onSetClientDue: (d) => setClientDue(view.key, d) }));
    }
    const badgeHosts = ownHosts(placed.container, 'contractor');
    for (const person of placed.people) badge(person, placed.container);
    // Badges whose avatar is gone (member removed, avatar re-rendered elsewhere) go too.
    for (const stale of badgeHosts) {
      const avatar = stale.previousElementSibling;
      if (!avatar || !placed.people.some((p) => p.element === avatar)) stale.remove();
    }
  }

  /** One badge right after a person's avatar or name, when Leeway knows them. */
  function badge(person: PlacedPerson, fallbackContainer: Element): void {
    const view = people.get(person.contractorId);
    if (!view) return;
    const next = person.element.nextElementSibling;
    const existing = next && next.getAttribute('data-leeway') === 'contractor' ? [next] : [];
    const host = ensureHost({
      container: person.element.parentElement ?? fallbackContainer,
      kind: 'contractor',
      keyAttribute: 'data-contractor',
      key: person.contractorId,
      anchor: person.element,
      existing,
      css: overlayCss,
    });
    setData(host, { 'data-grade': view.grade, 'data-n': String(view.n) });
    renderInto(host, JSON.stringify(view), h(ContractorBadge, { view }));
  }

  async function setClientDue(taskKey: string, clientDue: string | null): Promise<string | null> {
    const reply = await sendToBackground({ type: 'set-client-due', taskKey, clientDue });
    if (!reply.ok) return `Could not save: ${reply.error}`;
    if (reply.task) tasks.set(reply.task.key, reply.task);
    schedule();
    return null;
  }

  /** The history changed (popup, another tab, this page's own batches): fresh views once the burst settles. */
  function reloadViewsSoon(): void {
    if (reloadTimer !== undefined) return;
    reloadTimer = ctx.setTimeout(() => {
      reloadTimer = undefined;
      void reloadViews();
    }, RELOAD_SETTLE_MS);
  }

  /** Fetches fresh views for everything shown. */
  async function reloadViews(): Promise<void> {
    const reply = await sendToBackground({ type: 'get-views', taskKeys: [...tasks.keys()], contractorIds: [...people.keys()] });
    if (reply.ok) absorb(reply.views);
    schedule();
  }

  function onRoute(url: string): void {
    pageUrl = url;
    route = adapter.route(url);
    if (!route) return;
    const loading = loadSnapshot(route).finally(() => {
      if (pendingSnapshot === loading) pendingSnapshot = null;
      schedule();
    });
    pendingSnapshot = loading;
    schedule();
  }

  const observer = new MutationObserver((records) => {
    // Leeway's own inserts would otherwise re-trigger a read in a loop.
    const relevant = records.some(
      (r) => [...r.addedNodes].some((n) => !isLeewayNode(n)) || [...r.removedNodes].some((n) => !isLeewayNode(n)),
    );
    if (relevant) schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());

  ctx.addEventListener(window, 'wxt:locationchange', (event) => onRoute(event.newUrl.href));
  const unwatch = historyRevisionItem.watch(() => reloadViewsSoon());
  ctx.onInvalidated(unwatch);

  onRoute(location.href);
}

/** Leeway hosts of one kind that belong to this container itself, not to an item nested in it. */
function ownHosts(container: Element, kind: 'task' | 'contractor'): Element[] {
  return [...container.querySelectorAll(`[data-leeway="${kind}"]`)];
}

/** Whether an element is within (or one screen around) the viewport. */
function onScreen(element: Element): boolean {
  const r = element.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return false;
  const h = window.innerHeight || document.documentElement.clientHeight;
  const w = window.innerWidth || document.documentElement.clientWidth;
  return r.bottom >= -h && r.top <= 2 * h && r.right >= 0 && r.left <= w;
}

/** requestIdleCallback where there is one (with a deadline so a busy page still gets its chips), else a timeout. */
function idle(callback: (deadline?: IdleDeadline) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(callback, 16);
}
