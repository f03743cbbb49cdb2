/**
 * A memo for readings of one line that depend on nothing but the line's text and a few
 * primitive arguments (offsets into the line, a title): kept across the versions of a
 * document, so that after a keystroke, which changes one line, a document-wide rule finds
 * the readings of every other line again instead of redoing them (issue #14: on a 1 MB
 * report metric-conflict read the stock count of every number on every keystroke).
 *
 * Why it returns what a fresh reading would: the key is the line's whole text and every
 * argument the reading takes; the reading must read nothing else (no offsets into the
 * document, no report) and must return plain data, which is frozen here so that a caller
 * changing a remembered result fails loudly instead of spoiling the next lookup.
 *
 * Memory is bounded by two generations: when the current one holds `capacity` results it
 * becomes the older one and the one before is dropped; a line found in the older one moves
 * back to the current one. A long session keeps at most twice `capacity` results.
 */
export class LineMemo<T> {
  private current = new Map<string, Map<string, T>>();
  private older = new Map<string, Map<string, T>>();
  private size = 0;

  /** @param capacity results per generation */
  constructor(private readonly capacity: number) {
    memos.add(this);
  }

  /**
   * The reading of `lineText` under `key` (the reading's other arguments, as one string),
   * remembered or made by `read` (called at most once here; its result is frozen).
   */
  get(lineText: string, key: string, read: () => T): T {
    let line = this.current.get(lineText);
    if (line === undefined) {
      line = this.older.get(lineText);
      if (line !== undefined) {
        this.older.delete(lineText);
        this.size += line.size;
      } else {
        line = new Map();
      }
      this.current.set(lineText, line);
    }
    if (line.has(key)) return line.get(key)!;
    const value = read();
    if (value !== null && typeof value === 'object') Object.freeze(value);
    line.set(key, value);
    if (++this.size >= this.capacity) {
      this.older = this.current;
      this.current = new Map();
      this.size = 0;
    }
    return value;
  }

  /** Forgets every result (for a change in what the readings depend on beyond their key). */
  clear(): void {
    this.current = new Map();
    this.older = new Map();
    this.size = 0;
  }
}

/** Every memo made (module singletons, a handful): `forgetLineMemos` clears them all. */
const memos = new Set<LineMemo<unknown>>();

/** Forgets every remembered reading (tests hold a remembered reading against a fresh one). */
export function forgetLineMemos(): void {
  for (const memo of memos) memo.clear();
}

