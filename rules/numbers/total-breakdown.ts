/**
 * total-breakdown: a total and its parts in the same sentence must agree.
 *
 * "共调整…17名，其中党支部书记6人，其他成员11人": parts that exhaust the total (the last is
 * 其他/其余…, the labels name a partition such as 新建/改建 or 男/女, the parts are listed
 * right after the total by "，分别为…", three or more parts joined by 、 name no attribute,
 * the parts stand in a bracket right after the total, the total is "由…构成/组成" of them or
 * divided into them ("，分为…三类"), or
 * a 合计/累计 total follows them, or one with words of its own after parts ending in 其他…)
 * must add up to it. Age bands and schooling levels that do not overlap split the total
 * (dimensions.ts): at most it, equal to it when they cover the whole range; they are also
 * read after "X方面，"/"从X看，"/"按X分，" following a stock total. Parts that may overlap
 * ("86名，其中35岁以下47名，女性28名") must each be at most the total; a set's members by the
 * stage of joining the Party, counted above at a later stage than an earlier, together at most it. Qualifiers are read
 * as a reviewer does (sentence.ts readingInterval: 90余 in [90, 100), 约 ±10%, 近 [0.9v, v])
 * and figures with decimals may be off by their rounding. Only compatible units are compared
 * (名 with 人; 个 with 名 never). Where the parts are found: breakdowns.ts, listed-parts.ts, dimension-intro.ts, parts-before-total.ts,
 * parts-around.ts (no 其中: a partition right after the total, 按X分/来自, a bracket before 共计,
 * "N个X共…" counting the parts before it), respectively-total.ts (values given by 分别, then
 * "，共有…" of them all), each-group.ts ("12名…3个乡镇，每个乡镇各4名"), parts-named-kinds.ts (parts naming,
 * one each, the kinds the total lists: "表扬信、锦旗共计41件（表扬信26封、锦旗13面）"), parts-standing.ts
 * (政治面貌 kinds, then "，全体职工合计N名"), parts-member-classes.ts (在职/离退休/流动 do not overlap),
 * period-last-left.ts (quarters but the last under 全年共计); shares of age bands or schooling levels add up to
 * 100% at most (band-shares.ts). Whatever reader found them, parts whose sum disagrees with
 * the total are judged by what their labels claim (part-claims.ts): above the total only when
 * they are disjoint, below it only when they do not leave some of it out; else each part is
 * held under the total. Vocabulary:
 * rules/data/sentence-numbers.yaml.
 */
import type { Quantity } from '../model/quantities';
import { sumExact } from '../model/quantities';
import type { Report } from '../model/report';
import type { Problem, ProblemRelated, Rule } from '../types';
import { breakdownAfterQizhong, breakdownInBracket, labelsOf, lastBefore, listAfterTotal, MARKER, oneOfCodes, TOTAL_WORD_LAST } from './breakdowns';
import { isPartition } from './breakdown-mode';
import { dimensionMode } from './dimensions';
import { breakdownByDimension } from './dimension-intro';
import { breakdownAfterIncludes, breakdownAfterSet, composedOf, dividedInto } from './listed-parts';
import { mayRestate, partsBeforeTotal } from './parts-before-total';
import { namedWholeTotal, widerNamedTotal } from './parts-named-whole';
import { kindsBeforeTotal, orgsBeforeTotal } from './parts-kinds';
import { bracketBeforeTotal, countedParts, partitionAfterTotal, placesAfterTotal, splitAfterTotal } from './parts-around';
import { pairedBreakdown } from './paired-counts';
import { eachGroupBreakdowns } from './each-group';
import { bandShares } from './band-shares';
import { statusAfterTotal } from './status-parts';
import { stockFlow } from './member-flow';
import { involvedAfterTotal } from './involved-parts';
import { distributedAfterTotal } from './parts-distributed';
import { staffUnitsAfterTotal } from './parts-staff-units';
import { periodRunTotal } from './parts-period-run';
import { kindsListed, partsOfNamedKinds } from './parts-named-kinds';
import { standingBeforeTotal } from './parts-standing';
import { memberClassParts } from './parts-member-classes';
import { sentencesBeforeTotal } from './parts-sentences';
import { clauseBefore, mayLeaveRest, mayOverlap, restAdded, sentenceAfter } from './part-claims';
import { respectivelyAfterTotal, respectivelyBeforeTotal } from './respectively-total';
import type { Breakdown, Part } from './breakdowns';
import { baseValue, formatNumber, greater, measureOf, readingInterval, written } from './sentence';

export const totalBreakdown: Rule = {
  id: 'total-breakdown',
  meta: {
    family: 'numbers',
    severity: 'warning',
    fixable: false,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
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
      listSumMismatch: {
        'zh-CN': '各分项之和为{expr}={sum}{unit}，与总数{total}不符 ✗',
        en: 'The listed parts add up to {expr}={sum}{unit}, which does not match the total {total} ✗',
      },
      listSumOk: {
        'zh-CN': '各分项之和{expr}={sum}{unit}，与总数{total}相符 ✓',
        en: 'The listed parts add up to {expr}={sum}{unit}, matching the total {total} ✓',
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
      sharesMismatch: {
        'zh-CN': '各段占比覆盖全部范围，之和应为100%，但{expr}={sum}% ✗',
        en: 'The bands cover the whole range, so their shares should add up to 100%, but {expr}={sum}% ✗',
      },
      sharesOver: {
        'zh-CN': '各段互不重叠，占比之和不应超过100%，但{expr}={sum}% ✗',
        en: 'The bands do not overlap, so their shares cannot add up to more than 100%, but {expr}={sum}% ✗',
      },
      sharesOk: {
        'zh-CN': '各段占比之和{expr}={sum}%，与整体相符 ✓',
        en: 'The shares add up to {expr}={sum}%, consistent with the whole ✓',
      },
      flowMismatch: {
        'zh-CN': '年初数加减全年增减为{expr}={sum}{unit}，与年末数{total}不符 ✗',
        en: 'The start plus inflows minus outflows is {expr}={sum}{unit}, which does not match the end figure {total} ✗',
      },
      flowOk: {
        'zh-CN': '年初数加减全年增减{expr}={sum}{unit}，与年末数{total}相符 ✓',
        en: 'The start plus inflows minus outflows is {expr}={sum}{unit}, matching the end figure {total} ✓',
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
      const c = text.charCodeAt(at);
      const found = isQizhong
        ? breakdownAfterQizhong(lineText, from, index, all)
        : c === 0xff08 /* （ */ || c === 0x28 /* ( */
          ? breakdownInBracket(lineText, from, index, all)
          : c === 0x5206 /* 分 */ && m[0].length === 3
            ? listAfterTotal(lineText, from, index, all)
            : (c === 0xff0c || c === 0x2c) && (text.charCodeAt(at + 1) === 0x6309 /* 按 */ || text.charCodeAt(at + 1) === 0x6765 /* 来 */ || m[0].endsWith('来自'))
              ? splitAfterTotal(lineText, from, index, all)
            : m[0].length === 2 && text.charCodeAt(at + 1) === 0x7531 /* 由 */
              ? composedOf(lineText, from, index, all)
              : m[0].length === 3 && text.charCodeAt(at + 1) === 0x5305 /* 包 */
                ? breakdownAfterIncludes(lineText, from, index, all)
              : m[0].length === 3 && text.charCodeAt(at + 1) === 0x5206 /* 分 */
                ? dividedInto(lineText, from, index, all)
                : c === 0x4e2d /* 中 */
                  ? breakdownAfterSet(lineText, from, index, all)
                  : breakdownByDimension(lineText, from, index, all);
      // Parts naming, one each, the kinds the total lists (parts-named-kinds.ts) exhaust it.
      // Parts naming member classes (在职、离退休、流动…) do not overlap (parts-member-classes.ts).
      // Where no reading found parts, a total listing its kinds may still have them after
      // 其中, a bracket or 包括 (kindsListed).
      const opensParts = isQizhong || c === 0xff08 /* （ */ || c === 0x28 /* ( */ || m[0].endsWith('包括');
      const judged = found
        ? (partsOfNamedKinds(lineText, from, found) ?? memberClassParts(found) ?? found)
        : opensParts
          ? kindsListed(lineText, from, index, lastBefore(all, from, at))
          : null;
      if (judged) judgeWithPairs(report, judged, problems);
    }
    // "…18次、…25次、…9次，累计54次": a total after its parts, found at its number.
    for (let i = 0; i < all.length; i++) {
      const q = all[i];
      // "…，线上47场次、线下83场次": a partition right after the total, found at the total.
      const next = text.charCodeAt(q.end);
      if (next === 0xff0c /* ， */ || next === 0x2c) {
        const split = partitionAfterTotal(report, q) ?? statusAfterTotal(report, q) ?? involvedAfterTotal(report, q) ?? placesAfterTotal(report, q) ?? respectivelyAfterTotal(report, q) ?? staffUnitsAfterTotal(report, q);
        if (split) judge(report, split, problems);
      }
      // "186名，分布在A（72名）、B（48名）…" or "186名党员分布在…": a total spread over places.
      const spread = distributedAfterTotal(report, q);
      if (spread) judge(report, spread, problems);
      // "年初481名，发展6名…转出5名…，年末为486名": a stock and its flows (member-flow.ts).
      const flow = stockFlow(report, q);
      if (flow) {
        problems.push(flow);
        continue;
      }
      // `…，公司党员总数1201名`: 总数 right before the number names a total as 合计 does (parts-named-whole.ts).
      const totalNoun = text.charCodeAt(q.numberStart - 1) === 0x6570 /* 数 */ && text.charCodeAt(q.numberStart - 2) === 0x603b; /* 总 */
      if (!totalNoun && !oneOfCodes(TOTAL_WORD_LAST, text.charCodeAt(q.numberStart - 1)) && !mayRestate(text, q.numberStart)) continue;
      const found = namedWholeTotal(report, q) ?? partsBeforeTotal(report, q) ?? bracketBeforeTotal(report, q) ?? countedParts(report, q) ?? kindsBeforeTotal(report, q) ?? orgsBeforeTotal(report, q) ?? respectivelyBeforeTotal(report, q) ?? periodRunTotal(report, q) ?? sentencesBeforeTotal(report, q) ?? standingBeforeTotal(report, q) ?? widerNamedTotal(report, q);
      if (found) judgeWithPairs(report, found, problems);
    }
    // "12名，分别到3个乡镇，每个乡镇各5名": a total spread evenly over groups.
    for (const found of eachGroupBreakdowns(report)) judge(report, found, problems);
    // "35岁以下占27.0%、36岁至50岁占45.9%、51岁以上占31.1%": shares of bands of one whole.
    problems.push(...bandShares(report));
    return problems;
  },
};

/**
 * Judges a breakdown and, when its counts come in pairs of units (`243户409人`,
 * paired-counts.ts), the same breakdown in the other unit — only when the first reading
 * holds: parts that add up in 户 confirm that they are the whole in 人 too, and a
 * construction already reported gets no second warning.
 */
function judgeWithPairs(report: Report, found: Breakdown, problems: Problem[]): void {
  const before = problems.length;
  judge(report, found, problems);
  for (let i = before; i < problems.length; i++) if (problems[i].passed !== true) return;
  const paired = pairedBreakdown(report.quantities, found);
  if (paired) judge(report, paired, problems);
}

/**
 * Pushes the problems of one breakdown: a sum check when the parts exhaust the total (or,
 * for `atMost` parts, when they add up to more than it), else a check of each part against it. Built with plain loops: this runs only on a hit, when
 * its code is cold, and every closure and array callback is more code to fetch.
 */
function judge(report: Report, found: Breakdown, problems: Problem[]): void {
  const { total, parts } = found;
  let mode = found.mode;
  // Parts that may leave some of the total unnamed are wrong only when they exceed it.
  if (mode === 'atMost') {
    let low = 0;
    for (const { q } of parts) low += readingInterval(q)[0];
    let slackAtMost = roundedBy(total);
    for (const { q } of parts) slackAtMost += roundedBy(q);
    mode = greater(low - slackAtMost, readingInterval(total)[1]) ? 'sum' : 'each';
  }
  const totalText = written(report, total);
  const totalInterval = readingInterval(total);
  // Figures written with decimals were rounded: each may be off by half its last digit
  // (22.8万 + 29.1万 + 405.2万 = 457.1万 against a total of 457.2万 is rounding, not a slip).
  let slack = roundedBy(total);
  for (const { q } of parts) slack += roundedBy(q);
  // 全村375户，其中脱贫户28户、监测户6户: parts that cover less than half the total name
  // notable subsets, not its breakdown (a slip in one figure leaves the sum near the total).
  // Sides of a partition (男/女, 正式/预备) and bands of one dimension must still add up.
  if (mode === 'sum' && !isPartition(parts as Part[]) && dimensionMode(labelsOf(parts)) === null) {
    let high = 0;
    for (const { q } of parts) high += readingInterval(q)[1];
    if (greater(totalInterval[0], 2 * (high + slack))) mode = 'each';
    else if (afterQizhong(report.text, total, parts[0].q) && restExceedsEvery(parts, totalInterval[0] - high - slack) && restAdded(report.text, report.quantities, parts[parts.length - 1].q.end, total) === null) mode = 'each';
  }
  if (mode === 'sum') {
    const asWritten: { value: number; decimals: number }[] = [];
    // Bounds are summed as floats: 近 and 余 make them fractional, and `greater` compares
    // with a relative tolerance, so 0.1 + 0.2 still meets 0.3.
    let low = 0;
    let high = 0;
    const totalFactor = measureOf(total.unit).factor;
    let sameScale = true;
    for (const { q } of parts) {
      const bounds = readingInterval(q);
      asWritten.push({ value: baseValue(q), decimals: q.decimals });
      low += bounds[0];
      high += bounds[1];
      if (q.scale !== total.scale || measureOf(q.unit).factor !== totalFactor) sameScale = false;
    }
    // Rounding leaves each figure within half its last digit, the upper end open (12.55 is
    // written 12.6): a gap of exactly the whole slack (8.2万+1.9万+2.3万=12.4万 against 12.6万)
    // cannot come from rounding, so the slack is taken a hair short of it.
    const tight = slack * 0.999;
    const over = greater(low - tight, totalInterval[1]);
    let ok = !over && !greater(totalInterval[0], high + tight);
    // Short of the total, and a clause right after them adds a count (`，另有4次为…`): the parts
    // and it together may be the total, which is no slip.
    if (!ok && !over) {
      const rest = restAdded(report.text, report.quantities, parts[parts.length - 1].q.end, total);
      if (rest !== null) {
        const [restLow, restHigh] = readingInterval(rest);
        ok = !greater(low + restLow - tight, totalInterval[1]) && !greater(totalInterval[0], high + restHigh + tight);
      }
    }
    // A sum above the total is a slip only when the parts are disjoint, one below it only
    // when they claim the whole (part-claims.ts): else each part is held under the total.
    if (ok || !claimsDisagree(report, found, over)) {
      pushSum(report, found, ok, sameScale, sumExact(asWritten).value / (totalFactor * scaleFactor(total)), totalText, problems);
      return;
    }
  }
  eachUnder(report, found, totalText, totalInterval, problems);
}

/**
 * Whether the parts' labels and words say that a sum disagreeing with the total is no slip:
 * parts that may overlap (part-claims.ts mayOverlap: above the total or below it); a sum
 * below it (`over` false), also parts that may leave some of the total unnamed (mayLeaveRest).
 */
function claimsDisagree(report: Report, found: Breakdown, over: boolean): boolean {
  const { total, parts } = found;
  const line = report.lines.lineAt(total.start);
  const lineText = report.lines.lineText(line);
  const from = report.lines.start(line);
  // Parts cut along different attributes claim no whole either way: a sum below the total
  // (认罪认罚的548人、未成年人39人 of 612) leaves out those with neither attribute.
  if (mayOverlap(parts, total, clauseBefore(lineText, from, total))) return true;
  if (over) return false;
  const lastEnd = parts[parts.length - 1].q.end;
  if (report.lines.lineAt(lastEnd) !== line) return false;
  return mayLeaveRest(parts, sentenceAfter(lineText, lastEnd - from), clauseBefore(lineText, from, total));
}

/**
 * Whether the rest that parts leave of their total (`rest`, the total's lower bound less the
 * parts' upper bounds and the rounding slack, in base units) is larger than every part:
 * `集中学习14次，其中专题研讨5次、观看教育片3次` leaves 6 unnamed. A writer breaking a total
 * down names its largest kinds, and a slip in one figure leaves a gap smaller than the figures
 * (`12次，其中线上学习4次、线下集中学习7次`): parts after 其中 that leave out more than any of
 * them are notable kinds of the total, not its breakdown. In the annotated corpora (test/corpus,
 * ../shared/corpus/dev, test/corpus-unseen) no keyed sum below its total leaves such a rest,
 * while traps do (`34人次，其中任职谈话3人次、提醒谈话8人次`). The caller applies it only to
 * parts after 其中 (not to 分别为, which says they are all of it), not to partitions and bands,
 * and not where a clause after the parts says what the rest is (`，另有2次为…`, restAdded).
 */
function restExceedsEvery(parts: readonly Part[], rest: number): boolean {
  if (rest <= 0) return false;
  for (const { q } of parts) if (!greater(rest, readingInterval(q)[1])) return false;
  return true;
}

/** Whether 其中 stands between the total and its first part (`14次，其中专题研讨5次`, `（其中…）`). */
function afterQizhong(text: string, total: Quantity, first: Quantity): boolean {
  for (let i = total.end; i + 1 < first.start; i++) if (text.charCodeAt(i) === 0x5176 /* 其 */ && text.charCodeAt(i + 1) === 0x4e2d /* 中 */) return true;
  return false;
}

/** Pushes the sum check of a breakdown (`ok`: the parts add up to the total; `sum` in the total's unit and scale). */
function pushSum(report: Report, found: Breakdown, ok: boolean, sameScale: boolean, value: number, totalText: string, problems: Problem[]): void {
  const { total, parts, listed } = found;
  {
    let expr = '';
    const related: ProblemRelated[] = [];
    for (const { q } of parts) {
      if (expr !== '') expr += '+';
      expr += sameScale ? q.numberText + q.scale + boundWords(q) : written(report, q);
      related.push(relatedOf(report, 'part', q, totalText));
    }
    const sum = sumText(value, parts);
    problems.push({
      passed: ok,
      messageId: listed ? (ok ? 'listSumOk' : 'listSumMismatch') : ok ? 'sumOk' : 'sumMismatch',
      data: { expr, sum, unit: total.scale + total.unit, total: totalText },
      start: total.numberStart,
      end: total.end,
      related,
    });
  }
}

/** Pushes the check of each part against the total (one warning for the first part above it, the others related). */
function eachUnder(report: Report, found: Breakdown, totalText: string, totalInterval: readonly number[], problems: Problem[]): void {
  const { total, parts } = found;
  // One construction, one warning: the first part above the total is reported, any later
  // one is shown with it as a related location.
  let tooLarge: Problem | null = null;
  for (const p of parts) {
    const i = readingInterval(p.q);
    if (!greater(i[0], totalInterval[1])) continue;
    if (tooLarge) tooLarge.related?.push(relatedOf(report, 'part', p.q, totalText));
    else {
      tooLarge = { messageId: 'partTooLarge', data: { part: written(report, p.q), total: totalText }, start: p.q.numberStart, end: p.q.end, related: [relatedOf(report, 'total', total, totalText)] };
      problems.push(tooLarge);
    }
  }
  if (!tooLarge) {
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

/**
 * Half the last digit's step of a figure written with decimals, in base units; 0 for a whole
 * number, and 0 for one with 余/多: `1.2万多` is not a rounded figure but the range [1.2万, 1.3万)
 * that readingInterval already gives (a rounding slack on top would let 1.33万 of parts pass).
 */
function roundedBy(q: Quantity): number {
  if (q.qualifiers.includes('余') || q.qualifiers.includes('多')) return 0;
  return q.decimals > 0 ? (10 ** -q.decimals * scaleFactor(q) * measureOf(q.unit).factor) / 2 : 0;
}

function scaleFactor(q: Quantity): number {
  return q.scale === '万' ? 1e4 : q.scale === '亿' ? 1e8 : 1;
}
