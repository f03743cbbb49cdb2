/**
 * More readings of a total and its parts for total-breakdown, beside breakdowns.ts: a total
 * made of its parts ("，由…三部分构成") or divided into them ("，分为…三类"), what a total
 * includes ("，包括…") and the parts of a set named before them ("52名专任教师中，…"), among
 * them the stages of joining the Party. Vocabulary: rules/data/sentence-numbers.yaml
 * (`breakdown`: remainder_words, partitions, suffix_partitions, title_levels).
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import { isPartition, listMode } from './breakdown-mode';
import { isHanCode, isTotal, labelsOf, lastBefore, readParts } from './breakdowns';
import type { Breakdown, Part } from './breakdowns';
import { dimensionMode } from './dimensions';
import { clauseEnd, compatibleUnits, isClauseEndChar, quantitiesIn, sentenceEnd } from './sentence';

const words = sentenceNumbers.breakdown;
const IDEOGRAPHIC_COMMA = 0x3001; // 、

/**
 * "按期换届的基层党组织68个，包括机关党委9个、党总支13个、党支部43个": what a total
 * includes, listed after `，包括` right after it (`index`: the comma's index in the line).
 * Parts that name the rest (其他…) or distinct sides of a partition (新建/改建, 党委/党总支/
 * 党支部) exhaust it; a plain 、 list may name only some of it (包括 is no 分别为): at most
 * the total; overlapping or open lists (等), each at most it.
 */
export function breakdownAfterIncludes(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  const total = lastBefore(quantities, from, from + index);
  if (!total || total.end - from !== index || !isTotal(total, lineText, from)) return null;
  const end = sentenceEnd(lineText, index + 3);
  const parts = readParts(lineText, from, index + 3, end, total, quantities, false);
  if (parts.length < 2) return null;
  const exhaustive = words.remainder.test(parts[parts.length - 1].label) || isPartition(parts) || isSuffixPartition(parts);
  if (exhaustive && lineText.charCodeAt(parts[parts.length - 1].q.end - from) !== 0x7b49 /* 等 */) return { total, parts, mode: 'sum', listed: true };
  const dimension = dimensionMode(labelsOf(parts));
  if (dimension) return { total, parts, mode: dimension, listed: true };
  const mode = listMode(parts, lineText, from, (sep) => sep === IDEOGRAPHIC_COMMA);
  // "收案8426件，包括民商事案件5210件、刑事案件638件、行政案件97件、执行案件2380件": three or
  // more kinds, each with its figure, the run closing its clause with no 等, name all of it.
  const after = parts[parts.length - 1].q.end - from;
  if (mode === 'sum' && parts.length >= 3 && (after >= lineText.length || isClauseEndChar(lineText.charCodeAt(after)))) return { total, parts, mode: 'sum', listed: true };
  return { total, parts, mode: mode === 'sum' ? 'atMost' : mode, listed: true };
}

/**
 * "47名在职党员中，有高级职称的21名、中级职称的19名、初级及以下的9名": the parts of a total
 * named as a set (`N名X中，`; `index` is the 中's index in the line, the total and at most
 * 10 Han characters of its noun right before it). Read only when the parts exhaust the set
 * or split it (other…, a partition, bands of one dimension: age, schooling, title level):
 * other subsets after such a set ("…中，35岁以下12名，女党员9名") may overlap.
 */
export function breakdownAfterSet(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  const total = lastBefore(quantities, from, from + index);
  if (!total || index - (total.end - from) > 10 || !isTotal(total, lineText, from)) return null;
  for (let i = total.end - from; i < index; i++) if (!isHanCode(lineText.charCodeAt(i))) return null;
  // `近百人中，其中…`: the 其中 after the comma is read as such (breakdowns.ts), once.
  if (lineText.startsWith('其中', index + 2)) return null;
  const staged = stageParts(lineText, from, index + 2, total, quantities);
  if (staged) return { total, parts: staged, mode: 'atMost', listed: true };
  const parts = readParts(lineText, from, index + 2, sentenceEnd(lineText, index + 2), total, quantities, false);
  if (parts.length < 2 || lineText.charCodeAt(parts[parts.length - 1].q.end - from) === 0x7b49 /* 等 */) return null;
  if (words.remainder.test(parts[parts.length - 1].label) || isPartition(parts)) return { total, parts, mode: 'sum', listed: true };
  const dimension = dimensionMode(labelsOf(parts));
  if (dimension) return { total, parts, mode: dimension, listed: true };
  // "76期预警信号中，有暴雨预警31期、雷电预警24期…": 有 opening a 、 run of kinds lists the
  // set as 其中 does (listMode: no attribute words, no 等); a few notable kinds that cover
  // less than half the set are still only held under it (total-breakdown.ts judge).
  if (lineText.charCodeAt(index + 2) === 0x6709 /* 有 */ && listMode(parts, lineText, from, (sep) => sep === IDEOGRAPHIC_COMMA) === 'sum') return { total, parts, mode: 'sum', listed: true };
  // "12支党员突击队中，春运保障7支、防洪抢险4支、设备整治3支": a 、 run of kinds named by
  // short nouns (no verb, no attribute word, no 的, no 等) sorts the set, as a 、 run after 其中
  // does: they add up to it (kinds that cover less than half of it are notable ones, judged
  // so in total-breakdown.ts). A rest named in words after the run (`，其余为机关党小组`)
  // leaves some unnamed: then the kinds are held to no more than the set. A verb in a label
  // (参加培训120名、参与志愿服务98名) counts what members did, which may overlap: not read.
  if (parts.every(kindLabel) && listMode(parts, lineText, from, (sep) => sep === IDEOGRAPHIC_COMMA) === 'sum') {
    const rest = REST_NAMED.test(lineText.slice(parts[parts.length - 1].q.end - from, sentenceEnd(lineText, index + 2)));
    return { total, parts, mode: rest ? 'atMost' : 'sum', listed: true };
  }
  return null;
}

/**
 * "12名青年工人中，发展党员8名、确定入党积极分子4名、列为入党申请人6名": a set's members by
 * the stage of joining the Party each reached, a 、 run in the clause from `start` (the
 * line's index after `中，`), each part a label and a count in the total's unit. Counting who
 * reached each stage, the counts would fall with the stage (a member was an activist
 * first); a later stage counted above an earlier one leaves only the other reading, where
 * each one stands: disjoint, so together at most the set. Null for any other run (readParts
 * stops at 积极分子, which is no part of a 党员 total).
 */
function stageParts(lineText: string, from: number, start: number, total: Quantity, quantities: readonly Quantity[]): Part[] | null {
  const end = clauseEnd(lineText, start);
  const parts: Part[] = [];
  let labelFrom = start;
  for (const q of quantitiesIn(quantities, from + start, from + end)) {
    if (!compatibleUnits(q.unit, total.unit)) return null;
    const at = q.start - from;
    const sep = parts.length === 0 ? 0 : lineText.charCodeAt(labelFrom);
    if (parts.length > 0 && sep !== IDEOGRAPHIC_COMMA) return null;
    const label = lineText.slice(parts.length === 0 ? labelFrom : labelFrom + 1, at);
    if (label.length < 2 || label.length > 12 || !/^\p{Script=Han}+$/u.test(label)) return null;
    parts.push({ q, label, sep });
    labelFrom = q.end - from;
  }
  if (parts.length < 2 || labelFrom !== end) return null;
  return stagesRise(parts) ? parts : null;
}

/**
 * Whether every part names a distinct stage of joining the Party (`breakdown.member_stages`)
 * and some later stage has a larger count than an earlier one. Counts are compared by value
 * as written: a stage run of approximate counts is not read.
 */
function stagesRise(parts: readonly Part[]): boolean {
  const levels = parts.map((p) => memberStage(p.label));
  if (levels.some((l) => l < 0) || new Set(levels).size !== levels.length) return false;
  if (parts.some((p) => p.q.bound !== 'exact')) return false;
  for (let i = 0; i < parts.length; i++) {
    for (let j = 0; j < parts.length; j++) if (levels[j] > levels[i] && parts[j].q.value > parts[i].q.value) return true;
  }
  return false;
}

/** The latest stage of joining the Party a label names (`确定入党积极分子` → 1), or -1. */
function memberStage(label: string): number {
  for (let level = words.memberStages.length - 1; level >= 0; level--) {
    for (const word of words.memberStages[level]) if (label.includes(word)) return level;
  }
  return -1;
}

/** A rest named after a list in words (`，其余为…`, `，其他为…`, `，另有…`): the list names only some. */
const REST_NAMED = /^[，,；;](?:其余|其他|其它|余下|剩余|剩下|另有|另外)/u;

/** A label of 2–6 Han characters with no 的 and no verb of words.verbs: the name of a kind. */
function kindLabel(p: Part): boolean {
  return /^\p{Script=Han}{2,6}$/u.test(p.label) && !p.label.includes('的') && !words.verbs.test(p.label);
}

/** Parts whose labels end in distinct words of one suffix partition (机关党委…，党总支…，党支部…). */
export function isSuffixPartition(parts: readonly Part[]): boolean {
  for (const set of words.suffixPartitions) {
    const seen: string[] = [];
    for (const p of parts) {
      const label = p.label.endsWith('的') ? p.label.slice(0, -1) : p.label;
      let found = '';
      for (const word of set) if (label.endsWith(word) && word.length > found.length) found = word;
      if (!found || seen.includes(found)) break;
      seen.push(found);
    }
    if (seen.length === parts.length) return true;
  }
  return false;
}

/** What closes a list of what a total is made of: `（共同）构成`, `四部分组成`, `3类组成`. */
const COMPOSED_END = /(?:[一二两三四五六七八九十\d]{1,2}(?:个|大)?(?:部分|项|类|块|方面|种))?(?:共同)?(?:构成|组成)$/u;

/**
 * "村集体经济收入86.4万元，由A32.5万元、B18.6万元…四部分构成": what the total is made of,
 * listed between `，由` right after it and `构成`/`组成` closing the clause, exhausts it.
 * `index` is the comma's index in the line. Null without the closing verb (`，由32万元提高到`
 * is a change) or with fewer than two parts.
 */
export function composedOf(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  const total = lastBefore(quantities, from, from + index);
  if (!total || total.end - from !== index || !isTotal(total, lineText, from)) return null;
  let end = index + 2;
  while (end < lineText.length && end - index < 200 && !isClauseEndChar(lineText.charCodeAt(end))) end++;
  const close = COMPOSED_END.exec(lineText.slice(index + 2, end));
  if (!close) return null;
  const listEnd = end - close[0].length;
  const parts = readParts(joinersAsCommas(lineText, from, index + 2, listEnd, quantities), from, index + 2, listEnd, total, quantities, true);
  return parts.length >= 2 ? { total, parts, mode: 'sum', listed: true } : null;
}

/** What closes a division into kinds: a count of them (`三类`, `两部分`, `4个方面`). */
const DIVIDED_END = /[一二两三四五六七八九十\d]{1,2}(?:个|大)?(?:部分|类|块|方面|种|项)$/u;

/**
 * "全年受理工单268件，分为政策咨询153件、投诉举报61件、意见建议47件三类": a total divided
 * into kinds, listed between `，分为` (or `，分成`, either perhaps with a colon) right after it
 * and the end of its clause, exhausts it. `index` is the comma's index in the line. A list
 * closed by 等 names only some: not read. A division into groups with no count of the
 * total's unit (`分为3个小组`) has no parts.
 */
export function dividedInto(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  const total = lastBefore(quantities, from, from + index);
  if (!total || total.end - from !== index || !isTotal(total, lineText, from)) return null;
  // `，分为：A…`: the colon opens the list.
  const start = lineText.charCodeAt(index + 3) === 0xff1a /* ： */ || lineText.charCodeAt(index + 3) === 0x3a ? index + 4 : index + 3;
  let end = start;
  while (end < lineText.length && end - index < 200 && !isClauseEndChar(lineText.charCodeAt(end)) && lineText.charCodeAt(end) !== 0xff0c /* ， */) end++;
  const close = DIVIDED_END.exec(lineText.slice(start, end));
  const listEnd = close ? end - close[0].length : end;
  const parts = readParts(joinersAsCommas(lineText, from, start, listEnd, quantities), from, start, listEnd, total, quantities, true);
  if (parts.length < 2 || lineText.charCodeAt(parts[parts.length - 1].q.end - from) === 0x7b49 /* 等 */) return null;
  return { total, parts, mode: 'sum', listed: true };
}

/**
 * `lineText` with each 和, 及 or 与 right after a quantity in `[start, end)` written as 、,
 * so a list whose last two parts are joined by a conjunction (`上级拨付120万元和分公司自筹
 * 58.5万元`) reads as one list. Offsets are unchanged (one code unit for one).
 */
function joinersAsCommas(lineText: string, from: number, start: number, end: number, quantities: readonly Quantity[]): string {
  let out = lineText;
  for (const q of quantitiesIn(quantities, from + start, from + end)) {
    const after = q.end - from;
    const c = lineText.charCodeAt(after);
    if (after < end && (c === 0x548c /* 和 */ || c === 0x53ca /* 及 */ || c === 0x4e0e) /* 与 */) out = `${out.slice(0, after)}、${out.slice(after + 1)}`;
  }
  return out;
}
