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
    // A browser without a streamed body or `TextDecoderStream` gets the text whole, then cut the same way.
    if (!got.body || typeof TextDecoderStream === 'undefined') {
      const text = await got.text();
      let rest = text;
      while (rest.length > 0) {
        const cut = pieceEnd(rest, pieceChars);
        await onPiece(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      return true;
    }
    const reader = got.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending += value;
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
