/**
 * More readings of a total and its parts for total-breakdown, where no 其中 marks them:
 * parts of a partition right after the total ("活动126场次，线上47场次、线下83场次"), parts
 * by a channel or a source ("诉求412件，按渠道分：…" / "申请书14份，来自…"), parts in a
 * bracket before 共计 ("（刑事96件、民事143件、行政21件）共计270件") and parts counted by the
 * total's clause ("一分场18名、…五分场17名，五个分场共配备…92名"). Vocabulary:
 * rules/data/sentence-numbers.yaml (`breakdown`).
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import { isPartition, listMode } from './breakdown-mode';
import type { Mode } from './breakdown-mode';
import { isHanCode, isTotal, lastBefore, readParts } from './breakdowns';
import type { Breakdown, Part } from './breakdowns';
import { isSuffixPartition } from './listed-parts';
import { chineseNumeralValue } from '../model/numerals';
import { clauseStart, compatibleUnits, isClauseEndChar, maskNested, quantitiesIn, sentenceEnd, sentenceStart } from './sentence';

const words = sentenceNumbers.breakdown;
const IDEOGRAPHIC_COMMA = 0x3001; // 、

/**
 * "开展活动126场次，线上宣讲47场次、线下走访83场次" (or "…，线上47场次，线下83场次"): parts
 * right after the total's comma that are the sides of one partition (线上/线下, 男/女, 新建/改建, 党委/党总支/党支部)
 * exhausts the total without 其中. The total's own clause names no side of a partition (else
 * it is the first side: "新建4个，改建6个、扩建2个"). `total.end` is the comma's offset.
 */
export function partitionAfterTotal(report: Report, total: Quantity): Breakdown | null {
  const { text } = report;
  const c = text.charCodeAt(total.end);
  if (c !== 0xff0c /* ， */ && c !== 0x2c) return null;
  if (!mayOpenPartition(text, total.end + 1)) return null;
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  if (!isTotal(total, lineText, from) || total.bound === 'approx') return null;
  const ownStart = clauseStart(lineText, total.start - from);
  const own = lineText.slice(ownStart, total.start - from);
  if (words.stop.test(own.replace(/^[共总]/u, '')) || isPartition([{ q: total, label: own, sep: 0 }, { q: total, label: own, sep: 0 }]) || ownSide(own)) return null;
  if (runItem(report, total, ownStart, own)) return null;
  const start = total.end - from + 1;
  // 其中, 包括, 分别为, 按…分, 来自, 由 open readings of their own (breakdowns.ts).
  if (/^(?:其中|包括|包含|分别|按|来自|由|含)/u.test(lineText.slice(start, start + 2))) return null;
  const parts = readParts(lineText, from, start, sentenceEnd(lineText, start), total, report.quantities, false);
  if (parts.length < 2 || !parts.every((p) => p.q.unit === total.unit)) return null;
  // The parts follow the total, joined by 、 (or set off by ，/；, each a clause of its own).
  for (let i = 1; i < parts.length; i++) if (parts[i].sep !== IDEOGRAPHIC_COMMA && parts[i].sep !== 0xff0c && parts[i].sep !== 0xff1b) return null;
  if (lineText.charCodeAt(parts[parts.length - 1].q.end - from) === 0x7b49 /* 等 */) return null;
  return isPartition(parts) || isSuffixPartition(parts) ? { total, parts, mode: 'sum', listed: true } : null;
}

/** Words of a clause that state a whole (共有, 总数, 合计…): its count is the sum of what follows. */
const WHOLE_CLAUSE = /共|总|合计|累计/u;

/**
 * "全区有机关党委（工委）14个，党组26个，党总支31个，党支部562个": whether `total`, whose clause
 * (`own`, from `ownStart`, an index into its line) names no whole, is one more item of a run
 * of separate counts: a count in its unit ends right before the comma that opens its clause.
 * Such a run lists bodies side by side; the counts after it are its next items, not parts.
 */
function runItem(report: Report, total: Quantity, ownStart: number, own: string): boolean {
  if (ownStart === 0 || WHOLE_CLAUSE.test(own)) return false;
  const from = report.lines.start(total.line);
  const mark = report.text.charCodeAt(from + ownStart - 1);
  if (mark !== 0xff0c /* ， */ && mark !== 0x2c && mark !== 0x3001 /* 、 */ && mark !== 0xff1b /* ； */) return false;
  const prev = lastBefore(report.quantities, from, from + ownStart - 1);
  return prev !== null && prev.end === from + ownStart - 1 && compatibleUnits(prev.unit, total.unit);
}

/** First code units of the partition words (男, 新, 线, 正…): a part's label opens with one. */
const PARTITION_FIRST = [...new Set(words.partitions.flat().map((w) => w.charCodeAt(0)))];
/** A suffix partition's label ends in its word within a few characters (机关党委…). */
const SUFFIX_REACH = 10;

/**
 * A cheap first test at `at`, right after the total's comma: a partition word may open the
 * clause there, or a suffix partition's word (党委, 党支部…) may end a label within reach.
 * Most quantities followed by a comma open no partition, and readParts is not run there.
 */
function mayOpenPartition(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  for (let i = 0; i < PARTITION_FIRST.length; i++) {
    if (PARTITION_FIRST[i] !== first) continue;
    for (const set of words.partitions) for (const word of set) if (text.startsWith(word, at)) return true;
    break;
  }
  const ahead = text.slice(at, at + SUFFIX_REACH + 3);
  for (const set of words.suffixPartitions) for (const word of set) if (ahead.includes(word)) return true;
  return false;
}

/** Whether a total's clause names a side of a partition itself (新建…, 男党员…): it is then a part. */
function ownSide(own: string): boolean {
  for (const set of words.partitions) for (const word of set) if (own.includes(word)) return true;
  for (const set of words.suffixPartitions) for (const word of set) if (own.endsWith(word)) return true;
  return false;
}

/**
 * `按渠道分：`, `按来源划分，`, `按类型统计：`, `按岗位分布为：`, `按职级分为` (group 1 what the
 * parts are split by). Without a mark after it the verb must end in 为/是: `按时分批` is none.
 */
const SPLIT_BY = /^按(\p{Script=Han}{1,6}?)(?:(?:划分|统计|区分|分布|分)(?:为|是)[：:]?|(?:划分|统计|区分|分布|分)[，,：:])/u;

/**
 * "受理诉求412件，按渠道分：热线186件，大厅149件，直通车61件" and "接收申请书14份，来自A8份、
 * B4份、C3份": a split by one criterion (按X分) or by source (来自), opened right after the
 * total's comma (`index`: the comma's index in the line). A split by a criterion names every
 * item once: the parts add up to the total. Sources may be listed in part: together they are
 * at most the total — but `，分别来自A64名、B57名、C27名` gives each counted one its source
 * among those listed (分别, "each respectively"), so they add up to the total. Open lists (等)
 * and overlapping labels (35岁以下…) are held part by part.
 */
export function splitAfterTotal(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  const total = lastBefore(quantities, from, from + index);
  if (!total || total.end - from !== index || !isTotal(total, lineText, from) || total.bound === 'approx') return null;
  const rest = lineText.slice(index + 1, index + 14);
  const split = SPLIT_BY.exec(rest);
  // `，分别来自A64名、B57名…`: 分别 gives each counted one its one source among those listed.
  const respectively = !split && rest.startsWith('分别来自');
  const source = !split && (respectively || rest.startsWith('来自'));
  if (!split && !source) return null;
  // 按年龄分/按性别分: a dimension of the members, read by dimension-intro.ts.
  if (split && words.dimensionEnd.test(split[1])) return null;
  const start = index + 1 + (split ? split[0].length : respectively ? 4 : 2);
  const end = sentenceEnd(lineText, start);
  const parts = readParts(lineText, from, start, end, total, quantities, true);
  if (parts.length < 2 || !parts.every((p) => compatibleUnits(p.q.unit, total.unit))) return null;
  const mode: Mode = listMode(parts, lineText, from, (sep) => sep === IDEOGRAPHIC_COMMA || sep === 0xff0c || sep === 0x2c || sep === 0xff1b || sep === 0x3b);
  if (mode !== 'sum') return { total, parts, mode: 'each', listed: true };
  return { total, parts, mode: source && !respectively ? 'atMost' : 'sum', listed: true };
}

/** The text right before a total's number: a closing bracket, then 共计/合计/总计/共 (and 达/为). */
const BRACKET_TOTAL = /[）)](合计|共计|总计|共)(?:达到|达|为|是)?$/u;

/**
 * "办理案件（刑事96件、民事143件、行政21件）共计270件": parts in a bracket closed right before
 * the total word add up to the total. The bracket holds nothing but the parts (labels, numbers,
 * separators); the total's clause ends at it or after a short noun.
 */
export function bracketBeforeTotal(report: Report, total: Quantity): Breakdown | null {
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  const at = total.numberStart - from;
  const head = BRACKET_TOTAL.exec(lineText.slice(Math.max(0, at - 6), at));
  if (!head || !isTotal(total, lineText, from) || total.bound === 'approx') return null;
  const close = at - head[0].length;
  let open = close - 1;
  while (open >= 0 && close - open < 120) {
    const c = lineText.charCodeAt(open);
    if (c === 0xff08 /* （ */ || c === 0x28) break;
    if (c === 0xff09 || c === 0x29 || isClauseEndChar(c) && c !== 0xff0c && c !== 0x2c) return null;
    open--;
  }
  if (open < 0 || close - open >= 120) return null;
  if (/^(?:其中|含|包括)/u.test(lineText.slice(open + 1, open + 3))) return null;
  if (!endsBare(lineText, total.end - from)) return null;
  const parts = readParts(lineText, from, open + 1, close, total, report.quantities, true);
  if (parts.length < 2 || !parts.every((p) => compatibleUnits(p.q.unit, total.unit))) return null;
  const mode = listMode(parts, lineText, from, (sep) => sep === IDEOGRAPHIC_COMMA || sep === 0xff0c || sep === 0x2c || sep === 0xff1b || sep === 0x3b);
  return { total, parts, mode, listed: true };
}

/** Whether the total's clause ends at `tail` (an index in the line) or after a short noun (no verb). */
function endsBare(lineText: string, tail: number): boolean {
  let end = tail;
  while (end < lineText.length && end - tail <= 6 && isHanCode(lineText.charCodeAt(end))) end++;
  if (end < lineText.length && !isClauseEndChar(lineText.charCodeAt(end))) return false;
  return !(end > tail && words.verbs.test(lineText.slice(tail, end)));
}

/**
 * The clause of a total that counts the parts before it: `五个分场共配备专职护林员`, `以上3个
 * 社区合计`, `这4家企业共吸纳`. Groups: 1 the count (digits or Chinese numeral), 2 the noun
 * the parts' labels end in (分场, 社区). Anchored at the clause's end, before the number.
 */
const COUNTED = /^(?:以上|上述|这|该)?([\d一二两三四五六七八九十]{1,3})(?:个|家|所|支|座)?(\p{Script=Han}{1,4}?)(?:共|合计|共计|总计)(?:\p{Script=Han}{0,10})$/u;

/**
 * "一分场18名、二分场23名、三分场15名，三个分场共配备护林员56名": the total's clause counts
 * the parts before it (三个分场) and names what each part's label ends in (分场): they are all
 * of the total, and add up to it. The parts: quantities of the total's unit, one per clause,
 * ending in the clause right before the total's.
 */
export function countedParts(report: Report, total: Quantity): Breakdown | null {
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  const at = total.numberStart - from;
  const clause = clauseStart(lineText, at);
  const comma = clause - 1;
  if (comma < 0 || (lineText.charCodeAt(comma) !== 0xff0c && lineText.charCodeAt(comma) !== 0x2c)) return null;
  const m = COUNTED.exec(lineText.slice(clause, at));
  if (!m || !isTotal(total, lineText, from) || total.bound === 'approx') return null;
  const count = /^\d+$/u.test(m[1]) ? Number(m[1]) : chineseNumeralValue(m[1]);
  if (count < 2) return null;
  const noun = m[2];
  const start = sentenceStart(lineText, comma);
  const masked = maskNested(lineText.slice(start, comma));
  const run: Part[] = [];
  for (const q of quantitiesIn(report.quantities, from + start, from + comma)) {
    if (q.unit !== total.unit || q.bound === 'approx') return null;
    const qAt = q.start - from - start;
    let labelStart = qAt;
    while (labelStart > 0 && isHanCode(masked.charCodeAt(labelStart - 1))) labelStart--;
    const label = masked.slice(labelStart, qAt);
    if (!label.endsWith(noun)) return null;
    run.push({ q, label, sep: labelStart > 0 ? masked.charCodeAt(labelStart - 1) : 0 });
  }
  if (run.length !== count) return null;
  return { total, parts: run, mode: 'sum', listed: true };
}

/** A part's label naming only where it took place: 在, then 1–8 Han characters (`在社区`, `在乡镇卫生院`). */
const PLACE_LABEL = /^在\p{Script=Han}{1,8}$/u;

/**
 * "累计开展义诊20场，在社区11场、在乡镇卫生院9场": parts right after the total's comma, joined
 * by 、, each labelled only by where it took place (在 and a place, no verb: PLACE_LABEL), in
 * the total's very unit, tell where all of the total took place: they add up to it. A run
 * ending in 等, a label with a verb of its own, or a later part set off by ，/；: not read
 * (judge still holds parts that cover less than half the total to no more than it).
 * `total.end` is the comma's offset.
 */
export function placesAfterTotal(report: Report, total: Quantity): Breakdown | null {
  if (report.text.charCodeAt(total.end + 1) !== 0x5728 /* 在 */) return null;
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  if (!isTotal(total, lineText, from) || total.bound !== 'exact') return null;
  const start = total.end - from + 1;
  const parts = readParts(lineText, from, start, sentenceEnd(lineText, start), total, report.quantities, true);
  if (parts.length < 2) return null;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.q.unit !== total.unit || p.q.scale !== total.scale || p.q.bound !== 'exact') return null;
    if (!PLACE_LABEL.test(p.label) || words.verbs.test(p.label.slice(1))) return null;
    if (i > 0 && p.sep !== IDEOGRAPHIC_COMMA) return null;
  }
  const after = parts[parts.length - 1].q.end - from;
  if (after < lineText.length && !isClauseEndChar(lineText.charCodeAt(after))) return null;
  return { total, parts, mode: 'sum', listed: true };
}
