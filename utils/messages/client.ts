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
  const schema = ResponseSchemas[request.type];
  const delays = options.retryDelaysMs ?? [];
  for (let attempt = 0; ; attempt++) {
    try {
      const reply: unknown = await browser.runtime.sendMessage(request);
      const parsed = schema.safeParse(reply);
      if (parsed.success) return parsed.data as ResponseFor<T['type']>;
      return { ok: false, error: `unexpected reply to ${request.type}` } as ResponseFor<T['type']>;
    } catch (error) {
      // Only a message that never reached an answer is tried again (the worker was stopped or restarting);
      // an answer of `{ ok: false }` is the background's considered reply and is returned as it is.
      const delay = delays[attempt];
      if (delay === undefined) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) } as ResponseFor<T['type']>;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
