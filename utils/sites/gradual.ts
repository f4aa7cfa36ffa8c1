/**
 * The stepping shared by the gradual page readers (`boardReader`, `asanaDomReader`): each item in turn, at least one
 * per step, until time is up. Returns the step function; it tells whether any items are left.
 */
export function stepThrough<T>(items: readonly T[], each: (item: T) => void): (timeUp: () => boolean) => boolean {
  let next = 0;
  return (timeUp) => {
    while (next < items.length) {
      each(items[next++]!);
      if (timeUp()) break;
    }
    return next < items.length;
  };
}

/** Runs a gradual reader to the end in one go (the whole-page reads, and tests). */
export function readToEnd<R>(reader: { readSome(timeUp: () => boolean): boolean; finish(): R }): R {
  while (reader.readSome(() => false));
  return reader.finish();
}
