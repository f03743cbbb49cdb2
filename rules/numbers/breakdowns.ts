/**
 * How total-breakdown reads a total and its parts from a line: after 其中, in a bracket
 * right after the total, in a list after "，分别为", or after "X方面，"/"从X看，"/"按X分，"
 * (a dimension) (a total after its parts, before a 合计/累计: parts-before-total.ts); how
 * the parts answer to the total (Mode) is breakdown-mode.ts's. The rule (total-breakdown.ts)
 * judges what is found here; where a list of parts ends and which quantity before 其中 is
 * the total are parts-end.ts's. Vocabulary: rules/data/sentence-numbers.yaml (`breakdown`).
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import { isSpace } from '../model/script';
import { closedSetMode, focusGroups, isPartition, listMode, nestedRun, partitionLead, partitionWord, shortOfEvery } from './breakdown-mode';
import type { Mode } from './breakdown-mode';
import { dimensionMode } from './dimensions';
import { compatibleUnits, greater, isClauseBreak, isClauseEndChar, maskNested, quantitiesIn, readingInterval, sentenceEnd } from './sentence';
import { membersTotal, onePerGroup } from './group-members';
import { withoutSubParts } from './part-claims';
import { firstOfMeasurePair, namesOtherCount, totalOfRun } from './qizhong-run';
import { labelPeriod } from './periods';
import { distantSummedTotal, inclusionAside, otherMeasureTotal, sharesHead } from './parts-distant';
import { secondMeasure } from './parts-second-measure';
import { changeAside, closerIn, firstPartListed, isAgendaCount, isHanCode, isListSeparator, isMeetingCount, lastBefore, namesRest, partFollows, pastSemicolons, startsStatement, totalClause } from './parts-end';

// Read from here by the readings beside this module.
export { isHanCode, lastBefore, pastSemicolons };

const words = sentenceNumbers.breakdown;
/**
 * 其中 (parts that may overlap), 分别为 right after the total (parts that exhaust it), a
 * bracket that may hold the parts right after the total (`党小组7个（机关3个、车间4个）`),
 * or the end of a dimension intro (`年龄结构方面，`, `从学历看，`, `按性别分，`), or `，由`
 * right after the total (`…86万元，由…四部分构成`), `，分为`/`，分成` right after it (`…268件，分为…三类`), or `，按X分：`/`，来自` right after the total
 * (parts-around.ts).
 */
export const MARKER = /其中|分别[为是]|[（(]|方面[，,：:]|[看分][，,：:]|[，,]由|[，,]分[为成]|[，,]包括|[，,]按|[，,](?:分别)?来自|中[，,]/g;

export interface Part {
  q: Quantity;
  /** The label's last clause: `其他成员`, `女性`. */
  label: string;
  /** The code unit of the separator before the part (、 ， ；), 0 for the first part. */
  sep: number;
}

const IDEOGRAPHIC_COMMA = 0x3001; // 、

export interface Breakdown {
  total: Quantity;
  parts: Part[];
  mode: Mode;
  /** Parts in a bracket or before a 合计: the message says 各分项, not 其中各项. */
  listed?: boolean;
}

/** Last code units of the total words and links (合计, 共, 达, 为…): a cheap first test. */
export const TOTAL_WORD_LAST = [...'计共达到为是'].map((c) => c.charCodeAt(0));

/** Whether the UTF-16 code unit `c` is one of `codes` (a loop, not a Set: the lists are a few entries long). */
export function oneOfCodes(codes: readonly number[], c: number): boolean {
  for (let i = 0; i < codes.length; i++) if (codes[i] === c) return true;
  return false;
}

/**
 * Whether `q` can be a total: a count, not a rate, an age or a per-item figure. 约 and
 * 左右 make it loose, not unusable (see readingInterval).
 */
export function isTotal(q: Quantity, lineText: string, from: number): boolean {
  if (words.notTotalUnits.has(q.unit)) return false;
  return !perItemBefore(lineText, q.start - from);
}

/** Whether the line's text before index `at` ends in 各, 每, 平均 or 人均 (a per-item figure). */
function perItemBefore(lineText: string, at: number): boolean {
  const last = at >= 1 ? lineText.charCodeAt(at - 1) : -1;
  if (last === 0x5404 /* 各 */ || last === 0x6bcf /* 每 */) return true;
  const before = at >= 2 ? lineText.charCodeAt(at - 2) : -1;
  return last === 0x5747 /* 均 */ && (before === 0x5e73 /* 平 */ || before === 0x4eba) /* 人 */;
}

/** "…17名，其中…": the total right before 其中 (same or previous clause), and its parts. */
export function breakdownAfterQizhong(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  const after = lineText.charCodeAt(index + 2);
  if (after === 0x7684 /* 的 */ || after === 0x4e4b /* 之 */) return null; // 其中的一项, 其中之一
  let nearest = lastBefore(quantities, from, from + index);
  // `投入资金共186万元，新建…中心5个，其中…98万元、…`: the parts' measure is an earlier summed count's (parts-distant.ts).
  const ofPartsMeasure = nearest && otherMeasureTotal(lineText, from, index, nearest, quantities);
  const between = ofPartsMeasure ? nearest : null;
  if (ofPartsMeasure) nearest = ofPartsMeasure;
  // `接待观众41.6万人次，同比增长18.4%，其中…`: a change aside between the total and 其中.
  let total = nearest && changeAside(lineText, from, nearest, quantities);
  if (!total || index - (total.end - from) > 40 || !isTotal(total, lineText, from)) return null;
  // Nothing but the total's own noun between it and 其中 (same sentence, same or previous
  // clause): "17名，其中", "12名预备党员（其中". The one mark allowed is right before 其中.
  const betweenStart = nearest!.end - from;
  const last = index > betweenStart ? lineText.charCodeAt(index - 1) : -1;
  const inBracket = last === 0xff08 /* （ */ || last === 0x28; /* ( */
  // `培训5200人次；其中种植…`: a ； before 其中 opens the parts as a ， does.
  const markBefore = inBracket || last === 0xff0c /* ， */ || last === 0x2c /* , */ || last === 0xff1b /* ； */ || last === 0x3b; /* ; */
  // `…共计48万元，对…进行了提档升级，其中…`: one clause may stand between a summed total and 其中 (parts-distant.ts).
  const distant = markBefore && distantSummedTotal(lineText, from, nearest!, betweenStart, index, between);
  // `共有党员97名（含预备党员），其中…`: an aside saying what the total takes in stands between.
  const checkFrom = betweenStart + inclusionAside(lineText, betweenStart, index);
  if (!distant) for (let i = checkFrom; i < (markBefore ? index - 1 : index); i++) if (isClauseBreak(lineText.charCodeAt(i))) return null;
  // `…积极分子6名、发展对象2名，其中35岁以下的4名`: a 其中 after a 、 run of counts breaks down
  // the run, or the band the run is of an earlier 其中 (qizhong-run.ts), not the run's last item.
  if (total === nearest) {
    const run = totalOfRun(lineText, from, index, nearest, quantities);
    if (!run || (run.band && !isTotal(run.total, lineText, from))) return null;
    total = run.total;
  }
  // `…优秀共产党员20名、优秀党务工作者6名、先进党支部4个，其中优秀共产党员中…`: parts of another count.
  if (namesOtherCount(lineText, from, index, total, quantities)) return null;
  let end = sentenceEnd(lineText, index);
  if (inBracket) {
    const close = closerIn(lineText, index, end);
    if (close >= 0) end = close;
  } else if (firstPartListed(lineText, from, index + 2, end, total, quantities)) end = pastSemicolons(lineText, from, end, total, quantities);
  const next = lineText.indexOf('其中', index + 2);
  if (next >= 0 && next < end) end = next;
  let parts = restCountsNonMembers(readParts(lineText, from, index + 2, end, total, quantities, false), total);
  // `…共42期、培训学员3860人次，其中…6期、…`: one total in two measures, the parts in the first's.
  const pairFirst = parts.length === 0 && total === nearest ? firstOfMeasurePair(lineText, from, nearest, quantities) : null;
  if (pairFirst && isTotal(pairFirst, lineText, from)) {
    total = pairFirst;
    parts = restCountsNonMembers(readParts(lineText, from, index + 2, end, total, quantities, false), total);
  }
  if (parts.length === 0) return distant ? null : groupMembers(lineText, from, index, end, total, quantities);
  // `其中A案件63件、B案件21件，罚没款分别为…万元`: a second measure of the kinds (parts-second-measure.ts).
  const measured = secondMeasure(lineText, from, index + 2, parts, total, quantities, (unit) => partUnit(unit, total!.unit));
  if (measured !== undefined) return measured && { total, parts: measured.parts, mode: measured.mode };
  if (distant && (parts.length < 2 || !sharesHead(parts[0].label, totalClause(lineText, from, total)))) return null;
  // 比上年增加120名，其中…: the parts of a net change need not add up to it (some may fall).
  // Parts that are no changes themselves (…326名，比上年增加12名，其中女党员80名) belong to
  // the count before the change: not read.
  if (isChange(lineText, total.start - from)) return parts.every((p) => CHANGE_IN.test(p.label)) ? { total, parts, mode: 'each' } : null;
  const final = parts[parts.length - 1];
  if (words.remainder.test(final.label) && partFollows(lineText, from, final.q.end - from, end, total, quantities, final.label)) {
    // `其中民事案件698件，刑事案件73件，其他案件2件，执行案件315件`: a part after 其他 — the
    // 其他 names one more kind, not all the rest: together at most the total.
    return { total, parts, mode: 'atMost' };
  }
  // `…、研究其他重要事项3次`: the rest of what the meetings took up, after its agenda verb, is a remainder too.
  // `，其他部门配合检查12次`: 其他 before an agent and what it did names other agents, not the rest (namesRest).
  const exhaustive = namesRest(final.label) || namesRest(final.label.replace(words.agenda, '')) || isPartition(parts);
  if (exhaustive) return { total, parts, mode: 'sum' };
  // 奖牌…，其中金牌…、银牌…、铜牌…: every kind of a closed set adds up; some of them, at most.
  const closed = closedSetMode(parts);
  if (closed) return { total, parts, mode: closed };
  // 其中正式党员33名、预备党员4名，具有本科以上学历的29名: a partition run, then other dimensions.
  const sides = partitionLead(parts);
  if (sides) return { total, parts: sides, mode: 'sum' };
  // 把一线驾驶员、…作为发展党员的重点，全年发展党员26名，其中一线驾驶员19名、…: the focus
  // groups the sentence named first, not everyone counted: together at most the total.
  if (focusGroups(lineText, total.start - from, parts)) return { total, parts, mode: 'atMost' };
  // 经费186万元，其中用于培训72万元、阵地建设58万元: the main uses, not all of the money.
  if (words.purpose.test(lineText.slice(index + 2, index + 8))) return { total, parts, mode: 'atMost' };
  // 党委会议28次，其中研究重大事项19次、专题研究党建工作8次: matters taken up by meetings,
  // several at one meeting, some meetings taking up none of them: each at most the total.
  // So too for a count of the matters (研究议题138项，其中前置研究…61项、干部人事议题19项).
  // (The window holds a manner before the agenda word: 以“第一议题”形式传达学习.)
  if (words.agenda.test(lineText.slice(index + 2, index + 24)) && (isMeetingCount(lineText, from, total) || isAgendaCount(lineText, from, total))) return { total, parts, mode: 'each' };
  const dimension = dimensionMode(labelsOf(parts));
  if (dimension) return { total, parts, mode: dimension };
  // 查处各类违法行为4.86万起，其中酒驾…、超速…: a total of every kind of a category is followed
  // by its notable kinds, not all of them: together at most the total. Parts by month or
  // quarter (…各类救援412起，其中1月63起、2月88起…) still split the whole by time.
  // A stock of party organisations split by kind of organisation (…各类党组织86个，其中社区党委12个、
  // 村党总支3个…) names every kind: no relief.
  const clause = totalClause(lineText, from, total);
  // Kinds, not classes by rating or standing (五星级党组织, 示范党支部, 新建党支部: overlap words).
  const orgKinds = parts.length >= 2 && words.kindOrgTotal.test(clause) && parts.every((p) => words.kindOrgPart.test(p.label) && !words.overlap.test(p.label) && !p.label.includes('新建'));
  if (words.kindsPrefix.test(clause) && !orgKinds && !parts.some((p) => labelPeriod(p.label))) return { total, parts, mode: 'atMost' };
  const nested = nestedRun(parts, total);
  if (nested) return { total, parts: nested, mode: 'sum' };
  const neither = subsetRunWrong(parts, total, lineText, from);
  if (neither) return { total, parts: neither, mode: 'sum' };
  // `结对帮扶困难学生300多名，其中困难家庭儿童…`: an attribute word the total's own clause holds picks no subset.
  const totalWords = totalClause(lineText, from, total) + lineText.slice(total.end - from, index);
  // Parts joined by ， short of the total by less than any of them are its breakdown (shortOfEvery).
  const mode = listMode(parts, lineText, from, (sep) => sep === IDEOGRAPHIC_COMMA, isLoose, totalWords);
  const commaJoined = parts.some((p, i) => i > 0 && p.sep !== IDEOGRAPHIC_COMMA);
  return { total, parts, mode: mode === 'atMost' && commaJoined && shortOfEvery(parts, total) ? 'sum' : mode };
}

/**
 * "全体73名党员…编入4个党小组，其中城东小组21名、…": parts in another unit than the groups
 * counted before 其中, one per group, add up to the members counted before the groups
 * (group-members.ts). Null when they are not such parts.
 */
function groupMembers(lineText: string, from: number, index: number, end: number, groups: Quantity, quantities: readonly Quantity[]): Breakdown | null {
  const members = membersTotal(lineText, from, groups, quantities);
  if (!members || !isTotal(members.total, lineText, from)) return null;
  const parts = readParts(lineText, from, index + 2, end, members.total, quantities, false);
  return onePerGroup(parts, groups.value, members.noun) ? { total: members.total, parts, mode: 'sum' } : null;
}

/** The labels of `parts`, in order. */
export function labelsOf(parts: readonly Part[]): string[] {
  const out: string[] = [];
  for (const p of parts) out.push(p.label);
  return out;
}

/**
 * "指战员86名，其中干部14名、消防员58名、政府专职消防员12名": a 、 run right after 其中 in
 * which one label ends in another (消防员 / 政府专职消防员) may name a kind and its subset, or
 * two kinds; listMode then holds each part under the total only. When the total meets neither
 * reading (the whole run, 84, nor the run without the longer labels, 72, which is itself a
 * 、 list of two or more), the breakdown is wrong either way: the run is returned to be
 * summed. Null otherwise (an attribute word, an open list (等), or a reading that fits).
 */
function subsetRunWrong(parts: readonly Part[], total: Quantity, lineText: string, from: number): Part[] | null {
  let n = 1;
  while (n < parts.length && parts[n].sep === IDEOGRAPHIC_COMMA) n++;
  if (n < 3) return null;
  const run = parts.slice(0, n);
  if (lineText.charCodeAt(run[n - 1].q.end - from) === 0x7b49 /* 等 */) return null;
  const kept: Part[] = [];
  for (const p of run) {
    if (p.label === '' || words.overlap.test(p.label)) return null;
    let subset = false;
    for (const o of run) if (o !== p && o.label !== '' && p.label.length > o.label.length && p.label.endsWith(o.label)) subset = true;
    if (!subset) kept.push(p);
  }
  if (kept.length === n || kept.length < 2) return null;
  return meets(run, total) || meets(kept, total) ? null : run;
}

/** Whether the sum of `parts` may equal `total` (reading intervals, as nestedRun does). */
function meets(parts: readonly Part[], total: Quantity): boolean {
  let low = 0;
  let high = 0;
  for (const p of parts) {
    const [lo, hi] = readingInterval(p.q);
    low += lo;
    high += hi;
  }
  const [tLow, tHigh] = readingInterval(total);
  return !(greater(low, tHigh) || greater(tLow, high));
}

/**
 * Whether `c` joins parts that may name only some of the total: a comma (， or ,), or a
 * semicolon (； ;) that goes on with the list (`…学校2个；非公企业14个`).
 */
function isLoose(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b;
}

/**
 * "设党小组7个（机关3个、车间3个、离退休2个）": a bracket right after the total (or after
 * the total and its noun, at most 6 Han characters) that lists the parts. A bracket opening
 * with 其中 is 其中's; one opening with 含/包括 names what the total includes (each part
 * at most it). Parts joined by 、，； that name no attribute exhaust the total.
 */
export function breakdownInBracket(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  if (lineText.startsWith('其中', index + 1)) return null;
  // 增加3名（上年8名）, 党员218名（去年205名）: the bracket gives another period's figure.
  if (OTHER_PERIOD.test(lineText.slice(index + 1, index + 7))) return null;
  const total = lastBefore(quantities, from, from + index);
  if (!total || !isTotal(total, lineText, from)) return null;
  const nounFrom = total.end - from;
  if (index - nounFrom > 6) return null;
  for (let i = nounFrom; i < index; i++) if (!isHanCode(lineText.charCodeAt(i))) return null;
  if (index > nounFrom && words.verbs.test(lineText.slice(nounFrom, index))) return null;
  const close = closerIn(lineText, index + 1, sentenceEnd(lineText, index));
  if (close < 0) return null;
  const parts = readParts(lineText, from, index + 1, close, total, quantities, true);
  if (parts.length === 0) return null;
  // 联合建3个（覆盖13个社会组织）: the bracket says what the counted things reach, not their parts.
  if (words.reachVerbs.test(parts[0].label)) return null;
  const includes = lineText.startsWith('含', index + 1) || lineText.startsWith('包括', index + 1) || isChange(lineText, total.start - from);
  // 党员214名（正式党员203名、预备党员11名）: a partition in the bracket exhausts the total.
  const mode = includes ? 'each' : isPartition(parts) ? 'sum' : (closedSetMode(parts) ?? dimensionMode(labelsOf(parts)) ?? listMode(parts, lineText, from, isListSeparator));
  return { total, parts, mode, listed: true };
}

/**
 * The start of a bracket that names another period (上年, 去年, 同期…): what follows is that
 * period's figure for comparison, never a part of the total. 上半年/2024年 are left out: a
 * year's total may be split by half-year or by year (全年11名（上半年5名、下半年6名）).
 */
const OTHER_PERIOD = /^(?:上一?年|去年|前年|上届|上期|上月|上季度|(?:上年|去年)?同期)/u;

/** A change verb ending the text before a total (增加, 减少, 净增…): the total is a net change. */
const CHANGE_BEFORE = new RegExp(`(?:${sentenceNumbers.trend.up}|${sentenceNumbers.trend.down}|净增|净减)了?$`, 'u');

/** A change verb anywhere in a part's label (农村党员增加60名). */
const CHANGE_IN = new RegExp(`${sentenceNumbers.trend.up}|${sentenceNumbers.trend.down}|净增|净减`, 'u');

/** Whether the line's text before index `at` ends in a change verb (`比上年增加`). */
function isChange(lineText: string, at: number): boolean {
  return CHANGE_BEFORE.test(lineText.slice(Math.max(0, at - 5), at));
}

/** "共有党员120名，分别为农村党员80名、机关党员40名": a list that exhausts the total. */
export function listAfterTotal(lineText: string, from: number, index: number, quantities: readonly Quantity[]): Breakdown | null {
  const total = lastBefore(quantities, from, from + index);
  const comma = lineText.charCodeAt(index - 1);
  if (!total || index - (total.end - from) !== 1 || (comma !== 0xff0c /* ， */ && comma !== 0x2c) /* , */ || !isTotal(total, lineText, from)) return null;
  let end = index + 3;
  while (end < lineText.length && end - index < 200 && !isClauseEndChar(lineText.charCodeAt(end))) end++;
  const parts = readParts(lineText, from, index + 3, end, total, quantities, true);
  return parts.length >= 2 ? { total, parts, mode: 'sum' } : null;
}

/**
 * `员工27人，其中党员13名、入党积极分子2名、群众14人`: a writer may count the non-members on
 * their way into the Party (积极分子, 发展对象) inside 群众 too. When the parts without them add
 * up to the total exactly, that is the reading: they are left out. Otherwise the parts as read.
 */
function restCountsNonMembers(parts: Part[], total: Quantity): Part[] {
  if (parts.length < 3 || total.bound !== 'exact' || !parts.some((p) => p.label.endsWith('群众'))) return parts;
  const others = parts.filter((p) => !words.nonMember.test(p.label));
  if (others.length === parts.length || others.length < 2) return parts;
  let sum = 0;
  for (const p of others) {
    if (p.q.bound !== 'exact' || !compatibleUnits(p.q.unit, total.unit)) return parts;
    sum += p.q.value;
  }
  return sum === total.value ? others : parts;
}

/**
 * Whether a part in `unit` can be counted in a total in `totalUnit`: compatible units, or
 * events under a total of occasions (`16场次（其中进校园5场…）`: 场次 counts each held event
 * once whatever its own measure word; sentence-numbers.yaml `event_totals`, `event_units`).
 */
function partUnit(unit: string, totalUnit: string): boolean {
  return compatibleUnits(unit, totalUnit) || (words.eventTotals.has(totalUnit) && words.eventUnits.has(unit));
}

/**
 * The parts between `start` and `end` (indices into the line): quantities compatible with
 * the total, each labelled by the words of its clause before it. Stops at the first
 * quantity that starts a new statement; a remainder (其他…) is the last part. Asides in
 * brackets and quotes are skipped, and so are sub-parts of an earlier part (part-claims.ts
 * withoutSubParts: 机关青年党员 after 机关党员), which count some of that part again.
 */
export function readParts(lineText: string, from: number, start: number, end: number, total: Quantity, quantities: readonly Quantity[], listOnly: boolean): Part[] {
  const masked = maskNested(lineText.slice(start, end));
  const parts: Part[] = [];
  let labelFrom = 0;
  // `党员和入党积极分子43名，其中…入党积极分子6名`: a total that names the people on the way
  // into the Party counts them too; a label ending with them is then a part.
  // `员工27人（其中党员13名、入党积极分子2名、群众12人）`: a whole of everyone in a unit broken
  // down by standing, its kinds ending with 群众 (the rest), counts the non-members as one more kind.
  const clauseOfTotal = totalClause(lineText, from, total);
  const everyone = words.nonMember.test(clauseOfTotal) || (words.staffWhole.test(clauseOfTotal) && masked.includes('群众'));
  const stop = everyone ? words.stopPlain : words.stop;
  for (const q of quantitiesIn(quantities, from + start, from + end)) {
    const at = q.start - from - start;
    if (masked.charCodeAt(q.numberStart - from - start) === 0x25a1 /* □ */ || !partUnit(q.unit, total.unit)) continue;
    const cut = clauseCut(masked, labelFrom, at, parts.length > 0);
    if (parts.length > 0 && cut < 0) break; // two numbers in one clause: not a list of parts
    const clause = clauseText(masked, parts.length === 0 ? labelFrom : cut + 1, at);
    // `，其余6个支部合计131次`: the rest gathered under its own sum word is still the last part
    // (any other stop word, 各 or 人均, still ends the parts). The sum word must stand right before
    // the number: `其余支部合计组织党员志愿服务35次` names another count, not the rest.
    const restSummed = parts.length > 0 && words.remainder.test(clause) && !stop.test(clause.replace(REST_SUM, ''));
    if (q.bound === 'approx' || q.scope || (!restSummed && (q.qualifiers.includes('共') || stop.test(clause)))) break;
    // `…商品房小区75个，有72个有物业的小区`: a clause that is only 有, its noun after the
    // number, states something new (another dimension of the total), not another part.
    if (parts.length > 0 && clause === '有') break;
    // `…，其中女党员1名，年底党员42名`: a later clause opening with another time point's stock
    // (年底, 截至…) or a new subject (全村…) is a new statement, not another part.
    if (parts.length > 0 && words.newStatement.test(clause)) break;
    // `…12次，其中专题研讨5次，班子成员讲授党课9次`: a later clause naming who acted and what
    // they did counts that actor's activity, a new statement (counts of people name parts so).
    if (parts.length > 0 && masked.charCodeAt(cut) !== IDEOGRAPHIC_COMMA && !sentenceNumbers.peopleUnits.has(total.unit) && words.agentClause.test(clause)) break;
    const remainder = words.remainder.test(clause);
    // A verb after a comma starts a new statement; after a 、 it is more likely a noun of an
    // item (“两新”组织站点: 组织 is both).
    const sep = parts.length === 0 ? 0 : masked.charCodeAt(cut);
    // "…组织中建立的党支部47个": a verb between 中 and 的 places the part's noun, it starts
    // no new statement (新发展的党员, without 中, may be a subset by time: still a stop).
    const de = clause.lastIndexOf('的');
    const head = de > 0 && clause.lastIndexOf('中', de) >= 0 ? clause.slice(de + 1) : clause;
    if (parts.length > 0 && sep !== IDEOGRAPHIC_COMMA && !remainder && !listOnly && startsStatement(head) && !partitionWord(clause)) break;
    parts.push({ q, label: clause, sep });
    labelFrom = q.end - from - start;
    if (remainder) break;
  }
  // `机关党员156名、…，机关青年党员60名`: a sub-part of an earlier part is no part of the total.
  return withoutSubParts(parts);
}

/**
 * The sum word (and its link) ending a remainder's clause right before the number (`其余6个支部合计`,
 * `其余支部共计为`): sentence-numbers.yaml `breakdown.total_words`, `total_links`.
 */
const REST_SUM = new RegExp(`(?:${words.totalWordsSource})(?:${words.totalLinksSource})?$`, 'u');

/**
 * Where the label of a quantity at `to` starts (the separator before it, an index into
 * `text`), its previous part ending at `from`: the last ，,、；; between them — but after a
 * part, when a ， or ； comes first and a 、 last (`其中专题研讨6次，本人围绕教育强国建设、科技自立
 * 自强等主题作重点发言5次`), the 、 joins words inside the new clause, which holds no number
 * before it: the clause is read whole from its ， (and may then start a statement of its own).
 */
function clauseCut(text: string, from: number, to: number, afterPart: boolean): number {
  const cut = lastSeparator(text, from, to);
  if (!afterPart || cut < 0 || text.charCodeAt(cut) !== IDEOGRAPHIC_COMMA) return cut;
  for (let i = from; i < cut; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c /* ， */ || c === 0x2c || c === 0xff1b /* ； */ || c === 0x3b) return i;
    if (c === IDEOGRAPHIC_COMMA) return cut;
  }
  return cut;
}

/** Index of the last ，,、；; in `text[from, to)`, or -1. */
export function lastSeparator(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c /* ， */ || c === 0x2c || c === 0x3001 /* 、 */ || c === 0xff1b /* ； */ || c === 0x3b) return i;
  }
  return -1;
}

/** `text[from, to)` without the marks (，,、：:) and white space that open it, trimmed. */
export function clauseText(text: string, from: number, to: number): string {
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0xff0c /* ， */ || c === 0x2c || c === 0x3001 /* 、 */ || c === 0xff1a /* ： */ || c === 0x3a || isSpace(c))) break;
  }
  return text.slice(i, to).trim();
}

