/**
 * A response's text, passed on in pieces as it downloads, so that the whole of it is never held in one place: a
 * 5,000-card Trello board's cards are 2.7 MB of text (more on the real site, whose cards carry more fields).
 */

/** About how many characters a piece has: one piece takes Chromium about 3 ms to put into a message. */
export const PIECE_CHARS = 256 * 1024;

/**
 * Reads the response's text to its end, handing `onPiece` pieces of at most `pieceChars` characters in order and
 * waiting for each. False on an HTTP error or a failure midway (the pieces handed on so far are then not the whole
 * text); never throws.
 */
export async function streamText(
  response: () => Promise<Response>,
  onPiece: (piece: string) => Promise<void>,
  pieceChars = PIECE_CHARS,
): Promise<boolean> {
  try {
    const got = await response();
    if (!got.ok) return false;
    let pending = '';
    for await (const chunk of textChunks(got)) {
      pending += chunk;
      // A chunk can be the whole body (a cached or small response): it is cut into pieces too.
      while (pending.length >= pieceChars) {
        const cut = pieceEnd(pending, pieceChars);
        const piece = pending.slice(0, cut);
        pending = pending.slice(cut);
        await onPiece(piece);
      }
    }
    if (pending.length > 0) await onPiece(pending);
    return true;
  } catch {
    return false;
  }
}

/** The body's text as it downloads; whole, in a browser without a streamed body or `TextDecoderStream`. */
async function* textChunks(response: Response): AsyncGenerator<string> {
  if (!response.body || typeof TextDecoderStream === 'undefined') {
    yield await response.text();
    return;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/**
 * Where a piece of `text` ends: at `at`, or one before when that would split a surrogate pair (an emoji in a title):
 * a lone half does not survive a message (Chromium turns it into U+FFFD).
 */
function pieceEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const before = text.charCodeAt(at - 1);
  if (before < 0xd800 || before > 0xdbff) return at;
  // With pieces of one character, the pair goes whole.
  return at > 1 ? at - 1 : at + 1;
}
