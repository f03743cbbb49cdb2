/**
 * total-breakdown: a total and the parts that follow it in the same sentence must agree.
 *
 * "共调整…17名，其中党支部书记6人，其他成员11人": parts that exhaust the total (the last is
 * 其他/其余…, the labels name a partition such as 新建/改建 or 男/女, or the parts are
 * listed right after the total by "，分别为…") must add up to it. Parts that may overlap
 * ("86名，其中35岁以下47名，女性28名") must each be at most the total. 余/多/以上 and
 * 近/不足/以下 turn equality into bounds; 约/左右 make the quantity too vague to check.
 * Only compatible units are compared (名 with 人; 个 with 名 never). Parts are read up to
 * the end of the sentence, stopping at the first clause that starts a new statement (a
 * verb, a per-item or new total word such as 各/共/累计, or 另有 for something besides the
 * total), and skipping asides in brackets. Vocabulary: rules/data/sentence-numbers.yaml.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import { sumExact } from '../model/quantities';
import type { Report } from '../model/report';
import { isSpace } from '../model/script';
import type { Problem, ProblemRelated, Rule } from '../types';
import {
  baseValue,
  compatibleUnits,
  formatNumber,
  greater,
  interval,
  isClauseEndChar,
  maskNested,
  measureOf,
  quantitiesIn,
  sentenceEnd,
  written,
} from './sentence';

const words = sentenceNumbers.breakdown;
/** 其中 (parts that may overlap) or 分别为 right after the total (parts that exhaust it). */
const MARKER = /其中|分别[为是]/g;

interface Part {
  q: Quantity;
  /** The label's last clause: `其他成员`, `女性`. */
  label: string;
}

export const totalBreakdown: Rule = {
  id: 'total-breakdown',
  meta: {
    family: 'numbers',
    severity: 'warning',
    fixable: false,
    description: {
      'zh-CN': '总数与“其中”各分项一致：穷尽总数的分项之和等于总数，可能交叉的分项不大于总数',
      en: 'A total agrees with its parts: parts that exhaust it add up to it; overlapping parts are no larger than it',
    },
    messages: {
      sumMismatch: {
        'zh-CN': '其中各项之和为{expr}={sum}{unit}，与总数{total}不符 ✗',
        en: 'The parts add up to {expr}={sum}{unit}, which does not match the total {total} ✗',
      },
      sumOk: {
        'zh-CN': '其中各项之和{expr}={sum}{unit}，与总数{total}相符 ✓',
        en: 'The parts add up to {expr}={sum}{unit}, matching the total {total} ✓',
      },
      partTooLarge: {
        'zh-CN': '分项{part}大于总数{total}，分项不应超过总数 ✗',
        en: 'The part {part} is larger than the total {total}; a part cannot exceed its total ✗',
      },
      partOk: {
        'zh-CN': '分项{part}不超过总数{total} ✓',
        en: 'The part {part} is at most the total {total} ✓',
      },
      partsOk: {
        'zh-CN': '各分项{parts}均不超过总数{total} ✓',
        en: 'Each part ({parts}) is at most the total {total} ✓',
      },
      total: { 'zh-CN': '总数{total}', en: 'the total {total}' },
      part: { 'zh-CN': '分项{part}', en: 'part {part}' },
    },
  },
  check(report: Report): Problem[] {
    const problems: Problem[] = [];
    const { text, lines } = report;
    const all = report.quantities;
    // The markers are found by one scan of the whole text, not a regex run on each line:
    // they come out in document order, the order the problems are pushed in. Their line's
    // quantities are read by binary search in `all`.
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
      const at = m.index;
      const isQizhong = m[0] === '其中';
      if (report.opaque.at(at)) continue;
      const line = lines.lineAt(at);
      const lineText = lines.lineText(line);
      const from = lines.start(line);
      const index = at - from;
      const found = isQizhong ? breakdownAfterQizhong(lineText, from, index, all) : listAfterTotal(lineText, from, index, all);
      if (found) judge(report, found.total, found.parts, found.exhaustive, problems);
    }
    return problems;
  },
};

interface Breakdown {
  total: Quantity;
  parts: Part[];
  /** Whether the parts exhaust the total (sum check) or may overlap (each ≤ total). */
  exhaustive: boolean;
}

/**
 * The quantity ending nearest before `offset` on its line (which starts at `from`), or
 * null: `quantities` are the report's, sorted by start, so a binary search finds it.
 */
function lastBefore(quantities: readonly Quantity[], from: number, offset: number): Quantity | null {
  let lo = 0;
  let hi = quantities.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (quantities[mid].start < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Quantities do not overlap: only the last one starting before `offset` may straddle it.
  if (found >= 0 && quantities[found].end > offset) found--;
  return found >= 0 && quantities[found].start >= from ? quantities[found] : null;
}

/** Whether `q` can be a total: a firm count, not a rate, an age or a per-item figure. */
function isTotal(q: Quantity, lineText: string, from: number): boolean {
  if (words.notTotalUnits.has(q.unit) || q.bound === 'approx') return false;
  return !perItemBefore(lineText, q.start - from);
}

/** Whether the line's text before index `at` ends in 各, 每, 平均 or 人均 (a per-item figure). */
function perItemBefore(lineText: string, at: number): boolean {
  const last = at >= 1 ? lineText.charCodeAt(at - 1) : -1;
  if (last === 0x5404 /* 各 */ || last === 0x6bcf /* 每 */) return true;
  const before = at >= 2 ? lineText.charCodeAt(at - 2) : -1;
  return last === 0x5747 /* 均 */ && (before === 0x5e73 /* 平 */ || before === 0x4eba) /* 人 */;
}

/** Whether code unit `c` ends or opens a clause or aside: ，,；;：:、（(）)。！？!? */
function isClauseBreak(c: number): boolean {
  switch (c) {
    case 0xff0c: // ，
    case 0x2c: // ,
    case 0xff1b: // ；
    case 0x3b: // ;
    case 0xff1a: // ：
    case 0x3a: // :
    case 0x3001: // 、
    case 0xff08: // （
    case 0x28: // (
    case 0xff09: // ）
    case 0x29: // )
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0x21: // !
    case 0x3f: // ?
      return true;
    default:
      return false;
  }
}

/** "…17名，其中…": the total right before 其中 (same or previous clause), and its parts. */
function breakdownAfterQizhong(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  const after = lineText.charCodeAt(index + 2);
  if (after === 0x7684 /* 的 */ || after === 0x4e4b /* 之 */) return null; // 其中的一项, 其中之一
  const total = lastBefore(quantities, from, from + index);
  if (!total || index - (total.end - from) > 40 || !isTotal(total, lineText, from)) return null;
  // Nothing but the total's own noun between it and 其中 (same sentence, same or previous
  // clause): "17名，其中", "12名预备党员（其中". The one mark allowed is right before 其中.
  const betweenStart = total.end - from;
  const last = index > betweenStart ? lineText.charCodeAt(index - 1) : -1;
  const inBracket = last === 0xff08 /* （ */ || last === 0x28; /* ( */
  const markBefore = inBracket || last === 0xff0c /* ， */ || last === 0x2c; /* , */
  for (let i = betweenStart; i < (markBefore ? index - 1 : index); i++) if (isClauseBreak(lineText.charCodeAt(i))) return null;
  let end = sentenceEnd(lineText, index);
  if (inBracket) {
    const close = closerIn(lineText, index, end);
    if (close >= 0) end = close;
  }
  const next = lineText.indexOf('其中', index + 2);
  if (next >= 0 && next < end) end = next;
  const parts = readParts(lineText, from, index + 2, end, total, quantities, false);
  if (parts.length === 0) return null;
  const exhaustive = words.remainder.test(parts[parts.length - 1].label) || isPartition(parts);
  return { total, parts, exhaustive };
}

/** "共有党员120名，分别为农村党员80名、机关党员40名": a list that exhausts the total. */
function listAfterTotal(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  const total = lastBefore(quantities, from, from + index);
  const comma = lineText.charCodeAt(index - 1);
  if (!total || index - (total.end - from) !== 1 || (comma !== 0xff0c /* ， */ && comma !== 0x2c) /* , */ || !isTotal(total, lineText, from)) return null;
  let end = index + 3;
  while (end < lineText.length && end - index < 200 && !isClauseEndChar(lineText.charCodeAt(end))) end++;
  const parts = readParts(lineText, from, index + 3, end, total, quantities, true);
  return parts.length >= 2 ? { total, parts, exhaustive: true } : null;
}

/**
 * The parts between `start` and `end` (indices into the line): quantities compatible with
 * the total, each labelled by the words of its clause before it. Stops at the first
 * quantity that starts a new statement; a remainder (其他…) is the last part. Asides in
 * brackets and quotes are skipped.
 */
function readParts(lineText: string, from: number, start: number, end: number, total: Quantity, quantities: readonly Quantity[], listOnly: boolean): Part[] {
  const masked = maskNested(lineText.slice(start, end));
  const parts: Part[] = [];
  let labelFrom = 0;
  for (const q of quantitiesIn(quantities, from + start, from + end)) {
    const at = q.start - from - start;
    if (masked.charCodeAt(q.numberStart - from - start) === 0x25a1 /* □ */ || !compatibleUnits(q.unit, total.unit)) continue;
    const cut = lastSeparator(masked, labelFrom, at);
    if (parts.length > 0 && cut < 0) break; // two numbers in one clause: not a list of parts
    const clause = clauseText(masked, parts.length === 0 ? labelFrom : cut + 1, at);
    if (q.bound === 'approx' || q.scope || q.qualifiers.includes('共') || words.stop.test(clause)) break;
    const remainder = words.remainder.test(clause);
    if (parts.length > 0 && !remainder && !listOnly && words.verbs.test(clause) && !partitionWord(clause)) break;
    parts.push({ q, label: clause });
    labelFrom = q.end - from - start;
    if (remainder) break;
  }
  return parts;
}

/** Index of the last ，,、；; in `text[from, to)`, or -1. */
function lastSeparator(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c /* ， */ || c === 0x2c || c === 0x3001 /* 、 */ || c === 0xff1b /* ； */ || c === 0x3b) return i;
  }
  return -1;
}

/** `text[from, to)` without the marks (，,、：:) and white space that open it, trimmed. */
function clauseText(text: string, from: number, to: number): string {
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0xff0c /* ， */ || c === 0x2c || c === 0x3001 /* 、 */ || c === 0xff1a /* ： */ || c === 0x3a || isSpace(c))) break;
  }
  return text.slice(i, to).trim();
}

/** Index of the first ） or ) in `text[from, to)`, or -1 (reads no further than `to`). */
function closerIn(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff09 /* ） */ || c === 0x29 /* ) */) return i;
  }
  return -1;
}

/** The partition word a short label starts with (`女党员` → `女`), or null. */
function partitionWord(label: string): { set: number; word: string } | null {
  if (hasDigit(label)) return null;
  let best: { set: number; word: string } | null = null;
  for (let i = 0; i < words.partitions.length; i++) {
    for (const word of words.partitions[i]) {
      const short = label.length - word.length <= words.partitionLabelRest;
      if (short && label.startsWith(word) && (!best || word.length > best.word.length)) best = { set: i, word };
    }
  }
  return best;
}

/** Whether `text` holds an ASCII digit (what `/\d/u` matches). */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** Parts labelled by distinct words of one partition (新建…，改建…): they exhaust the total. */
function isPartition(parts: Part[]): boolean {
  if (parts.length < 2) return false;
  const first = partitionWord(parts[0].label);
  if (!first) return false;
  const seen = [first.word];
  for (let i = 1; i < parts.length; i++) {
    const found = partitionWord(parts[i].label);
    if (!found || found.set !== first.set) return false;
    seen.push(found.word);
  }
  // Distinct words: each part is another side of the partition.
  for (let i = 1; i < seen.length; i++) if (seen.indexOf(seen[i]) !== i) return false;
  return true;
}

/**
 * Pushes the problems of one breakdown: a sum check when the parts exhaust the total, else
 * a check of each part against it. Built with plain loops: this runs only on a hit, when
 * its code is cold, and every closure and array callback is more code to fetch.
 */
function judge(report: Report, total: Quantity, parts: Part[], exhaustive: boolean, problems: Problem[]): void {
  const totalText = written(report, total);
  const totalInterval = interval(total)!;
  if (exhaustive) {
    const asWritten: { value: number; decimals: number }[] = [];
    const lows: { value: number; decimals: number }[] = [];
    const highs: { value: number; decimals: number }[] = [];
    let unbounded = false;
    const totalFactor = measureOf(total.unit).factor;
    let sameScale = true;
    for (const { q } of parts) {
      const bounds = interval(q);
      if (bounds === null) return;
      asWritten.push({ value: baseValue(q), decimals: q.decimals });
      lows.push({ value: bounds[0], decimals: q.decimals });
      highs.push({ value: bounds[1], decimals: q.decimals });
      if (bounds[1] === Infinity) unbounded = true;
      if (q.scale !== total.scale || measureOf(q.unit).factor !== totalFactor) sameScale = false;
    }
    const low = sumExact(lows).value;
    const high = unbounded ? Infinity : sumExact(highs).value;
    const ok = !greater(low, totalInterval[1]) && !greater(totalInterval[0], high);
    let expr = '';
    const related: ProblemRelated[] = [];
    for (const { q } of parts) {
      if (expr !== '') expr += '+';
      expr += sameScale ? q.numberText + q.scale + boundWords(q) : written(report, q);
      related.push(relatedOf(report, 'part', q, totalText));
    }
    const sum = sumText(sumExact(asWritten).value / (totalFactor * scaleFactor(total)), parts);
    problems.push({
      passed: ok,
      messageId: ok ? 'sumOk' : 'sumMismatch',
      data: { expr, sum, unit: total.scale + total.unit, total: totalText },
      start: total.numberStart,
      end: total.end,
      related,
    });
    return;
  }
  const before = problems.length;
  for (const p of parts) {
    const i = interval(p.q);
    if (i && greater(i[0], totalInterval[1])) {
      problems.push({ messageId: 'partTooLarge', data: { part: written(report, p.q), total: totalText }, start: p.q.numberStart, end: p.q.end, related: [relatedOf(report, 'total', total, totalText)] });
    }
  }
  if (problems.length === before) {
    let shown = '';
    for (const p of parts) shown += (shown === '' ? '' : '、') + written(report, p.q);
    problems.push({
      passed: true,
      messageId: parts.length === 1 ? 'partOk' : 'partsOk',
      data: { part: written(report, parts[0].q), parts: shown, total: totalText },
      start: total.numberStart,
      end: total.end,
    });
  }
}

/** A related location: a part (`data.part`, as written) or the total (`data.total`). */
function relatedOf(report: Report, messageId: 'part' | 'total', q: Quantity, totalText: string): ProblemRelated {
  return {
    start: q.numberStart,
    end: q.end,
    messageId,
    data: messageId === 'part' ? { part: written(report, q) } : { total: totalText },
  };
}

/** The 余 and 多 of a quantity's qualifiers, in order: a term of a sum keeps them (`40余`). */
function boundWords(q: Quantity): string {
  let out = '';
  for (const x of q.qualifiers) if (x === '余' || x === '多') out += x;
  return out;
}

/** The sum for messages: `90余` when parts are lower bounds, `近30` when upper bounds. */
function sumText(value: number, parts: Part[]): string {
  let lower = false;
  let upper = false;
  for (const { q } of parts) {
    if (q.bound === 'lower') lower = true;
    else if (q.bound === 'upper') upper = true;
  }
  if (lower && !upper) return `${formatNumber(value)}余`;
  if (upper && !lower) return `近${formatNumber(value)}`;
  return formatNumber(value);
}

function scaleFactor(q: Quantity): number {
  return q.scale === '万' ? 1e4 : q.scale === '亿' ? 1e8 : 1;
}
