/**
 * trend-direction's arithmetic of a change: a base, a change and a result stated together
 * ("较上年的88.5%提高2.1个百分点，达到90.6%", "351名，较上年的326名增加25名",
 * "由326名增加到351名，增加25名", "在上年末86TB的基础上新增12TB，达到98TB", "48场，…，比上年
 * 增加8场，上年为40场") must agree, result = base ± change (checkChanges; the judging in
 * trend-judge.ts), and a from/to pair with a neutral verb ("减少6件，由11件变为17件") takes its
 * direction from the change before it (neutralPair). Also the value patterns (TIME, VALUE)
 * and readers (valueOf, writtenOf) the rule's from/to pairs share with these.
 *
 * Separate from the rule file (trend-direction.ts, which keeps `{ id, meta, check }` and the
 * from/to scan) to keep each under the project's ~400-line module guideline: this is the
 * part that reads and judges amounts of change, the rule the part that finds the pairs.
 * Offsets are UTF-16 code units into `report.text`; problems use the rule's message ids
 * (wrong/ok, changeWrong/changeOk, relativeWrong/relativeOk). Nothing here throws.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Quantity } from '../model/quantities';
import { checked, lastDigitStep, measureOf, NUMBER_SOURCE, numberValue, oneOf, sentenceEnd } from './sentence';
import { judgeChange, type Written, writtenOf } from './trend-judge';
import { lowerBound } from '../model/lower-bound';

const words = sentenceNumbers.trend;
/**
 * What may stand between 从/由/较 and a value: a time word (上年, 2023年底) with an optional
 * 同期 and 的, or any short qualifier ending in 的 (上年同期的, 去年同期的, 换届前的,
 * 全镇的): the value belongs to the phrase, whatever it names. At most 8 Han characters
 * before the 的: bounded, and no room for a clause of its own.
 */
export const TIME = `(?:(?:${words.timePrefixes}|\\d{4}年(?:初|底|末)?)(?:同期)?的?|(?:\\d{4}年)?\\d{1,2}月(?:底|末|初|份)?的?|\\p{Script=Han}{1,8}?的)?`;
/**
 * A value as a pattern source: number, 万/亿, 余/多, unit, after-qualifier (five groups, in
 * this order). No flags of its own; the caller's regex must have `u`.
 */
export const VALUE = `(${NUMBER_SOURCE})(万|亿)?(余|多)?(${words.valueUnits})?(以上|以下|左右)?`;

/** A written value's bounds (see valueOf). */
export interface Value {
  /** Smallest and largest value the written one allows, in base units; null when vague. */
  min: number;
  max: number;
  text: string;
}

/** A value as written: number, 万/亿 and unit; exact (no qualifier) by construction. */
const PLAIN = `(${NUMBER_SOURCE})(万|亿)?(${words.valueUnits})`;
/**
 * A change as written: PLAIN, or a per-mille rate's change in 个千分点 (`下降0.08个千分点`),
 * which valueUnits (the units a value carries) does not hold. Groups as PLAIN's.
 */
const CHANGE_PLAIN = `(${NUMBER_SOURCE})(万|亿)?(个千分点|${words.valueUnits})`;
/**
 * What may lead to the result after the change: 达到, 为, 至, 提高到… (then a time word),
 * maybe after the period the result is of and 共/累计: "较上年的47件下降了12件，全年为39件",
 * "…，今年共达到…". The period comes before the verb here; TIME covers one after it.
 */
const RESULT_PERIODS = '全年|今年|本年|当年|年底|年末|目前|现在|截至年底';
/**
 * What may lead to the result: the period (`，全年为39件`) or a word naming the whole the
 * figure totals (`，总量达到102TB`, `，总数为529名`: the same thing, grown), then the verb.
 */
const RESULT_WHOLES = '总量|总数|总额|总规模';
const TO_RESULT = `(?:(?:${RESULT_PERIODS})(?:共|累计)?|${RESULT_WHOLES})?(?:达到了?|达|为|至|到|(?:${words.up}|${words.down})(?:到|至))`;
/** A result led by its period after the change's comma (`，全年为39件`): RESULT_PERIODS. */
const PERIOD_RESULT = new RegExp(`[，,](?:${RESULT_PERIODS})`, 'u');
/**
 * A period shorter than the year (`一季度…较上年同期的15件减少了3件`, `上半年`, `3月份`): its
 * change is of that period, so a result of the whole year after it (`，全年为52件`) is
 * another figure, not base ± change.
 */
const PART_OF_YEAR = /同期|季度|半年|[0-9一二三四五六七八九十]月|月份/u;
/**
 * "较上年的88.5%提高2.1个百分点，达到90.6%" and "…351名，较上年的326名增加25名": a base,
 * a change and (here or before) a result. Sticky at a 较 or 比. Groups: 1–3 base (number,
 * scale, unit), 4 verb, 5–7 change, 8–10 result (absent when the result came before).
 */
const CHANGE = new RegExp(
  `(?:较|比|同比|环比)${TIME}(?:同期)?的?${PLAIN}(?:相比)?(${words.up}|${words.down})了?${CHANGE_PLAIN}` +
    `(?:[，,]?${TO_RESULT}${TIME}的?${PLAIN}(?![\\d.万亿余多]|以上|以下|左右))?`,
  'uy',
);
/**
 * "由上年的91.5%提高1.8个百分点，达到93.3%": a base after 由/从, the change right after it
 * (no 到/至: that is a from/to pair) and the result after the comma, all three required.
 * Sticky at the 由/从. Groups as CHANGE's.
 */
const CHANGE_FROM = new RegExp(
  `(?:由|从)${TIME}(?:同期)?的?${PLAIN}(${words.up}|${words.down})了?${CHANGE_PLAIN}` +
    `[，,]?${TO_RESULT}${TIME}的?${PLAIN}(?![\\d.万亿余多]|以上|以下|左右)`,
  'uy',
);

/**
 * "41起，较上年减少12起（上年35起）": the change first, its base in a bracket right after it
 * naming the earlier period. Sticky at a 较 or 比. Groups: 1 verb, 2–4 change, 5–7 base; the
 * result stands before (resultBefore). Or the result between the change and the bracket,
 * after a word of reaching ("较上年提高1.2个百分点，达到98.6%（上年为97.6%）"): groups 11–13
 * the result, 14–16 the base.
 */
const CHANGE_BASE_AFTER = new RegExp(
  `(?:较|比|同比|环比)(?:上年|去年|上一年)?(?:同期)?(${words.up}|${words.down})了?${CHANGE_PLAIN}` +
    `(?:[（(](?:上年|去年|上一年)(?:同期)?(?:为|是)?${PLAIN}[）)]|[，,](?:上年|去年|上一年)(?:同期)?(?:为|是)${PLAIN}(?![\\d.万亿余多]|以上|以下|左右)` +
    `|[，,]${TO_RESULT}${PLAIN}[（(](?:上年|去年|上一年)(?:同期)?(?:为|是)?${PLAIN}[）)])`,
  'uy',
);
/**
 * "…在上年末86TB的基础上新增12TB，达到102TB": a base named as the ground of the change
 * (在…的基础上, 的 may be left out), the change (a verb, or 新增/净增) and the result after 达到/为/至. Sticky at
 * the 在. Groups: 1–3 base, 4 verb, 5–7 change, 8–10 result.
 */
const CHANGE_ON_BASE = new RegExp(
  `在${TIME}(?:同期)?的?${PLAIN}的?基础上[，,]?((?:新|净)?(?:${words.up})|${words.down})了?${CHANGE_PLAIN}` +
    `[，,]?${TO_RESULT}${TIME}的?${PLAIN}(?![\\d.万亿余多]|以上|以下|左右)`,
  'uy',
);

/** Characters before a 比 that make it part of another word (占比, 对比, 评比, 相比, 类比…). */
const NOT_COMPARE_BEFORE = [...'占对评相类排无正反好之'].map((c) => c.charCodeAt(0));

/**
 * Where a comparison with a base may start, in text order: at each 较, and at each 比 that is
 * no part of another word (占比, 对比, 评比…), moved back onto the 同/环 of 同比/环比. Shared
 * by the change check here and the bare comparisons of trend-bare.ts. The next 较 and the
 * next 比 are each searched again only once passed: linear in the text even where one of
 * them never occurs. Offsets are UTF-16 code units.
 */
export function comparisonStarts(text: string): number[] {
  const starts: number[] = [];
  let nextJiao = text.indexOf('较');
  let nextBi = text.indexOf('比');
  while (nextJiao >= 0 || nextBi >= 0) {
    const at = nextBi < 0 || (nextJiao >= 0 && nextJiao < nextBi) ? nextJiao : nextBi;
    if (at === nextJiao) nextJiao = text.indexOf('较', at + 1);
    else nextBi = text.indexOf('比', at + 1);
    const c = text.charCodeAt(at);
    if (c === 0x6bd4 /* 比 */ && oneOf(NOT_COMPARE_BEFORE, text.charCodeAt(at - 1))) continue;
    const before = text.charCodeAt(at - 1);
    starts.push(c === 0x6bd4 && (before === 0x540c /* 同 */ || before === 0x73af) /* 环 */ ? at - 1 : at);
  }
  return starts;
}

/**
 * The change stated right after a from/to pair: "，增加25名", "，提高了2.1个百分点", "，净增
 * 25名", "，新增6个" (新增 is 增 of what was added since the base). Sticky at the pair's end.
 * Groups: 1 新 when written, 2 verb, 3–5 change (number, scale, unit).
 */
const CHANGE_AFTER = new RegExp(`[，,](?:共|净|(新))?(${words.up}|${words.down}|净增|净减)了?${PLAIN}(?![\\d.万亿余多]|以上|以下|左右)`, 'uy');

/**
 * A change stated beside a from/to pair, as written: `length` is how many UTF-16 code units of
 * the text it takes (from its comma), `verb` its direction word (增加, 提高, 净增 …), `number`,
 * `scale` (万/亿 or undefined) and `unit` its amount.
 */
export interface StatedChange {
  length: number;
  verb: string;
  number: string;
  scale: string | undefined;
  unit: string;
}

/**
 * The change stated right at `at` (a from/to pair's end, a UTF-16 index into `text`) as
 * CHANGE_AFTER matches it, or null.
 */
export function changeAfter(text: string, at: number): StatedChange | null {
  CHANGE_AFTER.lastIndex = at;
  const c = CHANGE_AFTER.exec(text);
  if (!c) return null;
  // 新增 names only what was added: `由32名增加到38名，新增4名，转入2名` goes on with other inflows
  // in the change's unit, so it is the whole change only where none follows in its sentence.
  if (c[1] !== undefined && inflowFollows(text, at + c[0].length, c[5])) return null;
  return { length: c[0].length, verb: c[2], number: c[3], scale: c[4], unit: c[5] };
}

/**
 * Whether another amount in `unit` follows `from` before its sentence ends (the model's
 * `sentenceEnd`: 。；！？, read at most WINDOW units on) or its line does: `，新增4名，转入2名`.
 */
function inflowFollows(text: string, from: number, unit: string): boolean {
  let rest = text.slice(from, sentenceEnd(text, from));
  const lineBreak = rest.search(/[\n\r]/u);
  if (lineBreak >= 0) rest = rest.slice(0, lineBreak);
  for (let k = rest.indexOf(unit); k > 0; k = rest.indexOf(unit, k + 1)) if (/[0-9]/.test(rest[k - 1])) return true;
  return false;
}

/**
 * The change stated right before a from/to pair starting at `start` (its 从/由), ending at
 * the comma before it: "较去年同期提高4.2个百分点，由83.5%提高到…" (groups as CHANGE_BEFORE:
 * 1 verb, 2–4 number, scale, unit), or null.
 */
export function changeBefore(text: string, start: number): RegExpExecArray | null {
  return CHANGE_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
}

/**
 * "减少6件，由11件变为17件": a from/to pair with a neutral verb (变为, 调整为) takes its
 * direction from a change stated right before it. Sticky at 从/由. Groups: 1–5 value A
 * (number, scale, 余/多, unit, after-qualifier), 6–10 value B.
 */
const NEUTRAL = new RegExp(`(?:从|由)${TIME}${VALUE}的?(?:变为|变成|调整为|调整到|变化为)${TIME}${VALUE}`, 'uy');
/** The change right before a neutral pair, ending at its comma: `减少6件，`, `下降0.8个百分点，`. Groups: 1 verb, 2–4 change. */
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
export function neutralPair(report: Report, text: string, start: number): { problem: Problem; end: number } | null {
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
  if (!unitB || (unitA && measureOf(unitA).kind !== measureOf(unitB).kind)) return null;
  // A rate changes by 个百分点; anything else changes in its own unit.
  if (c && (c[4] === '个百分点' ? measureOf(unitB).kind !== '%' : measureOf(c[4]).kind !== measureOf(unitB).kind)) return null;
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

/**
 * Base, change and result stated together must agree: result = base ± change, exactly as
 * written (sentence.ts applyChange), give or take the rounding of each figure (half its last
 * digit; whole percentages to a point, whole counts exactly). A rate changes by 个百分点; a change in % of a rate or a
 * count is relative and is not checked, nor are values with qualifiers (余, 约, 以上).
 */
export function checkChanges(report: Report, problems: Problem[]): void {
  const { text } = report;
  for (const start of comparisonStarts(text)) {
    CHANGE.lastIndex = start;
    checkChange(report, start, CHANGE.exec(text), problems);
  }
  // 由上年的91.5%提高1.8个百分点，达到93.3%: the same check after 由/从 (CHANGE_FROM).
  FROM_WORD.lastIndex = 0;
  for (let w = FROM_WORD.exec(text); w; w = FROM_WORD.exec(text)) {
    CHANGE_FROM.lastIndex = w.index;
    const m = CHANGE_FROM.exec(text);
    if (m) checkChange(report, w.index, m, problems);
  }
  // 在上年末86TB的基础上新增12TB，达到102TB: the base as the ground of the change (CHANGE_ON_BASE).
  for (let at = text.indexOf('基础上'); at >= 0; at = text.indexOf('基础上', at + 1)) {
    const open = text.lastIndexOf('在', at);
    if (open < 0 || at - open > ON_BASE_REACH) continue;
    CHANGE_ON_BASE.lastIndex = open;
    const m = CHANGE_ON_BASE.exec(text);
    if (m) checkChange(report, open, m, problems);
  }
}

/** The longest 在…的基础上 read as a base (code units from 在 to 基础上): a time word and one value. */
const ON_BASE_REACH = 24;

/** Each 由 or 从 of the text, in order (global: reset before use). */
const FROM_WORD = /[由从]/gu;

/** CHANGE's (or CHANGE_FROM's) match `m` at `start`, judged; with no match, the base-after reading. */
function checkChange(report: Report, start: number, m: RegExpExecArray | null, problems: Problem[]): void {
  const { text } = report;
  if (!m) {
    baseAfter(report, start, problems);
    return;
  }
  const end = start + m[0].length;
  if (report.opaque.overlaps(start, end) || text.slice(start, end).includes('\n')) return;
  // "分别较上年提高…、…": lists pair values with subjects, not one base with one change.
  const after = text.charCodeAt(end);
  if (after === 0x3001 /* 、 */ || after === 0x548c /* 和 */) return;
  const base = writtenOf(m[1], m[2], m[3]);
  const change = writtenOf(m[5], m[6], m[7]);
  let result: Written | null = null;
  let from = start;
  if (m[8] !== undefined) {
    // `一季度…较上年同期的15件减少了3件，全年为52件`: the year's figure is no result of the quarter's change.
    if (PERIOD_RESULT.test(m[0]) && PART_OF_YEAR.test(text.slice(sentenceBefore(text, start), end))) return;
    result = writtenOf(m[8], m[9], m[10]);
  }
  else {
    const q = resultBefore(report, start);
    if (q) {
      const factor = measureOf(q.unit).factor * (q.scale === '万' ? 1e4 : q.scale === '亿' ? 1e8 : 1);
      result = { value: q.value * measureOf(q.unit).factor, decimals: q.decimals, step: 10 ** -q.decimals * factor, factor, scale: q.scale, unit: q.unit, text: text.slice(q.numberStart, q.end) };
      from = q.numberStart;
    }
  }
  if (!base || !change || !result) return;
  const p = judgeChange(base, m[4], change, result, words.upWords.has(m[4].replace(/^[新净]/u, '')), from, end);
  if (p) problems.push(p);
}

/** Where the sentence holding `at` starts (after 。！？； or a line break), at most 80 code units back. */
function sentenceBefore(text: string, at: number): number {
  const stop = Math.max(0, at - 80);
  for (let i = at - 1; i >= stop; i--) if ('。！？；\n'.includes(text[i])) return i + 1;
  return stop;
}

/** The CHANGE_BASE_AFTER reading at `start`, judged against the result before it. */
function baseAfter(report: Report, start: number, problems: Problem[]): void {
  const { text } = report;
  CHANGE_BASE_AFTER.lastIndex = start;
  const m = CHANGE_BASE_AFTER.exec(text);
  if (!m) return;
  const end = start + m[0].length;
  if (report.opaque.overlaps(start, end)) return;
  const change = writtenOf(m[2], m[3], m[4]);
  if (m[11] !== undefined) {
    // The result between the change and the bracketed base (groups 11–13, base 14–16).
    const stated = writtenOf(m[11], m[12], m[13]);
    const earlier = writtenOf(m[14], m[15], m[16]);
    const p = stated && earlier && change ? judgeChange(earlier, m[1], change, stated, words.upWords.has(m[1]), start, end) : null;
    if (p) problems.push(p);
    return;
  }
  // The base in a bracket (groups 5–7) or in a clause of its own after a comma (8–10).
  const clause = m[5] === undefined;
  const base = clause ? writtenOf(m[8], m[9], m[10]) : writtenOf(m[5], m[6], m[7]);
  if (!base || !change) return;
  // A base in a clause of its own: the result is the sentence's last figure in the base's
  // kind of unit (`48场，每场时长2小时，比上年增加8场，上年为42场`), never after a 其中.
  const near = resultBefore(report, start);
  const q = !clause ? near : near && measureOf(near.unit).kind === measureOf(base.unit).kind && !text.slice(sentenceBefore(text, start), start).includes('其中') ? near : sameUnitBefore(report, start, base.unit);
  if (!q) return;
  const factor = measureOf(q.unit).factor * (q.scale === '万' ? 1e4 : q.scale === '亿' ? 1e8 : 1);
  const result: Written = { value: q.value * measureOf(q.unit).factor, decimals: q.decimals, step: 10 ** -q.decimals * factor, factor, scale: q.scale, unit: q.unit, text: text.slice(q.numberStart, q.end) };
  const p = judgeChange(base, m[1], change, result, words.upWords.has(m[1]), q.numberStart, end);
  if (p) problems.push(p);
}

/**
 * The result stated before "，较…": the exact quantity ending right before the comma at
 * `at - 1` (or right at `at`), in the same line. "党员总数达到351名，较上年的326名增加25名".
 * Not the last item of a 其中 list of parts (`收购粮食46.8万吨，其中小麦21.5万吨、…、玉米8.7万吨，
 * 较上年的41.3万吨增长13.3%`): the change is the whole's, stated before the list.
 */
export function resultBefore(report: Report, at: number): Quantity | null {
  const { text } = report;
  const comma = text.charCodeAt(at - 1);
  const endAt = comma === 0xff0c /* ， */ || comma === 0x2c ? at - 1 : at;
  const qs = report.quantities;
  const q = qs[lowerBound(qs, (x) => x.end < endAt)];
  if (!q || q.end !== endAt || q.bound !== 'exact' || q.qualifiers.length > 0 && !q.qualifiers.every((w) => w === '达' || w === '达到' || w === '共')) return null;
  if (report.lines.lineAt(q.start) !== report.lines.lineAt(at)) return null;
  // Within the sentence's last 80 units (sentenceBefore): no search back through the report.
  const from = sentenceBefore(text, q.start);
  const qizhong = text.slice(from, q.start).lastIndexOf('其中');
  return qizhong >= 0 && text.slice(from + qizhong, q.start).includes('、') ? null : q;
}

/**
 * "全年开展演出48场，每场时长60-90分钟，比上年增加8场，上年为42场": the result of a change
 * whose base follows it in a clause of its own, when a clause in another unit stands between
 * (resultBefore found none): the nearest exact quantity in `unit` before `at`, in the same
 * sentence and line (no 。！？； between) and not after a 其中 (a part is no result of the
 * whole's change). Null otherwise.
 */
function sameUnitBefore(report: Report, at: number, unit: string): Quantity | null {
  const { text } = report;
  const from = sentenceBefore(text, at);
  if (text.slice(from, at).includes('其中')) return null;
  const qs = report.quantities;
  for (let k = lowerBound(qs, (x) => x.end < at) - 1; k >= 0 && qs[k].start >= from; k--) {
    const q = qs[k];
    if (q.end > at || q.unit !== unit) continue;
    return q.bound === 'exact' && q.qualifiers.length === 0 ? q : null;
  }
  return null;
}

/**
 * A written value's bounds in base units (万/亿 and money factors applied): 余/多/以上/超过/逾
 * make it a lower bound, 以下/近/不足/不到 an upper one; null for 约/左右, for both kinds of
 * bound at once, or an unreadable number. `text` is the value as written, for messages.
 */
export function valueOf(before: string | undefined, number: string, scale: string | undefined, mid: string | undefined, unit: string, after: string | undefined, text: string): Value | null {
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
