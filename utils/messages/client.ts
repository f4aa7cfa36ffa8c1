import { browser } from 'wxt/browser';
import { ResponseSchemas, type Request, type ResponseFor } from './protocol';

/**
 * Sends a typed request to the background and validates the answer. Failures (the service worker
 * restarting, an extension update, a malformed reply) come back as `{ ok: false }`, never as a throw.
 * The request itself is validated where it is received (the background parses every message with
 * `RequestSchema`); parsing it here too would validate a 1,000-task batch twice, once on the page's
 * main thread.
 *
 * `retryDelaysMs` sends the request again after each delay while it gets no answer at all: only for requests
 * that are safe to repeat (observations are idempotent: replaying a batch adds nothing).
 */
export async function sendToBackground<T extends Request>(
  request: T,
  options: { retryDelaysMs?: readonly number[] } = {},
): Promise<ResponseFor<T['type']>> {
  const delays = options.retryDelaysMs ?? [];
  for (let attempt = 0; ; attempt++) {
    const reply = await handOver(request);
    // Only a message that never reached an answer is tried again (the worker was stopped or restarting);
    // an answer of `{ ok: false }` is the background's considered reply and is returned as it is.
    if (!('unanswered' in reply)) return reply;
    const delay = delays[attempt];
    if (delay === undefined) return { ok: false, error: reply.error } as ResponseFor<T['type']>;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/**
 * When the answer being taken in arrived, while the task it arrived in lasts (null after): checking an answer is
 * part of its task (a screen of views took 5–21 ms, the first one the longest), so what the caller then does in the
 * same task can be cut to fit (`runner.ts`, `absorb`).
 */
let answerArrivedAt: number | null = null;
export function answerArrivedInThisTask(): number | null {
  return answerArrivedAt;
}

/**
 * How long a task may spend handing messages over, one after another: Chromium puts a message into its own format
 * in the sender's task (about 12 ms a megabyte), so a big board's parts, or its JSON's pieces, go a few a task with
 * the page's frames between.
 */
export const HAND_OVER_TASK_MS = 8;

/** A request that never reached an answer (the service worker was stopped, the extension reloaded). */
export interface Unanswered {
  ok: false;
  error: string;
  unanswered: true;
}

/**
 * Sends a request once and keeps nothing of it: the caller may let go of it as soon as this returns (a big
 * board's parts are megabytes, and `sendToBackground` holds its request for the retries). `unanswered` tells a
 * request that got no answer from the background's own refusal.
 */
export function handOver<T extends Request>(request: T): Promise<ResponseFor<T['type']> | Unanswered> {
  // Not async, and the callbacks close over the schema and type only: nothing here refers to the request once sent.
  const schema = ResponseSchemas[request.type];
  const type = request.type;
  return browser.runtime.sendMessage(request).then(
    (reply: unknown): ResponseFor<T['type']> | Unanswered => {
      // The background answers every message with an object; nothing at all means the worker was stopped
      // before it answered (Chrome resolves some of those messages with `undefined` rather than rejecting).
      if (reply === undefined) return { ok: false, error: 'the background stopped before it answered', unanswered: true };
      const arrived = performance.now();
      answerArrivedAt = arrived;
      // Cleared in a later task; a later answer's own time stays.
      setTimeout(() => {
        if (answerArrivedAt === arrived) answerArrivedAt = null;
      }, 0);
      const parsed = schema.safeParse(reply);
      if (parsed.success) return parsed.data as ResponseFor<T['type']>;
      return { ok: false, error: `unexpected reply to ${type}` } as ResponseFor<T['type']>;
    },
    (error: unknown): Unanswered => ({ ok: false, error: error instanceof Error ? error.message : String(error), unanswered: true }),
  );
}
