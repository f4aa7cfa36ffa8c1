/**
 * Research experiment (not product code): how much coverage on the "drifting" population would a
 * trend-aware, NON-monotone planner buy? Run: `npx tsx bench/drift-experiment.ts`
 * (CONTRACTORS=500 per cell by default; env DRIFT_CONTRACTORS, DRIFT_VIOLATION_HISTORIES).
 *
 * Trend model (per contractor, time x = (told day − plan day) / 240 days, so x ≤ 0 and x = 0 is today):
 *  - lateness: logit P(late | x) = a + b·x, priors a ~ N(logit 0.3, SA²), b ~ N(0, SB²); MAP by Newton,
 *    Laplace posterior; predictive P(late now) = σ(â / √(1 + π·Var(a)/8)) (probit approximation).
 *  - slip when late: y = log((slip − ½)/L) = c + d·x + ε, ε ~ N(0, s²), conjugate Normal-Inverse-Gamma
 *    with (c, d) | s² ~ N((μ₀, 0), s²·diag(κ₀, KD)⁻¹), s² ~ IG(α₀, β₀) (μ₀, κ₀, α₀, β₀ = the product's
 *    default slip prior); predictive log g now ~ t_{2αₙ}(ĉ, βₙ/αₙ·(1 + Vₙ[0,0])).
 *  - E(L) = P(late now)·(1 − G((log(slack/L) − loc)/scale)), P(meet | L) = 1 − E(L).
 * The same model with the slope priors at 0 (SB, KD → "no slope") is the "flat" model.
 *
 * Variants scored:
 *  - trend:  longest L with P_trend(L) ≥ target (pure parametric, no product code in the decision).
 *  - blend:  P(L) = P_ours(L) − [E_trend(L) − E_flat(L)]: the product's own P(meet), shifted by
 *            what the slope adds (or removes) at today's date relative to the same model without slope.
 *  - gate:   as blend, but only when the trend posterior says "worse" with P(b > 0) ≥ GATE or
 *            P(d > 0) ≥ GATE, and only in the direction of more buffer (max(0, ·)).
 * Scoring as bench/calibration.ts: coverage = true P(meet) today; eff = Σ L / Σ L_oracle.
 */
import { fileURLToPath } from 'node:url';
import { POPULATIONS, PLAN_DAY, makeHistory, trueMeet, longestMeeting, meetAt, type Truth } from './calibration';
import { DEFAULT_PRIOR, planToldDue, type Delivery } from '../utils/forecast/index';
import { fitContractor } from '../utils/forecast/common';
import { pMeet } from '../utils/forecast/model';
import { WorkCalendar, formatDay, parseDay } from '../utils/forecast/calendar';
import { createRng, type Rng } from '../utils/forecast/rng';
import { normCdf, studentTCdf } from '../utils/forecast/special';

const CONTRACTORS = Number(process.env.DRIFT_CONTRACTORS ?? 500);
const VIOLATION_HISTORIES = Number(process.env.DRIFT_VIOLATION_HISTORIES ?? 300);
const SIZES = [3, 5, 10, 20];
const TARGETS = [0.7, 0.85, 0.95];
const SEED = 777001;
const cal = new WorkCalendar();

/** Tunable hyper-parameters (env overrides for quick sweeps). */
const P = {
  /** Time unit for the slope, in calendar days. */
  T: Number(process.env.DRIFT_T ?? 240),
  /** Prior sd of the lateness intercept (logit) at today. */
  SA: Number(process.env.DRIFT_SA ?? 1.1),
  /** Prior sd of the lateness slope per T days (logit). */
  SB: Number(process.env.DRIFT_SB ?? 6),
  /** Prior precision (× 1/s²) of the log-slip slope per T days. */
  KD: Number(process.env.DRIFT_KD ?? 0.1),
  /** Gate: posterior P(slope > 0) needed to switch the trend on. */
  GATE: Number(process.env.DRIFT_GATE ?? 0.9),
};

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

interface Obs {
  x: number;
  late: boolean;
  /** log((slip − ½)/L) when late. */
  y: number;
}

function observe(history: Delivery[], T: number): Obs[] {
  return history.map((d) => {
    const a = parseDay(d.assignedOn, 'a');
    const t = parseDay(d.toldDue, 't');
    const f = parseDay(d.deliveredOn!, 'f');
    const L = Math.max(1, cal.between(a, t));
    const late = f > t;
    const slip = late ? Math.max(1, cal.between(t, f)) : 0;
    return { x: (t - PLAN_DAY) / T, late, y: late ? Math.log((slip - 0.5) / L) : 0 };
  });
}

interface Fit {
  /** Predictive P(late) today. */
  pLate: number;
  /** Predictive log-slip today: Student-t location, scale, df. */
  loc: number;
  scale: number;
  df: number;
  /** Posterior P(lateness slope > 0), P(log-slip slope > 0). */
  pUpLate: number;
  pUpSlip: number;
}

/** The trend model (slope priors sb, kd); sb = 0 / kd = Infinity gives the flat model. */
function fitTrend(obs: Obs[], sb: number, kd: number): Fit {
  // --- Lateness: MAP logistic regression with Gaussian priors, Laplace posterior.
  const a0 = logit(1 - DEFAULT_PRIOR.onTimeMean);
  const pa = 1 / (P.SA * P.SA);
  const pb = sb > 0 ? 1 / (sb * sb) : 1e12;
  let a = a0;
  let b = 0;
  let haa = 0;
  let hab = 0;
  let hbb = 0;
  for (let it = 0; it < 30; it++) {
    let ga = -pa * (a - a0);
    let gb = -pb * b;
    haa = pa;
    hab = 0;
    hbb = pb;
    for (const o of obs) {
      const p = sigmoid(a + b * o.x);
      const r = (o.late ? 1 : 0) - p;
      const w = p * (1 - p);
      ga += r;
      gb += r * o.x;
      haa += w;
      hab += w * o.x;
      hbb += w * o.x * o.x;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  const det = haa * hbb - hab * hab;
  const varA = hbb / det;
  const varB = haa / det;
  const pLate = sigmoid(a / Math.sqrt(1 + (Math.PI * varA) / 8));
  const pUpLate = sb > 0 ? normCdf(b / Math.sqrt(varB)) : 0.5;

  // --- Slip: conjugate NIG linear regression of y on (1, x).
  const s = DEFAULT_PRIOR.slip;
  const l00 = s.kappa0;
  const l11 = Number.isFinite(kd) ? kd : 1e12;
  let A00 = l00;
  let A01 = 0;
  let A11 = l11;
  let r0 = l00 * s.mu0;
  let r1 = 0;
  let yy = 0;
  let m = 0;
  for (const o of obs) {
    if (!o.late) continue;
    A00 += 1;
    A01 += o.x;
    A11 += o.x * o.x;
    r0 += o.y;
    r1 += o.x * o.y;
    yy += o.y * o.y;
    m++;
  }
  const dA = A00 * A11 - A01 * A01;
  const V00 = A11 / dA;
  const V01 = -A01 / dA;
  const V11 = A00 / dA;
  const c = V00 * r0 + V01 * r1;
  const d = V01 * r0 + V11 * r1;
  const alpha = s.alpha0 + m / 2;
  // βₙ = β₀ + ½(yᵀy + m₀ᵀΛ₀m₀ − mₙᵀΛₙmₙ), with Λₙmₙ = r.
  const beta = s.beta0 + 0.5 * (yy + l00 * s.mu0 * s.mu0 - (c * r0 + d * r1));
  const s2 = Math.max(1e-6, beta / alpha);
  const scale = Math.sqrt(s2 * (1 + V00));
  const df = 2 * alpha;
  const pUpSlip = Number.isFinite(kd) ? studentTCdf(d / Math.sqrt(s2 * V11), df) : 0.5;
  return { pLate, loc: c, scale, df, pUpLate, pUpSlip };
}

/** E(L) = P(late and g > slack/L) under a fit. */
function exceed(f: Fit, L: number, window: number): number {
  const slack = window - L;
  if (slack < 0) return 1;
  if (slack === 0) return f.pLate;
  return f.pLate * (1 - studentTCdf((Math.log(slack / L) - f.loc) / f.scale, f.df));
}

interface Plans {
  ours: number;
  flat: number;
  trend: number;
  blend: number;
  gate: number;
}

/** Told working days for one task under every method (window = working days to the client due, margin 0). */
export function planAll(history: Delivery[], window: number, target: number): Plans {
  const clientDue = formatDay(cal.add(PLAN_DAY, window));
  const assignedOn = formatDay(PLAN_DAY);
  const ours = planToldDue({ history, assignedOn, clientDue, target, reviewMarginDays: 0 }).toldWorkingDays;
  const obs = observe(history, P.T);
  const tr = fitTrend(obs, P.SB, P.KD);
  const fl = fitTrend(obs, 0, Infinity);
  const model = fitContractor(history, { floorDay: PLAN_DAY }).model;
  const pOurs = (L: number) => pMeet(model, L, window - L);
  const delta = (L: number) => exceed(tr, L, window) - exceed(fl, L, window);
  const on = tr.pUpLate >= P.GATE || tr.pUpSlip >= P.GATE;
  return {
    ours,
    flat: longestMeeting((L) => 1 - exceed(fl, L, window), window, target),
    trend: longestMeeting((L) => 1 - exceed(tr, L, window), window, target),
    blend: longestMeeting((L) => pOurs(L) - delta(L), window, target),
    gate: on ? longestMeeting((L) => pOurs(L) - Math.max(0, delta(L)), window, target) : ours,
  };
}

const METHODS = ['ours', 'flat', 'trend', 'blend', 'gate'] as const;
type Method = (typeof METHODS)[number];

interface Acc {
  cov: number;
  L: number;
  count: number;
}
const acc = (): Acc => ({ cov: 0, L: 0, count: 0 });

interface Cell {
  pop: string;
  n: number;
  target: number;
  m: Record<Method, Acc>;
  oracle: Acc;
  lag40: Acc;
}

function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng.next() * (hi - lo + 1));
}

function run(): Cell[] {
  const cells: Cell[] = [];
  POPULATIONS.forEach((pop, pi) => {
    for (const n of SIZES) {
      const byT: Cell[] = TARGETS.map((target) => ({
        pop: pop.name,
        n,
        target,
        m: { ours: acc(), flat: acc(), trend: acc(), blend: acc(), gate: acc() },
        oracle: acc(),
        lag40: acc(),
      }));
      const rng = createRng(SEED + pi * 1000 + n);
      for (let k = 0; k < CONTRACTORS; k++) {
        const truth: Truth = pop.draw(rng);
        const history = makeHistory(rng, truth, n);
        const window = randInt(rng, 5, 30);
        TARGETS.forEach((target, ti) => {
          const c = byT[ti]!;
          const add = (a: Acc, L: number) => {
            a.cov += trueMeet(truth, L, window);
            a.L += L;
            a.count++;
          };
          const plans = planAll(history, window, target);
          for (const meth of METHODS) add(c.m[meth], plans[meth]);
          add(c.oracle, longestMeeting((L) => trueMeet(truth, L, window), window, target));
          if (truth.slipCdfAt) add(c.lag40, longestMeeting((L) => meetAt(truth, L, window, 40), window, target));
        });
      }
      cells.push(...byT);
    }
  });
  return cells;
}

function goalOk(c: Cell, a: Acc): boolean {
  const tol = c.n >= 5 ? 0.03 : 0.06;
  const cov = a.cov / a.count;
  const oracle = c.oracle.cov / c.oracle.count;
  const effOk = c.n === 20 ? a.L / c.oracle.L >= 0.9 : true;
  return cov >= c.target - tol && cov <= Math.max(c.target, oracle) + tol && effOk;
}

/**
 * Property check: on random histories (all populations, n ∈ {5, 10, 20}), make one late delivery from
 * the OLDER half on time (told dates unchanged) and see whether the told date moves earlier.
 */
function violations(histories: number): Record<Method, { cases: number; earlier: number; histories: number }> {
  const rng = createRng(SEED + 99);
  const out = Object.fromEntries(METHODS.map((m) => [m, { cases: 0, earlier: 0, histories: 0 }])) as Record<
    Method,
    { cases: number; earlier: number; histories: number }
  >;
  for (let h = 0; h < histories; h++) {
    const pop = POPULATIONS[h % POPULATIONS.length]!;
    const truth = pop.draw(rng);
    const n = [5, 10, 20][randInt(rng, 0, 2)]!;
    const history = makeHistory(rng, truth, n);
    const window = randInt(rng, 5, 30);
    const target = TARGETS[randInt(rng, 0, 2)]!;
    // history is oldest first; the older half are indices < n/2.
    const lateOld = history.map((d, i) => ({ d, i })).filter(({ d, i }) => i < n / 2 && d.deliveredOn! > d.toldDue);
    if (lateOld.length === 0) {
      h--;
      continue;
    }
    const { i } = lateOld[randInt(rng, 0, lateOld.length - 1)]!;
    const better = history.slice();
    better[i] = { ...history[i]!, deliveredOn: history[i]!.toldDue };
    const base = planAll(history, window, target);
    const imp = planAll(better, window, target);
    for (const m of METHODS) {
      out[m].cases++;
      if (imp[m] < base[m]) out[m].earlier++;
    }
  }
  for (const m of METHODS) out[m].histories = histories;
  return out;
}

const pct = (x: number) => (100 * x).toFixed(1);

function main(): void {
  const t0 = performance.now();
  const cells = run();
  const tRun = (performance.now() - t0) / 1000;
  console.log(`Contractors per cell: ${CONTRACTORS}; seed ${SEED}; params ${JSON.stringify(P)}; runtime ${tRun.toFixed(1)} s.`);
  console.log('');
  console.log(`| population | n | target | oracle | lag40 | ${METHODS.join(' | ')} | ${METHODS.map((m) => `eff ${m}`).join(' | ')} | goal ${METHODS.map((m) => m[0]).join('/')} |`);
  console.log(`|${'---|'.repeat(6 + 2 * METHODS.length)}`);
  const misses = Object.fromEntries(METHODS.map((m) => [m, 0])) as Record<Method, number>;
  for (const c of cells) {
    const cov = (a: Acc) => pct(a.cov / a.count);
    const eff = (a: Acc) => (a.L / c.oracle.L).toFixed(2);
    const marks = METHODS.map((m) => {
      const ok = goalOk(c, c.m[m]);
      if (!ok) misses[m]++;
      return ok ? '✓' : '✗';
    }).join('');
    console.log(
      `| ${c.pop} | ${c.n} | ${c.target.toFixed(2)} | ${cov(c.oracle)} | ${c.lag40.count ? cov(c.lag40) : '—'} | ${METHODS.map((m) => cov(c.m[m])).join(' | ')} | ${METHODS.map((m) => eff(c.m[m])).join(' | ')} | ${marks} |`,
    );
  }
  console.log('');
  console.log(`Cells missing the goal (of ${cells.length}): ${METHODS.map((m) => `${m} ${misses[m]}`).join(', ')}`);
  const t1 = performance.now();
  const v = violations(VIOLATION_HISTORIES);
  const tV = (performance.now() - t1) / 1000;
  console.log('');
  console.log(`Property check: ${VIOLATION_HISTORIES} histories, one late delivery from the older half made on time (${tV.toFixed(1)} s):`);
  for (const m of METHODS) console.log(`  ${m}: told date earlier in ${v[m].earlier}/${v[m].cases} (${pct(v[m].earlier / v[m].cases)}%)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
