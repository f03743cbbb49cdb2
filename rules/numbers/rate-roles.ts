/**
 * The roles of a rate's counts: which is a target, which repeats a due count's action, and
 * whether the rate names a set of its own (recomputeSubset),
 * for `percentage-range`'s recomputation (rate-parts.ts):
 * - `新建农田620亩，超额完成下达的580亩任务，任务完成率107%`: the count beside 任务/目标/计划/
 *   指标 (`rates.target_bases`) is what was set, so a completion rate is done ÷ target even
 *   when the target is the smaller count (over-fulfilment);
 * - `应交党费党员40名，按时足额交纳38名，收缴率…`: a clause that repeats the verb after 应
 *   (交) opened by words of manner (按时、足额、已…) states what was done;
 * - `查摆问题46个，已整改41个，剩余5个…`: what is left is no part of the rate (withoutRemainder);
 * - `142个家庭医生团队`, `52个签约服务点`: counts naming different things are no part and whole
 *   (namesOtherThing); `46人中党员31名`: a subset named after 中 (namedSubset).
 * Offsets are UTF-16 code units of the report text; `from` is the line's start.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import { clauseEnd, clauseStart, measureOf } from './sentence';

const words = sentenceNumbers.rates;
/** Characters every count's clause may hold: they relate no part to a rate. */
export const COMMON: ReadonlySet<string> = new Set([...'党员人名数的次个率总全共']);
/** The target words (`rates.target_bases`) as a pattern source: the data's alternation without its `$`. */
const TARGETS = words.targetBase.source.slice(0, -1);
/** Right after a target's count: `580亩任务`, `580亩的目标任务`. */
const TARGET_AFTER = new RegExp(`^的?(?:年度|全年)?${TARGETS}`, 'u');
/** Right before a target's count, in its clause: `目标任务580亩`, `下达任务为580亩`, `计划数580`. */
const TARGET_BEFORE = new RegExp(`${TARGETS}(?:任务|数)?(?:为|是|的)?$`, 'u');

/**
 * Whether count `c` (on the line `lineText` starting at `from`) is a target: a target word
 * right after it (`580亩任务`) or closing the words right before it in its clause (`目标任务580亩`).
 */
export function isTarget(lineText: string, from: number, c: Quantity): boolean {
  if (TARGET_AFTER.test(lineText.slice(c.end - from, c.end - from + 8))) return true;
  const at = c.numberStart - from;
  return TARGET_BEFORE.test(lineText.slice(clauseStart(lineText, at), at));
}

/**
 * The done count and the target when exactly one of `a` and `b` is a target (isTarget), or
 * null: a rate of fulfilment divides what was done by what was set, whichever is larger.
 */
export function doneAndTarget(lineText: string, from: number, a: Quantity, b: Quantity): { done: Quantity; target: Quantity } | null {
  const ta = isTarget(lineText, from, a);
  const tb = isTarget(lineText, from, b);
  if (ta === tb) return null;
  return ta ? { done: b, target: a } : { done: a, target: b };
}

/** Variant characters of one verb in rate names and counts: 缴纳/交纳 (党费收缴率 ← 交纳党费). */
const VARIANTS: Readonly<Record<string, string>> = { 缴: '交' };

/** `text` with each variant character (VARIANTS) written one way. */
export function unifyVariants(text: string): string {
  let out = '';
  for (const ch of text) out += VARIANTS[ch] ?? ch;
  return out;
}

/** Words of manner that may open the clause of what was done: `按时足额交纳`, `已交纳`, `实际交纳`. */
const DONE_MANNER = /^(?:已经|已|实际|实|按时|按期|按月|足额|如期|及时|全额|全部)*/u;

/**
 * Whether `done` (the words before the done count in its clause) repeats the action of the
 * due clause `due` (the words before its count, holding 应): after the manner words
 * (DONE_MANNER), it opens with the character right after 应 (`应交…` → `交纳`), variants unified.
 */
export function repeatsDue(due: string, done: string): boolean {
  const i = due.lastIndexOf('应');
  if (i < 0 || i + 1 >= due.length) return false;
  const verb = unifyVariants(due[i + 1]);
  const rest = unifyVariants(done).replace(DONE_MANNER, '');
  return rest.length >= 1 && rest.length <= 6 && rest.startsWith(verb);
}

/** Share words at the end of a share's name (`…书记比例`): what is left before them is its subject. */
const SHARE_END = new RegExp(`(?:${words.shareWords})$`, 'u');
/** A period word opening a subject (`上半年…`): when, not which set. */
const PERIOD_START = new RegExp(`^${sentenceNumbers.breakdown.periodEnd.source.slice(0, -1)}`, 'u');
/** A scope opening a subject (`全院`, `全镇`): the whole place, no narrower set. */
const SCOPE_START = /^[全本]\p{Script=Han}(?=\p{Script=Han}{2})/u;

/**
 * Whether the rate named `rate`, its number at line index `at`, names a set of its own in
 * its clause: the words before the rate name in the clause (and, for a bare share word, the
 * name's own words before 比例/占比), quoted words left out (`“双带头人”`), a period or scope
 * word left out, open with two characters the sentence (from line index `sentence`) has not
 * said before the clause. `6个党支部中有5个…，临床科室党支部书记“双带头人”比例…` is the share
 * of the clinical branches, not of the 6: a subset's whole is not this rate's base.
 */
export function namesOwnSet(lineText: string, at: number, rate: string, sentence: number): boolean {
  const clause = clauseStart(lineText, at);
  const name = lineText.lastIndexOf(rate, at);
  if (name < clause) return false;
  const own = rate.endsWith('率') ? '' : rate.replace(SHARE_END, '');
  const subject = (lineText.slice(clause, name) + own).replace(/“[^”]*”|‘[^’]*’|"[^"]*"/gu, '').replace(PERIOD_START, '').replace(SCOPE_START, '');
  const han = subject.match(/\p{Script=Han}/gu);
  if (!han || han.length < 2) return false;
  return !lineText.slice(sentence, clause).includes(han[0] + han[1]);
}

/** Words opening the clause of what is left of a whole: `剩余5个纳入台账`, `其余3项正在推进`. */
const REMAINDER = /^(?:剩余|剩下|余下|其余|还剩|尚余|尚有|仍有|还有|未)/u;

/**
 * `查摆问题46个，已整改41个，剩余5个…`: the count of what is left (its clause opens with
 * 剩余, 其余…) is taken out when it and another count of its kind add up to a third, the
 * whole: the rate is then read from the whole and the done count as with two counts.
 */
export function withoutRemainder(lineText: string, from: number, counts: Quantity[]): Quantity[] {
  if (counts.length < 3) return counts;
  for (const c of counts) {
    const clause = lineText.slice(clauseStart(lineText, c.numberStart - from), c.numberStart - from);
    if (!REMAINDER.test(clause)) continue;
    const kind = measureOf(c.unit).kind;
    const same = counts.filter((o) => o !== c && measureOf(o.unit).kind === kind);
    if (same.length !== 2) continue;
    const [a, b] = same[0].value > same[1].value ? same : [same[1], same[0]];
    if (Math.abs(a.value - b.value - c.value) < 1e-9 && a.start < c.start && b.start < c.start) return counts.filter((o) => o !== c);
  }
  return counts;
}

/**
 * `全县特困供养人员1146人，其中集中供养412人，集中供养率42.6%`: a rate named after a 其中 part
 * (its stem, at least two characters, is the part's label: `集中供养`, `入园` of
 * `其中入园82名`; not a kind of it, `其中判决结案231件、…` of 结案率) divides that part by the total the 其中 clause breaks down, the last count
 * of the clause right before it, of the part's kind and larger. One such part among `counts`
 * (the rate's sentence, in order) or null: `其中规上企业25家全部建立了党组织，组建率…` names
 * no part (组建 is not in its clause), and two named parts tie no one.
 */
export function namedQizhongPart(lineText: string, from: number, counts: readonly Quantity[], stem: string): { part: Quantity; whole: Quantity } | null {
  if (stem.length < 2) return null;
  let found: { part: Quantity; whole: Quantity } | null = null;
  for (const c of counts) {
    const at = c.numberStart - from;
    const start = clauseStart(lineText, at);
    if (!lineText.startsWith('其中', start) || start < 1) continue;
    // The part is the rate's own thing, not a kind of it (`其中判决结案231件` of 结案率): the
    // words of its item (after 其中 or a 、) before the number are the stem (`其中集中供养412人`,
    // `其中已入园的82名`, `、分散供养的734人`), or the stem follows its measure word (`其中412人集中供养`).
    const item = Math.max(start + 2, lineText.lastIndexOf('、', at) + 1);
    const label = lineText.slice(item, at).replace(/^[，,]?(?:已经|已|有)?/u, '').replace(/的$/u, '');
    const tail = lineText.slice(c.end - from, clauseEnd(lineText, c.end - from));
    // The total: the last count of the clause right before 其中's.
    let whole: Quantity | null = null;
    for (const w of counts) if (w.end - from < start && clauseStart(lineText, w.numberStart - from) === clauseStart(lineText, start - 1)) whole = w;
    if (!whole || measureOf(whole.unit).kind !== measureOf(c.unit).kind || !(whole.value > c.value)) continue;
    if (label !== stem && !(label === '' && tail.startsWith(stem)) && !repeatsWholeVerb(lineText, from, whole, label, stem)) continue;
    if (found) return null;
    found = { part: c, whole };
  }
  return found;
}

/**
 * "开展满意度回访1200件，其中回访满意1104件，满意率…": a 其中 item `label` that is the rate's
 * stem after the total's own verb (回访 + 满意; `抽检N批次，其中抽检合格M批次`, 合格率): the
 * verb (1–4 characters) stands in the total's clause before its number, so the item is the
 * part of the total that met the rate's stem, not a kind of it.
 */
function repeatsWholeVerb(lineText: string, from: number, whole: Quantity, label: string, stem: string): boolean {
  if (!label.endsWith(stem)) return false;
  const verb = label.slice(0, -stem.length);
  if (verb.length < 1 || verb.length > 4) return false;
  const at = whole.numberStart - from;
  return lineText.slice(clauseStart(lineText, at), at).includes(verb);
}

/**
 * Whether counts `a` and `b` each name their thing right after the measure word, to the end
 * of the clause (`142个家庭医生团队`, `52个签约服务点`), and the names say they count different
 * things: only one of them shares a character (not a COMMON one) with the rate's stem `stem`
 * (`30个志愿服务小组`, `12个服务站点` for 站点建设完成率: part and whole count the rate's own
 * thing), or the two, of three characters or more each, share no character. A count with nothing after it (`党员64名`) names its thing
 * before, and is not judged here.
 */
export function namesOtherThing(lineText: string, from: number, a: Quantity, b: Quantity, stem: string): boolean {
  const noun = (c: Quantity) => lineText.slice(c.end - from, clauseEnd(lineText, c.end - from));
  const na = noun(a);
  const nb = noun(b);
  if (!/^\p{Script=Han}{2,12}$/u.test(na) || !/^\p{Script=Han}{2,12}$/u.test(nb)) return false;
  const ofRate = (n: string) => [...stem].some((ch) => !COMMON.has(ch) && n.includes(ch));
  if (ofRate(na) !== ofRate(nb)) return true;
  // What follows a count may be what it did, not its noun (`80名党员参加测试`, `72名通过`): a
  // two-character tail is too short to name another thing (`68个网格服务队`, `25个便民驿站`).
  if (na.length < 3 || nb.length < 3) return false;
  for (const ch of na) if (nb.includes(ch)) return false;
  return true;
}

/** A share's word at the end of its name (党员占比, 比例): rate-share.ts reads the same words. */
const SHARE_WORD = /(?:占比|比例|比重)$/u;

/**
 * "采编播人员46人中党员31名，党员占比…", "48家门店中，党员店长19名，占比…": the whole's noun, 中,
 * then the part's name (1–8 Han characters) right before its number — a subset named, not a
 * verb. Read for shares only (占比, 比例, 比重: SHARE_WORD), bare or naming the part
 * (党员占比 of 党员); a 率 says what the part did and keeps SUBSET_LINK. The two names, or null.
 */
export function namedSubset(link: string, rate: string): { whole: string; part: string } | null {
  const m = /^(\p{Script=Han}{0,12})中[，,]?(?:有)?(\p{Script=Han}{1,8})$/u.exec(link);
  if (!m || !SHARE_WORD.test(rate) || rate.startsWith('占') && rate.length > 2) return null;
  const own = rate.replace(/(?:占比|比例|比重)$/u, '');
  if (own !== '' && !m[2].includes(own)) return null;
  return { whole: m[1], part: m[2] };
}
