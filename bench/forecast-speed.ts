/**
 * Speed bench for the forecasting core (issue #3 §5). `runForecastSpeedBench()` is imported by the
 * bench runner; running this file directly prints the rows as a table.
 *
 * Each case is timed against a baseline measured in the same run on the same data — a plain loop
 * that parses the same deliveries' dates and sums their day differences (or, for the Monte Carlo, draws
 * the same number of random numbers) — so `ratio` says how much the model costs over just reading
 * the data, independent of the machine.
 *
 * Times are CPU time of this process (process.cpuUsage), not wall time: on a shared 2-core box other
 * jobs preempt us and inflate wall time by whatever they do, which says nothing about this code.
 */
import { fileURLToPath } from 'node:url';
import { planChain, planToldDue, reliability, type Delivery } from '../utils/forecast/index';
import { WorkCalendar, formatDay, parseDay } from '../utils/forecast/calendar';
import { createRng } from '../utils/forecast/rng';
import type { Row } from './row';

export type { Row };


const cal = new WorkCalendar();

function makeHistory(seed: number, n: number): Delivery[] {
  const rng = createRng(seed);
  const out: Delivery[] = [];
  let a = parseDay('2024-01-01', 'start');
  for (let i = 0; i < n; i++) {
    const told = cal.add(a, 3 + Math.floor(rng.next() * 10));
    const late = rng.next() < 0.3;
    const f = late ? cal.add(told, 1 + Math.floor(rng.next() * 6)) : told;
    out.push({ assignedOn: formatDay(a), toldDue: formatDay(told), deliveredOn: formatDay(f) });
    a = cal.add(a, 2);
  }
  return out;
}

/** Plain loop over the same deliveries: parse the dates and sum day differences. */
function baselineSum(histories: Delivery[][]): number {
  let s = 0;
  for (const h of histories) {
    for (const d of h) {
      const a = Date.parse(`${d.assignedOn}T00:00:00Z`);
      const t = Date.parse(`${d.toldDue}T00:00:00Z`);
      const f = d.deliveredOn ? Date.parse(`${d.deliveredOn}T00:00:00Z`) : t;
      s += (t - a) / 86_400_000 + (f - t) / 86_400_000;
    }
  }
  return s;
}

/** CPU milliseconds used by this process so far. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Median CPU time of `fn` over `reps` timed runs after `warmup` untimed ones. */
function time(fn: () => unknown, reps: number, warmup = 5): number {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += fn() ? 1 : 0;
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = cpuMs();
    sink += fn() ? 1 : 0;
    samples.push(cpuMs() - t0);
  }
  samples.sort((x, y) => x - y);
  if (sink < 0) console.log(sink); // keep the results alive
  return samples[Math.floor(samples.length / 2)]!;
}

/** Time of one call, measured over a batch so sub-millisecond calls are not lost in timer noise. */
function timePerCall(fn: () => unknown, batch: number, reps: number): number {
  return time(() => {
    let r: unknown;
    for (let i = 0; i < batch; i++) r = fn();
    return r;
  }, reps) / batch;
}

function row(name: string, ms: number, baselineMs: number, limitMs: number): Row {
  return {
    name,
    ms: Math.round(ms * 1000) / 1000,
    baselineMs: Math.round(baselineMs * 1000) / 1000,
    ratio: Math.round((ms / Math.max(baselineMs, 1e-6)) * 10) / 10,
    target: `< ${limitMs} ms`,
    pass: ms < limitMs,
  };
}

export async function runForecastSpeedBench(): Promise<Row[]> {
  const rows: Row[] = [];

  const h200 = makeHistory(1, 200);
  const planAndReliability = () => {
    const p = planToldDue({ history: h200, assignedOn: '2025-02-03', clientDue: '2025-03-03', target: 0.85 });
    const r = reliability(h200, { today: '2025-02-03' });
    return p.toldDue.length + r.n;
  };
  rows.push(
    row(
      'plan + reliability, 1 contractor × 200 deliveries',
      timePerCall(planAndReliability, 50, 15),
      timePerCall(() => baselineSum([h200]), 50, 15),
      1,
    ),
  );

  const many = Array.from({ length: 200 }, (_, i) => makeHistory(100 + i, 200));
  rows.push(
    row(
      'reliability, 200 contractors × 200 deliveries',
      time(() => many.reduce((s, h) => s + reliability(h, { today: '2025-02-03' }).n, 0), 11),
      time(() => baselineSum(many), 11),
      50,
    ),
  );

  const milestones = Array.from({ length: 10 }, () => ({ workingDays: 5 }));
  const chain = () => planChain({ history: h200, assignedOn: '2025-02-03', milestones, runs: 10_000, seed: 1 }).runs;
  const chainBaseline = () => {
    const rng = createRng(1);
    let s = 0;
    for (let i = 0; i < 10_000 * 10; i++) s += rng.next();
    return s;
  };
  rows.push(row('Monte Carlo, 10 milestones × 10,000 runs', time(chain, 11), time(chainBaseline, 11), 50));
  return rows;
}

async function main(): Promise<void> {
  const rows = await runForecastSpeedBench();
  console.log('| case | ms | baseline ms | ratio | target | pass |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.ms} | ${r.baselineMs} | ${r.ratio} | ${r.target} | ${r.pass ? 'yes' : 'NO'} |`);
  if (rows.some((r) => !r.pass)) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
