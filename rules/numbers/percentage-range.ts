/**
 * percentage-range: a rate or a share lies between 0 and 100%.
 *
 * A percentage is checked only when it is the value of a rate or share word in its clause:
 * a word ending in 率 (履诺率, 覆盖率, 参与率), a share word (占比, 比例, 比重, 满意度…) or
 * "占…的", followed directly or through a connector (达到, 为, 保持在, 提高到, 分别达到, "从
 * X%提高到") by the value, or by the later values of a list ("分别达到95%、97%"). Growth and
 * fulfilment may exceed 100% and stay quiet: rates that may (增长率, 完成率, 收益率…, in
 * rules/data/sentence-numbers.yaml) and changes that are no values ("提高了150%", "同比增长
 * 120%"). A percentage with no rate word ("三星级及以上党组织达到90%以上") is not checked.
 * Only Arabic percentages (`%`, `％`) are read, as the quantity layer does.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem, ProblemRelated, Rule } from '../types';
import type { Quantity } from '../model/quantities';
import { checked, clauseEnd, clauseStart, measureOf, percentContradicts, percentOf, quantitiesIn, sentenceEnd, sentenceStart, written } from './sentence';

const words = sentenceNumbers.rates;
const PCT = '\\d{1,12}(?:\\.\\d{1,6})?[%％](?:以上|以下|左右)?';
const TIME = `(?:(?:${sentenceNumbers.trend.timePrefixes}|\\d{4}年(?:初|底|末)?)的?)?`;
const CHANGE = `(?:${sentenceNumbers.trend.up}|${sentenceNumbers.trend.down})了?(?:到|至|为)${TIME}`;
/**
 * Anchored at the end of the text before a percentage's number: group 1 is the rate word.
 * Applied to at most `LOOK_BACK` characters, so the scan per percentage is bounded.
 */
const ATTACHED = new RegExp(
  `(\\p{Script=Han}{0,8}(?:率|${words.shareWords})|占[^，。；：、,;:]{1,15}的)` +
    `(?:(?:从|由)${TIME}(?:${PCT}${CHANGE})?|${words.connectors})?` +
    '(?:约|近|不足|不到|超过|逾)?' +
    `(?:${PCT}[、和])*$`,
  'u',
);
const LOOK_BACK = 40;
/** What ATTACHED's rate word needs: 率, a share word or 占. A text without one is skipped. */
const RATE_HINT = new RegExp(`率|占|${words.shareWords}`, 'u');

export const percentageRange: Rule = {
  id: 'percentage-range',
  meta: {
    family: 'numbers',
    severity: 'error',
    fixable: false,
    description: {
      'zh-CN': '比率、占比、比例、比重等应在0–100%之间（增长幅度不受此限）',
      en: 'Rates and shares (率, 占比, 比例, 比重) lie between 0 and 100% (growth may exceed it)',
    },
    messages: {
      outOfRange: {
        'zh-CN': '“{rate}”为{value}，超过100%：比率、占比应在0–100%之间 ✗',
        en: '"{rate}" is {value}, above 100%: a rate or share lies between 0 and 100% ✗',
      },
      ok: {
        'zh-CN': '“{rate}”为{value}，在0–100%之间 ✓',
        en: '"{rate}" is {value}, between 0 and 100% ✓',
      },
      recomputed: {
        'zh-CN': '“{rate}”为{value}，但{part}÷{whole}={computed}%，相差超过1个百分点 ✗',
        en: '"{rate}" is {value}, but {part} ÷ {whole} = {computed}%, more than one point apart ✗',
      },
      recomputedOk: {
        'zh-CN': '“{rate}”为{value}，与{part}÷{whole}={computed}%相符 ✓',
        en: '"{rate}" is {value}, matching {part} ÷ {whole} = {computed}% ✓',
      },
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
      const start = clauseStart(lineText, at, LOOK_BACK);
      const before = lineText.slice(start, at);
      if (!RATE_HINT.test(before)) continue;
      const m = ATTACHED.exec(before);
      if (!m) continue;
      const word = m[1];
      if (word.endsWith('率') && words.unbounded.test(word)) continue;
      // "不足105%" may well lie within 0–100%: nothing to check either way.
      if (q.value > 100 && q.bound === 'upper') continue;
      const rate = word.startsWith('占') && word.endsWith('的') ? `${word}比重` : word.replace(/^.*(?:的|以上|以下|其中|及|和)/u, '');
      const value = written(report, q);
      const over = q.value > 100;
      const rateEnd = from + start + (m.index ?? 0) + word.length;
      const rateStart = word.startsWith('占') ? rateEnd - word.length : rateEnd - rate.length;
      const related = [{ start: rateStart, end: rateEnd, messageId: 'rate', data: { rate } }];
      problems.push(checked(!over, over ? 'outOfRange' : 'ok', { rate, value }, q.numberStart, q.end, related));
      if (!over && word.endsWith('率')) {
        const recomputed = recompute(report, q, lineText, from, rate);
        if (recomputed) problems.push(recomputed);
      }
    }
    return problems;
  },
};

/** Characters every count's clause may hold: they relate no part to a rate. */
const COMMON = new Set([...'党员人名数的次个率总全共']);
/** Words of a clause that states the whole (应到, 总数, 共有, 全体). */
const WHOLE_WORDS = /应|总数|共有|全体/u;
/** The farthest back (UTF-16 units) the counts of a rate are looked for. */
const RECOMPUTE_BACK = 160;

/**
 * "全支部党员64名，56名党员参加学习，参学率81.2%": a rate stated with its own counts is
 * recomputed (part ÷ whole, one decimal, sentence.ts percentOf) and a difference of more
 * than one point is reported on the percentage. The counts are read in the rate's sentence,
 * or with the sentence before it on the same line when the rate's own holds only one. The
 * part is the one count whose clause shares a character with the rate's stem (参加 for 参学率,
 * 办结 for 办结率, 出勤 for 出勤率); the whole, the one other count of the same kind that is
 * larger; and no third count of that kind (请假5名 may change the base the writer divided
 * by). Anything else (two candidates for either, a part no smaller than the whole, a bound,
 * a list of rates) is not checked: a guess would cost more than a miss.
 */
function recompute(report: Report, q: Quantity, lineText: string, from: number, rate: string): Problem | null {
  if (q.bound !== 'exact' || rate.length < 2) return null;
  const at = q.numberStart - from;
  // A rate in a list (分别达到95%、97%) pairs with other counts.
  const prev = lineText.charCodeAt(at - 1);
  const next = lineText.charCodeAt(q.end - from);
  if (prev === 0x3001 /* 、 */ || next === 0x3001 || rate.includes('分别')) return null;
  const stem = rate.slice(0, -1);
  const own = sentenceStart(lineText, at, RECOMPUTE_BACK);
  let counts = countsIn(report, from + own, q.start);
  if (counts.length < 2 && own > 0) {
    const before = sentenceStart(lineText, own - 1, RECOMPUTE_BACK);
    if (at - before <= RECOMPUTE_BACK) counts = countsIn(report, from + before, q.start);
  }
  let part: Quantity | null = null;
  for (const c of counts) {
    if (!relates(lineText, from, c, stem)) continue;
    if (part) return null;
    part = c;
  }
  if (!part) return null;
  const kind = measureOf(part.unit).kind;
  let whole: Quantity | null = null;
  for (const c of counts) {
    if (c === part || measureOf(c.unit).kind !== kind || c.value <= part.value) continue;
    if (whole) return null;
    whole = c;
  }
  if (!whole) return null;
  // A third count of the kind (请假5名, 外出3名) may change the base the writer divided by.
  let sameKind = 0;
  for (const c of counts) if (measureOf(c.unit).kind === kind) sameKind++;
  if (sameKind !== 2) return null;
  const partValue = part.value * measureOf(part.unit).factor;
  const wholeValue = whole.value * measureOf(whole.unit).factor;
  const wrong = percentContradicts(q.value, partValue, wholeValue);
  const data = { rate, value: written(report, q), part: written(report, part), whole: written(report, whole), computed: String(percentOf(partValue, wholeValue)) };
  const related: ProblemRelated[] = [
    { start: part.numberStart, end: part.end, messageId: 'part', data: { part: data.part } },
    { start: whole.numberStart, end: whole.end, messageId: 'whole', data: { whole: data.whole } },
  ];
  return checked(!wrong, wrong ? 'recomputed' : 'recomputedOk', data, q.numberStart, q.end, related);
}

/** The exact counts (no percentage, age or point) in `[start, end)`. */
function countsIn(report: Report, start: number, end: number): Quantity[] {
  const out: Quantity[] = [];
  for (const c of quantitiesIn(report.quantities, start, end)) {
    if (c.bound === 'exact' && c.unit !== '%' && c.unit !== '岁' && c.unit !== '个百分点' && c.unit !== '年') out.push(c);
  }
  return out;
}

/** Whether the clause of count `c` shares a character (not a COMMON one) with the rate's stem. */
function relates(lineText: string, from: number, c: Quantity, stem: string): boolean {
  const at = c.numberStart - from;
  const clause = lineText.slice(clauseStart(lineText, at), Math.min(clauseEnd(lineText, c.end - from), sentenceEnd(lineText, at)));
  // 应到会党员48名: what was due is the whole, however it is worded.
  if (WHOLE_WORDS.test(clause)) return false;
  for (const ch of stem) if (!COMMON.has(ch) && clause.includes(ch)) return true;
  return false;
}
