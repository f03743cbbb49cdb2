/**
 * total-breakdown's reading of a total after values given by 分别 ("4所园分别有党员5名、4名、
 * 3名、4名，全支部共有党员17名"): one value per named subject, then, in the next clause, a
 * total of the same count. The subjects are counted (`4所园`, `三个支部`) or listed (`甲村、
 * 乙村和丙村`), as many as the values, so the values are all of the subjects' counts; a total
 * that restates the words between 分别 and the first value (`有党员` / `共有党员`, `发展党员` /
 * `共发展党员`) and speaks of those subjects together adds them up.
 *
 * "Those subjects together": the total's clause names no scope, a period (全年), or 全X where
 * X is the Party organisation the sentence said the subjects make up before them (`联合党支部
 * 覆盖…4所幼儿园，4所园分别…，全支部共有…`). A scope the sentence has not named, or one that is
 * no Party organisation (`…，全镇共有党员150名`: the town's organs have members too), may hold
 * more than the subjects: not read. 累计 may count since the start: not read either.
 * The reverse order is read too (respectivelyAfterTotal): a summed total, then its kinds by 分别
 * in the next clause (`共接待读者46.8万人次，到馆读者、线上访问读者分别为…`), each kind ending with
 * the total's noun.
 * Offsets are UTF-16 code units; indices into a line unless said absolute.
 */
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Breakdown, Part } from './breakdowns';
import { listMode } from './breakdown-mode';
import { clauseStart, compatibleUnits, quantitiesIn, sentenceStart, totalClosingClause } from './sentence';

/**
 * The total's clause up to its number, anchored at the end: group 1 a scope or period (up to
 * four Han characters), 2 the total word, 3 the words it restates (`党员`, `发展党员`).
 */
const HEAD = /[，,](\p{Script=Han}{0,4}?)(共有|一共|合计|共计|总计|共)(\p{Script=Han}{0,6})$/u;
/**
 * A scope word that covers the whole of a Party organisation: 全支部, 全总支, 全党委. Every
 * member belongs to one of its branches or groups (《中国共产党章程》第八条: every member
 * joins a branch), so its count is the sum of its subjects'; a town or a company (全镇,
 * 全公司) may hold people outside the subjects named.
 */
const WHOLE_SCOPE = /^全(\p{Script=Han}{0,2}(?:支部|总支|党委))$/u;
/** A period word, alone (`全年`): the total counts over a time, not a wider scope. */
const PERIOD_ONLY = new RegExp(`^(?:${sentenceNumbers.breakdown.periodEnd.source.slice(0, -1)})$`, 'u');
/** Separators of a listed subjects' clause (`甲村、乙村和丙村`). */
const SUBJECT_SEPARATORS = /[、和及与]/u;

/**
 * The breakdown of `total` when it closes values given by 分别 (see the module comment), the
 * values as parts with empty labels and mode `sum`; null when the construction does not hold.
 */
export function respectivelyBeforeTotal(report: Report, total: Quantity): Breakdown | null {
  const closing = totalClosingClause(report, total, HEAD, 14);
  if (!closing) return null;
  const { from, lineText, at, head } = closing;
  const comma = at - head[0].length;
  const clause = clauseStart(lineText, comma);
  const fenbie = lineText.lastIndexOf('分别', comma);
  if (fenbie < clause) return null;
  // The values: two or more, in the total's unit, exact, joined by 、 alone, the last one
  // ending the clause right before the total's.
  const values = quantitiesIn(report.quantities, from + fenbie + 2, from + comma);
  if (values.length < 2 || values[values.length - 1].end - from !== comma) return null;
  const parts: Part[] = [];
  for (let i = 0; i < values.length; i++) {
    const q = values[i];
    if (!compatibleUnits(q.unit, total.unit) || q.bound !== 'exact' || q.scope) return null;
    if (i > 0 && lineText.slice(values[i - 1].end - from, q.start - from) !== '、') return null;
    parts.push({ q, label: '', sep: i === 0 ? 0 : 0x3001 /* 、 */ });
  }
  // The words between 分别 and the first value are what each value counts (`有党员`).
  const counted = lineText.slice(fenbie + 2, values[0].start - from);
  if (!/^\p{Script=Han}{0,8}$/u.test(counted)) return null;
  if (stripHave(counted) !== stripHave(head[3])) return null;
  const subjects = lineText.slice(clause, fenbie);
  if (!subjectsNumber(report, subjects, from + clause, from + fenbie, values.length)) return null;
  if (!coversSubjects(head[1], lineText.slice(sentenceStart(lineText, clause), clause))) return null;
  return { total, parts, mode: 'sum', listed: true };
}

/** `words` without a leading 有 (`有党员` of 分别有 and `党员` of 共有 name the same count). */
function stripHave(words: string): string {
  return words.startsWith('有') ? words.slice(1) : words;
}

/**
 * Whether the subjects' clause `text` (absolute `[start, end)`) names `n` subjects: a count
 * of `n` followed by at most four Han characters (`4所园`, `三个支部`), or a list of `n` short
 * items joined by 、 and a last 和/及/与.
 */
function subjectsNumber(report: Report, text: string, start: number, end: number, n: number): boolean {
  for (const q of quantitiesIn(report.quantities, start, end)) {
    if (q.value === n && end - q.end <= 4 && /^\p{Script=Han}*$/u.test(report.text.slice(q.end, end))) return true;
  }
  const items = text.split(SUBJECT_SEPARATORS);
  if (items.length !== n) return false;
  for (const item of items) if (!/^\p{Script=Han}{1,8}$/u.test(item)) return false;
  return true;
}

/**
 * Whether the scope words before the total word (`scope`) speak of the subjects together:
 * none, a period alone, or 全X where X (its last two characters) is named in the sentence
 * before the subjects' clause (`before`), the unit they were said to make up.
 */
function coversSubjects(scope: string, before: string): boolean {
  if (scope === '' || PERIOD_ONLY.test(scope)) return true;
  const whole = WHOLE_SCOPE.exec(scope);
  return whole !== null && before.includes(whole[1].slice(-2));
}

/** A total's clause up to its number naming a sum (`共接待读者`, `合计发放`): 共, 合计, 共计, 总计. */
const SUM_CLAUSE = /(?:共|合计|总计)/u;
/** The subjects' clause after a total: two or more kinds (2–10 Han characters each) joined by 、/和/及/与, then 分别 and a link. */
const KINDS_RESPECTIVELY = /^((?:\p{Script=Han}{2,10}[、和及与])+\p{Script=Han}{2,10})分别(?:为|是|达到|达|有)?$/u;

/**
 * "上半年全馆共接待读者46.8万人次，到馆读者、线上访问读者分别为31.2万人次、12.4万人次": a summed
 * total (its clause holds 共/合计/总计), then in the next clause its kinds by 分别, one value each
 * and as many values as kinds. Each kind ends with the last two characters of the total's clause
 * (读者 of 接待读者): they are the kinds of what the total counts and together its breakdown.
 * The values are parts labelled by their kinds, in mode `sum` (`each` when a kind names an
 * attribute that may overlap another: breakdown-mode.ts listMode); null when the construction
 * does not hold. `total` must be followed by a ，.
 */
export function respectivelyAfterTotal(report: Report, total: Quantity): Breakdown | null {
  const from = report.lines.start(total.line);
  const lineText = report.lines.lineText(total.line);
  const at = total.numberStart - from;
  const own = lineText.slice(clauseStart(lineText, at), at);
  if (!SUM_CLAUSE.test(own) || total.bound !== 'exact' || own.length < 2) return null;
  const noun = own.slice(-2);
  const open = total.end - from + 1;
  const values: Quantity[] = [];
  let end = open;
  while (end < lineText.length && !/[，,。；;！？]/u.test(lineText[end])) end++;
  for (const q of quantitiesIn(report.quantities, from + open, from + end)) values.push(q);
  if (values.length < 2) return null;
  const head = KINDS_RESPECTIVELY.exec(lineText.slice(open, values[0].start - from));
  if (!head || values[values.length - 1].end - from !== end) return null;
  const kinds = head[1].split(SUBJECT_SEPARATORS);
  if (kinds.length !== values.length || !kinds.every((k) => k.endsWith(noun) && k.length > noun.length)) return null;
  const parts: Part[] = [];
  for (let i = 0; i < values.length; i++) {
    const q = values[i];
    if (!compatibleUnits(q.unit, total.unit) || q.bound !== 'exact' || q.scope) return null;
    if (i > 0 && !/^[、和及与]$/u.test(lineText.slice(values[i - 1].end - from, q.start - from))) return null;
    parts.push({ q, label: kinds[i], sep: i === 0 ? 0 : 0x3001 /* 、 */ });
  }
  return { total, parts, mode: listMode(parts, lineText, from, () => true), listed: true };
}
