import * as z from 'zod/mini';

/**
 * A schema built on first use, not when its module loads. Every page's content script imports the observation,
 * view, message and site JSON schemas; built at load they were over half of the script's own evaluation in its
 * start-up task (18 ms median, 8 ms with them made this way: eight first visits of a 1,000-card board each, timed
 * between modules), and that task also compiles the script (10–15 ms). Only a few are needed, and later.
 *
 * This is zod's own transparent proxy: the schema is built the first time anything of it is read, and stands for
 * it everywhere (parsed, put in another schema, its `.shape` read). Unlike `z.lazy`, making the proxy builds no zod
 * object, so a module of these runs no zod code at all when it loads.
 */
// Marked free of side effects so that a bundle drops the schemas it never reads (the content script carries none of
// the popup's and options' requests), as it did with zod's own `z.lazy`.
/* @__NO_SIDE_EFFECTS__ */
export function lazySchema<T extends object>(build: () => T): T {
  return z.core.util.createTransparentProxy(build);
}
