/**
 * Work spread over several tasks, so that none is a long task (> 50 ms) on the page: reading a big board,
 * checking its JSON, validating what is sent. One mechanism for all of them: a *step* does some work, at least
 * one item, until its `timeUp()` says so, and tells whether any is left.
 */
export type Step = (timeUp: () => boolean) => boolean;

/** How long one slice may run before yielding to the page: well under the 50 ms of a long task. */
const SLICE_BUDGET_MS = 12;

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A step over the items: each in turn, at least one per step, until time is up. */
export function stepThrough<T>(items: readonly T[], each: (item: T) => void): Step {
  let next = 0;
  return (timeUp) => {
    while (next < items.length) {
      each(items[next++]!);
      if (timeUp()) break;
    }
    return next < items.length;
  };
}

/**
 * Runs a step a slice at a time until nothing is left, yielding to the page before each slice. Slices are cut by
 * time, not count, so a slow machine gets smaller ones; and the first waits for a task of its own, so it does not
 * add up with what the caller did just before (parsing the JSON it is about to check, say).
 */
export async function runInSlices(step: Step, options: { budgetMs?: number; stopped?: () => boolean } = {}): Promise<void> {
  const { budgetMs = SLICE_BUDGET_MS, stopped = () => false } = options;
  let more = true;
  while (more) {
    await yieldToPage();
    if (stopped()) return;
    const until = performance.now() + budgetMs;
    more = step(() => performance.now() >= until);
  }
}

/** Runs `each` over the items a slice at a time (see `runInSlices`). */
export function eachInSlices<T>(items: readonly T[], each: (item: T) => void, budgetMs = SLICE_BUDGET_MS): Promise<void> {
  return items.length === 0 ? Promise.resolve() : runInSlices(stepThrough(items, each), { budgetMs });
}

/**
 * Like `eachInSlices`, but each item's slot is emptied as `each` takes it, so that what only this array held can be
 * collected while the rest is still being worked through. For the site's JSON: a 5,000-card board is about 4 MB of
 * parsed objects, its checked copy as much again, and 2.2 MB of observations made from them; held all at once, they
 * were 10–12 MB at the peak of a board's check (then on the page; now in the background, which holds the board's
 * writes besides).
 */
export function drainInSlices<T>(items: (T | undefined)[], each: (item: T) => void, budgetMs = SLICE_BUDGET_MS): Promise<void> {
  let next = 0;
  return eachInSlices(
    items,
    (item) => {
      items[next++] = undefined;
      each(item as T);
    },
    budgetMs,
  );
}

/** Runs a gradual read to its end in one go (the whole-page reads, and tests). */
export function readToEnd<R>(reader: { readSome: Step; finish(): R }): R {
  while (reader.readSome(() => false));
  return reader.finish();
}
