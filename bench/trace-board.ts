/**
 * Where Leeway's long tasks come from on a big board: loads a generated Trello board in Chromium with the built
 * extension under a DevTools trace and lists every main-thread task over 50 ms with what it spent its time on
 * (script evaluation by URL, function calls, style, layout, parsing). A diagnostic for issue #7, not a benchmark:
 * `npx tsx bench/trace-board.ts [cards] [--reload] [--floor] [--app] [--runs N]`.
 *
 * With `--runs N` it loads the board N times (first loads: a fresh profile each, so each is a first visit with an
 * empty history; reloads: one browser, a new tab each time) and prints, per run, Leeway's
 * start-up task (the one that compiles and evaluates the content script) and every task over 50 ms with Leeway's
 * script in it, then their medians: the start-up is the one Leeway task whose size is not cut by a time budget.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM, installSettled, launchWithExtension, todayIso } from '../e2e/support/extension';
import { serveTrello } from '../e2e/support/fake-trello';
import { generateBoardModel } from '../test/fixtures/trello/generate-board';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat: string;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 0;
const cards = Number(process.argv.find((a, i) => /^\d+$/.test(a) && i !== runsArg + 1) ?? 1000);
const reload = process.argv.includes('--reload');
/** The same page without the extension (what the page itself costs). */
const floor = process.argv.includes('--floor');
/** The board put in by the page's own script after load, as trello.com does (see `FakeTrello.render`). */
const render = process.argv.includes('--app') ? 'app' : 'server';
const LONG_MS = Number(process.env.TRACE_MIN_MS ?? 50);
/** Events shorter than this inside a task count towards their parent's time (`TRACE_DETAIL_MS`). */
const DETAIL_MS = Number(process.env.TRACE_DETAIL_MS ?? 2);

const board = generateBoardModel({ cards, seed: 3, today: todayIso() });
const url = `https://trello.com/b/${board.shortLink}/${board.slug}`;
/** A browser with a fresh profile (so a first load finds an empty history), serving the board. */
async function openBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'leeway-trace-'));
  const context = floor
    ? await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 800 }, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] })
    : await launchWithExtension(profile).then(async ({ context, serviceWorker }) => {
        await installSettled(serviceWorker);
        return context;
      });
  await serveTrello(context, board, { render });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A CPU profile sample of the page's main thread: when (trace clock, µs), for how long, and whether Leeway's code was on the stack. */
interface Sample {
  ts: number;
  us: number;
  leeway: boolean;
}

/** A traced load: the main thread's events and CPU samples. */
interface Load {
  onMain: TraceEvent[];
  samples: Sample[];
}

/** One load of the board under a trace: the page's main-thread events, CPU samples, and what its Long Tasks API reported. */
async function traceOneLoad(context: BrowserContext): Promise<Load & { reported: { start: number; duration: number }[] }> {
  const page = await context.newPage();
  // What the page's own Long Tasks API reports (the bench counts these), to set against the trace.
  await page.addInitScript(() => {
    const seen: { start: number; duration: number }[] = [];
    Object.assign(window, { __longTasks: seen });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
  const ready = () =>
    page.waitForFunction(
      (withoutLeeway) => {
        if (document.querySelectorAll('li[data-testid="list-card"]').length === 0) return false;
        if (withoutLeeway) return document.readyState === 'complete';
        const chips = document.querySelectorAll('[data-leeway="task"]');
        return chips.length > 0 && document.querySelectorAll('[data-leeway="task"][data-pending]').length === 0;
      },
      floor,
      { timeout: 60_000, polling: 100 },
    );
  if (reload) {
    await page.goto(url);
    await ready();
    await page.waitForTimeout(3000);
  }
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'toplevel'] },
  });
  // Trace events name the script of a function called from the browser, not the promise continuations it runs in
  // later microtasks (a content script's code after an `await`): CPU samples tell whose code was running.
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  if (reload) await page.reload();
  else await page.goto(url);
  await ready();
  await page.waitForTimeout(2000);
  const reported = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await done;
  await page.close();

  const mainThread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'ParseHTML'));
  if (!mainThread) throw new Error('no renderer main thread in the trace');
  const onMain = events.filter((e) => e.pid === mainThread.pid && e.tid === mainThread.tid && e.ph === 'X' && e.dur !== undefined);
  return { onMain, samples: samplesOf(profile), reported };
}

/** Each sample of a CPU profile, marked Leeway's when a frame of the extension's script is on its stack. */
function samplesOf(profile: { nodes: { id: number; callFrame: { url: string }; children?: number[] }[]; startTime: number; samples?: number[]; timeDeltas?: number[] }): Sample[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const leeway = new Map<number, boolean>();
  const isLeeway = (id: number): boolean => {
    const known = leeway.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const result = node !== undefined && (node.callFrame.url.startsWith('chrome-extension://') || (parent.has(id) && isLeeway(parent.get(id)!)));
    leeway.set(id, result);
    return result;
  };
  const samples: Sample[] = [];
  let ts = profile.startTime;
  const ids = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < ids.length; i++) {
    ts += deltas[i] ?? 0;
    samples.push({ ts, us: deltas[i + 1] ?? 0, leeway: isLeeway(ids[i]!) });
  }
  return samples;
}

/** Outermost tasks only (the scheduler nests one RunTask in another). */
function outermostTasks(onMain: TraceEvent[]): TraceEvent[] {
  const runTasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  return runTasks.filter((e) => !runTasks.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur! >= e.ts + e.dur! && p.dur! > e.dur!));
}

const within = (outer: TraceEvent, e: TraceEvent) => e !== outer && e.ts >= outer.ts && e.ts + e.dur! <= outer.ts + outer.dur!;
const scriptUrl = (e: TraceEvent) => String(e.args?.data?.url ?? e.args?.data?.fileName ?? e.args?.beginData?.url ?? '');
/** Time in a task spent compiling, evaluating or calling into the extension's script (outermost such events). */
function leewayMs({ onMain, samples }: Load, task: TraceEvent): number {
  const ours = onMain.filter((e) => within(task, e) && scriptUrl(e).startsWith('chrome-extension://'));
  const outermost = ours.filter((e) => !ours.some((p) => p !== e && within(p, e)));
  const traced = outermost.reduce((sum, e) => sum + e.dur!, 0) / 1000;
  // The samples also see Leeway's promise continuations (its code after an `await`), which the trace does not name.
  const sampled = samples.filter((s) => s.leeway && s.ts >= task.ts && s.ts < task.ts + task.dur!).reduce((sum, s) => sum + s.us, 0) / 1000;
  return Math.max(traced, sampled);
}
/**
 * A long task is Leeway's when Leeway made it long: without Leeway's own time in it, it would have been under the
 * threshold. (The page's own long tasks that merely contain Leeway's MutationObserver callback, 1–2 ms, are not.)
 */
const isLeewaysLongTask = (load: Load, task: TraceEvent) =>
  task.dur! > LONG_MS * 1000 && leewayMs(load, task) > 0 && task.dur! / 1000 - leewayMs(load, task) <= LONG_MS;

function describeTask(onMain: TraceEvent[], task: TraceEvent, navStart: number): string {
  const inside = onMain.filter((e) => within(task, e) && e.dur! > DETAIL_MS * 1000);
  const describe = (e: TraceEvent) => {
    const data = e.args?.data ?? e.args?.beginData ?? {};
    const where = scriptUrl(e).replace(/^chrome-extension:\/\/[a-z]+\//, 'ext:/').replace(/^https:\/\/trello\.com\/.*/, 'page');
    const fn = data.functionName ? ` ${String(data.functionName)}` : '';
    return `${e.name}${where ? ` ${where}` : ''}${fn}`;
  };
  // Self-times of the notable events inside: a parent's time minus that of its notable children.
  const totals = new Map<string, number>();
  for (const e of inside) {
    const children = inside.filter((c) => within(e, c));
    const direct = children.filter((c) => !children.some((p) => p !== c && within(p, c) && p.dur! > c.dur!));
    const self = e.dur! - direct.reduce((s, c) => s + c.dur!, 0);
    const key = describe(e);
    totals.set(key, (totals.get(key) ?? 0) + self);
  }
  const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
  return `at ${((task.ts - navStart) / 1000).toFixed(0)} ms, ${(task.dur! / 1000).toFixed(0)} ms: ${top.map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`).join(' · ')}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

// A first load is a first visit each time (a fresh profile per run); reloads share one browser.
let browser = await openBrowser();
try {
  if (runs > 0) {
    const startups: number[] = [];
    const leewayLong: number[] = [];
    for (let run = 1; run <= runs; run++) {
      if (run > 1 && !reload) {
        await browser.close();
        browser = await openBrowser();
      }
      const load = await traceOneLoad(browser.context);
      const { onMain } = load;
      const navStart = Math.min(...onMain.filter((e) => e.name === 'ParseHTML').map((e) => e.ts));
      const tasks = outermostTasks(onMain);
      const startup = tasks.find((t) => onMain.some((e) => within(t, e) && e.name === 'EvaluateScript' && scriptUrl(e).includes('/content-scripts/')));
      const long = tasks.filter((t) => isLeewaysLongTask(load, t));
      const pagesWithLeeway = tasks.filter((t) => t.dur! > LONG_MS * 1000 && leewayMs(load, t) > 0 && !isLeewaysLongTask(load, t));
      startups.push(startup ? startup.dur! / 1000 : NaN);
      leewayLong.push(long.length);
      console.log(`run ${run}: start-up ${startup ? describeTask(onMain, startup, navStart) : 'not found'}`);
      for (const t of long) console.log(`  Leeway's task over ${LONG_MS} ms (${leewayMs(load, t).toFixed(1)} ms of it Leeway's) ${describeTask(onMain, t, navStart)}`);
      for (const t of pagesWithLeeway) console.log(`  (the page's own long task, ${leewayMs(load, t).toFixed(1)} ms of it Leeway's: ${describeTask(onMain, t, navStart)})`);
    }
    console.log(`${cards} cards, ${reload ? 'reload' : 'first load'}${render === 'app' ? ', put in by the page' : ''}, ${runs} runs: start-up task median ${median(startups).toFixed(0)} ms (${startups.map((d) => d.toFixed(0)).join(', ')}); tasks over ${LONG_MS} ms made long by Leeway: median ${median(leewayLong)} (${leewayLong.join(', ')})`);
  } else {
    const { onMain, reported } = await traceOneLoad(browser.context);
    const navStart = Math.min(...onMain.filter((e) => e.name === 'ParseHTML').map((e) => e.ts));
    const tasks = outermostTasks(onMain).filter((e) => e.dur! > LONG_MS * 1000);
    console.log(`Long Tasks API in the page: ${reported.map((t) => `${t.start} ms (${t.duration} ms)`).join(', ') || 'none'}`);
    console.log(`${cards} cards, ${floor ? 'floor, ' : ''}${reload ? 'reload' : 'first visit'}: ${tasks.length} tasks over ${LONG_MS} ms on the page's main thread`);
    for (const task of tasks) console.log(`- ${describeTask(onMain, task, navStart)}`);
  }
} finally {
  await browser.close();
}
