/** How long one slice may run before yielding to the page: well under the 50 ms of a long task. */
const SLICE_BUDGET_MS = 12;

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs `each` over the items a slice at a time, yielding to the page before each slice: a few thousand
 * validations in one piece would block a big board's page for most of a second (a long task). Slices are cut
 * by time, not count, so a slow machine gets smaller ones; and the first waits for a task of its own, so it
 * does not add up with what the caller did just before (parsing the JSON it is about to check, say).
 */
export async function eachInSlices<T>(items: readonly T[], each: (item: T) => void, budgetMs = SLICE_BUDGET_MS): Promise<void> {
  let next = 0;
  while (next < items.length) {
    await yieldToPage();
    const until = performance.now() + budgetMs;
    do each(items[next++]!);
    while (next < items.length && performance.now() < until);
  }
}
