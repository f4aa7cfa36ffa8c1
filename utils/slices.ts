/**
 * Runs `each` over the items a slice at a time, yielding to the page between slices: a few thousand
 * validations in one piece would block a big board's page for most of a second (a long task).
 */
export async function eachInSlices<T>(items: readonly T[], size: number, each: (item: T) => void): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
    for (let i = start; i < Math.min(items.length, start + size); i++) each(items[i]!);
  }
}
