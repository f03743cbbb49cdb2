/**
 * Where total-breakdown's parts end and which quantity before 其中 is the total, for
 * breakdowns.ts and the readings beside it: the quantity nearest before a marker, a percent
 * change standing aside between a total and 其中 (`41.6万人次，同比增长18.4%，其中…`), a total
 * that counts meetings (whose agenda parts may overlap), and the readers of a list's end —
 * past a ； that only goes on with the list, a bracket's closer — with the small character
 * tests they share. Offsets are UTF-16 code units; `from` is the line's absolute start.
 * Vocabulary: rules/data/sentence-numbers.yaml (`breakdown`).
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import { lowerBound } from '../model/lower-bound';
import { isBand } from './dimensions';
import { clauseEnd, compatibleUnits, greater, isClauseEndChar, quantitiesIn, readingInterval, sentenceEnd } from './sentence';

const words = sentenceNumbers.breakdown;
const IDEOGRAPHIC_COMMA = 0x3001; // 、

/**
 * The quantity ending nearest before `offset` on its line (which starts at `from`), or
 * null: `quantities` are the report's, sorted by start, so a binary search finds it.
 */
export function lastBefore(quantities: readonly Quantity[], from: number, offset: number): Quantity | null {
  let found = lowerBound(quantities, (q) => q.start < offset) - 1;
  // Quantities do not overlap: only the last one starting before `offset` may straddle it.
  if (found >= 0 && quantities[found].end > offset) found--;
  return found >= 0 && quantities[found].start >= from ? quantities[found] : null;
}

/** The comparison a change clause may open with: 同比, 比上年同期, 较年初… */
const COMPARED = '(?:同比|环比|(?:比|较)(?:上年同期|上年末|上年底|上年|去年同期|去年|年初|上月|上季度))';
const MOVED = `(?:${sentenceNumbers.trend.up}|${sentenceNumbers.trend.down})了?`;
/** A change in percent that stands as a clause of its own after a total: `同比增长`, `比上年下降了`, `增长`. */
const CHANGE_ASIDE = new RegExp(`^${COMPARED}?${MOVED}$`, 'u');
/** A change in the total's own unit, a clause of its own after it: `较年初增加` (the comparison is needed). */
const AMOUNT_ASIDE = new RegExp(`^${COMPARED}${MOVED}$`, 'u');

/**
 * The total before 其中 when the quantity `q` nearest before it ends a change clause right
 * after the total (`41.6万人次，同比增长18.4%，其中…`; `386.5亿元，较年初增加27.4亿元，增长7.6%；
 * 其中…`): the quantity ending right before the first such clause's comma, through at most two
 * change clauses, the last a percent (a percent may be bare, 增长…; an amount before it needs
 * its comparison, 较年初…). An amount right before 其中 (`比上年增加12名，其中…`) may have the
 * parts itself: `q` is kept. Otherwise `q` itself.
 */
export function changeAside(lineText: string, from: number, q: Quantity, quantities: readonly Quantity[]): Quantity {
  let at = q;
  for (let step = 0; step < 2; step++) {
    // The first clause must be a percent: `比上年增加12名，其中…` may give the parts of the 12.
    if (step === 0 && at.unit !== '%') break;
    let comma = at.numberStart - from - 1;
    const stop = Math.max(0, comma - 8);
    while (comma >= stop && lineText.charCodeAt(comma) !== 0xff0c /* ， */) comma--;
    if (comma < stop || !(at.unit === '%' ? CHANGE_ASIDE : AMOUNT_ASIDE).test(lineText.slice(comma + 1, at.numberStart - from))) break;
    const before = lastBefore(quantities, from, from + comma);
    if (!before || before.end - from !== comma) break;
    at = before;
  }
  return at;
}

/**
 * Whether `total` counts meetings: its clause before the number (at most 20 code units)
 * names one (`召开党委会议`, `党组会`, `支委会`). A 会 in a word that names no meeting
 * (`社会`, `会员`, `机会`) does not count.
 */
export function isMeetingCount(lineText: string, from: number, total: Quantity): boolean {
  return MEETING.test(totalClause(lineText, from, total));
}

/**
 * Whether `total` counts the matters meetings took up: its clause before the number ends
 * with an agenda noun after an agenda word (`研究议题138项`, `审议重大事项40项`;
 * `breakdown.agendaCount`). Parts after 其中 that open with an agenda word (`前置研究…`)
 * class such matters by procedure or subject: they may overlap, as a meeting count's do.
 */
export function isAgendaCount(lineText: string, from: number, total: Quantity): boolean {
  return words.agendaCount.test(totalClause(lineText, from, total));
}

/** The text of `total`'s clause before its number: back to a clause end or ，, at most 20 code units. */
export function totalClause(lineText: string, from: number, total: Quantity): string {
  let s = total.numberStart - from;
  const end = s;
  while (s > 0 && end - s < 20 && !isClauseEndChar(lineText.charCodeAt(s - 1)) && lineText.charCodeAt(s - 1) !== 0xff0c /* ， */) s--;
  return lineText.slice(s, end);
}

/** A meeting named in a total's clause: 会议, or 会 ending a body's name (党委会, 支委会, 常委会). */
const MEETING = /会议|(?:委|组|党员大|代表大|联席|例|办公|座谈|民主生活|组织生活|推进|调度)会/u;

/** Whether `c` joins the parts of a list: 、 ， , ； ; */
export function isListSeparator(c: number): boolean {
  return c === IDEOGRAPHIC_COMMA || c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b;
}

/** Whether code unit `c` is a CJK unified ideograph (the BMP blocks). */
export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/**
 * Whether a label holds a verb (a new statement), a verb ending a noun (社会组织) aside. A verb
 * inside a place's name (服务中心) still counts here: after a 其中 list, `，党群服务中心15个`
 * is more often a new count than one more part (actionVerb is for runs closed by a total).
 */
export function startsStatement(label: string): boolean {
  return words.verbs.test(label.replace(words.nounHead, ''));
}

/**
 * The first verb (sentence-numbers.yaml `breakdown.verbs`) in `label` that acts: not one ending
 * a noun (`社会组织`, `noun_heads`) nor one inside a place's or body's name (`综合服务社`,
 * `verb_noun_suffixes`). Its `index` is a UTF-16 offset into `label`. Null when none acts.
 * Read by the readers of parts closed by a total after them (parts-before-total.ts,
 * parts-restated.ts, parts-kinds.ts), where the total ties the run together.
 */
export function actionVerb(label: string): RegExpExecArray | null {
  const mask = (m: string): string => '□'.repeat(m.length);
  return words.verbs.exec(label.replace(words.nounHead, mask).replace(words.verbNoun, mask));
}

/**
 * Whether a label opening with 其他/其余 (`remainder_words`) names the rest of the total
 * (`其他警情`, `其他单位`), not other agents' share: 其他 + an agent or source noun with more
 * words after it (`rest_agents`: `其他部门配合检查12次`, `其他单位移交的警情35起`) says who else
 * acted or where the items came from, which may overlap the kinds listed or leave some out.
 */
export function namesRest(label: string): boolean {
  return words.remainder.test(label) && !words.restAgent.test(label);
}

/**
 * "…其中机关单位6个，学校2个；非公企业14个。": where the parts after 其中 end when the
 * sentence end at `end` is a ； followed by a clause that only goes on with the list: one
 * quantity in the total's unit right after a short label (Han characters only, no verb and
 * no stop word, or an age band or schooling level) and at most a short noun after it; not
 * after a 、 list, which a ； more likely ends. Returns `end` moved past such clauses.
 */
export function pastSemicolons(lineText: string, from: number, end: number, total: Quantity, quantities: readonly Quantity[]): number {
  // After a 、 list (`党委2个、党支部18个；党小组40个`) a ； more likely ends the parts. The
  // search runs forward over the parts only: `lastIndexOf` from `end` read back to the line's
  // start, once per total, so a line of many 其中 took time quadratic in its length.
  if (hasCharBetween(lineText, '、', total.end - from + 1, end + 1)) return end;
  while (end < lineText.length && (lineText.charCodeAt(end) === 0xff1b /* ； */ || lineText.charCodeAt(end) === 0x3b)) {
    const start = end + 1;
    const stop = clauseEnd(lineText, start);
    // `；农机800人次、电商600人次、家政900人次`: a clause that is a 、 run of such parts goes on
    // with the list too, and ends it (a ； after a 、 list more likely ends the parts).
    let at = start;
    let run = 0;
    for (let comma = lineText.indexOf('、', at); comma >= 0 && comma < stop; comma = lineText.indexOf('、', at)) {
      if (!listedPart(lineText, from, at, comma, total, quantities)) break;
      run++;
      at = comma + 1;
    }
    if (!listedPart(lineText, from, at, stop, total, quantities)) break;
    const next = sentenceEnd(lineText, start);
    if (next <= start) break;
    end = next;
    if (run > 0) break;
  }
  return end;
}

/** Whether `char` occurs in `text` at an offset in `[start, end)` (offsets in UTF-16 code units). */
function hasCharBetween(text: string, char: string, start: number, end: number): boolean {
  const stop = Math.min(end, text.length);
  for (let i = Math.max(0, start); i < stop; i++) if (text[i] === char) return true;
  return false;
}

/**
 * Whether the first part after 其中 (from `start` to the next ，,、；; before `end`) is a short
 * listed part (listedPart): only a list of such parts goes on past a ；. "…31次，其中以…形式传达
 * 学习…26次；党组理论学习中心组集中学习12次" states a subset in a clause of its own, and the
 * clause after the ； another activity, not a second part.
 */
export function firstPartListed(lineText: string, from: number, start: number, end: number, total: Quantity, quantities: readonly Quantity[]): boolean {
  let stop = start;
  while (stop < end && !isListSeparator(lineText.charCodeAt(stop))) stop++;
  return listedPart(lineText, from, start, stop, total, quantities);
}

/**
 * Whether `lineText[start, stop)` is one more part of the total's list: a short label
 * (Han characters only, no verb and no stop word, or an age band or schooling level), one
 * quantity in the total's unit, no larger than the total, and at most a short noun after it.
 */
function listedPart(lineText: string, from: number, start: number, stop: number, total: Quantity, quantities: readonly Quantity[]): boolean {
  // The band of a label (`36至45岁的党员`) is a quantity too, in another unit.
  let q: Quantity | null = null;
  let count = 0;
  for (const x of quantitiesIn(quantities, from + start, from + stop)) {
    if (compatibleUnits(x.unit, total.unit)) {
      q = x;
      count++;
    }
  }
  if (!q || count !== 1 || q.bound === 'approx' || q.scope) return false;
  // `学校现有在编教师96名，其中双师型教师38名；在校学生1450名`: a count larger than the whole
  // by itself counts something else (a second stock after the ；), not one more part of it.
  if (greater(readingInterval(q)[0], readingInterval(total)[1])) return false;
  const label = lineText.slice(start, q.start - from);
  if (label.length < 2 || label.length > 16) return false;
  let han = true;
  for (let i = 0; i < label.length; i++) if (!isHanCode(label.charCodeAt(i))) han = false;
  if (!(han || isBand(label)) || startsStatement(label) || words.stop.test(label)) return false;
  return stop - (q.end - from) <= 4;
}

/** Index of the first ） or ) in `text[from, to)`, or -1 (reads no further than `to`). */
export function closerIn(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff09 /* ） */ || c === 0x29 /* ) */) return i;
  }
  return -1;
}

/**
 * Whether a ，or 、 at `at` (an index into the line, before `end`) opens one more listed part in
 * the total's unit (firstPartListed) after the remainder labelled `restLabel`. After a ， the
 * next label must take up the remainder's noun (`其他案件2件，执行案件315件`): one that does not
 * (`其他纠纷209件，调解成功1249件`) counts an outcome of the total, not one more kind of it.
 */
export function partFollows(lineText: string, from: number, at: number, end: number, total: Quantity, quantities: readonly Quantity[], restLabel: string): boolean {
  const c = lineText.charCodeAt(at);
  if (!(at + 1 < end && (c === 0xff0c /* ， */ || c === 0x3001) /* 、 */ && firstPartListed(lineText, from, at + 1, end, total, quantities))) return false;
  const noun = restLabel.replace(REST_LEAD, '');
  if (c === 0x3001 || noun.length < 2 || !/^\p{Script=Han}+$/u.test(noun)) return true;
  const next = quantitiesIn(quantities, from + at + 1, from + end)[0];
  return !next || lineText.slice(at + 1, next.start - from).includes(noun.slice(-2));
}

/** A remainder word and what precedes it in a label (`其他` of `其他纠纷`): the rest is its noun. */
const REST_LEAD = new RegExp(`^.*?(?:${words.remainder.source.replace(/^\^/u, '')})`, 'u');
