/**
 * Asterisks in a number's slot, for `placeholder`: `20*年上半年`, `开展集中学习*次，`,
 * `谈话*次*余人次`, `*高速公路*段工程`. A writer who masks a count or a year's digit with `*`
 * leaves several on one paragraph, and CommonMark (0.31.2 §6.2) pairs them into emphasis
 * whenever the flanking rules allow, even across lines (`20*年…` on one line, `…学习*次` on
 * the next): the parse then hides every such slot (probe15 p18, p33). A delimiter no writer
 * of emphasis would set tells the pair apart: an opener right after a digit and before a
 * date or count word (`20*年`), or a run between a Han character and a measure word that
 * ends the phrase (`学习*次，`, `谈话*次*余人次`) — emphasis starts and ends at a word's
 * edge, never between a number's verb and its measure word. Real emphasis (`**加粗**`,
 * `要*坚持*原则`, a bold figure `完成**120**万元`) has no such delimiter.
 */

/** Date and count words that follow a year's or a count's digits (`20*年`, `3*个`). */
const AFTER_DIGIT = '年月日号时名个次户人项期批届万千百亿元亩段家件篇场条';
/** Words starting with one of AFTER_DIGIT that bold may open with after a digit (2023**年度要点**). */
const AFTER_DIGIT_WORDS = ['年度', '年级', '年份', '年终', '年底', '年初', '月份', '日期', '个人', '人员', '人民', '项目', '期间'];
/** Measure words that close a count phrase (学习*次，, 比拼*次。): the slot is the count before them. */
const MEASURES = '次个名户项件篇场条家期批届';

/** Emphasis content that is a figure alone (120, 3.5, 1,200, 85%). */
const FIGURE = /^[0-9０-９.,．，%％]+$/u;

/** Whether `c` (one code unit) is a Han character of the basic block. */
function isHan(c: string | undefined): boolean {
  return c !== undefined && c >= '\u4e00' && c <= '\u9fff';
}

/** Whether `c` is an ASCII or full-width digit. */
function isDigit(c: string | undefined): boolean {
  return c !== undefined && ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'));
}

/**
 * Whether the asterisk run `text[start, end)` (UTF-16 offsets), an emphasis delimiter that
 * closes emphasis whose content is `content`, stands in a number's slot: right after a
 * digit and before a date or count word (`20*年`, but not `2023**年度`; nor a closer whose
 * emphasis holds the figure alone, a bold figure: `**120**万元`, `第*1*次`), or
 * between a Han character and a measure word that ends its phrase — followed by
 * punctuation, a digit, another `*` or the end (`学习*次，`, `心得*次*`), or by 余/多 and a
 * measure (`*次*余人次`) — or a road's or channel's section (`高速公路*段`, `国道*段`).
 */
export function numberSlotRun(text: string, start: number, end: number, content: string): boolean {
  const before = text[start - 1];
  const next = text[end];
  const after = text[end + 1];
  if (isDigit(before) && !FIGURE.test(content) && next !== undefined && AFTER_DIGIT.includes(next)) {
    if (AFTER_DIGIT_WORDS.some((w) => text.startsWith(w, end))) return false;
    // `**` may open bold on a heading's words (`2023**年工作要点**`): only where the date or
    // count word ends its phrase is a double mark a slot (`20**年，`).
    return end - start === 1 || !isHan(after);
  }
  if (!isHan(before) || next === undefined) return false;
  if (MEASURES.includes(next)) return !isHan(after);
  // `谈话*次*余人次`: the closer stands after the masked count's own measure word, not after
  // bold words followed by 多次 (`**专题研讨**多次`).
  if ((next === '余' || next === '多') && MEASURES.includes(before) && isHan(after) && '人名个次户项件家'.includes(after)) return true;
  return next === '段' && '路线渠道'.includes(before);
}
