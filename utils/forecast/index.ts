/**
 * Leeway forecasting core: pure, deterministic, time-zone independent. See docs/forecasting.md.
 * Dates are `YYYY-MM-DD` calendar dates; durations are working days.
 */
export type { CalendarOptions } from './calendar';
export { ForecastInputError, type ForecastInputErrorCode } from './errors';
export type { Delivery, EvidenceLevel, ForecastPrior, SlipPrior, Why } from './types';
export { DEFAULT_PRIOR, fitOwnerPrior, OWNER_PRIOR_MIN_CONTRACTORS, OWNER_PRIOR_MIN_DELIVERIES } from './prior';
export { planToldDue, type PlanInput, type PlanResult } from './plan';
export { reliability, gradeFor, type Grade, type ReliabilityResult } from './reliability';
export { liveChance, liveStatus, type LiveInput, type LiveResult } from './live';
export { zoneFor, type Zone } from './zone';
export { planChain, type ChainInput, type ChainResult, type Milestone } from './chain';
export { DEFAULT_REVIEW_MARGIN_DAYS, DEFAULT_TARGET } from './common';
export { HALF_LIFE_DAYS } from './model';
export { HISTORY_CAP } from './observe';
