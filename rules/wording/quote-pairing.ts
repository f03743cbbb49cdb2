/**
 * quote-pairing: every “ has its ” within the line (GB/T 15834-2011 4.8 引号). Drafts hold
 * lines, not multi-paragraph quotations, so pairing is checked line by line. A mark typed
 * the wrong way round (`村”两委”`) is told apart from a missing one by what follows it on
 * the line, and gets the right mark as a fix; a mark with no partner at all is reported
 * where it stands. The double prime marks 〝 〞 that some sites write for “ ” open and close
 * like them (quote-style asks for “ ” in their place).
 *
 * On a line whose marks pair up, a “…” directly inside another “…” is a quotation within a
 * quotation, which takes ‘ ’ (GB/T 15834-2011 4.8.3.2; design.md puts nesting under this rule):
 * `开展“参与“学习强国”答题”擂台赛` → `‘学习强国’`, with the fix. ‘ ’ count for the depth, so a
 * “…” inside ‘…’ inside “…” is right. A nested pair written with two 〝 〞 is left to
 * quote-style, whose fix rewrites those marks by depth.
 */
import { matchMarker } from '../model/markers';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';

const CLOSE = '”';
const OPEN = '“';
/**
 * Every mark the pairing reads: “ ” and the double prime marks 〝 〞 (U+301D, U+301E), which
 * some sites and converters write for “ ” (a `“…〞` pair is a pair). Which of those the
 * standard wants is quote-style's concern; here they only open and close.
 */
const MARKS = /[“”〝〞]/g;
/** Whether the mark with code unit `c` opens a quotation (“ or 〝). */
const opens = (c: number): boolean => c === 0x201c || c === 0x301d;

export const quotePairing: Rule = {
  id: 'quote-pairing',
  meta: {
    family: 'wording',
    severity: 'error',
    fixable: true,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '双引号“”成对使用',
      en: 'Chinese double quotation marks “ ” come in pairs',
    },
    messages: {
      reversedOpen: {
        'zh-CN': '引号方向错误：此处应为前引号“（GB/T 15834—2011 引号）',
        en: 'Quotation mark the wrong way round: an opening “ belongs here (GB/T 15834-2011)',
      },
      reversedClose: {
        'zh-CN': '引号方向错误：此处应为后引号”（GB/T 15834—2011 引号）',
        en: 'Quotation mark the wrong way round: a closing ” belongs here (GB/T 15834-2011)',
      },
      strayClose: {
        'zh-CN': '后引号”没有对应的前引号“',
        en: 'Closing ” has no matching opening “',
      },
      unclosed: {
        'zh-CN': '前引号“没有对应的后引号”',
        en: 'Opening “ is never closed with ”',
      },
      nested: {
        'zh-CN': '引号内的引号应为单引号：“{inner}”应为‘{inner}’（GB/T 15834—2011 引号）',
        en: 'A quotation inside a quotation takes single marks: “{inner}” should be ‘{inner}’ (GB/T 15834-2011)',
      },
    },
  },
  check(report: Report): Problem[] {
    const { text, lines, opaque } = report;
    const problems: Problem[] = [];
    // One pass over the document's marks, a unit's marks paired once the next line's first
    // mark (or the end) is reached. Searching from each line's start instead would run each
    // search on to the next mark however far away, for every line before it.
    // A unit is a line, or lines of one hard-wrapped paragraph that a quotation runs across
    // (wrapsInto). Its marks are `marks[0, count)`: the array is reused from unit to unit.
    const marks: number[] = [];
    let count = 0;
    let unitEnd = -1;
    let lastLine = -1;
    const mark = new RegExp(MARKS.source, 'g');
    const endUnit = (): void => {
      const before = problems.length;
      const opened = pairLine(text, marks, count, problems);
      // Two “ in a unit whose marks all pair: one may stand inside the other.
      if (opened >= 2 && problems.length === before) nestedLine(text, marks[0], unitEnd, opaque, problems);
    };
    while (mark.test(text)) {
      const next = mark.lastIndex - 1;
      if (opaque.at(next)) continue;
      if (next >= unitEnd) {
        const line = lines.lineAt(next);
        if (count > 0 && !wrapsInto(report, marks, count, lastLine, line, next)) {
          endUnit();
          count = 0;
        }
        unitEnd = lines.end(line);
        lastLine = line;
      }
      marks[count++] = next;
    }
    if (count > 0) endUnit();
    return problems;
  },
};

/** Most lines a hard-wrapped quotation's marks may lie apart (a quotation over three lines). */
const MAX_WRAP_LINES = 2;
/** Marks that end a sentence: a line ending on one ends its paragraph's sentence, no wrap. */
const SENTENCE_END = '。！？!?；;…';
/**
 * What opens a block or a new line of a report's structure at a line start (after
 * indentation): a Markdown heading, quotation, table row or list item. A structural number
 * (一、（一）1.) is read with matchMarker.
 */
const BLOCK_START = /^(?:#|>|\||[-*+][ \t]|\d{1,3}[.)][ \t])/;

/**
 * Whether the mark at `next`, the first on line `line`, goes on with the unit whose marks are
 * `marks[0, count)` (the last on line `last`): a paragraph hard-wrapped at a fixed width (a
 * text copied from a PDF) breaks lines inside a quotation, `严格落实“党` ⏎ `要管党、从严治党”的`,
 * and the two marks are one pair. Read so: `next` closes (” or 〞), the unit leaves a quotation
 * open, and the lines between are soft breaks of one paragraph: at most MAX_WRAP_LINES apart,
 * none blank, none before `line` ending on a sentence end (SENTENCE_END: a draft that sets
 * each paragraph on a line of its own ends it so), none from `last + 1` on opening a block
 * or a structural number. A draft whose paragraphs are lines keeps its line-by-line pairing.
 */
function wrapsInto(report: Report, marks: readonly number[], count: number, last: number, line: number, next: number): boolean {
  const { text, lines, opaque } = report;
  if (opens(text.charCodeAt(next)) || line - last < 1 || line - last > MAX_WRAP_LINES) return false;
  let depth = 0;
  for (let k = 0; k < count; k++) {
    if (opens(text.charCodeAt(marks[k]))) depth++;
    else if (depth > 0) depth--;
  }
  if (depth === 0) return false;
  for (let k = last; k < line; k++) {
    const end = proseEnd(report, k);
    if (end === -1 || SENTENCE_END.includes(text[end]) || BLOCK_START.test(lines.lineText(k).trimStart())) return false;
  }
  for (let k = last + 1; k <= line; k++) {
    const t = lines.lineText(k);
    const head = lines.start(k) + (t.length - t.trimStart().length);
    if (head >= lines.end(k) || opaque.at(head) || BLOCK_START.test(t.trimStart()) || matchMarker(text, head)) return false;
  }
  return true;
}

/** The offset of the last character of line `k`'s prose (before a trailing comment or space), or -1 on a blank line. */
function proseEnd({ text, lines, opaque }: Report, k: number): number {
  const start = lines.start(k);
  let end = opaque.firstStartingIn(start + 1, lines.end(k))?.start ?? lines.end(k);
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? end - 1 : -1;
}

/**
 * Pairs the quotation marks at `marks[0, count)` (offsets, in order) of one line; adds to
 * `problems`. Returns how many of the marks open a quotation (“ or 〝): nesting needs two.
 */
function pairLine(text: string, marks: readonly number[], count: number, problems: Problem[]): number {
  const open: number[] = [];
  // Marks still ahead of the current one, so a decision can look at what follows.
  let restOpens = 0;
  for (let k = 0; k < count; k++) if (opens(text.charCodeAt(marks[k]))) restOpens++;
  const opensOnLine = restOpens;
  let restCloses = count - restOpens;
  for (let k = 0; k < count; k++) {
    const at = marks[k];
    const isOpen = opens(text.charCodeAt(at));
    if (isOpen) restOpens--;
    else restCloses--;
    if (isOpen) {
      // An opener that the rest of the line cannot close, right after an open quotation,
      // is a closer typed the wrong way round: `“两委“班子`.
      if (open.length > 0 && restCloses - restOpens < open.length + 1 && restCloses <= restOpens) {
        // Closing the open quotation here is the fix only where what it would quote is a
        // term (`“两委“班子`); over a clause (`自“驻村以来，…发放便民“双向连心`) the open
        // quotation more likely lacks its ” earlier, and this mark opens the next one.
        const found: Problem = { messageId: 'reversedClose', start: at, end: at + 1 };
        if (quotesTerm(text, open[open.length - 1] + 1, at)) found.fix = { start: at, end: at + 1, text: CLOSE };
        problems.push(found);
        open.pop();
      } else open.push(at);
    } else if (open.length > 0) {
      open.pop();
    } else if (restCloses > restOpens) {
      // A closer with nothing open, and more closers than openers ahead: `村”两委”`.
      // The same for a closer read as an opener: the fix only where the next mark closes a term.
      const after = k + 1 < count ? marks[k + 1] : -1;
      const found: Problem = { messageId: 'reversedOpen', start: at, end: at + 1 };
      if (after !== -1 && !opens(text.charCodeAt(after)) && quotesTerm(text, at + 1, after)) found.fix = { start: at, end: at + 1, text: OPEN };
      problems.push(found);
      open.push(at);
    } else {
      problems.push({ messageId: 'strayClose', start: at, end: at + 1 });
    }
  }
  for (const at of open) problems.push({ messageId: 'unclosed', start: at, end: at + 1 });
  return opensOnLine;
}

/** Longest quoted term (code units) a wrong-way mark's fix may close: a name, a slogan's words. */
const MAX_TERM = 16;
/** Marks of a clause or a series: a quotation holding one is no single term. */
const CLAUSE_MARK = /[，。；：！？、,;:!?\s]/;

/**
 * Whether `text[from, to)`, what a mark typed the wrong way round would quote once turned, is
 * a term: 1 to MAX_TERM code units with no clause or series mark (CLAUSE_MARK) and no line
 * break. Where it is not, which quotation lacks its mark is ambiguous, and no fix is offered.
 */
function quotesTerm(text: string, from: number, to: number): boolean {
  return to > from && to - from <= MAX_TERM && !CLAUSE_MARK.test(text.slice(from, to));
}

/** Every mark nesting reads: “ ” ‘ ’ and 〝 〞. */
const NESTING_MARKS = /[“”‘’〝〞]/g;

/**
 * Adds a `nested` finding for each “…” (at least one mark U+201C/U+201D) standing directly inside a
 * double quotation, on the line part `text[from, lineEnd)` whose “ ” already pair. Stops
 * quietly where the marks with ‘ ’ counted do not nest (quote-style and the reader decide
 * those), and skips apostrophes between Latin letters (Xi’an).
 */
function nestedLine(text: string, from: number, lineEnd: number, opaque: Report['opaque'], problems: Problem[]): void {
  const stack: number[] = [];
  const found: Problem[] = [];
  // The line alone is searched: a search of `text` would run on to the next line's mark.
  for (const m of text.slice(from, lineEnd).matchAll(NESTING_MARKS)) {
    const at = from + (m.index ?? 0);
    if (opaque.at(at)) continue;
    const c = m[0];
    if (c === '’' && /[A-Za-z]/.test(text[at - 1] ?? '') && /[A-Za-z]/.test(text[at + 1] ?? '')) continue;
    if (c === '“' || c === '‘' || c === '〝') {
      stack.push(at);
      continue;
    }
    const top = stack.pop();
    if (top === undefined || (c === '’') !== (text[top] === '‘')) return;
    const parent = stack.length > 0 ? text[stack[stack.length - 1]] : '';
    // A pair with one real mark (“…〞) is reported here too; two prime marks are quote-style's.
    if ((c === '”' || c === '〞') && text[top] !== '‘' && !(c === '〞' && text[top] === '〝') && (parent === '“' || parent === '〝')) {
      const inner = text.slice(top + 1, at);
      found.push({
        messageId: 'nested',
        data: { inner: inner.length > 20 ? `${inner.slice(0, 19)}…` : inner },
        start: top,
        end: at + 1,
        fix: { start: top, end: at + 1, text: `‘${inner}’` },
      });
    }
  }
  if (stack.length === 0) problems.push(...found);
}
