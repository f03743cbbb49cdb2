/**
 * Which total a 其中 reads when the quantity right before it ends a 、 or comma run of counts, for
 * breakdowns.ts (breakdownAfterQizhong). "确定入党积极分子6名、发展对象2名，其中35岁以下的4名":
 * the 其中 breaks down the whole run (6+2), not its last item; "…其中正式党员18名、预备党员1名；
 * 其中35岁以下党员8名": a second 其中 after a band of parts breaks down the band's total (19名),
 * not the band's last part. The last item is the total only when the parts name it
 * ("党委1个、党支部12个，其中联合党支部5个": 联合党支部 names 党支部). Offsets are UTF-16 code
 * units; `from` is the line's absolute start. Also one total in two measures joined by 、
 * (`共42期、培训学员3860人次，其中…期`: firstOfMeasurePair), whose parts count the first. Nothing here throws.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import { isHanCode, lastBefore } from './parts-end';
import { compatibleUnits, isClauseBreak, sentenceStart } from './sentence';

/**
 * Marks that join the counts of a run: 、, and a comma, full- or half-width (`民警40人，职工9人，
 * 其中党员30人`: coordinate counts of one stock, each with its own noun, and the 其中 after them
 * breaks down their sum). A comma run ends no band (bandTotal wants one 、 run), so a 其中 after
 * it reads no total at all unless the first part names the last item's label.
 */
const words = sentenceNumbers.breakdown;
const RUN_JOINERS = new Set([0x3001 /* 、 */, 0xff0c /* ， */, 0x2c /* , */]);

/**
 * The total for the 其中 at `index` (into the line) when `nearest`, the quantity right before
 * it, ends a 、 run of counts in its unit: `nearest` itself when the first part's label names
 * the last item's label (a sub-count of it) or when `nearest` ends no such run; the total of
 * an earlier 其中 in the same sentence whose band the run is (`{ total, band: true }`); null
 * when the 其中 breaks down the run as a whole (no one quantity is its total).
 */
export function totalOfRun(lineText: string, from: number, index: number, nearest: Quantity, quantities: readonly Quantity[]): { total: Quantity; band: boolean } | null {
  if (joinedPairSecond(lineText, from, nearest, quantities)) return null;
  const label = runItemLabel(lineText, from, nearest, quantities);
  if (label === null) return { total: nearest, band: false };
  // `…职工68名，党员29名（其中在职党员23名…）`: a bracket opened right after a count of a comma
  // run holds that count's own breakdown, not the run's.
  const opened = lineText.charCodeAt(nearest.end - from);
  if ((opened === 0xff08 /* （ */ || opened === 0x28) /* ( */ && index - (nearest.end - from) === 1 && !isRunMark(lineText, from, nearest, label, 0x3001)) {
    return { total: nearest, band: false };
  }
  // The first part's label: from 其中 to the first number.
  let stop = index + 2;
  while (stop < lineText.length && stop - index < 24 && !isDigitCode(lineText.charCodeAt(stop)) && lineText.charCodeAt(stop) !== 0xff0c /* ， */) stop++;
  const first = lineText.slice(index + 2, stop);
  if (first.includes(label) || takesUpOwnWord(lineText, from, nearest, label, first)) return { total: nearest, band: false };
  const band = bandTotal(lineText, from, nearest, quantities);
  return band ? { total: band, band: true } : null;
}

/**
 * "核减不合理支出3100万元，推动压减一般性支出1.5亿元，其中压减会议费2800万元…": whether the first
 * part's text `first` takes up a word of the last item's `label` (two Han characters, 压减 of
 * 推动压减一般性支出) that no earlier text of the sentence holds: the parts then break down that item's
 * own count, as when they repeat its whole label (联合党支部 of 党支部). A word the earlier items
 * share (党员 of `发展党员5名，转入党员3名，其中女党员4名`) ties the parts to the run as a whole.
 * `q` is the item's quantity; offsets are UTF-16 code units, `from` the line's start.
 */
function takesUpOwnWord(lineText: string, from: number, q: Quantity, label: string, first: string): boolean {
  const labelStart = q.start - from - label.length;
  const before = lineText.slice(sentenceStart(lineText, labelStart), labelStart);
  for (let i = 0; i + 2 <= label.length; i++) {
    const word = label.slice(i, i + 2);
    if (first.includes(word) && !before.includes(word)) return true;
  }
  return false;
}

/** Whether the mark before `label` (the last item of a run ending at `q`) is `mark`. */
function isRunMark(lineText: string, from: number, q: Quantity, label: string, mark: number): boolean {
  return lineText.charCodeAt(q.start - from - label.length - 1) === mark;
}

/**
 * The label of `q` as the last item of a 、 or comma run (`发展对象` of `…6名、发展对象2名`,
 * `职工` of `民警40人，职工9人`): the Han characters (two or more) between the mark and `q`,
 * with a compatible count right before the mark.
 * Null when `q` ends no such run.
 */
function runItemLabel(lineText: string, from: number, q: Quantity, quantities: readonly Quantity[]): string | null {
  const at = q.start - from;
  let i = at;
  while (i > 0 && isHanCode(lineText.charCodeAt(i - 1))) i--;
  if (at - i < 2 || i === 0 || !RUN_JOINERS.has(lineText.charCodeAt(i - 1))) return null;
  const prev = lastBefore(quantities, from, from + i - 1);
  if (!prev || prev.end - from !== i - 1 || !compatibleUnits(prev.unit, q.unit)) return null;
  const label = lineText.slice(i, at);
  // `…行政村15个、社区2个，共有基层党组织46个，其中…`: a count opened by 共有/合计… states a
  // whole of its own after the run; the 其中 breaks that count down, not the run.
  if (STATES_WHOLE.test(label)) return null;
  // `建成责任区83个，设立示范岗50余个，其中…`: a comma clause opening with a verb of its own
  // (breakdown.verbs) states another count, no coordinate of one run: the 其中 is its own.
  if (lineText.charCodeAt(i - 1) !== 0x3001 /* 、 */ && (words.verbs.exec(label)?.index === 0 || !coordinateAfterComma(lineText, prev.start - from, label))) return null;
  return label;
}

/** Words opening a count's label that make it a whole stated on its own (共有党员…, 合计…). */
const STATES_WHOLE = /^(?:共有|共计|合计|总计)/u;

/** Words of a clause that states a whole (总面积, 共有, 合计, 全体…): its count holds the next one. */
const WHOLE_WORDS = /总|共|合计|累计|全/u;

/**
 * Whether a count after a comma, labelled `label`, stands beside the count at `prevStart`
 * (into the line) as a coordinate part of one run (`民警40人，职工9人`), not inside it: the
 * count before names no whole (`耕地总面积5600亩，水田面积3100亩`: 水田 is part of the 耕地)
 * and its noun is not the end of `label` (`党员50名，女党员20名`: a subset).
 */
function coordinateAfterComma(lineText: string, prevStart: number, label: string): boolean {
  let s = prevStart;
  while (s > 0 && !isClauseBreak(lineText.charCodeAt(s - 1))) s--;
  const clause = lineText.slice(s, prevStart);
  if (WHOLE_WORDS.test(clause)) return false;
  let h = prevStart;
  while (h > s && isHanCode(lineText.charCodeAt(h - 1))) h--;
  const noun = lineText.slice(Math.max(h, prevStart - 2), prevStart);
  return noun.length < 2 || !label.endsWith(noun);
}

/**
 * "支部现有党员19名，其中正式党员18名、预备党员1名；其中…": the total of the earlier 其中 whose
 * band of parts, one 、 run, ends with `last`; the total stands right before that 其中
 * (its noun and one mark between). Null when `last` ends no such band.
 */
function bandTotal(lineText: string, from: number, last: Quantity, quantities: readonly Quantity[]): Quantity | null {
  const start = sentenceStart(lineText, last.start - from);
  const open = lineText.lastIndexOf('其中', last.start - from);
  if (open < start) return null;
  // The band from 其中 to its last part is one 、 run: no other mark between.
  for (let i = open + 2; i < last.start - from; i++) if (isMark(lineText.charCodeAt(i))) return null;
  const total = lastBefore(quantities, from, from + open);
  if (!total || total.start - from < start || !compatibleUnits(total.unit, last.unit)) return null;
  for (let i = total.end - from; i < open - 1; i++) if (isMark(lineText.charCodeAt(i))) return null;
  return total;
}

/**
 * Whether `c` is a mark that ends a clause or aside (，,；;：:。！？（()）): a clause break
 * (sentence.ts `isClauseBreak`) other than 、, which joins a run, and the half-width ! and ?.
 */
function isMark(c: number): boolean {
  return c !== 0x3001 /* 、 */ && c !== 0x21 /* ! */ && c !== 0x3f /* ? */ && isClauseBreak(c);
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Conjunctions joining two counts into one set: `4个教工党支部书记和7个学生党支部书记`. */
const PAIR_JOINERS = ['以及', '和', '及', '与'];
/** The longest noun of the first count of a pair (Han characters between its measure word and the joiner). */
const PAIR_NOUN_MAX = 12;

/**
 * Whether `q` is the second count of two joined by 和/及/与 with each count before its noun
 * (`对4个教工党支部书记和7个学生党支部书记全部进行了述职评议，其中8个…、3个…`): a 其中 after the
 * pair breaks down both together (4+7), as after a 、 run, and no one quantity is its total.
 * The first count is compatible with `q` and its noun is Han characters only.
 */
function joinedPairSecond(lineText: string, from: number, q: Quantity, quantities: readonly Quantity[]): boolean {
  const at = q.start - from;
  let joiner = 0;
  for (const j of PAIR_JOINERS) {
    if (lineText.startsWith(j, at - j.length)) {
      joiner = j.length;
      break;
    }
  }
  if (joiner === 0) return false;
  const first = lastBefore(quantities, from, q.start - joiner);
  if (!first || !compatibleUnits(first.unit, q.unit)) return false;
  const nounFrom = first.end - from;
  const nounTo = at - joiner;
  if (nounTo - nounFrom < 1 || nounTo - nounFrom > PAIR_NOUN_MAX) return false;
  for (let i = nounFrom; i < nounTo; i++) if (!isHanCode(lineText.charCodeAt(i))) return false;
  return true;
}

/** The longest label of the second measure of one total (`培训学员` of `42期、培训学员3860人次`). */
const SECOND_MEASURE_LABEL = 8;

/**
 * "举办各类主体班次共42期、培训学员3860人次，其中科级干部进修班6期、…": one total given in two
 * measures joined by 、 (classes and the person-times they trained). The 其中 after the second
 * breaks down whichever the parts are counted in; the caller asks this when no part is in the
 * second's unit. Returns the first count, in a unit incompatible with `nearest`'s, when only 、
 * and a Han label of at most eight characters stand between them; else null.
 */
export function firstOfMeasurePair(lineText: string, from: number, nearest: Quantity, quantities: readonly Quantity[]): Quantity | null {
  const at = nearest.start - from;
  let i = at;
  while (i > 0 && at - i <= SECOND_MEASURE_LABEL && isHanCode(lineText.charCodeAt(i - 1))) i--;
  if (at - i < 1 || at - i > SECOND_MEASURE_LABEL || lineText.charCodeAt(i - 1) !== 0x3001 /* 、 */) return null;
  const first = lastBefore(quantities, from, from + i - 1);
  if (!first || first.end - from !== i - 1 || compatibleUnits(first.unit, nearest.unit)) return null;
  return first;
}

/** `优秀共产党员中` opening a 其中 part: the noun of the set the part is taken from, then 中. */
const FROM_SET = /^(\p{Script=Han}{2,8}?)中/u;

/**
 * Whether the 其中 at `index` (into the line starting at `from`) opens with the noun of one of
 * the counts before it in its sentence, other than `total`, then 中: `评选表彰优秀共产党员20名、
 * 优秀党务工作者6名、先进党支部4个，其中优秀共产党员中一线职工12名` breaks down the 20 members,
 * not the count nearest before it. The caller then reads no breakdown (the right total is
 * named, not placed). Offsets are UTF-16 code units.
 */
export function namesOtherCount(lineText: string, from: number, index: number, total: Quantity, quantities: readonly Quantity[]): boolean {
  const m = FROM_SET.exec(lineText.slice(index + 2, index + 2 + 12));
  if (m === null) return false;
  const noun = m[1];
  const start = sentenceStart(lineText, index);
  for (let q = lastBefore(quantities, from, from + index); q !== null && q.start - from >= start; q = lastBefore(quantities, from, q.start)) {
    if (q !== total && lineText.slice(q.start - from - noun.length, q.start - from) === noun) return true;
  }
  return false;
}
