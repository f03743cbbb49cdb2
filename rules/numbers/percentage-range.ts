/**
 * percentage-range: a rate or a share lies between 0 and 100%.
 *
 * A percentage is checked only when it is the value of a rate or share word in its clause:
 * a word ending in 率 (履诺率, 覆盖率, 参与率), a share word (占比, 比例, 比重, 满意度…) or
 * "占…的", followed directly or through a connector (达到, 为, 保持在, 提高到, 分别达到, "从
 * X%提高到") by the value, or by the later values of a list ("分别达到95%、97%"); "覆盖…的"
 * ("覆盖全局在编在岗人员的103%") is a coverage share, checked for its range only. Growth and
 * fulfilment may exceed 100% and stay quiet: rates that may (增长率, 完成率, 收益率…, in
 * rules/data/sentence-numbers.yaml) and changes that are no values ("提高了150%", "同比增长
 * 120%"), and shares of a target ("占年度目标的110%", bases in rates.target_bases). A
 * percentage with no rate word ("三星级及以上党组织达到90%以上") is not checked.
 * A fall stated in percent (`同比下降了126%`, `降幅达112%`) can take at most all of a count:
 * more than 100% is reported unless the figure may turn negative (decrease-range.ts).
 * The rate word may also stand before a change in the clause before the value ("满意度分别提高
 * 1.2、0.8个百分点，达到97.4%和98.3%", CARRIED). Only Arabic percentages (`%`, `％`) are read, as the quantity layer does.
 *
 * A rate stated beside its own counts is also recomputed (rate-parts.ts): part ÷ whole to
 * one decimal, a difference of more than one point reported (two steps of the last digit for a
 * share written with decimals: 0.2 for `91.7%`) — for growth and fulfilment
 * rates too, when the counts are a subset or what was due and what was done. A share that
 * names its whole (占党员总数的) with no whole in its sentence is recomputed against the total
 * its part was stated under as a 其中 part elsewhere, or else the unit's one stated whole of
 * that noun (rate-restated-part.ts); later shares of a run of 其中 items against the whole
 * before 其中 (rate-share-run.ts). A defined financial ratio (资产负债率) is recomputed only from
 * the two aggregates it is defined by, named in its sentence (rate-defined.ts), a difference's
 * share as (whole − less) ÷ whole (产销差率 = (供水量 − 售水量) ÷ 供水量). A rate named by
 * an outcome (调解成功率, 合格率, 通过率) is recomputed from the attempts and the successes in the
 * two clauses before it (rate-outcome.ts); a whole named by its standing (在岗职工) is the base a
 * share of 职工总数 names (rate-population.ts); and a rate that fits another count of its
 * sentence as its base is the writer's choice, not reported (rate-other-base.ts). When all of these
 * give up, a share is read by the nouns of its name and the counts the paragraph or the unit's
 * stock gives of them (rate-named-counts.ts: 党员占职工总数的, 在职党员占比, 占应参学N人的; 占职工总数的
 * alone, its part the count closing the clause before); a share whose part's sentence opens on the set
 * it is picked from (`专任教师中党员47人，占比为`, `全体党员中参加过培训的有35名，参训率达`) against that set's
 * one count stated before it (rate-framed-set.ts).
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { checked, clauseStart, written } from './sentence';
import { fullSentenceStart } from './rate-clauses';
import { recompute, recomputeNamedPart, recomputeSubset } from './rate-parts';
import { recomputeFulfilment } from './rate-progress';
import { BARE_LINK, SHARE_RATE, recomputeShare } from './rate-share';
import { gradeShare } from './rate-grades';
import { definedEntry, recomputeDefined } from './rate-defined';
import { restatedPartShare } from './rate-restated-part';
import { laterShareInRun } from './rate-share-run';
import { recomputeOutcome, withoutNegatedPart } from './rate-outcome';
import { unlessOtherBaseFits } from './rate-other-base';
import { decreaseOverWhole } from './decrease-range';
import { previousSentenceWhole } from './rate-previous-whole';
import { namedCountsShare } from './rate-named-counts';
import { framedSetShare } from './rate-framed-set';

const words = sentenceNumbers.rates;
const PCT = '\\d{1,12}(?:\\.\\d{1,6})?[%％](?:以上|以下|左右)?';
const TIME = `(?:(?:${sentenceNumbers.trend.timePrefixes}|\\d{4}年(?:初|底|末)?)的?)?`;
const CHANGE = `(?:${sentenceNumbers.trend.up}|${sentenceNumbers.trend.down})了?(?:到|至|为)${TIME}`;
/**
 * Anchored at the end of the text before a percentage's number: group 1 is the rate word.
 * Applied to at most `LOOK_BACK` characters, so the scan per percentage is bounded.
 */
const ATTACHED = new RegExp(
  `(\\p{Script=Han}{0,8}(?:率|${words.shareWords})|(?:占|覆盖)[^，。；：、,;:]{1,15}的)` +
    `(?:(?:从|由)${TIME}(?:${PCT}${CHANGE})?|${words.connectors})?` +
    '(?:约|近|不足|不到|超过|逾)?' +
    `(?:${PCT}[、和])*$`,
  'u',
);
const LOOK_BACK = 40;
/** Qualifiers before a number that exclude it: the value lies strictly above (超过100%). */
const STRICTLY_ABOVE: ReadonlySet<string> = new Set(['超过', '逾']);
/**
 * "满意度分别提高1.2、0.8个百分点，达到97.4%和100.3%": the rate word stands in the clause
 * before, with the change (and maybe its base: `由上年的86%提高了18个百分点`), and the values
 * follow the comma. Anchored like ATTACHED (group 1
 * the rate word), applied to the LOOK_BACK characters before the number across the comma.
 */
const CARRIED = new RegExp(
  `(\\p{Script=Han}{0,8}(?:率|${words.shareWords}))(?:分别|均)?(?:(?:从|由|较|比)${TIME}(?:${PCT})?)?` +
    `(?:${sentenceNumbers.trend.up}|${sentenceNumbers.trend.down})了?(?:\\d{1,6}(?:\\.\\d{1,4})?[、和]){0,4}\\d{1,6}(?:\\.\\d{1,4})?(?:个百分点|[%％])` +
    `[，,](?:${words.connectors})(?:${PCT}[、和])*$`,
  'u',
);
/** A period word opening a rate's name (`全年党费收缴率`): when the rate was taken, not what it counts. */
const LEADING_PERIOD = new RegExp(`^${sentenceNumbers.breakdown.periodEnd.source.slice(0, -1)}`, 'u');

/**
 * The name of a rate matched by ATTACHED or CARRIED: the words after the last 的/以上/其中…,
 * without a leading period word (`全年党费收缴率` → `党费收缴率`), so that 全年 in a count's
 * clause (`全年新确定入党积极分子6名`) does not read as the rate's own words.
 */
function rateName(word: string): string {
  const name = word.replace(/^.*(?:的|以上|以下|其中|及|和)/u, '');
  const bare = name.replace(LEADING_PERIOD, '');
  return bare.length >= 2 ? bare : name;
}

/**
 * A share's set named right before it: `在中层干部中的` / `党员中的` (group 1 the set, 2–12 Han
 * characters, not across 在), anchored at the end of the text before the share word.
 */
const IN_SET = /((?:(?!在)\p{Script=Han}){2,12})中的$/u;

/** A share word after 占…的 in one name (`占专任教师的比例`, `占党员总数的比重`): the share of a named base. */
const NAMED_BASE_SHARE = /^占[^，。；：、,;:]{1,15}的(?:比例|比重)$/u;

/** What ATTACHED's rate word needs: 率, a share word, 占 or 覆盖. A text without one is skipped. */
const RATE_HINT = new RegExp(`率|占|覆盖|${words.shareWords}`, 'u');

/**
 * "覆盖全局在编在岗人员的103%", "覆盖全体离退休党员的96%": what a measure reached, as a part of
 * a set of people or units, is a coverage share (覆盖率 in other words) and lies within 0–100%
 * whatever it counts (人次 above 人 is still no coverage above all of them). Only the range is
 * checked: the counts before it are often sessions or person-times, no part of the set.
 */
const COVERAGE_OF = /^覆盖.+的$/u;

export const percentageRange: Rule = {
  id: 'percentage-range',
  meta: {
    family: 'numbers',
    severity: 'error',
    fixable: false,
    // No `scope: 'block'`: a share whose part restates a 其中 part stated elsewhere is
    // recomputed against that statement's whole (rate-restated-part.ts), which may stand in
    // another block, so the rule runs on the whole report after an edit.
    description: {
      'zh-CN': '比率、占比、比例、比重等应在0–100%之间（增长幅度不受此限），数量的降幅不超过100%',
      en: 'Rates and shares (率, 占比, 比例, 比重) lie between 0 and 100% (growth may exceed it); a quantity falls by at most 100%',
    },
    messages: {
      outOfRange: {
        'zh-CN': '“{rate}”为{value}，超过100%：比率、占比应在0–100%之间 ✗',
        en: '"{rate}" is {value}, above 100%: a rate or share lies between 0 and 100% ✗',
      },
      above: {
        'zh-CN': '“{rate}”{value}：比率、占比应在0–100%之间，不能超过100% ✗',
        en: '"{rate}" is {value}: a rate or share lies between 0 and 100%, never above it ✗',
      },
      decreaseOver: {
        'zh-CN': '“{verb}{value}”：一个数量至多减少100%（减到零），降幅不能超过100% ✗',
        en: '"{verb} {value}": a quantity can fall by at most 100% (to zero), never more ✗',
      },
      fall: { 'zh-CN': '减少：{verb}', en: 'decrease: {verb}' },
      ok: {
        'zh-CN': '“{rate}”为{value}，在0–100%之间 ✓',
        en: '"{rate}" is {value}, between 0 and 100% ✓',
      },
      recomputed: {
        'zh-CN': '“{rate}”为{value}，但{part}÷{whole}={computed}%，相差超出舍入误差 ✗',
        en: '"{rate}" is {value}, but {part} ÷ {whole} = {computed}%, further apart than rounding allows ✗',
      },
      recomputedOk: {
        'zh-CN': '“{rate}”为{value}，与{part}÷{whole}={computed}%相符 ✓',
        en: '"{rate}" is {value}, matching {part} ÷ {whole} = {computed}% ✓',
      },
      gradeShare: {
        'zh-CN': '“{rate}”为{value}，但同一句列出的各等次合计{sum}，{part}至多占{computed}%，超出舍入误差 ✗',
        en: '"{rate}" is {value}, but the grades listed in the sentence add up to {sum}, of which {part} is at most {computed}%, beyond rounding ✗',
      },
      gradeShareOk: {
        'zh-CN': '“{rate}”为{value}，不超过{part}在所列各等次合计{sum}中的{computed}% ✓',
        en: '"{rate}" is {value}, no more than {part} of the listed grades\' {sum}, {computed}% ✓',
      },
      complement: {
        'zh-CN': '“{rate}”为{value}，但（{whole}－{failed}）÷{whole}={computed}%，相差超出舍入误差 ✗',
        en: '"{rate}" is {value}, but ({whole} − {failed}) ÷ {whole} = {computed}%, further apart than rounding allows ✗',
      },
      complementOk: {
        'zh-CN': '“{rate}”为{value}，与（{whole}－{failed}）÷{whole}={computed}%相符 ✓',
        en: '"{rate}" is {value}, matching ({whole} − {failed}) ÷ {whole} = {computed}% ✓',
      },
      failed: { 'zh-CN': '未达到：{failed}', en: 'failed: {failed}' },
      less: { 'zh-CN': '减数：{less}', en: 'subtracted: {less}' },
      sibling: { 'zh-CN': '同列等次：{sibling}', en: 'another grade: {sibling}' },
      rate: { 'zh-CN': '比率：{rate}', en: 'rate: {rate}' },
      part: { 'zh-CN': '分子：{part}', en: 'part: {part}' },
      whole: { 'zh-CN': '分母：{whole}', en: 'whole: {whole}' },
    },
  },
  check(report: Report): Problem[] {
    const problems: Problem[] = [];
    const quantities = report.quantities;
    // An index loop: for-of allocates an iterator result per step until the JIT optimizes.
    for (let i = 0; i < quantities.length; i++) {
      const q = quantities[i];
      if (q.unit !== '%') continue;
      const from = report.lines.start(q.line);
      const lineText = report.lines.lineText(q.line);
      const at = q.numberStart - from;
      const clause = clauseStart(lineText, at, LOOK_BACK);
      const before = lineText.slice(clause, at);
      // `同比下降了126%`: a fall of more than all of a count (decrease-range.ts).
      if (q.value > 100) {
        const fall = decreaseOverWhole(report, q, lineText, from);
        if (fall) {
          problems.push(fall);
          continue;
        }
      }
      let m = RATE_HINT.test(before) ? ATTACHED.exec(before) : null;
      let start = clause;
      let carried = false;
      if (!m && clause > 0 && (lineText.charCodeAt(clause - 1) === 0xff0c /* ， */ || lineText.charCodeAt(clause - 1) === 0x2c)) {
        // The rate word may stand before a change in the clause before (CARRIED).
        const wider = Math.max(0, at - LOOK_BACK);
        m = CARRIED.exec(lineText.slice(wider, at));
        if (m) {
          start = wider;
          carried = true;
        }
      }
      if (!m) {
        // `完成年度目标3.6亿元的51.7%`, `完成进度68.2%`: fulfilment recomputed from its counts.
        const fulfilment = recomputeFulfilment(report, q, lineText, from, before);
        if (fulfilment) problems.push(fulfilment);
        if (!RATE_HINT.test(before)) continue;
        // "女党员21名，占25.3%": a bare 占 is no rate word for the range, but its share can be recomputed.
        if (lineText.charCodeAt(at - 1) === 0x5360 /* 占 */) {
          const share = recomputeShare(report, q, lineText, from, '占比', false) ?? laterShareInRun(report, q, lineText, from, '占比') ?? gradeShare(report, q, lineText, from, '占比') ?? framedSetShare(report, q, lineText, from, '占比');
          if (share) problems.push(share);
        }
        continue;
      }
      const word = m[1];
      // 成功率 ends in 功率 (power, unbounded) but is an outcome's share (rates.outcome_words).
      if (word.endsWith('率') && words.unbounded.test(word) && !words.outcome.test(word)) {
        // 资产负债率, 利润率: a quotient of two aggregates the rate names, not of the amounts
        // beside it (…营业收入、利润总额分别为…，资产负债率…).
        if (carried) continue;
        if (words.defined.test(word)) {
          // …except the two it is defined by, named in its sentence (资产总额…，负债总额…，资产负债率…).
          const defined = recomputeDefined(report, q, lineText, from, rateName(word));
          if (defined) problems.push(defined);
          continue;
        }
        // "9个小区中已有6个完成加装，完成率75%": M of N is a share whatever the rate's name.
        const recomputed = unlessOtherBaseFits(report, q, lineText, from, rateName(word), recompute(report, q, lineText, from, rateName(word)));
        if (recomputed) problems.push(recomputed);
        continue;
      }
      // "占年度目标的110%": a share of a target is a fulfilment ratio, as 完成率 is.
      if (word.startsWith('占') && words.targetBase.test(word.slice(0, -1))) {
        const fulfilment = recomputeFulfilment(report, q, lineText, from, before);
        if (fulfilment) problems.push(fulfilment);
        continue;
      }
      // "不足105%" may well lie within 0–100%: nothing to check either way.
      if (q.value > 100 && q.bound === 'upper') continue;
      // `占专任教师的比例`: 占…的 with its share word names its base as 占…的 alone does.
      const coverage = COVERAGE_OF.test(word);
      const rate = word.startsWith('占') && word.endsWith('的') ? `${word}比重` : coverage ? `${word}比例` : NAMED_BASE_SHARE.test(word) ? word : rateName(word);
      const value = written(report, q);
      // "参训率超过100%" states a value above 100% as much as "参训率101%" does: 超过/逾 exclude
      // the number they bound (100%以上 and 达到100% include it and may be exactly 100%).
      const above = q.value === 100 && q.qualifiers.some((w) => STRICTLY_ABOVE.has(w));
      const over = q.value > 100 || above;
      const rateEnd = from + start + (m.index ?? 0) + word.length;
      const rateStart = word.startsWith('占') || coverage ? rateEnd - word.length : rateEnd - rate.length;
      const related = [{ start: rateStart, end: rateEnd, messageId: 'rate', data: { rate } }];
      problems.push(checked(!over, above ? 'above' : over ? 'outOfRange' : 'ok', { rate, value }, q.numberStart, q.end, related));
      // A value after a change (CARRIED) is the result of the change, not a count's share; a
      // coverage share is checked for its range only (COVERAGE_OF).
      if (carried || coverage) continue;
      // 产销差率 and the like: a ratio defined by the aggregates it divides is recomputed only
      // from those, named in its sentence (rate-defined.ts), never from other counts beside it.
      if (!over && word.endsWith('率') && definedEntry(rate)) {
        const defined = recomputeDefined(report, q, lineText, from, rate);
        if (defined) problems.push(defined);
      } else if (!over && word.endsWith('率')) {
        // 调解成功率 after 调处纠纷N件，调解成功M件 (rate-outcome.ts) when the general reading gives up;
        // a rate that fits another base of its sentence is the writer's choice (rate-other-base.ts).
        const recomputed = unlessOtherBaseFits(report, q, lineText, from, rate, withoutNegatedPart(lineText, from, rate, recompute(report, q, lineText, from, rate)) ?? recomputeOutcome(report, q, lineText, from, rate)) ?? previousSentenceWhole(report, q, lineText, from, rate) ?? framedSetShare(report, q, lineText, from, rate);
        if (recomputed) problems.push(recomputed);
      } else if (!over && SHARE_RATE.test(rate) && BARE_LINK.test(before.slice((m.index ?? 0) + word.length))) {
        // Only "占…的" names a base; a bare "，占比为…" names none (its whole is the larger count before).
        // "党员在中层干部中的比例为60%": a share of a set named before 中的 divides by that set; the
        // counts before it are its part and whole only when the sentence named the set before.
        const head = before.slice(0, (m.index ?? 0) + word.length - rate.length);
        const set = IN_SET.exec(head);
        if (set && !lineText.slice(fullSentenceStart(lineText, at), clause + set.index).includes(set[1])) continue;
        const namesBase = (word.startsWith('占') && word.endsWith('的')) || NAMED_BASE_SHARE.test(word);
        const share = recomputeSubset(report, q, lineText, from, rate) ?? recomputeNamedPart(report, q, lineText, from, rate) ?? recomputeShare(report, q, lineText, from, rate, namesBase) ?? laterShareInRun(report, q, lineText, from, rate) ?? (namesBase ? restatedPartShare(report, q, lineText, from, rate, word) : gradeShare(report, q, lineText, from, rate)) ?? namedCountsShare(report, q, lineText, from, before, rate) ?? framedSetShare(report, q, lineText, from, rate);
        if (share) problems.push(share);
      }
    }
    return problems;
  },
};
