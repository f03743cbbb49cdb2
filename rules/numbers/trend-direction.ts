/**
 * trend-direction: "从A上升到B" needs A < B and "从A下降到B" needs A > B.
 *
 * Reads "从/由 A 上升/提高/增长/增加/提升… 到/至/为 B" and "…下降/降低/减少/缩小… 到/至/为 B"
 * (verbs in rules/data/sentence-numbers.yaml, `trend`), with an optional time word before
 * either value ("从上年的45个增加到今年的60个"). Both values carry the same kind of unit, or
 * only B does ("从52.3下降到49.8岁"); 万/亿 and money units are converted (8000元 < 1.2万元).
 * 余/多/以上 and 近/不足/以下 make a value a bound: only a contradiction that no value within
 * the bounds escapes is reported; 约/左右 are too vague to check. Years (2020年) and ranks
 * ("排名从15位提升到3位": a rank rises as its number falls) are skipped.
 *
 * A pair with a neutral verb ("减少4件，由15件变为11件") takes its direction from the change
 * stated right before it, or from a bare direction ("同比提升，由A调整为B") (neutralPair).
 *
 * And a base with a bare direction and a result ("较上年（57件）下降明显，全年…63件"):
 * trend-bare.ts.
 *
 * Also a base, a change and a result stated together ("较上年的88.5%提高2.1个百分点，达到
 * 90.6%"; "351名，较上年的326名增加25名"): result = base ± change (checkChanges).
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import type { Quantity } from '../model/quantities';
import { applyChange, checked, clauseStart, formatNumber, lastDigitStep, measureOf, NUMBER_SOURCE, numberValue, oneOf } from './sentence';
import { lowerBound } from '../model/lower-bound';
import { bareComparisons } from './trend-bare';

const words = sentenceNumbers.trend;
/**
 * What may stand between 从/由/较 and a value: a time word (上年, 2023年底) with an optional
 * 同期 and 的, or any short qualifier ending in 的 (上年同期的, 去年同期的, 换届前的,
 * 全镇的): the value belongs to the phrase, whatever it names. At most 8 Han characters
 * before the 的: bounded, and no room for a clause of its own.
 */
const TIME = `(?:(?:${words.timePrefixes}|\\d{4}年(?:初|底|末)?)(?:同期)?的?|(?:\\d{4}年)?\\d{1,2}月(?:底|末|初|份)?的?|\\p{Script=Han}{1,8}?的)?`;
/** "由上年同期的平均8.6分钟缩短至…": an average is still the value the trend compares. */
const AVERAGE = '(?:平均|人均|户均|日均|月均)?';
const BEFORE = `${AVERAGE}(约|近|不足|不到|超过|逾)?`;
const VALUE = `(${NUMBER_SOURCE})(万|亿)?(余|多)?(${words.valueUnits})?(以上|以下|左右)?`;
/**
 * Groups: 1 before-qualifier A, 2–6 value A (number, scale, 余/多, unit, after-qualifier),
 * 7 verb, 8 到/至/为, 9 before-qualifier B, 10–14 value B. Every part is bounded: linear time.
 * Sticky: tried only where a 从 or 由 stands, which is where every match starts.
 */
const TREND = new RegExp(`(?:从|由)${TIME}${BEFORE}${VALUE}的?(${words.up}|${words.down})(了?(?:到|至|为))${TIME}${BEFORE}${VALUE}`, 'uy');

/**
 * What may follow the 从 or 由 of a TREND match, by code unit: a digit or a Chinese numeral
 * (the value, or a year), a before-qualifier (约, 近, 不足, 超过, 逾…), or a time word. Most
 * 从 and 由 (从严, 由于) are followed by none, and TREND, a long regex, is not run there.
 */
const MAY_FOLLOW: number[] = [...new Set([...'0123456789零〇一二三四五六七八九十百千两约近不超逾', ...firstChars(words.timePrefixes)].map((c) => c.charCodeAt(0)))];

/**
 * The first characters of an alternation's words: each word opens one `|`-separated piece
 * (a piece that follows an escaped `\|` only adds a character, never hides one).
 */
function firstChars(alternation: string): string[] {
  return alternation.split('|').map((piece) => (piece[0] === '\\' ? piece[1] : piece[0])).filter((c) => c !== undefined);
}

/**
 * Whether a 的 stands within the 9 code units from `at` and a digit, a Chinese numeral or a
 * before-qualifier follows it (`由上年同期的312名`): the generic qualifier of TIME. A cheap
 * test, so TREND runs only where it may match.
 */
function deBefore(text: string, at: number): boolean {
  for (let i = at + 1; i < at + 9 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7684 /* 的 */) return oneOf(MAY_FOLLOW, text.charCodeAt(i + 1));
    if (c < 0x3400 || c > 0x9fff) return false;
  }
  return false;
}

interface Value {
  /** Smallest and largest value the written one allows, in base units; null when vague. */
  min: number;
  max: number;
  text: string;
}

export const trendDirection: Rule = {
  id: 'trend-direction',
  meta: {
    family: 'numbers',
    severity: 'error',
    fixable: false,
    // Findings lie within a line and read only that line (and the opaque spans, quantities
    // and mdast over it): after an edit it runs on the re-parsed blocks alone.
    scope: 'block',
    description: {
      'zh-CN': '“从A上升/下降到B”的升降方向与两个数值的大小一致；“较上年的A提高C，达到B”中B=A±C',
      en: '"From A up/down to B" agrees with the values (A < B for a rise, A > B for a fall); "up C on last year\'s A, reaching B" needs B = A ± C',
    },
    messages: {
      wrong: {
        'zh-CN': '“{verb}”要求前一数值{need}后一数值，但{a}{op}{b}，升降方向与数值矛盾 ✗',
        en: '"{verb}" needs the first value to be {needEn} the second, but {a} {op} {b} ✗',
      },
      ok: {
        'zh-CN': '“{verb}”：{a}{op}{b}，升降方向与数值相符 ✓',
        en: '"{verb}": {a} {op} {b}, the direction matches the values ✓',
      },
      changeWrong: {
        'zh-CN': '{base}{verb}{change}应为{base}{sign}{change}={expected}，与所写{result}不符 ✗',
        en: '{base} {verbEn} by {change} gives {base} {sign} {change} = {expected}, not the stated {result} ✗',
      },
      relativeWrong: {
        'zh-CN': '{base}{verb}{change}应约为{base}×(1{sign}{change})≈{expected}，与所写{result}不符（按所写{result}为{verb}{actual}）✗',
        en: '{base} {verbEn} by {change} gives about {base} × (1 {sign} {change}) ≈ {expected}, not the stated {result} (which would be {actual}) ✗',
      },
      relativeOk: {
        'zh-CN': '{base}{verb}{change}：{base}×(1{sign}{change})≈{expected}，与所写{result}相符 ✓',
        en: '{base} {verbEn} by {change}: {base} × (1 {sign} {change}) ≈ {expected}, as stated ({result}) ✓',
      },
      changeOk: {
        'zh-CN': '{base}{verb}{change}：{base}{sign}{change}={expected}，与所写{result}相符 ✓',
        en: '{base} {verbEn} by {change}: {base} {sign} {change} = {expected}, as stated ({result}) ✓',
      },
    },
  },
  check(report: Report): Problem[] {
    const problems: Problem[] = [];
    const { text, lines } = report;
    // Every match starts at a 从 or 由 and holds no line break: TREND is tried on the whole
    // text at each of them, left to right, skipping those inside the last match — the
    // matches a global scan of each line finds, without scanning every line for a start.
    let matchedTo = 0;
    for (let nextCong = text.indexOf('从'), nextYou = text.indexOf('由'); nextCong >= 0 || nextYou >= 0; ) {
      const start = nextYou < 0 || (nextCong >= 0 && nextCong < nextYou) ? nextCong : nextYou;
      if (start === nextCong) nextCong = text.indexOf('从', start + 1);
      else nextYou = text.indexOf('由', start + 1);
      if (start < matchedTo || !(oneOf(MAY_FOLLOW, text.charCodeAt(start + 1)) || deBefore(text, start + 1))) continue;
      TREND.lastIndex = start;
      const m = TREND.exec(text);
      if (!m) {
        const n = neutralPair(report, text, start);
        if (n) {
          problems.push(n.problem);
          matchedTo = n.end;
        }
        continue;
      }
      const end = start + m[0].length;
      matchedTo = end;
      if (report.opaque.overlaps(start, end)) continue;
      const line = lines.lineAt(start);
      const lineText = lines.lineText(line);
      const from = lines.start(line);
      // "分别从65%、70%提高到…": a list, not one pair.
      const next = text.charCodeAt(end);
      if (next === 0x3001 /* 、 */ || next === 0x548c /* 和 */) continue;
      // "排名从15位提升到3位": a rank rises as its number falls.
      if (words.rankWords.test(lineText.slice(clauseStart(lineText, start - from), start - from))) continue;
      const unitA = m[5] ?? '';
      const unitB = m[13] ?? '';
      if (!unitB || (unitA && measureOf(unitA).kind !== measureOf(unitB).kind)) continue;
      if (unitB === '年' && (/^\d{4}$/u.test(m[10]) || /^\d{4}$/u.test(m[2]))) continue;
      const a = valueOf(m[1], m[2], m[3], m[4], unitA || unitB, m[6], asWritten(m, 2));
      const b = valueOf(m[9], m[10], m[11], m[12], unitB, m[14], asWritten(m, 10));
      if (!a || !b) continue;
      const up = words.upWords.has(m[7]);
      // 降至, 增至: a one-character verb is shown with its 至.
      const verb = m[7].length === 1 ? m[7] + m[8] : m[7];
      // Contradicted only if every value the bounds allow goes the wrong way.
      const wrong = up ? a.min >= b.max : a.max <= b.min;
      const equal = a.min === a.max && b.min === b.max && a.min === b.min;
      const data = {
        verb,
        a: a.text,
        b: b.text,
        op: equal ? '=' : wrong === up ? '>' : '<',
        need: up ? '小于' : '大于',
        needEn: up ? 'smaller than' : 'larger than',
      };
      problems.push(checked(!wrong, wrong ? 'wrong' : 'ok', data, start, end));
      // "由1856人增加至3月底的1932人，6月底下降到2010人": a second step from B.
      const chained = nextStep(report, end, b, unitB);
      if (chained) {
        problems.push(chained.problem);
        matchedTo = chained.end;
      }
      // "由326名增加到351名，增加25名": the change stated after the pair must be B − A.
      if (!wrong && !m[1] && !m[4] && !m[6] && !m[9] && !m[12] && !m[14]) {
        const base = writtenOf(m[2], m[3], unitA || unitB);
        const result = writtenOf(m[10], m[11], unitB);
        if (base && result) {
          CHANGE_AFTER.lastIndex = end;
          const c = CHANGE_AFTER.exec(text);
          const change = c ? writtenOf(c[2], c[3], c[4]) : null;
          const changeUp = c ? c[1] === '净增' || (c[1] !== '净减' && words.upWords.has(c[1])) : false;
          if (c && change && changeUp === up) {
            const p = judgeChange(base, c[1], change, result, up, start, end + c[0].length);
            if (p) problems.push(p);
          }
        }
      }
    }
    checkChanges(report, problems);
    problems.push(...bareComparisons(report));
    return problems;
  },
};

/**
 * When the second step of a two-step trend states its time: a month (6月底), a year end, a
 * half or a quarter (下半年, 三季度末), or 随后/此后 with 又/再. Only such a time may stand
 * between the comma and the verb: "，流动党员减少到8名" names another subject, not a step.
 */
const STEP_TIME = '(?:(?:\\d{1,2}月(?:底|末|初|中旬|下旬|份)?|\\d{4}年(?:初|底|末)?|[上下]半年|年底|年末|年中|(?:第?[一二三四])季度末?)的?(?:又|再)?|(?:随后|此后|之后|后来|后)(?:又|再)|又)';
/**
 * "…增加至3月底的1932人，6月底下降到2010人": a step after a from/to pair, sticky at the
 * pair's end. Groups: 1 verb, 2 到/至/为, 3 before-qualifier, 4–8 value (number, scale,
 * 余/多, unit, after-qualifier).
 */
const NEXT_STEP = new RegExp(`[，,]${STEP_TIME}(${words.up}|${words.down})(了?(?:到|至|为))${TIME}${BEFORE}${VALUE}`, 'uy');

/**
 * The check of a second step from `b` (the value a pair ended with at `at`), or null when no
 * such step follows or its value has no unit of `unitB`'s kind.
 */
function nextStep(report: Report, at: number, b: Value, unitB: string): { problem: Problem; end: number } | null {
  NEXT_STEP.lastIndex = at;
  const m = NEXT_STEP.exec(report.text);
  if (!m || !m[7] || measureOf(m[7]).kind !== measureOf(unitB).kind) return null;
  const c = valueOf(m[3], m[4], m[5], m[6], m[7], m[8], asWritten(m, 4));
  if (!c) return null;
  const end = at + m[0].length;
  if (report.opaque.overlaps(at, end) || report.text.slice(at, end).includes('\n')) return null;
  const next = report.text.charCodeAt(end);
  if (next === 0x3001 /* 、 */ || next === 0x548c /* 和 */) return null;
  const up = words.upWords.has(m[1]);
  const verb = m[1].length === 1 ? m[1] + m[2] : m[1];
  const wrong = up ? b.min >= c.max : b.max <= c.min;
  const equal = b.min === b.max && c.min === c.max && b.min === c.min;
  const data = { verb, a: b.text, b: c.text, op: equal ? '=' : wrong === up ? '>' : '<', need: up ? '小于' : '大于', needEn: up ? 'smaller than' : 'larger than' };
  return { problem: checked(!wrong, wrong ? 'wrong' : 'ok', data, at + 1, end), end };
}

/** A value as written: number, 万/亿 and unit; exact (no qualifier) by construction. */
const PLAIN = `(${NUMBER_SOURCE})(万|亿)?(${words.valueUnits})`;
/** What may lead to the result after the change: 达到, 为, 至, 提高到… (then a time word). */
const TO_RESULT = `(?:达到了?|达|为|至|到|(?:${words.up}|${words.down})(?:到|至))`;
/**
 * "较上年的88.5%提高2.1个百分点，达到90.6%" and "…351名，较上年的326名增加25名": a base,
 * a change and (here or before) a result. Sticky at a 较 or 比. Groups: 1–3 base (number,
 * scale, unit), 4 verb, 5–7 change, 8–10 result (absent when the result came before).
 */
const CHANGE = new RegExp(
  `(?:较|比|同比|环比)${TIME}(?:同期)?的?${PLAIN}(?:相比)?(${words.up}|${words.down})了?${PLAIN}` +
    `(?:[，,]?${TO_RESULT}${TIME}的?${PLAIN}(?![\\d.万亿余多]|以上|以下|左右))?`,
  'uy',
);
/** Characters before a 比 that make it part of another word (占比, 对比, 评比, 相比, 类比…). */
const NOT_COMPARE_BEFORE = [...'占对评相类排无正反好之'].map((c) => c.charCodeAt(0));

/**
 * The change stated right after a from/to pair: "，增加25名", "，提高了2.1个百分点", "，净增
 * 25名". Sticky at the pair's end. Groups: 1 verb, 2–4 change (number, scale, unit).
 */
const CHANGE_AFTER = new RegExp(`[，,](?:共|净)?(${words.up}|${words.down}|净增|净减)了?${PLAIN}(?![\\d.万亿余多]|以上|以下|左右)`, 'uy');

/**
 * "减少6件，由11件变为17件": a from/to pair with a neutral verb (变为, 调整为) takes its
 * direction from a change stated right before it. Sticky at 从/由. Groups: 1–5 value A
 * (number, scale, 余/多, unit, after-qualifier), 6–10 value B.
 */
const NEUTRAL = new RegExp(`(?:从|由)${TIME}${VALUE}的?(?:变为|变成|调整为|调整到|变化为)${TIME}${VALUE}`, 'uy');
/** The change right before a neutral pair, ending at its comma: `减少6件，`. Groups: 1 verb, 2–4 change. */
const CHANGE_BEFORE = new RegExp(`(${words.up}|${words.down})了?${PLAIN}[，,]$`, 'u');
/**
 * A bare direction right before a neutral pair, ending at its comma: `满意度同比提升，由…调整为…`,
 * `较上年明显下降，由…变为…`. The direction is stated, the amount is not: only the direction
 * is checked. Group 1: the verb (two characters or more: a lone 升/降 may end another word).
 */
const DIRECTION_BEFORE = new RegExp(`(?:同比|环比|较上年|比上年|较去年|比去年)?(?:有所|明显|大幅|显著|稳步|持续|进一步)?(${words.up}|${words.down})(?:明显|显著)?[，,]$`, 'u');

/**
 * The problem of a neutral pair at `start` (see NEUTRAL) led by a change: the pair must go
 * the change's way (A < B after 增加, A > B after 减少) and, with exact values, by the
 * change's amount (judgeChange). Null when there is no such pair or no change before it.
 */
function neutralPair(report: Report, text: string, start: number): { problem: Problem; end: number } | null {
  NEUTRAL.lastIndex = start;
  const m = NEUTRAL.exec(text);
  if (!m) return null;
  const before = text.slice(Math.max(0, start - 16), start);
  const c = CHANGE_BEFORE.exec(before);
  const bare = c ? null : DIRECTION_BEFORE.exec(before);
  if (!c && !(bare && bare[1].length >= 2)) return null;
  // "排名同比提升，由15名调整为8名": a rank rises as its number falls.
  if (words.rankWords.test(before)) return null;
  const end = start + m[0].length;
  if (report.opaque.overlaps(start, end)) return null;
  const unitA = m[4] ?? '';
  const unitB = m[9] ?? '';
  if (!unitB || (unitA && measureOf(unitA).kind !== measureOf(unitB).kind) || (c && measureOf(c[4]).kind !== measureOf(unitB).kind)) return null;
  const a = valueOf(undefined, m[1], m[2], m[3], unitA || unitB, m[5], `${m[1]}${m[2] ?? ''}${m[3] ?? ''}${unitA}`);
  const b = valueOf(undefined, m[6], m[7], m[8], unitB, m[10], `${m[6]}${m[7] ?? ''}${m[8] ?? ''}${unitB}`);
  if (!a || !b) return null;
  const verb = c ? c[1] : (bare as RegExpExecArray)[1];
  const up = words.upWords.has(verb);
  const wrong = up ? a.min >= b.max : a.max <= b.min;
  const data = { verb, a: a.text, b: b.text, op: wrong === up ? '>' : '<', need: up ? '小于' : '大于', needEn: up ? 'smaller than' : 'larger than' };
  if (!c || wrong || m[3] || m[5] || m[8] || m[10]) return { problem: checked(!wrong, wrong ? 'wrong' : 'ok', data, start, end), end };
  const base = writtenOf(m[1], m[2], unitA || unitB);
  const result = writtenOf(m[6], m[7], unitB);
  const change = writtenOf(c[2], c[3], c[4]);
  const judged = base && result && change ? judgeChange(base, verb, change, result, up, start, end) : null;
  return { problem: judged ?? checked(true, 'ok', data, start, end), end };
}

interface Written {
  /** In base units (万 and money factors applied). */
  value: number;
  decimals: number;
  /** The step of the last digit written, in base units (`1.2万元` → 1000). */
  step: number;
  /** Base units per unit as written (`万元` → 10000): how the expected value is shown. */
  factor: number;
  /** 万 or 亿 as written before the unit, or ''. */
  scale: string;
  unit: string;
  text: string;
}

/**
 * Base, change and result stated together must agree: result = base ± change, exactly as
 * written (sentence.ts applyChange), give or take the rounding of each figure (half its last
 * digit; whole percentages to a point, whole counts exactly). A rate changes by 个百分点; a change in % of a rate or a
 * count is relative and is not checked, nor are values with qualifiers (余, 约, 以上).
 */
function checkChanges(report: Report, problems: Problem[]): void {
  const { text } = report;
  // The next 较 and the next 比, each searched again only once passed: linear in the text
  // even where one of them never occurs.
  let nextJiao = text.indexOf('较');
  let nextBi = text.indexOf('比');
  while (nextJiao >= 0 || nextBi >= 0) {
    const at = nextBi < 0 || (nextJiao >= 0 && nextJiao < nextBi) ? nextJiao : nextBi;
    if (at === nextJiao) nextJiao = text.indexOf('较', at + 1);
    else nextBi = text.indexOf('比', at + 1);
    const c = text.charCodeAt(at);
    if (c === 0x6bd4 /* 比 */ && oneOf(NOT_COMPARE_BEFORE, text.charCodeAt(at - 1))) continue;
    let start = at;
    if (c === 0x6bd4 && (text.charCodeAt(at - 1) === 0x540c /* 同 */ || text.charCodeAt(at - 1) === 0x73af) /* 环 */) start = at - 1;
    CHANGE.lastIndex = start;
    const m = CHANGE.exec(text);
    if (!m) continue;
    const end = start + m[0].length;
    if (report.opaque.overlaps(start, end) || text.slice(start, end).includes('\n')) continue;
    // "分别较上年提高…、…": lists pair values with subjects, not one base with one change.
    const after = text.charCodeAt(end);
    if (after === 0x3001 /* 、 */ || after === 0x548c /* 和 */) continue;
    const base = writtenOf(m[1], m[2], m[3]);
    const change = writtenOf(m[5], m[6], m[7]);
    let result: Written | null = null;
    let from = start;
    if (m[8] !== undefined) result = writtenOf(m[8], m[9], m[10]);
    else {
      const q = resultBefore(report, start);
      if (q) {
        const factor = measureOf(q.unit).factor * (q.scale === '万' ? 1e4 : q.scale === '亿' ? 1e8 : 1);
        result = { value: q.value * measureOf(q.unit).factor, decimals: q.decimals, step: 10 ** -q.decimals * factor, factor, scale: q.scale, unit: q.unit, text: text.slice(q.numberStart, q.end) };
        from = q.numberStart;
      }
    }
    if (!base || !change || !result) continue;
    const p = judgeChange(base, m[4], change, result, words.upWords.has(m[4]), from, end);
    if (p) problems.push(p);
  }
}

/**
 * The check of one base, change and result (`start`–`end`: where it is reported), or null
 * when their units do not make one: the result's kind differs from the base's, or a rate
 * changes by anything but 个百分点 (提高2% of a rate or a count is relative: not checked).
 */
function judgeChange(base: Written, verb: string, change: Written, result: Written, up: boolean, start: number, end: number): Problem | null {
  const baseKind = measureOf(base.unit).kind;
  if (measureOf(result.unit).kind !== baseKind) return null;
  // 较上年的50万元增长12%，达到56万元: a count or an amount grows by a share of itself.
  if (baseKind !== '%' && change.unit === '%') return judgeRelative(base, verb, change, result, up, start, end);
  if (baseKind === '%' ? change.unit !== '个百分点' : measureOf(change.unit).kind !== baseKind) return null;
  const expected = applyChange(base, change, up);
  // Each written figure may be rounded by half its last digit: counts are exact, whole
  // percentages were rounded to a point.
  const rate = baseKind === '%';
  const slack = (roundedBy(base, rate) + roundedBy(change, rate) + roundedBy(result, rate)) / 2 + 1e-9;
  const wrong = Math.abs(expected.value - result.value) > slack;
  const unitShown = baseKind === '%' ? '%' : base.scale + base.unit;
  const data = {
    base: base.text,
    verb,
    verbEn: up ? 'up' : 'down',
    change: change.text,
    sign: up ? '+' : '−',
    expected: formatNumber(expected.value / base.factor) + unitShown,
    result: result.text,
  };
  return checked(!wrong, wrong ? 'changeWrong' : 'changeOk', data, start, end);
}

/**
 * A relative change of a count or an amount: the growth (result − base) ÷ base, over the
 * range the printed figures allow, must come within one point of the stated percentage (a
 * writer rounds a growth rate to a whole point or to one decimal).
 */
function judgeRelative(base: Written, verb: string, change: Written, result: Written, up: boolean, start: number, end: number): Problem | null {
  if (!(base.value > 0)) return null;
  const half = (w: Written) => (w.decimals > 0 || w.factor > 1 ? w.step / 2 : 0);
  const signed = (r: number, b: number) => ((up ? r - b : b - r) / b) * 100;
  const lowest = signed(up ? result.value - half(result) : result.value + half(result), base.value + half(base));
  const highest = signed(up ? result.value + half(result) : result.value - half(result), Math.max(Number.MIN_VALUE, base.value - half(base)));
  const min = Math.min(lowest, highest);
  const max = Math.max(lowest, highest);
  const wrong = change.value < min - 1 - 1e-9 || change.value > max + 1 + 1e-9;
  const expected = base.value * (1 + ((up ? 1 : -1) * change.value) / 100);
  const data = {
    base: base.text,
    verb,
    verbEn: up ? 'up' : 'down',
    change: change.text,
    sign: up ? '+' : '−',
    expected: formatNumber(Math.round((expected / base.factor) * 100) / 100) + base.scale + base.unit,
    result: result.text,
    actual: `${formatNumber(Math.round(signed(result.value, base.value) * 10) / 10)}%`,
  };
  return checked(!wrong, wrong ? 'relativeWrong' : 'relativeOk', data, start, end);
}

/** How much a written figure may have been rounded by: its last digit's step (a whole count: 0). */
function roundedBy(w: Written, rate: boolean): number {
  return w.decimals > 0 ? w.step : rate ? 1 : 0;
}


/** A value's number in base units with its decimals, or null (unreadable). */
function writtenOf(number: string, scale: string | undefined, unit: string): Written | null {
  const n = numberValue(number);
  if (!n) return null;
  const factor = (scale === '万' ? 1e4 : scale === '亿' ? 1e8 : 1) * measureOf(unit).factor;
  return { value: n.value * factor, decimals: n.decimals, step: 10 ** -n.decimals * factor, factor, scale: scale ?? '', unit, text: number + (scale ?? '') + unit };
}

/**
 * The result stated before "，较…": the exact quantity ending right before the comma at
 * `at - 1` (or right at `at`), in the same line. "党员总数达到351名，较上年的326名增加25名".
 */
function resultBefore(report: Report, at: number): Quantity | null {
  const comma = report.text.charCodeAt(at - 1);
  const endAt = comma === 0xff0c /* ， */ || comma === 0x2c ? at - 1 : at;
  const qs = report.quantities;
  const q = qs[lowerBound(qs, (x) => x.end < endAt)];
  if (!q || q.end !== endAt || q.bound !== 'exact' || q.qualifiers.length > 0 && !q.qualifiers.every((w) => w === '达' || w === '达到' || w === '共')) return null;
  return report.lines.lineAt(q.start) === report.lines.lineAt(at) ? q : null;
}

/** Value groups `from` to `from + 4` (number, scale, 余/多, unit, after-qualifier) as written. */
function asWritten(m: RegExpExecArray, from: number): string {
  return (m[from] ?? '') + (m[from + 1] ?? '') + (m[from + 2] ?? '') + (m[from + 3] ?? '') + (m[from + 4] ?? '');
}

/** A written value's bounds in base units; null for 约/左右 or an unreadable number. */
function valueOf(before: string | undefined, number: string, scale: string | undefined, mid: string | undefined, unit: string, after: string | undefined, text: string): Value | null {
  const n = numberValue(number);
  if (!n || before === '约' || after === '左右') return null;
  const v = n.value * (scale === '万' ? 1e4 : scale === '亿' ? 1e8 : 1) * measureOf(unit).factor;
  const lower = after === '以上' || before === '超过' || before === '逾';
  const upper = after === '以下' || before === '近' || before === '不足' || before === '不到';
  // 余/多 right after a number stop short of its next step (1900多 in [1900, 2000),
  // sentence.ts lastDigitStep): a trend down from 1900多 to 2316 is contradicted.
  const some = mid === '余' || mid === '多';
  if ((lower || some) && upper) return null;
  const next = some && !lower ? v + lastDigitStep(number) * (scale === '万' ? 1e4 : scale === '亿' ? 1e8 : 1) * measureOf(unit).factor * (1 - 1e-6) : v;
  return { min: upper ? -Infinity : v, max: lower ? Infinity : next, text: (before ?? '') + text };
}
