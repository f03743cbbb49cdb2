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
    // One pass over the document's marks, a line's marks paired once the next line's first
    // mark (or the end) is reached. Searching from each line's start instead would run each
    // search on to the next mark however far away, for every line before it.
    // The line's marks are `marks[0, count)`: the array is reused from line to line.
    const marks: number[] = [];
    let count = 0;
    let lineEnd = -1;
    const mark = new RegExp(MARKS.source, 'g');
    const endLine = (): void => {
      const before = problems.length;
      const opened = pairLine(text, marks, count, problems);
      // Two “ on a line whose marks all pair: one may stand inside the other.
      if (opened >= 2 && problems.length === before) nestedLine(text, marks[0], lineEnd, opaque, problems);
    };
    while (mark.test(text)) {
      const next = mark.lastIndex - 1;
      if (next >= lineEnd) {
        if (count > 0) endLine();
        count = 0;
        lineEnd = lines.end(lines.lineAt(next));
      }
      if (!opaque.at(next)) marks[count++] = next;
    }
    if (count > 0) endLine();
    return problems;
  },
};

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
        problems.push({ messageId: 'reversedClose', start: at, end: at + 1, fix: { start: at, end: at + 1, text: CLOSE } });
        open.pop();
      } else open.push(at);
    } else if (open.length > 0) {
      open.pop();
    } else if (restCloses > restOpens) {
      // A closer with nothing open, and more closers than openers ahead: `村”两委”`.
      problems.push({ messageId: 'reversedOpen', start: at, end: at + 1, fix: { start: at, end: at + 1, text: OPEN } });
      open.push(at);
    } else {
      problems.push({ messageId: 'strayClose', start: at, end: at + 1 });
    }
  }
  for (const at of open) problems.push({ messageId: 'unclosed', start: at, end: at + 1 });
  return opensOnLine;
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
