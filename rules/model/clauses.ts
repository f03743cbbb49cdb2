/**
 * Sentences and clauses of one line (rules/model): where a sentence or clause starts and
 * ends, nested quotes and brackets masked, the quantities within a span, and a test of a
 * code unit against a short list. The list grammar (list-respectively.ts) and the
 * sentence-level number rules (through rules/numbers/sentence.ts, which re-exports these)
 * read them.
 *
 * Every scan is bounded by `WINDOW` characters, so a caller that calls these once per match
 * stays linear in the size of the document even on a 10 MB single-line report.
 */
import type { Quantity } from './quantities';
import { lowerBound } from './lower-bound';

/** The farthest (in UTF-16 units) any helper here scans from its starting point. */
export const WINDOW = 400;

/** End a sentence: 。；！？ (full- and half-width). */
const SENTENCE_CHARS = '。；;！？!?';
/** End a clause: the sentence ends and ，： (not 、, which joins list items). */
const CLAUSE_CHARS = '，,。；;！？!?：:';
const SENTENCE_END = 1;
const CLAUSE_END = 2;
/** Opens a bracket or quote whose inside maskNested masks (see CLOSE_CHARS). */
const OPENER = 4;
/**
 * The classes above as bit flags by UTF-16 code unit, kept for the units below U+3040
 * (ASCII, general and CJK punctuation) and the full-width forms (U+FF00 on), where every
 * marked character lies: a Han character, most of the text, is settled by a comparison. A
 * table of all 65536 units, read at Han code points, missed the cache on a fresh report.
 */
const LOW_FLAGS = new Uint8Array(0x3040);
const WIDE_FLAGS = new Uint8Array(0x100);
function charFlags(c: number): number {
  return c < 0x3040 ? LOW_FLAGS[c] : c >= 0xff00 ? WIDE_FLAGS[c - 0xff00] : 0;
}
function mark(chars: string, flag: number): void {
  for (const ch of chars) {
    const c = ch.charCodeAt(0);
    if (c < 0x3040) LOW_FLAGS[c] |= flag;
    else if (c >= 0xff00) WIDE_FLAGS[c - 0xff00] |= flag;
    else throw new Error(`sentence.ts: ${ch} lies outside the ranges charFlags reads`);
  }
}
mark(SENTENCE_CHARS, SENTENCE_END);
mark(CLAUSE_CHARS, CLAUSE_END);

/** Whether code unit `c` ends a clause: ，,。；;！？!?：: (a sentence end or a comma or colon). */
export function isClauseEndChar(c: number): boolean {
  return (charFlags(c) & CLAUSE_END) !== 0;
}

/** Index just past the last char of class `flag` in `[index - window, index)`, else the window start. */
function backTo(lineText: string, index: number, flag: number, window = WINDOW): number {
  const stop = Math.max(0, index - window);
  for (let i = index - 1; i >= stop; i--) if (charFlags(lineText.charCodeAt(i)) & flag && !isGroupingComma(lineText, i)) return i + 1;
  return stop;
}

/** Index of the first char of class `flag` in `[index, index + WINDOW)`, else the window end. */
function forwardTo(lineText: string, index: number, flag: number): number {
  const stop = Math.min(lineText.length, index + WINDOW);
  for (let i = index; i < stop; i++) if (charFlags(lineText.charCodeAt(i)) & flag && !isGroupingComma(lineText, i)) return i;
  return stop;
}

/**
 * Whether the character at `i` is the comma of a digit group (`1,036件`, `8,200万元`: a digit
 * before it, exactly three after it), which ends no clause. GB/T 15835-2011 §5.1.3 groups long
 * numbers by thin spaces; writers who type the comma instead mean the same grouping.
 */
function isGroupingComma(lineText: string, i: number): boolean {
  if (lineText.charCodeAt(i) !== 0x2c) return false;
  if (!isDigitAt(lineText, i - 1)) return false;
  return isDigitAt(lineText, i + 1) && isDigitAt(lineText, i + 2) && isDigitAt(lineText, i + 3) && !isDigitAt(lineText, i + 4);
}

/** Whether `lineText[i]` is an ASCII digit (false outside the string). */
function isDigitAt(lineText: string, i: number): boolean {
  const c = lineText.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

/**
 * Where the sentence holding `index` starts: just past the last 。；！？ before `index`,
 * else the line start (0), looking back at most `window` characters (default `WINDOW`; the
 * window's start if none is found).
 */
export function sentenceStart(lineText: string, index: number, window = WINDOW): number {
  return backTo(lineText, index, SENTENCE_END, window);
}

/** Where the sentence holding `index` ends: at the next 。；！？ (exclusive) or the line end. */
export function sentenceEnd(lineText: string, index: number): number {
  return forwardTo(lineText, index, SENTENCE_END);
}

/**
 * Where the clause holding `index` starts: just past the last ，；。：！？ before it, looking
 * back at most `window` characters (default `WINDOW`; the window's start if none is found).
 */
export function clauseStart(lineText: string, index: number, window = WINDOW): number {
  return backTo(lineText, index, CLAUSE_END, window);
}

/** Where the clause holding `index` ends (exclusive): the next ，；。：！？ or the line end. */
export function clauseEnd(lineText: string, index: number): number {
  return forwardTo(lineText, index, CLAUSE_END);
}

/**
 * `text` with the insides of （…）, (…), “…” and 《…》 replaced by `□` (same length, so
 * indices still line up), brackets kept. Separators inside a name or an aside
 * (`“三推两考”`, `（含预备党员2名）`) then split nothing. An opener pairs with the next
 * closer of its kind; an unclosed opener masks nothing. Linear in `text`.
 */
export function maskNested(text: string): string {
  let out = '';
  // Up to where `text` is copied into `out` (nothing is copied until a pair is masked).
  let copied = 0;
  // A bit per kind of closer found to occur nowhere further on: a search for it that failed
  // once fails again, so each kind's failed search runs once and the scan stays linear
  // (a found pair is skipped over, so its inside is read once more at most).
  let exhausted = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const kind = charFlags(c) & OPENER ? openerKind(c) : -1;
    const j = kind < 0 || exhausted & (1 << kind) ? -1 : text.indexOf(CLOSE_CHARS[kind], i + 1);
    if (j > 0) {
      out += text.slice(copied, i + 1) + '□'.repeat(j - i - 1);
      copied = j;
      i = j + 1;
    } else {
      if (kind >= 0) exhausted |= 1 << kind;
      i++;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The closers of （, (, “ and 《, by the opener's kind (openerKind). */
const CLOSE_CHARS = ['）', ')', '”', '》'];
mark('（(“《', OPENER);

/** The kind (index into CLOSE_CHARS) of an opener's code unit. */
function openerKind(code: number): number {
  switch (code) {
    case 0xff08: // （
      return 0;
    case 0x28: // (
      return 1;
    case 0x201c: // “
      return 2;
    default: // 《
      return 3;
  }
}

/** Whether `c` is one of `codes` (a short list: a plain loop, no Set or builtin call per character). */
export function oneOf(codes: readonly number[], c: number): boolean {
  for (let i = 0; i < codes.length; i++) if (codes[i] === c) return true;
  return false;
}

/**
 * Source of Arabic digits grouped by thousands with commas (`3,186`, `12,345,678`): GB/T
 * 15835-2011 lets long numbers be grouped in threes by a 千分撇 (or a 千分空), and writers
 * copy the comma from spreadsheets. Only whole groups of three after a comma: `3,5,7` is
 * a list. No capture groups.
 */
export const GROUPED_DIGITS_SOURCE = '\\d{1,3}(?:,\\d{3}){1,4}(?!\\d)';

/** Source of a number pattern (no groups): Arabic (grouped or not) with decimals, or a Chinese numeral. */
export const NUMBER_SOURCE = `(?:${GROUPED_DIGITS_SOURCE}(?:\\.\\d{1,6})?|\\d{1,12}(?:\\.\\d{1,6})?|[零〇一二三四五六七八九十百千两]{1,8})`;

/**
 * The quantities (sorted by start: one line's, or the report's, which are in document
 * order) that lie wholly within `[start, end)` (absolute offsets), found by binary search:
 * O(log n + k).
 */
export function quantitiesIn(quantities: readonly Quantity[], start: number, end: number): Quantity[] {
  const lo = lowerBound(quantities, (q) => q.start < start);
  const out: Quantity[] = [];
  for (let i = lo; i < quantities.length && quantities[i].start < end; i++) if (quantities[i].end <= end) out.push(quantities[i]);
  return out;
}
