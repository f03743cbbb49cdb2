/**
 * quote-style: Chinese text is quoted with “ ” and, inside them, ‘ ’ (GB/T 15834-2011 引号).
 *
 * 1. ASCII `"` and `'` used as quotation marks around or next to Chinese text become curly
 *    marks. On a line the ASCII marks pair in order (the 1st, 3rd… `"` opens, the 2nd, 4th…
 *    closes). A `"…"` pair is Chinese when the character just outside either mark is Han or
 *    CJK punctuation (`使用"Word"软件`), or when its content is and no Latin sentence stands
 *    around it (`The standard says "通常", so…` is English); a `'…'` pair only when its
 *    content holds Han, with the same proviso. The fix picks the mark by depth: “ ” at the top level (single
 *    quotes stand only inside double ones), ‘ ’ inside an open “…”.
 * 2. A “…” directly inside an open “…” on the same line (`“开展“学习强国”答题”`) should be
 *    ‘…’: quote-pairing reports it (design.md puts nesting there); the nesting is still
 *    read here, as the fixes of 1 and 3 pick their marks by depth.
 *
 * 3. The double prime marks 〝 〞 (U+301D, U+301E), which some sites and converters write for
 *    “ ”, become “ ” (‘ ’ inside an open “…”): GB/T 15834-2011 4.8 gives “ ” ‘ ’ for
 *    horizontal text (「」『』 for vertical), not 〝〞. They nest like “ ”; each mark gets its
 *    own finding, its direction is the character's own.
 *
 * 1 and 2 need the line's quotation marks to nest properly; where they do not, which mark
 * closes which is not certain: ASCII pairs are still reported but get no fix, nested ones
 * are left to quote-pairing. Never touched: opaque spans (code, URLs, HTML, front matter);
 * Latin-only text (`He said "hi"`); minutes and seconds or inches (`5'30"`, `55"`);
 * apostrophes (`don't`, `Xi’an`); a line whose ASCII marks cannot pair (an odd count);
 * attribute-like `name="…"` and backslash-escaped marks.
 */
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { HAN } from '../model/script';

/** A Han character, or punctuation of CJK text (CJK symbols, full-width forms, “”‘’…—). */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·]/u;
const DIGIT = /\d/;
/** Latin letters, digits and ASCII punctuation: the stuff of a Latin sentence. */
const LATIN_SIDE = /[\x21-\x7e]/;
// Minutes and seconds (5'30", 5'30.5"): neither mark is a quotation mark.
const MINUTES_SECONDS = /\d'\d+(?:\.\d+)?"/g;

/** One pair of ASCII quotation marks on a line (absolute offsets of the two marks). */
interface Pair {
  open: number;
  close: number;
  double: boolean;
  /** How many pairs enclose it (set while nesting the line's marks). */
  depth: number;
}

export const quoteStyle: Rule = {
  id: 'quote-style',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '中文引号用“”，引号内再用引号用‘’；不用英文引号 " \'',
      en: 'Chinese text is quoted with “ ”, and ‘ ’ inside them; not ASCII " or \'',
    },
    messages: {
      ascii: {
        'zh-CN': '英文引号{found}应为中文引号{expected}（GB/T 15834—2011）',
        en: 'ASCII quotation marks {found} in Chinese text; use {expected} (GB/T 15834-2011)',
      },
      asciiUnsure: {
        'zh-CN': '英文引号{found}应为中文引号“…”（引号内为‘…’）；本行引号未能配对，请手动修改',
        en: 'ASCII quotation marks {found} in Chinese text; use “…” (‘…’ inside a quotation). The line\'s quotation marks do not pair up: fix by hand',
      },
      prime: {
        'zh-CN': '{found}不是规范的中文引号，应为{expected}（GB/T 15834—2011）',
        en: '{found} is not a standard Chinese quotation mark; use {expected} (GB/T 15834-2011)',
      },
    },
  },
  check(report: Report): Problem[] {
    const { text, lines, opaque } = report;
    const problems: Problem[] = [];
    const marks = markOffsets(text);
    // The marks line by line: lines without a mark cost nothing.
    for (let from = 0; from < marks.length; ) {
      const line = lines.lineAt(marks[from]);
      const lineEnd = lines.end(line);
      let to = from + 1;
      while (to < marks.length && marks[to] < lineEnd) to++;
      const before = problems.length;
      if (hasAscii(text, marks, from, to)) checkLine(text, lines.start(line), lineEnd, marks.slice(from, to), opaque, problems);
      else checkCurlyLine(text, lines.start(line), lineEnd, marks, from, to, opaque, problems);
      // A line's problems in text order (they never share a start: each starts at its own mark).
      if (problems.length - before > 1) problems.push(...problems.splice(before).sort((x, y) => x.start - y.start));
      from = to;
    }
    return problems;
  },
};

const DOUBLE = 0x22; // "
const SINGLE = 0x27; // '
const RIGHT_SINGLE = 0x2019; // ’
const LEFT_DOUBLE = 0x201c; // “
const RIGHT_DOUBLE = 0x201d; // ”
const LEFT_SINGLE = 0x2018; // ‘
const PRIME_OPEN = 0x301d; // 〝
const PRIME_CLOSE = 0x301e; // 〞

/** The code unit of a mark as nesting reads it: 〝 as “, 〞 as ”. */
const asCurly = (c: number): number => (c === PRIME_OPEN ? LEFT_DOUBLE : c === PRIME_CLOSE ? RIGHT_DOUBLE : c);
/** Whether the code unit is 〝 or 〞. */
const isPrime = (c: number): boolean => c === PRIME_OPEN || c === PRIME_CLOSE;

/** Offsets of every quotation mark of the text, in order: one regex pass, no match objects. */
function markOffsets(text: string): number[] {
  const mark = /["'“”‘’〝〞]/g;
  const marks: number[] = [];
  while (mark.test(text)) marks.push(mark.lastIndex - 1);
  return marks;
}

// Tests of the code unit next to a mark. A line terminator is neither a letter nor a digit,
// and neither is `NaN` (past either end of the text), so callers need no bounds test.
/** Whether the code unit is an ASCII letter. */
const isLatin = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** Whether the code unit is an ASCII letter or digit. */
const isAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || isLatin(c);

/**
 * Marks of minutes and seconds on the line (`5'30"`: both marks), which are not quotation
 * marks. Only a line with both ASCII marks can hold one.
 */
function minutesSeconds(text: string, lineStart: number, lineEnd: number): Set<number> {
  const skip = new Set<number>();
  for (const m of text.slice(lineStart, lineEnd).matchAll(MINUTES_SECONDS)) {
    const i = lineStart + (m.index ?? 0);
    skip.add(i + 1);
    skip.add(i + m[0].length - 1);
  }
  return skip;
}

/** Whether a Latin sentence stands around the pair: `The standard says "通常", so…`. */
function latinAround(text: string, lineStart: number, lineEnd: number, open: number, close: number): boolean {
  let b = open - 1;
  while (b >= lineStart && (text[b] === ' ' || text[b] === '\t')) b--;
  let a = close + 1;
  while (a < lineEnd && (text[a] === ' ' || text[a] === '\t')) a++;
  const before = b >= lineStart ? text[b] : '';
  const after = a < lineEnd ? text[a] : '';
  return (before !== '' || after !== '') && (before === '' || LATIN_SIDE.test(before)) && (after === '' || LATIN_SIDE.test(after));
}

/** Adds to `ascii` the pairs of `marks` (ASCII marks of one kind, paired in order) that quote Chinese text. */
function addAscii(text: string, lineStart: number, lineEnd: number, marks: readonly number[], double: boolean, ascii: Pair[]): void {
  if (marks.length % 2 === 1) return;
  for (let k = 0; k + 1 < marks.length; k += 2) {
    const open = marks[k];
    const close = marks[k + 1];
    const content = text.slice(open + 1, close);
    if (content.trim() === '') continue;
    if (text[open - 1] === '=' || text[open - 1] === '\\' || text[close - 1] === '\\') continue;
    const chinese = double
      ? CHINESE.test(text[open - 1] ?? '') || CHINESE.test(text[close + 1] ?? '') || (CHINESE.test(content) && !latinAround(text, lineStart, lineEnd, open, close))
      : HAN.test(content) && !latinAround(text, lineStart, lineEnd, open, close);
    if (chinese) ascii.push({ open, close, double, depth: 0 });
  }
}

/**
 * Checks the line `text[lineStart, lineEnd)` whose quotation marks are at `lineMarks`;
 * adds its problems to `problems`.
 */
function checkLine(text: string, lineStart: number, lineEnd: number, lineMarks: readonly number[], opaque: Report['opaque'], problems: Problem[]): void {
  // Whether the line has both ASCII marks, which a 5'30" needs.
  let hasDouble = false;
  let hasSingle = false;
  for (const at of lineMarks) {
    const c = text.charCodeAt(at);
    if (c === DOUBLE) hasDouble = true;
    else if (c === SINGLE) hasSingle = true;
  }
  const skip = hasDouble && hasSingle ? minutesSeconds(text, lineStart, lineEnd) : null;
  // One lookup for the line: most lines touch no opaque span.
  const mayBeOpaque = opaque.overlaps(lineStart, lineEnd);

  const doubles: number[] = [];
  const singles: number[] = [];
  const curlyMarks: number[] = [];
  let leftDoubles = 0;
  let hasPrime = false;
  for (const at of lineMarks) {
    if (skip?.has(at) || (mayBeOpaque && opaque.at(at))) continue;
    const c = text.charCodeAt(at);
    if (c === DOUBLE) doubles.push(at);
    else if (c === SINGLE) {
      // don't, 5'30: an apostrophe or a prime between letters or digits.
      if (!(isAlnum(text.charCodeAt(at - 1)) && isAlnum(text.charCodeAt(at + 1)))) singles.push(at);
    } else if (c === RIGHT_SINGLE && isLatin(text.charCodeAt(at - 1)) && isLatin(text.charCodeAt(at + 1))) {
      continue; // Xi’an: an apostrophe
    } else {
      if (asCurly(c) === LEFT_DOUBLE) leftDoubles++;
      if (isPrime(c)) hasPrime = true;
      curlyMarks.push(at);
    }
  }
  // An odd count of `"`: drop inch marks (55") and try again; still odd, the doubles of this
  // line cannot be paired.
  let usable = doubles;
  if (usable.length % 2 === 1) {
    usable = doubles.filter((at) => !(DIGIT.test(text[at - 1] ?? '') && !CHINESE.test(text[at + 1] ?? '')));
    if (usable.length % 2 === 1) usable = [];
  }
  const ascii: Pair[] = [];
  addAscii(text, lineStart, lineEnd, usable, true, ascii);
  addAscii(text, lineStart, lineEnd, singles, false, ascii);
  // Without ASCII pairs or 〝 〞 the only finding is a “…” inside a “…”, which takes two “.
  if (ascii.length === 0 && leftDoubles < 2 && !hasPrime) return;

  // Nest every mark of the line: curly marks and the ASCII pairs just found, in text order.
  // The stack holds the offsets of the open marks. A nested “…” is found when it closes
  // (the stack then holds what held it when it opened) and reported only if the whole
  // line nests.
  let events = curlyMarks;
  let asciiAt: Map<number, Pair> | null = null;
  if (ascii.length > 0) {
    asciiAt = new Map();
    for (const p of ascii) asciiAt.set(p.open, p).set(p.close, p);
    events = [...curlyMarks, ...asciiAt.keys()].sort((a, b) => a - b);
  }
  const stack: number[] = [];
  const nested: number[] = [];
  // 〝 〞 of the line, flattened [offset, depth] pairs (see addPrimes).
  const primes: number[] = [];
  let broken = false;
  for (const at of events) {
    const pair = asciiAt?.get(at);
    const raw = text.charCodeAt(at);
    const c = asCurly(raw);
    if (pair ? at === pair.open : c === LEFT_DOUBLE || c === LEFT_SINGLE) {
      if (pair) pair.depth = stack.length;
      else if (raw === PRIME_OPEN) primes.push(at, stack.length);
      stack.push(at);
      continue;
    }
    const double = pair ? pair.double : c === RIGHT_DOUBLE;
    const top = stack.pop();
    const topPair = top === undefined ? undefined : asciiAt?.get(top);
    if (top === undefined || opensDouble(text, top, topPair) !== double || pair !== topPair) {
      broken = true;
      break;
    }
    // A “…” at odd depth right inside a double pair.
    const depth = stack.length;
    if (raw === PRIME_CLOSE) primes.push(at, depth);
    if (pair || !double || depth % 2 === 0) continue;
    const parent = stack[depth - 1];
    if (opensDouble(text, parent, asciiAt?.get(parent))) nested.push(top, at);
  }
  if (stack.length > 0) broken = true;

  for (const p of ascii) {
    const content = text.slice(p.open + 1, p.close);
    const found = p.double ? '"…"' : "'…'";
    if (broken) {
      problems.push({ messageId: 'asciiUnsure', data: { found }, start: p.open, end: p.close + 1 });
      continue;
    }
    const inner = p.depth % 2 === 1;
    const [o, c] = inner ? ['‘', '’'] : ['“', '”'];
    problems.push({
      messageId: 'ascii',
      data: { found, expected: `${o}…${c}` },
      start: p.open,
      end: p.close + 1,
      fix: { start: p.open, end: p.close + 1, text: o + content + c },
    });
  }
  if (!hasPrime) return;
  // Where the line does not nest, every 〝 〞 of it is reported at the top level.
  if (broken) {
    primes.length = 0;
    for (const at of curlyMarks) if (isPrime(text.charCodeAt(at))) primes.push(at, 0);
  }
  addPrimes(text, primes, broken ? null : mixedPairs(text, nested), problems);
}

/** Whether any of the marks at `marks[from, to)` is an ASCII `"` or `'`. */
function hasAscii(text: string, marks: readonly number[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(marks[k]);
    if (c === DOUBLE || c === SINGLE) return true;
  }
  return false;
}

/**
 * checkLine for a line whose marks, `marks[from, to)`, are all curly (most lines): the only
 * finding there is a “…” directly inside a “…”, found as checkLine finds it, without the
 * lists and maps that ASCII pairs need.
 */
function checkCurlyLine(text: string, lineStart: number, lineEnd: number, marks: readonly number[], from: number, to: number, opaque: Report['opaque'], problems: Problem[]): void {
  const mayBeOpaque = opaque.overlaps(lineStart, lineEnd);
  const stack: number[] = [];
  let nested: number[] | null = null;
  // 〝 〞 of the line, flattened [offset, depth] pairs (see addPrimes).
  let primes: number[] | null = null;
  let broken = false;
  for (let k = from; k < to; k++) {
    const at = marks[k];
    if (mayBeOpaque && opaque.at(at)) continue;
    const raw = text.charCodeAt(at);
    if (raw === RIGHT_SINGLE && isLatin(text.charCodeAt(at - 1)) && isLatin(text.charCodeAt(at + 1))) continue; // Xi’an: an apostrophe
    const c = asCurly(raw);
    if (broken) {
      if (isPrime(raw)) (primes ??= []).push(at, 0);
      continue;
    }
    if (c === LEFT_DOUBLE || c === LEFT_SINGLE) {
      if (raw === PRIME_OPEN) (primes ??= []).push(at, stack.length);
      stack.push(at);
      continue;
    }
    const double = c === RIGHT_DOUBLE;
    const top = stack.pop();
    // A closer with nothing open, or closing the other kind: the line does not nest, and
    // only the 〝 〞 of the line are still reported (at the top level).
    if (top === undefined || (asCurly(text.charCodeAt(top)) === LEFT_DOUBLE) !== double) {
      broken = true;
      if (primes) for (let p = 1; p < primes.length; p += 2) primes[p] = 0;
      if (raw === PRIME_CLOSE) (primes ??= []).push(at, 0);
      continue;
    }
    const depth = stack.length;
    if (raw === PRIME_CLOSE) (primes ??= []).push(at, depth);
    // A “…” at odd depth right inside a double quotation.
    if (!double || depth % 2 === 0) continue;
    if (asCurly(text.charCodeAt(stack[depth - 1])) === LEFT_DOUBLE) (nested ??= []).push(top, at);
  }
  if (stack.length > 0 && !broken) {
    broken = true;
    if (primes) for (let p = 1; p < primes.length; p += 2) primes[p] = 0;
  }
  if (primes !== null) addPrimes(text, primes, broken || nested === null ? null : mixedPairs(text, nested), problems);
}

/**
 * Adds a `prime` finding, with its fix, for each 〝 or 〞 of `primes` (flattened [offset,
 * depth] pairs: depth is how many quotations enclose the mark's pair, 0 where the line does
 * not nest) that is not a mark of a nested quotation already reported (`nested`, flattened
 * pairs of offsets): that finding's fix rewrites the mark too. An odd depth takes ‘ ’.
 */
function addPrimes(text: string, primes: readonly number[], nested: readonly number[] | null, problems: Problem[]): void {
  for (let k = 0; k < primes.length; k += 2) {
    const at = primes[k];
    if (nested?.includes(at)) continue;
    const inner = primes[k + 1] % 2 === 1;
    const expected = text.charCodeAt(at) === PRIME_OPEN ? (inner ? '‘' : '“') : inner ? '’' : '”';
    problems.push({ messageId: 'prime', data: { found: text[at], expected }, start: at, end: at + 1, fix: { start: at, end: at + 1, text: expected } });
  }
}

/**
 * The nested pairs of `nested` (flattened pairs of mark offsets) with at least one real “ or ”:
 * quote-pairing reports those, and its fix rewrites both marks, so a 〝 or 〞 among them gets
 * no finding of its own here. A pair of two prime marks is this rule's alone.
 */
function mixedPairs(text: string, nested: readonly number[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < nested.length; k += 2) {
    if (!(isPrime(text.charCodeAt(nested[k])) && isPrime(text.charCodeAt(nested[k + 1])))) out.push(nested[k], nested[k + 1]);
  }
  return out;
}

/** Whether the open mark at `at` (of the ASCII pair `pair`, if any) opens a double quotation. */
function opensDouble(text: string, at: number, pair: Pair | undefined): boolean {
  return pair ? pair.double : asCurly(text.charCodeAt(at)) === LEFT_DOUBLE;
}
