/**
 * total-breakdown's reading of a breakdown by one dimension that follows its total without
 * 其中: "全支部共有党员12人。党员年龄结构方面，30岁以下5人，31至50岁4人，51岁以上9人"
 * (opened by "X方面，", "从X看，" or "按X分，"). Vocabulary: rules/data/sentence-numbers.yaml
 * (`dimension_words`); bands: dimensions.ts; the parts are read as after 其中 (breakdowns.ts).
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Breakdown } from './breakdowns';
import { isPartition } from './breakdown-mode';
import { isHanCode, isTotal, labelsOf, lastBefore, pastSemicolons, readParts } from './breakdowns';
import { dimensionMode } from './dimensions';
import { clauseStart, sentenceEnd } from './sentence';

const words = sentenceNumbers.breakdown;

/** A bracket right after a total that says what it includes: `（含预备党员）`, `(包括退休党员)`. */
const INCLUDES_NOTE = /^[（(](?:含|包括|包含)\p{Script=Han}{1,10}[）)]/u;

/** A stock total's clause: `全支部共有党员`, `现有党员`, `党员总数为` (group 1 the noun after 有). */
const STOCK = /(?:[共现]有|拥有|^有)(\p{Script=Han}{0,8})$|总数[为是达]?$/u;

/**
 * "全支部共有党员12人。党员年龄结构方面，30岁以下5人，31至50岁4人，51岁以上9人": a breakdown
 * by one dimension, opened by "X方面，", "从X看，" or "按X分，" (the mark at `index`), right
 * after the clause of a stock total (共有/现有…, 总数为). What X names besides the dimension
 * (党员) must stand in the total's clause. Only parts that are a partition or bands of one
 * dimension are read: other parts may name only some of the total.
 */
export function breakdownByDimension(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  const start = clauseStart(lineText, index);
  const isAspect = lineText.charCodeAt(index) === 0x65b9; /* 方 */
  let intro = lineText.slice(start, index);
  if (isAspect) {
    // 从年龄结构方面看 ends at 看: only 方面 followed by the mark opens the list here.
  } else {
    const head = lineText.charCodeAt(start);
    const c = lineText.charCodeAt(index);
    if (!((head === 0x4ece /* 从 */ && c === 0x770b) /* 看 */ || (head === 0x6309 /* 按 */ && c === 0x5206) /* 分 */)) return null;
    intro = intro.slice(1).replace(/(?:方面|上|来)$/u, '');
  }
  const dimension = words.dimensionEnd.exec(intro);
  if (!dimension || intro.length > 12) return null;
  const subject = intro.slice(0, dimension.index).replace(/^在/u, '').replace(/的$/u, '');
  for (let i = 0; i < subject.length; i++) if (!isHanCode(subject.charCodeAt(i))) return null;
  // The total ends the clause or sentence right before the intro.
  const total = lastBefore(quantities, from, from + start);
  if (!total || !isTotal(total, lineText, from)) return null;
  // `共有党员14名（含预备党员），按年龄分，…`: a note of what the total includes may stand between.
  const note = INCLUDES_NOTE.exec(lineText.slice(total.end - from, start - 1));
  const afterTotal = total.end - from + (note ? note[0].length : 0);
  for (let i = afterTotal; i < start - 1; i++) if (!isHanCode(lineText.charCodeAt(i)) || i - afterTotal >= 6) return null;
  const totalClause = lineText.slice(clauseStart(lineText, total.start - from), total.start - from);
  const stock = STOCK.exec(totalClause);
  if (!stock || !totalClause.includes(subject) || words.verbs.test(totalClause)) return null;
  const listStart = index + (isAspect ? 3 : 2);
  const end = pastSemicolons(lineText, from, sentenceEnd(lineText, listStart), total, quantities);
  const parts = readParts(lineText, from, listStart, end, total, quantities, false);
  if (parts.length < 2) return null;
  if (isPartition(parts)) return { total, parts, mode: 'sum', listed: true };
  const mode = dimensionMode(labelsOf(parts));
  return mode ? { total, parts, mode, listed: true } : null;
}
