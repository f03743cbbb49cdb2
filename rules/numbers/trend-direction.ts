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
 * trend-bare.ts; a result and its base in two clauses with the direction before or after
 * them ("全年发生7起，上年为4起，同比减少"): trend-year-pair.ts; a direction apart from its pair ("由A增至B，同比下降…", "从A到B，有所减少",
 * "与A相比，…上升至B"): trend-after.ts; a base after 较/比 with the result after the direction
 * ("较上年的68.4万人次增长至64.9万人次"): trend-compared.ts.
 *
 * Also a base, a change and a result stated together ("较上年的88.5%提高2.1个百分点，达到
 * 90.6%"; "351名，较上年的326名增加25名"): result = base ± change (checkChanges). That
 * arithmetic, the neutral pairs and the value readers live in trend-change.ts. And a count
 * whose change since a base period counts other things ("基层组织517.6万个，较上年净增11.1万人":
 * organisations do not grow by people): trend-unit.ts.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { checked, clauseStart, measureOf, oneOf } from './sentence';
import { bareComparisons } from './trend-bare';
import { unitClashes } from './trend-unit';
import { yearPairs } from './trend-year-pair';
import { comparedPairs, directionAfterPair, toPair } from './trend-after';
import { comparedBasePairs } from './trend-compared';
import { toPairChange, yearChangeAfter } from './trend-stated-change';
import { changeAfter, changeBefore, checkChanges, comparisonStarts, neutralPair, TIME, VALUE, type Value, valueOf } from './trend-change';
import { amountAndRate } from './trend-amount-rate';
import { judgeChange, writtenOf } from './trend-judge';

const words = sentenceNumbers.trend;
/**
 * "由上年同期的平均8.6分钟缩短至…", "由每亩860元降至…": an average or a per-unit value (每亩,
 * 每户, 每公斤, 每百人, 每万车公里: a base of up to four characters) is still the value the
 * trend compares.
 */
const AVERAGE = '(?:平均|人均|户均|日均|月均|亩均|每(?:公斤|平方米|\\p{Script=Han}{1,4}))?';
const BEFORE = `${AVERAGE}(约|近|不足|不到|超过|逾)?`;
/**
 * Groups: 1 before-qualifier A, 2–6 value A (number, scale, 余/多, unit, after-qualifier),
 * 7 verb (an adverb before it, 进一步, is no group), 8 到/至/为, 9 before-qualifier B, 10–14 value B. Every part is bounded: linear time.
 * Sticky: tried only where a 从 or 由 stands, which is where every match starts.
 */
const TREND = new RegExp(`(?:从|由)${TIME}${BEFORE}${VALUE}的?(?:${words.adverbs})?(${words.up}|${words.down})(了?(?:到|至|为))${TIME}${BEFORE}${VALUE}`, 'uy');

/**
 * What may follow the 从 or 由 of a TREND match, by code unit: a digit or a Chinese numeral
 * (the value, or a year), a before-qualifier (约, 近, 不足, 超过, 逾…), an average's or a
 * per-unit word (平均, 人均, 每亩…), or a time word. Most
 * 从 and 由 (从严, 由于) are followed by none, and TREND, a long regex, is not run there.
 */
const MAY_FOLLOW: number[] = [...new Set([...'0123456789零〇一二三四五六七八九十百千两约近不超逾平人户日月亩每', ...firstChars(words.timePrefixes)].map((c) => c.charCodeAt(0)))];

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
      unitClash: {
        'zh-CN': '{count}后写“{change}”：变化量的量词“{changeUnit}”与数量的量词“{countUnit}”所计不是同一类对象 ✗',
        en: '{count} then "{change}": the change counts in "{changeUnit}", the figure it changes in "{countUnit}", which count different things ✗',
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
        const n = neutralPair(report, text, start) ?? toPair(report, start) ?? toPairChange(report, start);
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
      if (unitB ? unitA && measureOf(unitA).kind !== measureOf(unitB).kind : !bareIndex(m, text, end)) continue;
      if (unitB === '年' && (/^\d{4}$/u.test(m[10]) || /^\d{4}$/u.test(m[2]))) continue;
      const a = valueOf(m[1], m[2], m[3], m[4], unitA || unitB, m[6], asWritten(m, 2));
      const b = valueOf(m[9], m[10], m[11], m[12], unitB, m[14], asWritten(m, 10));
      if (!a || !b) continue;
      const up = words.upWords.has(m[7]);
      // 降至, 增至: a one-character verb is shown with its 至.
      const verb = m[7].length === 1 ? m[7] + m[8] : m[7];
      // Contradicted only if every value the bounds allow goes the wrong way.
      // A floor set as the target (`提升至16.8%以上` from 17.3%) is no rise when the base already
      // stands on or above it (and a ceiling, 以下, no fall when the base is on or below it).
      const floorWrong = up ? m[14] === '以上' && a.min >= b.min : m[14] === '以下' && a.max <= b.max;
      const wrong = (up ? a.min >= b.max : a.max <= b.min) || floorWrong;
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
      // "由1860件增至2140件，同比下降15.1%": the 同比 direction must be the pair's.
      const after = wrong ? null : directionAfterPair(report, end, up, a.text, b.text, start);
      if (after) problems.push(after);
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
          // …or after a comparison with the year before (`，较上年提高1.8个百分点`) or as a noun (`，增幅…`: trend-stated-change.ts).
          const c = changeAfter(text, end) ?? yearChangeAfter(text, end, m);
          const change = c ? writtenOf(c.number, c.scale, c.unit) : null;
          const changeUp = c ? c.verb === '净增' || (c.verb !== '净减' && words.upWords.has(c.verb)) : false;
          if (c && change && changeUp === up) {
            const p = judgeChange(base, c.verb, change, result, up, start, end + c.length);
            if (p) problems.push(p);
          } else if (!c) {
            // "就业率较去年同期提高4.2个百分点，由83.5%提高到86.7%": the change stated right
            // before the pair, going its way, in its unit (a rate's in 个百分点).
            const d = changeBefore(text, start);
            const early = d ? writtenOf(d[2], d[3], d[4]) : null;
            const sameKind = d ? (d[4] === '个百分点' ? measureOf(unitB).kind === '%' : measureOf(d[4]).kind === measureOf(unitB).kind || d[4] === '%') : false;
            if (d && early && sameKind && words.upWords.has(d[1]) === up) {
              const p = judgeChange(base, d[1], early, result, up, start - d[0].length, end);
              if (p) problems.push(p);
            }
          }
        }
      }
    }
    checkChanges(report, problems);
    // `达到23.6亿元，比上年增加1.8亿元，较上年增长5.2%`: the amount and the rate of one change (trend-amount-rate.ts).
    for (const start of comparisonStarts(report.text)) {
      const p = amountAndRate(report, start);
      if (p) problems.push(p);
    }
    problems.push(...unitClashes(report));
    problems.push(...bareComparisons(report));
    problems.push(...yearPairs(report));
    problems.push(...comparedPairs(report));
    problems.push(...comparedBasePairs(report));
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

/**
 * Whether a pair with no unit on either value is an index written bare ("平均学分绩点由上年的
 * 3.41提高到3.36。", "满意度指数从86提升至91，") or a count in 万/亿 whose noun stands before
 * the pair ("门诊诊疗人次由上年的4.86万增长至4.71万，"): both values Arabic, the same scale
 * word on both or on neither, no 余/多 or qualifier, not both four-digit integers (years), and the second value ends its clause (a
 * punctuation mark or the line's end), so no unit the data lacks ("从1.5提高到2.0倍") hides
 * after it.
 */
function bareIndex(m: RegExpExecArray, text: string, end: number): boolean {
  for (const g of [1, 4, 6, 9, 12, 14]) if (m[g]) return false;
  // "门诊人次由上年的4.86万增长至4.71万，": a count in 万/亿 whose noun stands before 由 —
  // read when both values carry the same scale word.
  if ((m[3] ?? '') !== (m[11] ?? '')) return false;
  if (!/^\d+(?:\.\d+)?$/u.test(m[2]) || !/^\d+(?:\.\d+)?$/u.test(m[10])) return false;
  if (/^\d{4}$/u.test(m[2]) && /^\d{4}$/u.test(m[10])) return false;
  const next = text.charCodeAt(end);
  return Number.isNaN(next) || next === 0x0a || next === 0x0d || CLAUSE_END.includes(next);
}

/** Punctuation that ends the clause a bare index closes: ，。；、 and their ASCII forms, ） and ). */
const CLAUSE_END = [...'，。；、：,.;:）)'].map((c) => c.charCodeAt(0));

/** Value groups `from` to `from + 4` (number, scale, 余/多, unit, after-qualifier) as written. */
function asWritten(m: RegExpExecArray, from: number): string {
  return (m[from] ?? '') + (m[from + 1] ?? '') + (m[from + 2] ?? '') + (m[from + 3] ?? '') + (m[from + 4] ?? '');
}

