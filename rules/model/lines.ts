/**
 * Line table over a source text. Lines end at `\r\n`, `\n` or `\r` (LSP's three line
 * terminators); offsets are UTF-16 code units; lines are 0-based.
 */
export class LineTable {
  private readonly starts: number[] = [0];
  private readonly ends: number[] = [];
  /** Every line's text, sliced once: most rules walk all lines, and the model is frozen. */
  private readonly texts: string[];

  /**
   * @param text the text to index
   * @param parts the table's arrays, already worked out (`LineTable.spliced`); their lines
   *   must be `text`'s
   */
  constructor(
    readonly text: string,
    parts?: { starts: number[]; ends: number[]; texts: string[] },
  ) {
    if (parts) {
      this.starts = parts.starts;
      this.ends = parts.ends;
      this.texts = parts.texts;
      Object.freeze(this);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */ || c === 13 /* \r */) {
        this.ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
    this.ends.push(text.length);
    this.texts = this.starts.map((start, line) => text.slice(start, this.ends[line]));
    // Frozen here, and only shallowly: the arrays are private, and freezing three arrays of a
    // line each (a copy of each in V8) was the dearest part of freezing the report.
    Object.freeze(this);
  }

  /**
   * The line table of `text`, an edit of `previous`'s text that changed nothing before line
   * `fromLine` and nothing after line `oldToLine` (old numbering) but moved it `delta` code
   * units: the lines outside are taken over (their strings shared), only the lines between
   * are scanned. `\n` ends lines in both texts (the incremental path rules CR out).
   */
  static spliced(previous: LineTable, text: string, fromLine: number, oldToLine: number, delta: number): LineTable {
    const old = previous;
    const starts = old.starts.slice(0, fromLine + 1);
    const ends = old.ends.slice(0, fromLine);
    const texts = old.texts.slice(0, fromLine);
    // The region's last line ends where the old one did, moved: the text after it is the same.
    const regionEnd = old.ends[oldToLine] + delta;
    for (let i = text.indexOf('\n', starts[fromLine]); i !== -1 && i < regionEnd; i = text.indexOf('\n', i + 1)) {
      ends.push(i);
      starts.push(i + 1);
    }
    ends.push(regionEnd);
    for (let line = fromLine; line < starts.length; line++) texts.push(text.slice(starts[line], ends[line]));
    for (let line = oldToLine + 1; line < old.starts.length; line++) {
      starts.push(old.starts[line] + delta);
      ends.push(old.ends[line] + delta);
      texts.push(old.texts[line]);
    }
    return new LineTable(text, { starts, ends, texts });
  }

  /** Number of lines (an empty text has one empty line). */
  get count(): number {
    return this.starts.length;
  }

  /** Offset of the first character of `line`. */
  start(line: number): number {
    return this.starts[line];
  }

  /** Offset just past the last character of `line`, before its terminator. */
  end(line: number): number {
    return this.ends[line];
  }

  /** The text of `line` without its terminator. */
  lineText(line: number): string {
    return this.texts[line];
  }

  /** The 0-based line holding `offset` (an offset at a terminator belongs to its line). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 0-based line and UTF-16 column of `offset`. */
  position(offset: number): { line: number; character: number } {
    const line = this.lineAt(offset);
    return { line, character: offset - this.starts[line] };
  }
}
