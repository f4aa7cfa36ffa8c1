/**
 * The seam between the product and the pure forecasting core (utils/forecast): turns derived deliveries,
 * the owner's settings and a task's dates into what the chips, badges and popup show.
 */
import { calendarFor, parseDay } from '../forecast/calendar';
import {
  fitOwnerPrior,
  ForecastInputError,
  liveStatus,
  planToldDue,
  reliability,
  type Delivery,
  type ForecastPrior,
  type Why,
} from '../forecast';
import type { DerivedDelivery } from '../history/deliveries';
import type { ContractorView, Zone } from '../messages/views';
import type { Settings } from '../settings';
import { percent } from '../overlay/format';
import { repeatedSlip as isRepeatedSlip } from '../alerts/ladder';

export interface ForecastContext {
  today: string;
  settings: Settings;
  /** The owner's empirical-Bayes prior, once their history is big enough; else the built-in one. */
  prior?: ForecastPrior;
}

const calendarOf = (settings: Settings) => ({ workingDays: settings.workingDays, holidays: settings.holidays });

function asDeliveries(history: DerivedDelivery[]): Delivery[] {
  // The core wants nothing before the assignment. Leeway may first see a task after its due was set or
  // even after delivery (an Upwork milestone submitted before the owner opened the page): the hand-over
  // was then no later than either.
  return history.map((d) => ({
    assignedOn: [d.assignedOn, d.toldDue, d.deliveredOn ?? d.assignedOn].sort()[0]!,
    toldDue: d.toldDue,
    deliveredOn: d.deliveredOn,
    ...(d.excluded ? { excluded: true } : {}),
  }));
}

/** The owner's own prior from everyone's history (the core falls back to its default below 20 deliveries / 3 people). */
export function fitPrior(histories: DerivedDelivery[][], today: string, settings: Settings): ForecastPrior {
  return fitOwnerPrior(histories.map(asDeliveries), { today, ...calendarOf(settings) });
}

export type ContractorRecordFigures = Pick<
  ContractorView,
  'grade' | 'n' | 'onTimeRate' | 'typicalSlipDays' | 'evidence' | 'trend' | 'repeatedSlip' | 'recommendation'
>;

function recommend(grade: ContractorView['grade'], repeated: boolean, trend: ContractorView['trend'], n: number): ContractorView['recommendation'] {
  if (grade === 'watch' && repeated) return { kind: 'replace', text: 'Consider replacing: late again and again. Don’t renew without a talk.' };
  if (repeated) return { kind: 'watch', text: 'Late twice in the last five: follow up at every checkpoint, and don’t let it happen a third time.' };
  if (grade === 'watch') return { kind: 'watch', text: 'Often late: give them an earlier date and check in at checkpoints.' };
  if (trend === 'worsening') return { kind: 'watch', text: 'Slipping lately: check in at the next checkpoint.' };
  if (n < 3) return { kind: 'keep', text: 'Too early to judge: Leeway plans with general assumptions for now.' };
  return { kind: 'keep', text: grade === 'reliable' ? 'Reliable: let go, Leeway will speak up if needed.' : 'Keep: checkpoints are enough.' };
}

export function estimateReliability(
  history: DerivedDelivery[],
  ctx: ForecastContext,
): ContractorRecordFigures {
  let r: ReturnType<typeof reliability>;
  try {
    r = reliability(asDeliveries(history), { today: ctx.today, ...calendarOf(ctx.settings), prior: ctx.prior });
  } catch (error) {
    if (!(error instanceof ForecastInputError)) throw error;
    // One unreadable record must not take every badge on the page down with it.
    return {
      grade: 'new',
      n: 0,
      onTimeRate: null,
      typicalSlipDays: null,
      evidence: `history unreadable (${error.message})`,
      trend: 'steady',
      repeatedSlip: false,
      recommendation: recommend('new', false, 'steady', 0),
    };
  }
  // Trend: recency-weighted on-time share minus the plain share, in points; ±5 points is noise.
  const trend = r.why.driftDetected || r.trend < -0.05 ? 'worsening' : r.trend > 0.05 ? 'improving' : 'steady';
  const repeatedSlip = isRepeatedSlip(history, ctx.today);
  return {
    grade: r.grade,
    n: r.n,
    onTimeRate: r.n > 0 ? r.onTimeMean : null,
    typicalSlipDays: r.typicalSlipDays,
    evidence: r.why.evidenceLabel,
    trend,
    repeatedSlip,
    recommendation: recommend(r.grade, repeatedSlip, trend, r.n),
  };
}

export interface TaskPlan {
  zone: Zone | null;
  bufferDays: number | null;
  suggestedTold: string | null;
  chance: number | null;
  why: string | null;
}

/**
 * With a client deadline: the told date to suggest, the live chance of making it with the told date the
 * contractor actually has, its zone, and the working days of buffer between the two dates.
 */
export function planForTask(input: {
  assignedOn: string;
  toldDue: string | null;
  clientDue: string;
  history: DerivedDelivery[];
  assigneeName: string | null;
  /** The chance to aim for (from the task's stakes). */
  target: number;
  /** Share of the work the site shows done, when it shows any. */
  progress?: number;
  ctx: ForecastContext;
}): TaskPlan {
  const { toldDue, clientDue, ctx, target } = input;
  const calendar = calendarOf(ctx.settings);
  const reviewMarginDays = ctx.settings.reviewMarginDays;
  const history = asDeliveries(input.history);
  const assignedOn = [input.assignedOn, toldDue ?? input.assignedOn, clientDue, ctx.today].sort()[0]!;
  const bufferDays = toldDue ? workingDaysBetween(toldDue, clientDue, ctx.settings) : null;
  try {
    const plan = planToldDue({ history, assignedOn, clientDue, target, reviewMarginDays, today: ctx.today, prior: ctx.prior, ...calendar });
    const live = toldDue
      ? liveStatus({
          history,
          assignedOn,
          toldDue,
          clientDue,
          today: ctx.today,
          target,
          reviewMarginDays,
          prior: ctx.prior,
          // A ticked-off checklist is not a delivery: full progress counts as nearly done, never as delivered.
          ...(input.progress !== undefined ? { progress: Math.min(input.progress, 0.95) } : {}),
          ...calendar,
        })
      : null;
    return {
      zone: live?.zone ?? null,
      bufferDays: bufferDays ?? plan.bufferDays,
      suggestedTold: plan.toldDue,
      chance: live?.p ?? plan.pMeetClientDue,
      why: explain(plan.why, plan.pMeetClientDue, plan.meetsTarget, target, input.assigneeName),
    };
  } catch (error) {
    if (!(error instanceof ForecastInputError)) throw error;
    return { zone: null, bufferDays, suggestedTold: null, chance: null, why: `No suggestion: ${error.message}.` };
  }
}

function explain(why: Why, p: number, meetsTarget: boolean, target: number, name: string | null): string {
  const who = name ?? 'this contractor';
  const basis =
    why.deliveriesUsed === 0
      ? `No past deliveries by ${who} yet: based on general assumptions.`
      : `Based on ${why.deliveriesUsed} past ${why.deliveriesUsed === 1 ? 'delivery' : 'deliveries'} by ${who} (${why.evidenceLabel}; general assumptions weigh ${percent(why.priorWeightShare)}).`;
  const aim = meetsTarget
    ? `The suggested date gives a ${percent(p)} chance of delivery before your review deadline (aim: ${percent(target)}).`
    : `Even the latest sensible date gives only ${percent(p)} (aim: ${percent(target)}): consider moving the client deadline or splitting the work.`;
  const drift = why.driftDetected ? ' Recent deliveries are worse than earlier ones, so they count more.' : '';
  return `${basis} ${aim}${drift}`;
}

/** The target chance for a task's stakes, from the options. */
export function targetFor(stakes: 'normal' | 'critical' | 'low', settings: Settings): number {
  return stakes === 'critical' ? settings.targets.critical : stakes === 'low' ? settings.targets.lowStakes : settings.targets.default;
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: string, to: string, settings: Settings): number {
  const cal = calendarFor(calendarOf(settings));
  const a = parseDay(from, 'from');
  const b = parseDay(to, 'to');
  return b >= a ? cal.between(a, b) : -cal.between(b, a);
}
