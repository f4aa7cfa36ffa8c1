/** One line of `npm run bench`: a measured time, its baseline from the same run, and the target it must meet. */
export interface Row {
  name: string;
  ms: number;
  baselineMs: number;
  ratio: number;
  target: string;
  pass: boolean;
  /** What `ms` and `baselineMs` count when they are not milliseconds (MB, KB, tasks). */
  unit?: string;
}
