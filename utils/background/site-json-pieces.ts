import type { SiteJson } from '../sites/adapter';

/** The most characters of one board's JSON kept while its pieces come: far beyond a 5,000-card board (about 5 M). */
export const BOARD_JSON_MAX_CHARS = 64 * 1024 * 1024;
/** Pieces of a board whose page never said it was done (it was closed midway) are dropped after this long. */
const ABANDONED_AFTER_MS = 2 * 60_000;

/**
 * The pieces of the site JSON the pages are sending (`site-json-piece`), by board, until the page says it is all
 * sent (`site-json`) and the board is put together. Each piece says where it goes, so the order they come in does
 * not matter; a piece that is missing (the service worker was stopped and started again between pieces) makes the
 * board incomplete, and its page sends it again.
 */
export function createSiteJsonPieces(options: { maxChars?: number; abandonedAfterMs?: number } = {}) {
  const { maxChars = BOARD_JSON_MAX_CHARS, abandonedAfterMs = ABANDONED_AFTER_MS } = options;
  interface Board {
    chars: number;
    /** Set once the board is over `maxChars`: its pieces are dropped and so are the ones after them. */
    tooBig: boolean;
    byName: Map<string, string[]>;
    expiry: ReturnType<typeof setTimeout>;
  }
  const boards = new Map<string, Board>();

  function forget(boardId: string): void {
    const board = boards.get(boardId);
    if (board) clearTimeout(board.expiry);
    boards.delete(boardId);
  }

  return {
    /** Keeps a piece; false when its board is over `maxChars` (the board is then refused as a whole). */
    add(boardId: string, name: string, index: number, text: string): boolean {
      let board = boards.get(boardId);
      if (!board) {
        board = { chars: 0, tooBig: false, byName: new Map(), expiry: setTimeout(() => forget(boardId), abandonedAfterMs) };
        boards.set(boardId, board);
      }
      if (board.tooBig) return false;
      board.chars += text.length;
      if (board.chars > maxChars) {
        board.tooBig = true;
        board.byName.clear();
        return false;
      }
      const pieces = board.byName.get(name) ?? [];
      pieces[index] = text;
      board.byName.set(name, pieces);
      return true;
    },

    /**
     * The board's JSON put together, given how many pieces each response has (`responses`), and forgotten here;
     * `incomplete` when a piece is missing; `too-big` when it was over `maxChars`.
     */
    take(boardId: string, responses: Record<string, number>): SiteJson | 'incomplete' | 'too-big' {
      const board = boards.get(boardId);
      forget(boardId);
      if (board?.tooBig) return 'too-big';
      const texts: [string, string][] = [];
      for (const [name, count] of Object.entries(responses)) {
        const pieces = board?.byName.get(name) ?? [];
        if (pieces.length !== count) return 'incomplete';
        for (let i = 0; i < count; i++) if (pieces[i] === undefined) return 'incomplete';
        texts.push([name, pieces.join('')]);
      }
      // Own properties whatever the names (`__proto__` included).
      return Object.fromEntries(texts) as SiteJson;
    },
  };
}
