import { afterEach, describe, expect, it, vi } from 'vitest';
import { streamText } from '@/utils/sites/stream-text';

/** A response whose body comes in the given chunks (UTF-8), and then fails when `failAfter` is set. */
function chunked(chunks: string[], { failAfter = false, status = 200 } = {}): () => Promise<Response> {
  return async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        if (failAfter) controller.error(new TypeError('network changed'));
        else controller.close();
      },
    });
    return new Response(body, { status });
  };
}

async function collect(response: () => Promise<Response>, pieceChars: number) {
  const pieces: string[] = [];
  const ok = await streamText(response, async (piece) => void pieces.push(piece), pieceChars);
  return { ok, pieces };
}

describe('streamText', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('passes the text on in pieces of at most the given size, in order, whatever the chunks', async () => {
    const text = 'abcdefghij'.repeat(50);
    const { ok, pieces } = await collect(chunked([text.slice(0, 7), text.slice(7, 300), text.slice(300)]), 64);
    expect(ok).toBe(true);
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((p) => p.length <= 64)).toBe(true);
  });

  it('never splits an emoji between two pieces, nor a character across chunks', async () => {
    const text = '["Launch 🚀 day","Café ✓","🎉🎉🎉"]'.repeat(20);
    const bytes = new TextEncoder().encode(text);
    // Chunks cut in the middle of multi-byte characters.
    const cuts = [5, 13, 14, 200, 401];
    const parts = [0, ...cuts, bytes.length].slice(1).map((end, i, all) => bytes.slice(i === 0 ? 0 : all[i - 1], end));
    const response = async () =>
      new Response(new ReadableStream<Uint8Array>({ start: (c) => (parts.forEach((p) => c.enqueue(p)), c.close()) }));
    for (const size of [1, 2, 3, 7, 16]) {
      const { pieces } = await collect(response, size);
      expect(pieces.join('')).toBe(text);
      // No piece ends with the first half of a surrogate pair or starts with the second.
      expect(pieces.some((p) => /[\uD800-\uDBFF]$/.test(p) || /^[\uDC00-\uDFFF]/.test(p))).toBe(false);
    }
  });

  it('an HTTP error passes nothing on; a failure midway says the text is not whole', async () => {
    expect(await collect(chunked(['{"no":1}'], { status: 401 }), 4)).toEqual({ ok: false, pieces: [] });
    const midway = await collect(chunked(['[1,2,3,', '4,5'], { failAfter: true }), 4);
    expect(midway.ok).toBe(false);
    expect(await collect(async () => Promise.reject(new TypeError('Failed to fetch')), 4)).toEqual({ ok: false, pieces: [] });
  });

  it('without TextDecoderStream, reads the text whole and cuts it the same way', async () => {
    vi.stubGlobal('TextDecoderStream', undefined);
    const text = '["Launch 🚀 day"]'.repeat(30);
    const { ok, pieces } = await collect(chunked([text.slice(0, 100), text.slice(100)]), 7);
    expect(ok).toBe(true);
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((p) => p.length <= 8 && !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });

  it('an empty body is whole, with no piece', async () => {
    expect(await collect(chunked([]), 4)).toEqual({ ok: true, pieces: [] });
  });
});
