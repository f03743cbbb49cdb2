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
import type { Problem, ProblemRelated, Rule } from '../types';
import {
  baseValue,
  compatibleUnits,
  formatNumber,
  greater,
  interval,
  maskNested,
  measureOf,
  quantitiesIn,
  sentenceEnd,
  written,
} from './sentence';

const words = sentenceNumbers.breakdown;
/** 其中 (parts that may overlap) or 分别为 right after the total (parts that exhaust it). */
const MARKER = /其中|分别为|分别是/gu;
/** MARKER as a test (no `g`, no `u`: the faster scan for a line that holds none). */
const HAS_MARKER = /其中|分别为|分别是/;
const SEPARATOR = /[，,、；;]/u;
const PER_ITEM_BEFORE = /(?:各|每|平均|人均)$/u;

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
    const all = report.quantities;
    // Quantities are in document order, so each line's are one run of `all`: a line is
    // read only if it holds quantities, and its run is copied only if it holds a marker.
    let runEnd = 0;
    for (let i = 0; i < all.length; i = runEnd) {
      const line = all[i].line;
      runEnd = i + 1;
      while (runEnd < all.length && all[runEnd].line === line) runEnd++;
      const lineText = report.lines.lineText(line);
      if (!HAS_MARKER.test(lineText)) continue;
      const quantities = all.slice(i, runEnd);
      const from = report.lines.start(line);
      MARKER.lastIndex = 0;
      for (const m of lineText.matchAll(MARKER)) {
        const index = m.index ?? 0;
        if (report.opaque.at(from + index)) continue;
        const found = m[0] === '其中' ? breakdownAfterQizhong(lineText, from, index, quantities) : listAfterTotal(lineText, from, index, quantities);
        if (found) problems.push(...judge(report, found.total, found.parts, found.exhaustive));
      }
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

/** The quantity ending nearest before `offset` (quantities of one line, sorted by start). */
function lastBefore(quantities: readonly Quantity[], offset: number): Quantity | null {
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
  return found >= 0 ? quantities[found] : null;
}

/** Whether `q` can be a total: a firm count, not a rate, an age or a per-item figure. */
function isTotal(q: Quantity, lineText: string, from: number): boolean {
  if (words.notTotalUnits.has(q.unit) || q.bound === 'approx') return false;
  return !PER_ITEM_BEFORE.test(lineText.slice(Math.max(0, q.start - from - 2), q.start - from));
}

/** "…17名，其中…": the total right before 其中 (same or previous clause), and its parts. */
function breakdownAfterQizhong(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  if (/^[的之]/u.test(lineText.slice(index + 2, index + 3))) return null; // 其中的一项, 其中之一
  const total = lastBefore(quantities, from + index);
  if (!total || index - (total.end - from) > 40 || !isTotal(total, lineText, from)) return null;
  const between = lineText.slice(total.end - from, index);
  const inBracket = /[（(]$/u.test(between);
  // Nothing but the total's own noun between it and 其中 (same sentence, same or previous
  // clause): "17名，其中", "12名预备党员（其中".
  if (/[，,；;：:、（(）)。！？!?]/u.test(between.replace(/[，,（(]$/u, ''))) return null;
  let end = sentenceEnd(lineText, index);
  if (inBracket) {
    const close = lineText.slice(index, end).search(/[）)]/u);
    if (close >= 0) end = index + close;
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
  const total = lastBefore(quantities, from + index);
  if (!total || !/^[，,]$/u.test(lineText.slice(total.end - from, index)) || !isTotal(total, lineText, from)) return null;
  let end = index + 3;
  while (end < lineText.length && end - index < 200 && !/[，,。；;！？!?：:]/u.test(lineText[end])) end++;
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
    if (masked[q.numberStart - from - start] === '□' || !compatibleUnits(q.unit, total.unit)) continue;
    const label = masked.slice(labelFrom, at);
    const cut = lastSeparator(label);
    if (parts.length > 0 && cut < 0) break; // two numbers in one clause: not a list of parts
    const clause = (parts.length === 0 ? label : label.slice(cut + 1)).replace(/^[，,、：:\s]+/u, '').trim();
    if (q.bound === 'approx' || q.scope || q.qualifiers.includes('共') || words.stop.test(clause)) break;
    const remainder = words.remainder.test(clause);
    if (parts.length > 0 && !remainder && !listOnly && words.verbs.test(clause) && !partitionWord(clause)) break;
    parts.push({ q, label: clause });
    labelFrom = q.end - from - start;
    if (remainder) break;
  }
  return parts;
}

function lastSeparator(label: string): number {
  for (let i = label.length - 1; i >= 0; i--) if (SEPARATOR.test(label[i])) return i;
  return -1;
}

/** The partition word a short label starts with (`女党员` → `女`), or null. */
function partitionWord(label: string): { set: number; word: string } | null {
  let best: { set: number; word: string } | null = null;
  words.partitions.forEach((set, i) => {
    for (const word of set) {
      const short = label.length - word.length <= words.partitionLabelRest && !/\d/u.test(label);
      if (short && label.startsWith(word) && (!best || word.length > best.word.length)) best = { set: i, word };
    }
  });
  return best;
}

/** Parts labelled by distinct words of one partition (新建…，改建…): they exhaust the total. */
function isPartition(parts: Part[]): boolean {
  if (parts.length < 2) return false;
  const found = parts.map((p) => partitionWord(p.label));
  const first = found[0];
  if (!first || found.some((f) => !f || f.set !== first.set)) return false;
  return new Set(found.map((f) => f!.word)).size === found.length;
}

function judge(report: Report, total: Quantity, parts: Part[], exhaustive: boolean): Problem[] {
  const totalText = written(report, total);
  const totalInterval = interval(total)!;
  const related = (messageId: 'part' | 'total', q: Quantity): ProblemRelated => ({
    start: q.numberStart,
    end: q.end,
    messageId,
    data: messageId === 'part' ? { part: written(report, q) } : { total: totalText },
  });
  if (exhaustive) {
    const intervals = parts.map((p) => interval(p.q));
    if (intervals.some((i) => i === null)) return [];
    const sum = (values: number[]) => sumExact(values.map((value, k) => ({ value, decimals: parts[k].q.decimals }))).value;
    const asWritten = sum(parts.map((p) => baseValue(p.q)));
    const low = sum(intervals.map((i) => i![0]));
    const high = intervals.some((i) => i![1] === Infinity) ? Infinity : sum(intervals.map((i) => i![1]));
    const ok = !greater(low, totalInterval[1]) && !greater(totalInterval[0], high);
    const divisor = measureOf(total.unit).factor * scaleFactor(total);
    const sameScale = parts.every((p) => p.q.scale === total.scale && measureOf(p.q.unit).factor === measureOf(total.unit).factor);
    const term = (q: Quantity) => (sameScale ? q.numberText + q.scale + q.qualifiers.filter((x) => x === '余' || x === '多').join('') : written(report, q));
    return [{
      passed: ok,
      messageId: ok ? 'sumOk' : 'sumMismatch',
      data: { expr: parts.map((p) => term(p.q)).join('+'), sum: sumText(asWritten / divisor, parts), unit: total.scale + total.unit, total: totalText },
      start: total.numberStart,
      end: total.end,
      related: parts.map((p) => related('part', p.q)),
    }];
  }
  const problems: Problem[] = [];
  for (const p of parts) {
    const i = interval(p.q);
    if (i && greater(i[0], totalInterval[1])) {
      problems.push({ messageId: 'partTooLarge', data: { part: written(report, p.q), total: totalText }, start: p.q.numberStart, end: p.q.end, related: [related('total', total)] });
    }
  }
  if (problems.length === 0) {
    problems.push({
      passed: true,
      messageId: parts.length === 1 ? 'partOk' : 'partsOk',
      data: { part: written(report, parts[0].q), parts: parts.map((p) => written(report, p.q)).join('、'), total: totalText },
      start: total.numberStart,
      end: total.end,
    });
  }
  return problems;
}

/** The sum for messages: `90余` when parts are lower bounds, `近30` when upper bounds. */
function sumText(value: number, parts: Part[]): string {
  const lower = parts.some((p) => p.q.bound === 'lower');
  const upper = parts.some((p) => p.q.bound === 'upper');
  if (lower && !upper) return `${formatNumber(value)}余`;
  if (upper && !lower) return `近${formatNumber(value)}`;
  return formatNumber(value);
}

function scaleFactor(q: Quantity): number {
  return q.scale === '万' ? 1e4 : q.scale === '亿' ? 1e8 : 1;
}
