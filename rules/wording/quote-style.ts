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
 * 2. A “…” directly inside an open “…” on the same line (`“开展“学习强国”答题”`) becomes
 *    ‘…’.
 *
 * Both need the line's quotation marks to nest properly; where they do not, which mark
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
const ALNUM = /[A-Za-z0-9]/;
const LATIN = /[A-Za-z]/;
/** Latin letters, digits and ASCII punctuation: the stuff of a Latin sentence. */
const LATIN_SIDE = /[\x21-\x7e]/;
// Minutes and seconds (5'30", 5'30.5"): neither mark is a quotation mark.
const MINUTES_SECONDS = /\d'\d+(?:\.\d+)?"/g;

/** One pair of quotation marks on a line (absolute offsets of the two marks). */
interface Pair {
  open: number;
  close: number;
  double: boolean;
  ascii: boolean;
}

export const quoteStyle: Rule = {
  id: 'quote-style',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
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
      nested: {
        'zh-CN': '引号内的引号应为单引号：“{inner}”应为‘{inner}’（GB/T 15834—2011）',
        en: 'A quotation inside a quotation takes single marks: “{inner}” should be ‘{inner}’ (GB/T 15834-2011)',
      },
    },
  },
  check(report: Report): Problem[] {
    const { text, lines, opaque } = report;
    const problems: Problem[] = [];
    for (let line = 0; line < lines.count; line++) {
      const lineStart = lines.start(line);
      const lineText = lines.lineText(line);
      if (!/["'“”‘’]/.test(lineText)) continue;
      problems.push(...checkLine(text, lineText, lineStart, opaque));
    }
    return problems;
  },
};

function checkLine(text: string, lineText: string, lineStart: number, opaque: Report['opaque']): Problem[] {
  const skip = new Set<number>();
  for (const m of lineText.matchAll(MINUTES_SECONDS)) {
    const i = lineStart + (m.index ?? 0);
    skip.add(i + 1);
    skip.add(i + m[0].length - 1);
  }
  const doubles: number[] = [];
  const singles: number[] = [];
  const curly: Pair[] = [];
  const curlyMarks: number[] = [];
  for (const m of lineText.matchAll(/["'“”‘’]/g)) {
    const i = m.index ?? 0;
    const at = lineStart + i;
    if (skip.has(at) || opaque.at(at)) continue;
    const before = lineText[i - 1] ?? '';
    const after = lineText[i + 1] ?? '';
    if (m[0] === '"') doubles.push(at);
    else if (m[0] === "'") {
      // don't, 5'30: an apostrophe or a prime between letters or digits.
      if (!(ALNUM.test(before) && ALNUM.test(after))) singles.push(at);
    } else if (m[0] === '’' && LATIN.test(before) && LATIN.test(after)) {
      continue; // Xi’an: an apostrophe
    } else curlyMarks.push(at);
  }
  // An odd count of `"`: drop inch marks (55") and try again; still odd, the doubles of this
  // line cannot be paired.
  let usable = doubles;
  if (usable.length % 2 === 1) {
    usable = doubles.filter((at) => !(/\d/.test(text[at - 1] ?? '') && !CHINESE.test(text[at + 1] ?? '')));
    if (usable.length % 2 === 1) usable = [];
  }
  const lineEnd = lineStart + lineText.length;
  /** Whether a Latin sentence stands around the pair: `The standard says "通常", so…`. */
  const latinAround = (open: number, close: number): boolean => {
    let b = open - 1;
    while (b >= lineStart && /[ \t]/.test(text[b])) b--;
    let a = close + 1;
    while (a < lineEnd && /[ \t]/.test(text[a])) a++;
    const before = b >= lineStart ? text[b] : '';
    const after = a < lineEnd ? text[a] : '';
    return (before !== '' || after !== '') && (before === '' || LATIN_SIDE.test(before)) && (after === '' || LATIN_SIDE.test(after));
  };
  const ascii: Pair[] = [];
  const addAscii = (marks: number[], double: boolean) => {
    if (marks.length % 2 === 1) return;
    for (let k = 0; k + 1 < marks.length; k += 2) {
      const open = marks[k];
      const close = marks[k + 1];
      const content = text.slice(open + 1, close);
      if (content.trim() === '') continue;
      if (text[open - 1] === '=' || text[open - 1] === '\\' || text[close - 1] === '\\') continue;
      const chinese = double
        ? CHINESE.test(text[open - 1] ?? '') || CHINESE.test(text[close + 1] ?? '') || (CHINESE.test(content) && !latinAround(open, close))
        : HAN.test(content) && !latinAround(open, close);
      if (chinese) ascii.push({ open, close, double, ascii: true });
    }
  };
  addAscii(usable, true);
  addAscii(singles, false);

  // Nest every mark of the line: curly marks and the ASCII pairs just found.
  type Event = { at: number; open: boolean; double: boolean; pair: Pair | null };
  const events: Event[] = [];
  for (const p of ascii) {
    events.push({ at: p.open, open: true, double: p.double, pair: p });
    events.push({ at: p.close, open: false, double: p.double, pair: p });
  }
  for (const at of curlyMarks) {
    const c = text[at];
    events.push({ at, open: c === '“' || c === '‘', double: c === '“' || c === '”', pair: null });
  }
  events.sort((a, b) => a.at - b.at);
  const depth = new Map<Pair, { depth: number; parentDouble: boolean }>();
  const stack: { event: Event; pair: Pair }[] = [];
  let broken = false;
  for (const e of events) {
    if (e.open) {
      const pair = e.pair ?? { open: e.at, close: -1, double: e.double, ascii: false };
      if (!e.pair) curly.push(pair);
      const parent = stack[stack.length - 1];
      depth.set(pair, { depth: stack.length, parentDouble: parent ? parent.pair.double : false });
      stack.push({ event: e, pair });
    } else {
      const top = stack.pop();
      if (!top || top.pair.double !== e.double || (e.pair !== null) !== top.pair.ascii || (e.pair && e.pair !== top.pair)) {
        broken = true;
        break;
      }
      top.pair.close = e.at;
    }
  }
  if (stack.length > 0) broken = true;

  const problems: Problem[] = [];
  for (const p of ascii) {
    const content = text.slice(p.open + 1, p.close);
    const found = p.double ? '"…"' : "'…'";
    if (broken) {
      problems.push({ messageId: 'asciiUnsure', data: { found }, start: p.open, end: p.close + 1 });
      continue;
    }
    const inner = depth.get(p)!.depth % 2 === 1;
    const [o, c] = inner ? ['‘', '’'] : ['“', '”'];
    problems.push({
      messageId: 'ascii',
      data: { found, expected: `${o}…${c}` },
      start: p.open,
      end: p.close + 1,
      fix: { start: p.open, end: p.close + 1, text: o + content + c },
    });
  }
  if (!broken) {
    for (const p of curly) {
      const d = depth.get(p)!;
      if (!p.double || d.depth % 2 === 0 || !d.parentDouble) continue;
      const inner = text.slice(p.open + 1, p.close);
      problems.push({
        messageId: 'nested',
        data: { inner: inner.length > 20 ? `${inner.slice(0, 19)}…` : inner },
        start: p.open,
        end: p.close + 1,
        fix: { start: p.open, end: p.close + 1, text: `‘${inner}’` },
      });
    }
  }
  return problems.sort((a, b) => a.start - b.start);
}
