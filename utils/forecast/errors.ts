/** Why an input was rejected. `field` names the offending input (e.g. `history[3].toldDue`). */
export type ForecastInputErrorCode =
  | 'bad-date'
  | 'told-before-assigned'
  | 'delivered-before-assigned'
  | 'client-before-assigned'
  | 'bad-number'
  | 'bad-calendar';

/**
 * The one error type the forecasting core throws for bad input. Callers can show `message` and
 * branch on `code`; we never return NaN or a silently wrong date instead.
 */
export class ForecastInputError extends Error {
  readonly code: ForecastInputErrorCode;
  readonly field: string;
  constructor(code: ForecastInputErrorCode, field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'ForecastInputError';
    this.code = code;
    this.field = field;
  }
}
