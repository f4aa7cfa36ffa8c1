import { browser } from 'wxt/browser';
import { ResponseSchemas, type Request, type ResponseFor } from './protocol';

/**
 * Sends a typed request to the background and validates the answer. Failures (the service worker
 * restarting, an extension update, a malformed reply) come back as `{ ok: false }`, never as a throw.
 * The request itself is validated where it is received (the background parses every message with
 * `RequestSchema`); parsing it here too would validate a 1,000-task batch twice, once on the page's
 * main thread.
 */
export async function sendToBackground<T extends Request>(request: T): Promise<ResponseFor<T['type']>> {
  const schema = ResponseSchemas[request.type];
  try {
    const reply: unknown = await browser.runtime.sendMessage(request);
    const parsed = schema.safeParse(reply);
    if (parsed.success) return parsed.data as ResponseFor<T['type']>;
    return { ok: false, error: `unexpected reply to ${request.type}` } as ResponseFor<T['type']>;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) } as ResponseFor<T['type']>;
  }
}
