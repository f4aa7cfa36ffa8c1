/** Shared input/output types of the forecasting core. Dates are `YYYY-MM-DD` calendar dates. */

export interface Delivery {
  assignedOn: string;
  /** The due date the contractor was told (originally, not after agreed extensions). */
  toldDue: string;
  /** `null` while still open. */
  deliveredOn: string | null;
  /** Owner-caused delay, scope change, pause: the delivery counts for nothing. */
  excluded?: boolean;
}

/** Normal-Inverse-Gamma prior on y = log(relative slip) of late deliveries. */
export interface SlipPrior {
  mu0: number;
  kappa0: number;
  alpha0: number;
  beta0: number;
}

export interface ForecastPrior {
  /** Beta prior on P(on time) as mean m0 and strength k0 (pseudo-deliveries). */
  onTimeMean: number;
  strength: number;
  slip: SlipPrior;
  /** `default` = the built-in weak prior; `owner` = empirical Bayes on the owner's own contractors. */
  source: 'default' | 'owner';
}

export type EvidenceLevel = 'new' | 'provisional' | 'established';

/** The "why" attached to plan and reliability results, for auditing a number. */
export interface Why {
  /** Non-excluded deliveries used (done, plus open ones already past their told due). */
  deliveriesUsed: number;
  /** Deliveries left out because they were marked excluded. */
  excludedCount: number;
  /** Open deliveries not yet due, which say nothing yet. */
  openNotDueCount: number;
  /** Effective sample size after recency weighting, (Σw)² / Σw². */
  effectiveN: number;
  /** Share of the on-time estimate that comes from the prior: k0 / (k0 + Σw). */
  priorWeightShare: number;
  evidence: EvidenceLevel;
  /** Human label, e.g. "based mostly on general assumptions". */
  evidenceLabel: string;
  priorSource: 'default' | 'owner';
  /** True when the latest deliveries are markedly worse than the earlier ones (fast recency used). */
  driftDetected: boolean;
  /** Recency half-life used, in calendar days. */
  halfLifeDays: number;
  warnings: string[];
}
