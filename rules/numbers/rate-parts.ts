/**
 * A rate recomputed from the counts the writer states beside it, for `percentage-range`:
 * "N名…，M名参加，参学率P%" (part ÷ whole), "N个X中已有M个…，覆盖率P%" (a subset); a share
 * ("…M名，占…的P%") is in `rate-share.ts`; where the counts stand (a span's counts, a full
 * sentence, a count's clause, a named base) is read by `rate-clauses.ts`, which both share.
 * Each function returns the rule's `recomputed` problem (or the `recomputedOk` pass) or null
 * when the counts do not single out one part and one whole: a guess would cost more than a
 * miss. Offsets are UTF-16 code units of the report text.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Report } from '../model/report';
import type { Problem, ProblemRelated } from '../types';
import type { Quantity } from '../model/quantities';
import { clauseAround, countsIn, fullSentenceStart, isClauseEndAt, longestCommonRun, RECOMPUTE_BACK, sharesBase } from './rate-clauses';
import { COMMON, doneAndTarget, namedQizhongPart, namedSubset, namesOtherThing, namesOwnSet, repeatsDue, unifyVariants, withoutRemainder } from './rate-roles';
import { checked, clauseEnd, clauseStart, measureOf, percentOf, percentRangeContradicts, quantitiesIn, sentenceEnd, sentenceStart, written } from './sentence';

const words = sentenceNumbers.rates;

/** Words of a clause that states the whole (应到, 总数, 共有, 全体). */
const WHOLE_WORDS = /应|总数|共有|全体/u;

/**
 * Whether the text before the rate `rate` (its number at `at` in `lineText`, at most
 * RECOMPUTE_BACK code units back) says its qualifier `qualifier` outside the rate name:
 * `按期转正92名，按期转正率98.9%` counts the qualified cases, `审结1100件，审限内结案率…` does not.
 */
function qualifiedCount(lineText: string, at: number, rate: string, qualifier: string): boolean {
  const window = lineText.slice(Math.max(0, at - RECOMPUTE_BACK), at);
  const name = window.lastIndexOf(rate);
  return (name === -1 ? window : window.slice(0, name)).includes(qualifier);
}

/**
 * "全支部党员64名，56名党员参加学习，参学率81.2%": a rate stated with its own counts is
 * recomputed (part ÷ whole, one decimal, sentence.ts percentOf) and a difference of more
 * than one point is reported on the percentage. The counts are read in the rate's sentence,
 * or with the sentence before it on the same line when the rate's own holds only one. The
 * part is the one count whose clause shares a character with the rate's stem (参加 for 参学率,
 * 办结 for 办结率, 出勤 for 出勤率); the whole, the one other count of the same kind that is
 * larger; and no third count of that kind (请假5名 may change the base the writer divided
 * by). Anything else (two candidates for either, a part no smaller than the whole, a bound,
 * a list of rates, a rate named with a qualifier such as 审限内 or 按期, rates.qualified_rates,
 * that no count before it repeats) is not checked: a guess would cost more than a miss.
 */
export function recompute(report: Report, q: Quantity, lineText: string, from: number, rate: string): Problem | null {
  if (q.bound !== 'exact' || rate.length < 2) return null;
  // 法定期限内结案率, 当庭结案率: the part is the cases meeting the qualifier, not a count
  // nearby, unless a count says it too (按期转正92名，按期转正率…).
  const qualifier = words.qualified.exec(rate);
  if (qualifier && !qualifiedCount(lineText, q.numberStart - from, rate, qualifier[0])) return null;
  const at = q.numberStart - from;
  // A rate in a list (分别达到95%、97%) pairs with other counts.
  const prev = lineText.charCodeAt(at - 1);
  const next = lineText.charCodeAt(q.end - from);
  if (prev === 0x3001 /* 、 */ || next === 0x3001 || rate.includes('分别')) return null;
  const bracketed = dueAndDoneInBracket(report, q, lineText, from, rate) ?? dueAndDoneBefore(report, q, lineText, from, rate);
  if (bracketed !== undefined) return bracketed;
  const subset = recomputeSubset(report, q, lineText, from, rate);
  if (subset) return subset;
  const stem = rate.slice(0, -1);
  const own = sentenceStart(lineText, at, RECOMPUTE_BACK);
  let counts = countsIn(report, from + own, q.start);
  // A rate whose own sentence counts nothing (`全年执法案卷评查合格率100%`) borrows the counts of
  // the sentence before only when they count the rate's own thing (sharesRateWords).
  const borrowed = counts.length === 0;
  if (counts.length < 2 && own > 0) {
    const before = sentenceStart(lineText, own - 1, RECOMPUTE_BACK);
    if (at - before <= RECOMPUTE_BACK) counts = countsIn(report, from + before, q.start);
  }
  counts = withoutRemainder(lineText, from, counts);
  // `…1146人，其中集中供养412人，集中供养率…`: the rate names its 其中 part.
  const named = namedQizhongPart(lineText, from, counts, stem);
  if (named) return judged(report, q, rate, named.part, named.whole);
  // The part: the one related count. A count alone of its kind is no candidate: no whole
  // could stand beside it (集中学习12次 shares 学 with 参学率 but is the only count of 次).
  // Two related counts of one kind stay two candidates (非公企业42家 … 25家全部建立了党组织,
  // 组建率100%: the writer may mean either), and nothing is checked.
  const related: Quantity[] = [];
  for (const c of counts) {
    if (!relates(lineText, from, c, stem)) continue;
    const cKind = measureOf(c.unit).kind;
    if (counts.some((w) => w !== c && measureOf(w.unit).kind === cKind)) related.push(c);
  }
  const pair = related.length === 2 ? dueAndDone(lineText, from, related[0], related[1], q) : related.length === 1 ? doneAfterDue(lineText, from, related[0], counts, q) : null;
  if (related.length !== 1 && !pair) return words.coverage.test(rate) ? covered(report, q, lineText, from, rate, counts) : null;
  const part = pair ? pair.part : related[0];
  if (borrowed && !sharesRateWords(lineText, from, part, stem)) return null;
  // 培训班2期 … 培训合格率: sessions held are no part of whom the training passed.
  if (words.assessed.test(rate) && words.sessionUnits.includes(part.unit)) return null;
  const kind = measureOf(part.unit).kind;
  let whole: Quantity | null = pair ? pair.whole : null;
  if (!pair) {
    const larger = counts.filter((c) => c !== part && measureOf(c.unit).kind === kind && c.value > part.value);
    if (larger.length === 2 && counts.filter((c) => measureOf(c.unit).kind === kind).length === 3) return eitherWhole(report, q, rate, part, larger);
    if (larger.length > 1) return null;
    whole = larger[0] ?? null;
  }
  // The covering clause (覆盖全校60个班级) shares 覆盖 with the rate: it is the whole.
  if (!whole) return words.coverage.test(rate) ? covered(report, q, lineText, from, rate, counts) : null;
  if (borrowed && !sharesRateWords(lineText, from, whole, stem) && !WHOLE_WORDS.test(clauseAround(lineText, from, whole))) return null;
  // 组建142个家庭医生团队，设立52个签约服务点: two counts of one measure word that name
  // different things after it are no part and whole, whatever the rate.
  if (namesOtherThing(lineText, from, part, whole, stem)) return null;
  // `办理法律援助案件14件。…全年受理信访事项38件，办结率100%`: a part in an earlier sentence than
  // its whole closes something else; what was done of a whole is told after it.
  if (part.start < whole.start && /[。！？；]/u.test(lineText.slice(part.end - from, whole.start - from))) return null;
  // A third count of the kind (请假5名, 外出3名) may change the base the writer divided by.
  let sameKind = 0;
  for (const c of counts) if (measureOf(c.unit).kind === kind) sameKind++;
  if (sameKind !== 2) return null;
  // `超额完成下达的580亩任务，任务完成率107%`: a target (580亩任务) is what was set, the
  // whole of a fulfilment rate even when smaller; never the part of any rate.
  const set = doneAndTarget(lineText, from, part, whole);
  if (set && set.target === part) return words.unbounded.test(rate) ? judged(report, q, rate, set.done, set.target) : null;
  return judged(report, q, rate, part, whole);
}

/**
 * "全县特困供养人员1146人，其中集中供养412人、分散供养734人，集中供养比例42.6%": a share word
 * after the name of a 其中 part (rate-roles.ts namedQizhongPart) divides that part by the total
 * the 其中 clause breaks down, as the rate named after it (集中供养率) does. Null otherwise.
 */
export function recomputeNamedPart(report: Report, q: Quantity, lineText: string, from: number, rate: string): Problem | null {
  if (!standsAlone(q, lineText, from, rate)) return null;
  const stem = rate.replace(/(?:比例|占比|比重)$/u, '');
  if (stem === rate) return null;
  const at = q.numberStart - from;
  const named = namedQizhongPart(lineText, from, countsIn(report, from + fullSentenceStart(lineText, at), q.start), stem);
  return named ? judged(report, q, rate, named.part, named.whole) : null;
}

/**
 * "共发放问卷600份，回收有效问卷560份，满意的532份，满意率98.6%": a part with two larger counts
 * of its kind (and no other) may be a share of either (what was sent, what came back): the
 * rate is reported only when it agrees with neither, against the smaller (the nearer base);
 * a rate that fits one of them is the writer's choice and passes unremarked.
 */
function eitherWhole(report: Report, q: Quantity, rate: string, part: Quantity, larger: Quantity[]): Problem | null {
  const [near, far] = larger[0].value < larger[1].value ? larger : [larger[1], larger[0]];
  const verdict = judged(report, q, rate, part, near);
  if (verdict.passed || judged(report, q, rate, part, far).passed) return null;
  return verdict;
}

/** A bracket item stating what was due (`应参学268人`, `应到会42名`) or what was done (`实参学262人`, `实到40名`). */
const DUE_ITEM = /^应\p{Script=Han}{0,6}$/u;
const DONE_ITEM = /^(?:平均)?实(?:际)?\p{Script=Han}{0,6}$/u;
/** A done clause before the rate: DONE_ITEM, or the same words made a 的-phrase (`实际参加集中学习的`). */
const DONE_CLAUSE = /^(?:平均)?实(?:际)?\p{Script=Han}{0,6}的?$/u;

/**
 * "参学率为96%（应参学268人，实参学262人）": a rate followed right away by a bracket that
 * states what was due (an item opening with 应) and what was done (opening with 实/实际),
 * one count each, of one kind, the due one no smaller, and nothing else in the bracket, is
 * done ÷ due. Undefined when the text after the rate is no such bracket (the other readings
 * apply). Readers divide 实到 by 应到 (实到会…占应到会…的百分比).
 */
function dueAndDoneInBracket(report: Report, q: Quantity, lineText: string, from: number, rate: string): Problem | undefined {
  const open = q.end - from;
  const c = lineText.charCodeAt(open);
  if (c !== 0xff08 /* （ */ && c !== 0x28) return undefined;
  const close = lineText.slice(open + 1, open + 41).search(/[）)]/u);
  if (close < 0) return undefined;
  const inside = lineText.slice(open + 1, open + 1 + close);
  const counts = countsIn(report, from + open + 1, from + open + 1 + close);
  if (counts.length !== 2) return undefined;
  const items = inside.split(/[，,；;、]/u);
  if (items.length !== 2) return undefined;
  const labels = counts.map((k) => lineText.slice(Math.max(open + 1, clauseStart(lineText, k.numberStart - from)), k.numberStart - from).replace(/^[（(]/u, ''));
  const [due, done] = DUE_ITEM.test(labels[0]) && DONE_ITEM.test(labels[1]) ? counts : DUE_ITEM.test(labels[1]) && DONE_ITEM.test(labels[0]) ? [counts[1], counts[0]] : [null, null];
  if (!due || !done) return undefined;
  if (measureOf(due.unit).kind !== measureOf(done.unit).kind || done.value > due.value) return undefined;
  return judged(report, q, rate, done, due);
}

/** A clause stating what was due, maybe after its subject: `成员应参学126人次` (the 应 not inside 相应, 供应…). */
const DUE_CLAUSE = /^\p{Script=Han}{0,8}?(?<![相响适供反对呼效感答])应\p{Script=Han}{1,6}$/u;

/**
 * "成员应参学126人次，实到119人次，参学率98.4%": the same due and done as in a bracket, in the
 * two clauses right before the rate's: the first states what was due (应…, after its subject,
 * sharing a character with the rate's stem: 应参学 for 参学率, 缴 read as 交), the next what was
 * done (实…, 实际…, or the due verb again after words of manner: `按时足额交纳`, rate-roles.ts
 * repeatsDue), each clause ending with its one count, of one kind, the due no smaller; or both in
 * the one clause before the rate's, joined by 、 (`应到138人次、实到131人次`, joinedDone). Undefined
 * when the clauses before the rate are not such a pair.
 */
function dueAndDoneBefore(report: Report, q: Quantity, lineText: string, from: number, rate: string): Problem | undefined {
  const rateClause = clauseStart(lineText, q.numberStart - from);
  if (rateClause < 2 || lineText[rateClause - 1] !== '，') return undefined;
  const done = lastCountOfClause(report, lineText, from, rateClause - 1) ?? joinedDone(report, lineText, from, rateClause - 1);
  if (!done) return undefined;
  let due: { q: Quantity; label: string } | null;
  if (done.due) due = done.due;
  else {
    const doneClause = clauseStart(lineText, done.q.numberStart - from);
    if (doneClause < 2 || lineText[doneClause - 1] !== '，') return undefined;
    due = lastCountOfClause(report, lineText, from, doneClause - 1);
  }
  if (!due || !DUE_CLAUSE.test(due.label)) return undefined;
  // 实到…, or the due clause's verb again after words of manner (`应交…`, `按时足额交纳…`).
  if (!DONE_CLAUSE.test(done.label) && !repeatsDue(due.label, done.label)) return undefined;
  // 缴/交 are one verb (党费收缴率 ← 应交党费).
  const stem = unifyVariants(rate.slice(0, -1));
  const dueLabel = unifyVariants(due.label);
  let shares = false;
  for (const ch of stem) if (!COMMON.has(ch) && dueLabel.includes(ch)) shares = true;
  // 应到…，实到…，参会率…: those due to attend and those present pair with any rate of attendance.
  if (!shares && !(due.label.includes('应到') && words.attendance.test(rate))) return undefined;
  if (measureOf(due.q.unit).kind !== measureOf(done.q.unit).kind || done.q.value > due.q.value) return undefined;
  return judged(report, q, rate, done.q, due.q);
}

/**
 * The one exact count of the clause ending at `end` (a line index) when the clause ends right
 * after it, with the clause's words before its number; null otherwise.
 */
function lastCountOfClause(report: Report, lineText: string, from: number, end: number): { q: Quantity; label: string; due?: undefined } | null {
  const start = clauseStart(lineText, end);
  const counts = countsIn(report, from + start, from + end);
  if (counts.length !== 1 || counts[0].end - from !== end) return null;
  return { q: counts[0], label: lineText.slice(start, counts[0].numberStart - from) };
}

/**
 * "应到党员138人次、实到131人次，参学率…": the due and the done count joined by 、 in the one
 * clause ending at `end` (a line index): exactly two counts, the clause ending right after the
 * second, whose words after the 、 open with 实/实际 (DONE_ITEM). The done count with the due
 * one (its label the clause's words before its number); null for any other clause.
 */
function joinedDone(report: Report, lineText: string, from: number, end: number): { q: Quantity; label: string; due: { q: Quantity; label: string } } | null {
  const start = clauseStart(lineText, end);
  const counts = countsIn(report, from + start, from + end);
  if (counts.length !== 2 || counts[1].end - from !== end) return null;
  const [due, done] = counts;
  const between = lineText.slice(due.end - from, done.numberStart - from);
  if (between[0] !== '、' || !DONE_ITEM.test(between.slice(1))) return null;
  return { q: done, label: between.slice(1), due: { q: due, label: lineText.slice(start, due.numberStart - from) } };
}

/** A clause that states what a part covers: `覆盖全校60个班级`, `已覆盖12个村`. */
const COVERS = /^(?:已经|已|共|基本)?覆盖(?:全|了)?/u;

/**
 * "开展家访的班级56个，覆盖全校60个班级，覆盖率为93.3%": a coverage rate after the part and
 * the whole it covers (a clause opening with 覆盖, the last of two counts of one kind, larger)
 * is their quotient when both count the same thing: the whole's noun (after its number)
 * stands right before or after the part's number. `建成服务站32个，覆盖35个村` counts stations and villages: not read.
 */
function covered(report: Report, q: Quantity, lineText: string, from: number, rate: string, counts: Quantity[]): Problem | null {
  if (counts.length !== 2) return null;
  const [part, whole] = counts;
  if (measureOf(part.unit).kind !== measureOf(whole.unit).kind || !(whole.value > part.value)) return null;
  const wholeClause = lineText.slice(clauseStart(lineText, whole.numberStart - from), whole.numberStart - from);
  if (!COVERS.test(wholeClause)) return null;
  const noun = lineText.slice(whole.end - from, clauseEnd(lineText, whole.end - from));
  if (noun.length < 1 || noun.length > 8) return null;
  // The part's own noun, right before its number (班级56个) or right after it (56个班级).
  if (!lineText.startsWith(noun, part.end - from) && !lineText.slice(0, part.numberStart - from).endsWith(noun)) return null;
  return judged(report, q, rate, part, whole);
}

/**
 * "明确整改任务12项，已完成10项，整改完成率91.7%": both counts speak of the rate's subject,
 * so the larger is what was due and the smaller what was done, when they are of one kind,
 * the larger comes first, and the smaller is no subset of its own standing: not opened by
 * 其中 (a category, "其中规上企业25家"), not all of something ("25家全部建立"), and not the
 * base of the rate itself ("3100家重点企业的党组织覆盖率", a 的 between it and the rate).
 */
function dueAndDone(lineText: string, from: number, a: Quantity, b: Quantity, rate: Quantity): { part: Quantity; whole: Quantity } | null {
  if (measureOf(a.unit).kind !== measureOf(b.unit).kind || !(a.value > b.value)) return null;
  const clause = lineText.slice(clauseStart(lineText, b.numberStart - from), clauseEnd(lineText, b.end - from));
  if (/^其中|全部|均|都/u.test(clause)) return null;
  // `投诉由上年的316件下降至241件，…办结率100%`: one figure at two times, not due and done.
  if (CHANGE_TO.test(lineText.slice(a.end - from, b.numberStart - from))) return null;
  const after = lineText.slice(b.end - from, rate.numberStart - from);
  if (clauseEnd(after, 0) === after.length && after.includes('的')) return null;
  return { part: b, whole: a };
}

/** A clause that says what was done of what came before: 已协调解决, 已经办结, 现已完成. */
const DONE_LEAD = /^(?:现|目前|均)?已(?:经)?\p{Script=Han}/u;

/**
 * "收集问题诉求72条，已协调解决63条，问题办结率为82.5%": the count related to the rate is the
 * due (the larger, first: its noun is the rate's, 问题), and the one other count of its kind,
 * smaller, in the clause right before the rate's and opened by 已 (what was done of it), is
 * the part, when the rate and that clause both say a verb of closing a case (rates.closure_verbs:
 * 办结, 解决…); dueAndDone's checks then apply. Null for any other arrangement.
 */
function doneAfterDue(lineText: string, from: number, due: Quantity, counts: readonly Quantity[], rate: Quantity): { part: Quantity; whole: Quantity } | null {
  const kind = measureOf(due.unit).kind;
  const others = counts.filter((c) => c !== due && measureOf(c.unit).kind === kind);
  if (others.length !== 1) return null;
  const done = others[0];
  if (done.start < due.end || !(due.value > done.value)) return null;
  const doneClause = clauseStart(lineText, done.numberStart - from);
  // The done count's clause ends right where the rate's clause begins.
  if (clauseEnd(lineText, done.end - from) + 1 !== clauseStart(lineText, rate.numberStart - from)) return null;
  const doneWords = lineText.slice(doneClause, done.numberStart - from);
  if (!DONE_LEAD.test(doneWords)) return null;
  // 已协调解决 for 办结率: both close a case; 已回复 before 采纳率 counts another outcome.
  const rateName = lineText.slice(clauseStart(lineText, rate.numberStart - from), rate.numberStart - from);
  if (!words.closure.test(doneWords) || !words.closure.test(rateName)) return null;
  return dueAndDone(lineText, from, due, done, rate);
}

/**
 * What stands between the two values of one figure that changed (`下降至`, `增加到`, `减少为`,
 * after at most a few characters: `，同比下降到`): anchored at the end of the text between them.
 */
const CHANGE_TO = new RegExp(`^[^。；;]{0,8}(?:${sentenceNumbers.trend.up}|${sentenceNumbers.trend.down})了?(?:到|至|为)$`, 'u');

/**
 * How far a stated share may stand from part ÷ whole, in percentage points: less than one
 * point for a whole percentage (`92%` of 91.3%: rounded up or truncated, the whole numbers
 * either side of the share; `96%` of 1197 ÷ 1260 = 95.0% lies a full point off, which no
 * rounding gives); for one written with decimals, two steps of its last digit (0.2 for
 * `91.7%`): rounding and truncation move it by one step at most, so a writer who prints a
 * tenth has computed it, and 91.7% of 21 ÷ 23 = 91.3% is a slip.
 */
export function statedTolerance(q: Quantity): number {
  return q.decimals > 0 ? 2 * 10 ** -q.decimals : 1 - 1e-6;
}

/** The problem of a rate recomputed as part ÷ whole: wrong when more than its tolerance apart (statedTolerance). */
export function judged(report: Report, q: Quantity, rate: string, part: Quantity, whole: Quantity): Problem {
  const partValue = part.value * measureOf(part.unit).factor;
  const wholeValue = whole.value * measureOf(whole.unit).factor;
  const wrong = percentRangeContradicts(q.value, partValue, printedStep(part), wholeValue, printedStep(whole), statedTolerance(q));
  const data = { rate, value: written(report, q), part: written(report, part), whole: written(report, whole), computed: String(percentOf(partValue, wholeValue)) };
  const related: ProblemRelated[] = [
    { start: part.numberStart, end: part.end, messageId: 'part', data: { part: data.part } },
    { start: whole.numberStart, end: whole.end, messageId: 'whole', data: { whole: data.whole } },
  ];
  return checked(!wrong, wrong ? 'recomputed' : 'recomputedOk', data, q.numberStart, q.end, related);
}

/**
 * What links a whole to its subset: "38个科室中有31个", "9个小区中已有6个", "538名党员中，
 * 有412名" (the whole's noun, 中, then 有). The counts are the writer's own M of N. The noun
 * may close on an aside with no number (`18个乡镇（街道）中`, `24所学校（含教学点）中`), and
 * what was built may be named at length (`建成区域性养老服务中心13个`).
 */
const SUBSET_LINK = /^\p{Script=Han}{0,12}(?:（[^（）\d]{1,10}）|\([^()\d]{1,10}\))?中[，,]?(?:已经|已|共|仍|还|均|只|仅)?(?:有|(?:建立|建成|组建|成立|实现|完成|开展|配备|设立|已建|建)\p{Script=Han}{0,12})$/u;

/**
 * Whether an exact percentage stands alone, so its parts can be looked for: not one of a
 * 、-list of shares and not a 分别 rate, where each share has its own base.
 */
export function standsAlone(q: Quantity, lineText: string, from: number, rate: string): boolean {
  if (q.bound !== 'exact' || rate.includes('分别')) return false;
  const prev = lineText.charCodeAt(q.numberStart - from - 1);
  const next = lineText.charCodeAt(q.end - from);
  return prev !== 0x3001 /* 、 */ && next !== 0x3001;
}

/**
 * "N个X中(已)有M个…，R率P%" / "…，占比P%": a rate right after a subset stated as M of N is
 * recomputed as M ÷ N. The part is the last exact count before the rate, in its clause or
 * the one before (one comma at most between), with no other count between; the whole is the
 * count right before it, linked by SUBSET_LINK, of the same kind and no smaller. A rate
 * named by 率 must share a character with the part's clause (完成率 ↔ 完成加装, 参训率 ↔
 * 参加冬春训): "15个村中有12个村收入超过10万元，增长率20%" speaks of something else.
 */
export function recomputeSubset(report: Report, q: Quantity, lineText: string, from: number, rate: string): Problem | null {
  if (!standsAlone(q, lineText, from, rate)) return null;
  const at = q.numberStart - from;
  const own = fullSentenceStart(lineText, at);
  const all = quantitiesIn(report.quantities, from + own, q.start);
  if (all.length < 2) return null;
  const part = all[all.length - 1];
  const whole = all[all.length - 2];
  if (part.bound !== 'exact' || whole.bound !== 'exact' || part.unit === '%' || whole.unit === '%') return null;
  if (part.value > whole.value) return null;
  const link = lineText.slice(whole.end - from, part.start - from);
  const named = SUBSET_LINK.test(link) ? null : namedSubset(link, rate);
  if (!named && !SUBSET_LINK.test(link)) return null;
  // One of each (48家门店中，党员店长19名): a part of another measure word counts the whole's
  // things only when its name says the whole's (店长 of 门店).
  if (measureOf(part.unit).kind !== measureOf(whole.unit).kind && !(named && [...named.part].some((ch) => named.whole.includes(ch)))) return null;
  // `…，临床科室党支部书记“双带头人”比例…`: the rate's own clause names a narrower set.
  if (namesOwnSet(lineText, at, rate, own)) return null;
  // A share that names its base (占具备建设条件村数的98.5%) divides by that base, which the
  // subset's whole (1200个村中) is only when the two share words.
  if (rate.startsWith('占') && !sharesBase(rate, clauseAround(lineText, from, whole))) return null;
  let breaks = 0;
  for (let i = part.end - from; i < at; i++) if (isClauseEndAt(lineText, i)) breaks++;
  if (breaks > 1) return null;
  if (rate.endsWith('率') && !words.coverage.test(rate)) {
    // What the part did: after it (6个完成加装) or between 中 and it (中已建党组织47家).
    const link = lineText.slice(whole.end - from, part.start - from);
    const clause = link.slice(link.indexOf('中') + 1) + lineText.slice(part.end - from, Math.min(clauseEnd(lineText, part.end - from), at));
    let shared = false;
    for (const ch of rate.slice(0, -1)) if (!COMMON.has(ch) && clause.includes(ch)) shared = true;
    if (!shared) return null;
  }
  return judged(report, q, rate, part, whole);
}

/**
 * Whether the clause of count `c` says two characters of the rate's stem in a row (`参学` of
 * `参学率`, `案卷` of `执法案卷评查合格率`): the count is of the rate's own thing. One shared
 * character is not enough across sentences: `案例研讨12次` and `授课2次` share 案 and 法 with
 * 执法案卷评查合格率 but count meetings, not case files.
 */
function sharesRateWords(lineText: string, from: number, c: Quantity, stem: string): boolean {
  const at = c.numberStart - from;
  const clause = lineText.slice(clauseStart(lineText, at), Math.min(clauseEnd(lineText, c.end - from), sentenceEnd(lineText, at)));
  return longestCommonRun(stem, clause) >= 2;
}

/** Whether the clause of count `c` shares a character (not a COMMON one) with the rate's stem. */
function relates(lineText: string, from: number, c: Quantity, stem: string): boolean {
  const at = c.numberStart - from;
  const clause = lineText.slice(clauseStart(lineText, at), Math.min(clauseEnd(lineText, c.end - from), sentenceEnd(lineText, at)));
  // 应到会党员48名: what was due is the whole, however it is worded.
  if (WHOLE_WORDS.test(clause)) return false;
  // An assessment's rate (群众满意率, 培训合格率) measures its result, the last two characters:
  // a count sharing only the words of whose rate it is (群众 in 为外地群众远程出证) is not its
  // part. Other rates relate by any character of their stem (组建率 to 建立党组织的企业).
  const assessed = stem.length > 2 && words.assessed.test(`${stem}率`);
  for (const ch of assessed ? stem.slice(-2) : stem) if (!COMMON.has(ch) && clause.includes(ch)) return true;
  return false;
}

/** The step of a count's last printed digit in its base units (`3.1万` → 1000), 0 for a whole count. */
export function printedStep(q: Quantity): number {
  if (q.decimals === 0 && q.scale === '') return 0;
  const scale = q.scale === '万' ? 1e4 : q.scale === '亿' ? 1e8 : q.scale === '千' ? 1e3 : 1;
  return 10 ** -q.decimals * scale * measureOf(q.unit).factor;
}
