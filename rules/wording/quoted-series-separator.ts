/**
 * quoted-series-separator: parallel items that each stand in quotation marks or in 书名号
 * usually take no 顿号 between them (GB/T 15834-2011 4.5.3.5): `“三会一课”、“主题党日”` →
 * `“三会一课”“主题党日”`, `《党章》、《准则》` → `《党章》《准则》`. The same holds for the
 * inner marks of a nested quotation (`‘…’、‘…’`, `〈…〉、〈…〉`). The fix deletes the 顿号.
 *
 * Only a 顿号 standing directly between a closing mark and an opening mark of the same kind
 * is reported. Quiet, as the standard allows: other words between the items
 * (`“两个确立”、做到“两个维护”`), a parenthetical note after an item (`“某村”（试点）、“某村”`),
 * a 顿号 before an unquoted item (`“讲党课”“下基层”、微党课`), and one after an item of a
 * 、 series that has words before its quotation (`走访调研、征集“微心愿”、“五级微信群”`). A line whose marks of that
 * kind do not pair up is left to quote-pairing: which mark closes which is not certain there.
 * Because the standard says "通常", the rule is a warning and can be turned off in config.
 */
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';

/**
 * The marks of the two families: quotation marks (0) and title marks (1). In both, each
 * closing mark is its opening mark's code unit plus one (“ ” ‘ ’ 《 》 〈 〉).
 */
const FAMILY_MARKS = [/[“”‘’]/g, /[《》〈〉]/g];
const OPENS = [
  [0x201c, 0x2018],
  [0x300a, 0x3008],
];
// A closing mark, the 顿号 (spaces around it allowed), an opening mark.
const SEPARATED = /([”’》〉])[ \u3000]*、[ \u3000]*([“‘《〈])/g;
/** Whether the code unit is an ASCII letter (`NaN`, past either end, is not). */
const isLatin = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

export const quotedSeriesSeparator: Rule = {
  id: 'quoted-series-separator',
  meta: {
    family: 'wording',
    severity: 'warning',
    fixable: true,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '并列的引号或书名号之间通常不用顿号（“三会一课”“主题党日”，《党章》《准则》）',
      en: 'No 顿号 between parallel items in quotation marks or title marks (“三会一课”“主题党日”)',
    },
    messages: {
      quoted: {
        'zh-CN': '标有引号的并列成分之间通常不用顿号，应删除此处的“、”（GB/T 15834—2011 4.5.3.5）',
        en: 'Parallel items in quotation marks usually take no 顿号 between them: delete this "、" (GB/T 15834-2011 4.5.3.5)',
      },
      titled: {
        'zh-CN': '标有书名号的并列成分之间通常不用顿号，应删除此处的“、”（GB/T 15834—2011 4.5.3.5）',
        en: 'Parallel titles in 书名号 usually take no 顿号 between them: delete this "、" (GB/T 15834-2011 4.5.3.5)',
      },
    },
  },
  check(report: Report): Problem[] {
    const { text, lines, opaque } = report;
    const problems: Problem[] = [];
    // Whether each family's marks pair up on a line (undefined: not asked yet), computed
    // once per line and family that needs it.
    let balancedLine = -1;
    const balanced: (boolean | undefined)[] = [undefined, undefined];
    // One scan of the whole document rather than one per line (most lines hold a 、): a
    // match cannot cross a line end, as no part of the pattern matches one, so the matches
    // are those of a line-by-line scan.
    SEPARATED.lastIndex = 0;
    for (let m = SEPARATED.exec(text); m !== null; m = SEPARATED.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (opaque.overlaps(start, end)) continue;
      // The closing mark must close what the opening mark opens: ”、“ or 》、《, not ”、《.
      const close = text.charCodeAt(start);
      if (text.charCodeAt(end - 1) !== close - 1) continue;
      const family = close === 0x201d || close === 0x2019 ? 0 : 1;
      const line = lines.lineAt(start);
      if (balancedLine !== line) {
        balanced[0] = balanced[1] = undefined;
        balancedLine = line;
      }
      balanced[family] ??= pairsUp(lines.lineText(line), lines.start(line), family, opaque);
      if (!balanced[family]) continue;
      // `“三会一课制度”、“两学一做”学习制度`: the item after the 顿号 goes on past its
      // closing mark, so it is no quoted item and the 顿号 separates two plain ones.
      if (goesOnPastMark(text, end - 1, lines.end(line))) continue;
      // `集团党校、“促进会”、“智慧党群”管理系统`: the last quoted item has a head noun of its
      // own, as the series opened with a plain item that cannot share it.
      if (ownHeadAfterMark(text, end - 1, lines.end(line)) && plainItemOpens(text, start, lines.start(line))) continue;
      // `走访调研、征集“微心愿”、“五级微信群”`: the item before the 顿号 has words of its own
      // before its quotation, after a 顿号 of the series, so it is more than the quotation.
      if (wordsBeforeItem(text, start, lines.start(line))) continue;
      const sepStart = start + 1;
      const sepEnd = end - 1;
      problems.push({
        messageId: family === 0 ? 'quoted' : 'titled',
        start: sepStart,
        end: sepEnd,
        fix: { start: sepStart, end: sepEnd, text: '' },
      });
    }
    return problems;
  },
};

/**
 * What may follow a quoted item that ends at its closing mark: the next mark or item,
 * a closing 等/的/和, a resumptive or summing word, a count (`“甲”“乙”两项`), a verb's
 * particle. Any other Han character continues the item (`“两学一做”学习制度`).
 */
const ITEM_ENDS = new Set([...'、，。；：！？,.;:!?）)》〉】“”‘’《〈（( \u3000等的和与及或这此共均都各两二三四五六七八九十一0123456789中里上为是在被将作']);

const HAN_CHAR = /^\p{Script=Han}$/u;
/** The longest tail read after a quoted item's closing mark. */
const MAX_TAIL = 12;

/**
 * Whether the quoted item opened at `open` (a “ or 《 of `text`) goes on past its closing
 * mark with words of its own, and a 顿号 after them goes on with the series, before
 * `lineEnd`: `“两学一做”学习制度、村务监督制度` is a series of plain items, one of which
 * holds a quotation, so the 顿号 before it stays.
 */
function goesOnPastMark(text: string, open: number, lineEnd: number): boolean {
  if (!ownHeadAfterMark(text, open, lineEnd)) return false;
  // …and the series goes on with more items (`、村务监督制度`): a shared head after the
  // last quoted item (`“双减”、“五项管理”要求，`) is no such tail.
  const i = closingMarkOf(text, open, lineEnd);
  let k = i + 1;
  while (k < lineEnd && k - i <= MAX_TAIL && HAN_CHAR.test(text[k])) k++;
  return text[k] === '、';
}

/**
 * Whether the quoted item opened at `open` (a “ or 《 of `text`) goes on past its closing
 * mark with Han words of its own before `lineEnd` (`“智慧党群”管理系统`), not with a word
 * that ends an item (`ITEM_ENDS`: 等, 的, a count).
 */
function ownHeadAfterMark(text: string, open: number, lineEnd: number): boolean {
  const i = closingMarkOf(text, open, lineEnd);
  if (i < 0) return false;
  const next = text[i + 1];
  return next !== undefined && i + 1 < lineEnd && !ITEM_ENDS.has(next) && HAN_CHAR.test(next);
}

/**
 * The offset of the closing mark (” or 》) that the opening mark at `open` (“ or 《, whose
 * closer is the code unit after it) pairs with, before `lineEnd`, nesting counted; -1 if none.
 * Offsets are UTF-16 code units into `text`.
 */
function closingMarkOf(text: string, open: number, lineEnd: number): number {
  const o = text.charCodeAt(open);
  let depth = 0;
  for (let i = open; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === o) depth++;
    else if (c === o + 1 && --depth === 0) return i;
  }
  return -1;
}

/**
 * Whether the run of quoted items joined by 顿号 that holds the item closing at `close` (a ”
 * or 》 of `text`) is itself preceded, on the line from `lineStart`, by a 顿号 after a plain
 * Han word: `以集团党校、“甲”、“乙”管理系统为载体`. The series then mixes plain and quoted items,
 * and a tail after the last quotation is that item's own head (管理系统), not one shared by
 * quoted items alone (`“双减”、“五项管理”要求`, where the 顿号 is still reported). Reads back
 * over the run, each item a balanced pair of marks.
 */
function plainItemOpens(text: string, close: number, lineStart: number): boolean {
  const c = text.charCodeAt(close);
  let i = close;
  for (;;) {
    const open = openingMarkOf(text, i, lineStart);
    if (open <= lineStart) return false;
    let k = open - 1;
    while (k > lineStart && (text[k] === ' ' || text[k] === '\u3000')) k--;
    if (text[k] !== '、') return false;
    k--;
    while (k > lineStart && (text[k] === ' ' || text[k] === '\u3000')) k--;
    // Another quoted item of the run before this one: read on back.
    if (text.charCodeAt(k) === c) {
      i = k;
      continue;
    }
    return HAN_CHAR.test(text[k]);
  }
}

/**
 * The offset of the opening mark (“ or 《) that the closing mark at `close` (” or 》, whose
 * opener is the code unit before it) pairs with, reading back on the line from `lineStart`
 * with nesting counted; -1 if none. Offsets are UTF-16 code units into `text`.
 */
function openingMarkOf(text: string, close: number, lineStart: number): number {
  const c = text.charCodeAt(close);
  let depth = 0;
  for (let k = close; k >= lineStart; k--) {
    const x = text.charCodeAt(k);
    if (x === c) depth++;
    else if (x === c - 1 && --depth === 0) return k;
  }
  return -1;
}

/** The most Han characters read before a quoted item's opening mark, back to a 顿号. */
const MAX_HEAD = 6;

/**
 * Whether the quoted item that closes at `close` (a ” or 》 of `text`) is an item of a 、
 * series with words of its own before its opening mark: `、征集“微心愿”` (GB/T 15834-2011
 * 4.5.3.5 drops the 顿号 only between quoted items standing alone; where other words stand
 * with them it stays). 1–`MAX_HEAD` Han characters between the opening mark and a 顿号 before
 * it, on the line from `lineStart`; a verb governing the whole series (`开展“甲”、“乙”`)
 * has no 顿号 before it and is no such item.
 */
function wordsBeforeItem(text: string, close: number, lineStart: number): boolean {
  const open = openingMarkOf(text, close, lineStart);
  if (open <= lineStart) return false;
  let k = open;
  while (k > lineStart && open - k < MAX_HEAD && HAN_CHAR.test(text[k - 1])) k--;
  return k < open && k > lineStart && text[k - 1] === '、';
}

/**
 * Whether the marks of `family` on one line (outside opaque spans) nest properly: each
 * closing mark closes the innermost open mark of its kind, and none stays open. A `’`
 * between Latin letters is an apostrophe (`Xi’an`), not a quotation mark.
 */
function pairsUp(lineText: string, lineStart: number, family: number, opaque: Report['opaque']): boolean {
  // The open marks, as code units.
  const stack: number[] = [];
  const marks = FAMILY_MARKS[family];
  const [open1, open2] = OPENS[family];
  marks.lastIndex = 0;
  while (marks.test(lineText)) {
    const i = marks.lastIndex - 1;
    const c = lineText.charCodeAt(i);
    if (opaque.at(lineStart + i)) continue;
    if (c === 0x2019 /* ’ */ && isLatin(lineText.charCodeAt(i - 1)) && isLatin(lineText.charCodeAt(i + 1))) continue;
    if (c === open1 || c === open2) stack.push(c);
    else if (stack.pop() !== c - 1) return false;
  }
  return stack.length === 0;
}
