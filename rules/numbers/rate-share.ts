/**
 * A share recomputed from the counts stated before it, for `percentage-range`: "共有党员86名，
 * 其中女党员21名，占党员总数的24.4%", "…21名，占比24.4%", "流转土地2160亩，占全村耕地面积2400亩
 * 的90%". Split from `rate-parts.ts` (part ÷ whole and subset rates), whose judgement it
 * uses; the clause helpers both read are in `rate-clauses.ts`. Returns the rule's `recomputed` problem (or the `recomputedOk` pass) or null when the
 * counts do not single out one part and one whole. Offsets are UTF-16 code units.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import type { Quantity } from '../model/quantities';
import { namesOwnSet } from './rate-roles';
import { clauseStart, measureOf } from './sentence';
import { BASE_TAIL, clauseAround, countsIn, fullSentenceStart, isClauseEndAt, longestCommonRun, sharesBase } from './rate-clauses';
import { judged, standsAlone } from './rate-parts';
import { namesPopulation } from './rate-population';

/**
 * What may stand between a share word and the value it states: 为, 达到…, stressed by 仅/只
 * (`占比仅为12.4%`) (not 由X提高到: a trend).
 */
export const BARE_LINK = /^(?:(?:仅|只)(?:有|占)?)?(?:为|是|达到?|约|近)?$/u;
/** Share words whose part and whole are the counts just stated (占比, 比例, 比重, 占…的比重). */
export const SHARE_RATE = /^(?:占比|比例|比重|占.*比重)$|(?:占比|比例|比重)$/u;
/**
 * A clause that names a whole: 共有, 现有, 总数, 全镇…, a total's noun (总人口, 总户数), or `…中`
 * closing it (54名书记中).
 */
const NAMES_WHOLE = /共有|现有|总数|总(?:人口|户数|人数|面积)|全[镇乡村县区市省国体部]|中$/u;

/**
 * "共有党员86名，其中女党员21名，占党员总数的24.4%" / "…21名，占比24.4%" / "…21名，占
 * 24.4%": a share stated right after its part is recomputed against its whole. The part is
 * the exact count in the clause just before the percentage (or in its own clause); the whole
 * is the one count of the same kind, larger, earlier in the same sentence (to 。, across ；;
 * a sentence opening on 其中 with the sentence before it), with no other share between it and the part: the first share of a list only, since later
 * ones may change their base. When the share names its base (占…的), the whole's clause must
 * name a whole too (共有, 现有, 总数, 全镇…, …中): "培训党员300名，其中…占全镇党员总数的…"
 * speaks of another base. More than one candidate for the whole: not checked.
 */
export function recomputeShare(report: Report, q: Quantity, lineText: string, from: number, rate: string, namesBase: boolean): Problem | null {
  if (!standsAlone(q, lineText, from, rate)) return null;
  const at = q.numberStart - from;
  // Shares are often listed with ；between them: the sentence here ends at 。！？ only.
  let own = fullSentenceStart(lineText, at);
  // "全乡共有党员21人。其中致富能手5人，占20%": a sentence opening on 其中 lists parts of
  // what the sentence before it counted, so its whole is read there too (still the one
  // larger count of the kind, or nothing is checked).
  if (own > 0 && lineText.charCodeAt(own - 1) === 0x3002 /* 。 */ && lineText.startsWith('其中', own)) own = fullSentenceStart(lineText, own - 1);
  const counts = countsIn(report, from + own, q.start);
  // "全镇党员中，有女党员359名，少数民族党员952名，…35岁以下441名，占24.3%": a sentence that
  // opens on a set (…中) without its count lists parts of that set, siblings of each other;
  // none of them is the whole of another, and the set's count is not in the sentence.
  // "年度考核中，47个党组织评定为“五星”的14个，占比…": a clause that counts its own set before
  // the part (N个X…的M个) states the whole there; the opening 中 names an occasion, not the set.
  if (opensOnUncountedSet(lineText, own, counts, from) && !wholeInPartClause(lineText, from, counts)) return null;
  if (namesBase) {
    const stated = statedBase(report, q, lineText, from, counts, rate);
    if (stated !== undefined) return stated;
  }
  let part = counts[counts.length - 1];
  if (!part) return null;
  // "党员干警118名，其中…本科以上学历党员97名，党员占干警总数的75.6%": a share that names its
  // own subject before 占 divides the count labelled by that subject, not the last count.
  const subject = shareSubject(lineText, at);
  const named = subject === null ? part : countNamed(lineText, from, counts, part, subject) ?? countByModifier(lineText, from, counts, subjectModifier(subject, rate)) ?? membersOfCounted(lineText, from, counts, part, subject);
  if (!named) return null;
  // `…9个由科主任担任书记，内科系统党支部书记“双带头人”比例…`: a bare share whose clause names a
  // set the sentence has not (rate-roles.ts) is a share of that set, not of the counts before.
  if (subject === null && !namesBase && namesOwnSet(lineText, at, rate, own)) return null;
  if (named === part) {
    // The part stands in the clause right before the share's (at most one comma between).
    let breaks = 0;
    for (let i = part.end - from; i < at; i++) if (isClauseEndAt(lineText, i)) breaks++;
    if (breaks > 1) return null;
  }
  part = named;
  // "…中，本科学历的8人、40岁以下的6人，交叉任职比例达到100%": a share that names a subject of
  // its own after a 、 list of sibling counts speaks of none of them (the last is no part of it).
  const prior = counts[counts.indexOf(part) - 1];
  if (prior && /\p{Script=Han}(?:比例|占比|比重)$/u.test(rate) && siblingInList(lineText.slice(prior.end - from, part.start - from))) return null;
  const kind = measureOf(part.unit).kind;
  const pick = (list: Quantity[]): Quantity | null | undefined => {
    const found: Quantity[] = [];
    for (const c of list) {
      if (c === part || measureOf(c.unit).kind !== kind || c.value <= part.value) continue;
      // A count with its own share (…16.97万名，占80.1%；) is another part, not the whole.
      if (SHARE_AFTER.test(lineText.slice(c.end - from, c.end - from + 4))) continue;
      // "…中，大专以上学历的9人、45岁以下的7人，…比例达到100%": a count joined to the part
      // by 、 alone is its sibling in a list, not the whole it is a share of.
      if (siblingInList(lineText.slice(c.end - from, part.start - from))) continue;
      // "农村无职党员设17个岗，683人；2006年各级优秀党员178名，占9.8%": across a ；the part
      // opens a statement of its own, whose whole is not the count before unless that count
      // names a whole (共有…, 全镇…) or the part's statement opens with 其中.
      if (acrossStatements(lineText, from, c, part) && !NAMES_WHOLE.test(clauseAround(lineText, from, c))) continue;
      // …or names the base's population in another of its names (在岗职工 for 职工总数: rate-population.ts).
      if (namesBase && !NAMES_WHOLE.test(clauseAround(lineText, from, c)) && !opensOnBase(rate, clauseAround(lineText, from, c)) && !namesPopulation(rate, clauseAround(lineText, from, c))) continue;
      found.push(c);
    }
    if (found.length <= 1) return found[0] ?? null;
    // "现有党员19名，其中正式党员18名、预备党员1名；其中35岁以下党员8名，占比36.8%": of several
    // larger counts, the one whose clause names a whole (现有, 共有, 总数…) is the base when
    // every other one stands in a 其中 clause (its parts). Otherwise (…职工418人，党员37名，…
    // 37名党员中…24名: two wholes of two kinds of people) not checked.
    const wholes = found.filter((c) => NAMES_WHOLE.test(clauseAround(lineText, from, c)));
    const partsOnly = found.every((c) => wholes.includes(c) || clauseAround(lineText, from, c).startsWith('其中'));
    return wholes.length === 1 && partsOnly ? wholes[0] : undefined;
  };
  // "现有职工86人，其中党员29名；党员中35岁以下的9名，占31.0%": a part whose clause opens on a
  // set (党员中) is a share of that set's count, whatever larger counts stand before it.
  // A noun the sentence has not named before is no set it counted (`开展集中…`: a word in 中).
  const ofSet = setOfPart(lineText, from, part);
  const set = ofSet !== null && lineText.slice(own, clauseStart(lineText, part.numberStart - from)).includes(ofSet) ? ofSet : null;
  const whole = set !== null ? setCount(lineText, from, counts, part, kind, set) : (namesBase && namedBase(lineText, from, counts, part, kind, rate)) || pick(counts) || (!namesBase && counts.length === 1 ? setCountedBefore(report, lineText, from, own, part) : null);
  if (!whole) return null;
  // A base named but not stated (`占专任教师总数的31.4%` after counts of 党员): the whole the
  // writer divided by is not in the text when the named base shares no word with its clause.
  if (namesBase && !sharesBase(rate, clauseAround(lineText, from, whole))) return null;
  // Only the first share after its whole: a later one in a list may change its base
  // (…成员54人，其中委员16人，占比30%；书记12人，占比75% — of the 书记, not of the 54).
  if (lineText.slice(whole.end - from, part.start - from).includes('占')) return null;
  return judged(report, q, rate, part, whole);
}

/**
 * "流转土地2160亩，占全村耕地面积2400亩的90%": a share whose named base states its own count
 * (the one count between 占 and the percentage) divides the count right before 占 (in its
 * clause or the one before, same kind, no larger) by it. Undefined when the base states no
 * count (the other readings apply); null when it does but no single part stands before it.
 */
function statedBase(report: Report, q: Quantity, lineText: string, from: number, counts: Quantity[], rate: string): Problem | null | undefined {
  const zhan = lineText.lastIndexOf('占', q.numberStart - from);
  if (zhan < 0) return undefined;
  const inside = counts.filter((c) => c.start - from > zhan);
  if (inside.length === 0) return undefined;
  const whole = inside[0];
  const before = counts.filter((c) => c.end - from <= zhan);
  const last = before[before.length - 1];
  // "现有党员58名，其中正式党员55名、预备党员3名，党员占职工总数132人的43.9%": a subject named
  // before 占 picks the count it labels, as in recomputeShare.
  // `教职工党员47名占教职工总数72名的58.3%`: a count right before 占 is the subject itself.
  const subject = last && last.end - from !== zhan ? shareSubject(lineText, q.numberStart - from) : null;
  const part = subject === null ? last : countNamed(lineText, from, before, last, subject);
  if (inside.length !== 1 || !part || measureOf(part.unit).kind !== measureOf(whole.unit).kind || part.value > whole.value) return null;
  if (part === last) {
    let breaks = 0;
    for (let i = part.end - from; i < zhan; i++) if (isClauseEndAt(lineText, i)) breaks++;
    if (breaks > 1) return null;
  }
  return judged(report, q, rate.replace(/[\d.]+\p{Script=Han}?(?=的)/u, ''), part, whole);
}

/** Length a named base must share with its count's clause to pick that count (具备条件的企业). */
const MIN_BASE_MATCH = 4;

/**
 * Whether a count's clause opens on the words of the base a share names, after a period and a
 * total word at most: `全年共发展党员21名` for `占发展总数的`. The clause then states that
 * whole as surely as 共有 does; `培训党员300名` opens on another verb than `占党员总数的` names.
 */
function opensOnBase(rate: string, clause: string): boolean {
  const base = rate.slice(1).replace(BASE_TAIL, '');
  if (base.length < 2) return false;
  const rest = clause.replace(/^(?:全年|本年度?|今年|年内)?(?:共|累计|新)?/u, '');
  return rest.startsWith(base);
}

/**
 * The whole a share names (`占具备建立党组织条件企业总数的99.6%`): the count of `kind`,
 * larger than the part, whose clause shares the longest run of characters (at least
 * MIN_BASE_MATCH, more than any other candidate's) with the named base — `263.4万户企业中，
 * 具备建立党组织条件的企业59.8万户，其中59.5万户…，占具备建立党组织条件企业总数的99.6%` is
 * 59.5 of 59.8, not of 263.4. Null when no candidate stands out (then `pick` decides).
 */
function namedBase(lineText: string, from: number, counts: Quantity[], part: Quantity, kind: string, rate: string): Quantity | null {
  const base = rate.slice(1).replace(BASE_TAIL, '');
  if (base.length < MIN_BASE_MATCH) return null;
  let best: Quantity | null = null;
  let bestLength = 0;
  let tie = false;
  for (const c of counts) {
    if (c === part || measureOf(c.unit).kind !== kind || c.value <= part.value) continue;
    const length = longestCommonRun(base, clauseAround(lineText, from, c));
    if (length > bestLength) {
      best = c;
      bestLength = length;
      tie = false;
    } else if (length === bestLength) tie = true;
  }
  return best && !tie && bestLength >= MIN_BASE_MATCH ? best : null;
}

/**
 * Whether the sentence starting at `own` opens with a clause that ends in 中 and holds none
 * of `counts` (`全镇党员中，`): the counts after it are parts of a set counted elsewhere.
 */
function opensOnUncountedSet(lineText: string, own: number, counts: readonly Quantity[], from: number): boolean {
  let end = own;
  while (end < lineText.length && end - own < 20 && !isClauseEndAt(lineText, end)) end++;
  if (end === own || lineText[end - 1] !== '中' || !isClauseEndAt(lineText, end)) return false;
  for (const c of counts) if (c.start - from < end) return false;
  return true;
}

/**
 * Whether the last of `counts` (the part) follows, in its own clause, a larger count of its
 * kind whose noun and predicate run up to 的 or 的有 before it (`29名党员被评为优秀等次的有8名`,
 * `47个党组织评定为“五星”的14个`): a subset picked out of a set the clause counts itself.
 */
function wholeInPartClause(lineText: string, from: number, counts: readonly Quantity[]): boolean {
  const part = counts[counts.length - 1];
  const whole = counts[counts.length - 2];
  if (!part || !whole || measureOf(whole.unit).kind !== measureOf(part.unit).kind || whole.value <= part.value) return false;
  const between = lineText.slice(whole.end - from, part.start - from);
  return /^\p{Script=Han}[^，,；;。：:、！？]*的有?$/u.test(between);
}

/**
 * Whether a ；(or ;) stands between `whole` and `part` and the part's statement after it does
 * not open with 其中 (`；其中女党员21名`): the part then belongs to a statement of its own.
 */
function acrossStatements(lineText: string, from: number, whole: Quantity, part: Quantity): boolean {
  const gap = lineText.slice(whole.end - from, part.start - from);
  const semi = Math.max(gap.lastIndexOf('；'), gap.lastIndexOf(';'));
  return semi >= 0 && !gap.startsWith('其中', semi + 1);
}

/** A share right after a count: `，占`, `占`, `，占比`. */
const SHARE_AFTER = /^[，,]?占/u;

/** Words before 占 that name no subject of their own (其占, 分别占, 均占…). */
const NO_SUBJECT = /^(?:其中?|分别|均|约|共|合计|共计|累计|占)$/u;

/**
 * A subject: Han characters, or an age or other band before them (`80岁以上党员`, `35岁及以下
 * 党员`): digits only inside, never at the end (`党员27名` is a count, not a subject).
 */
const SUBJECT = /^(?:\p{Script=Han}|\d)*\p{Script=Han}$/u;

/**
 * The subject a share names before its 占 in its own clause (`党员` in `党员占干警总数的75.6%`,
 * `80岁以上党员` in `80岁以上党员占党员总数的37%`), or null when there is none (`，占24.4%`,
 * `，其占…`) or it is not a noun of 2–10 Han characters (digits of a band allowed inside).
 */
function shareSubject(lineText: string, at: number): string | null {
  const start = clauseStart(lineText, at);
  const zhan = lineText.indexOf('占', start);
  if (zhan < 0 || zhan >= at) return null;
  const subject = lineText.slice(start, zhan);
  if (subject.length < 2 || subject.length > 10 || NO_SUBJECT.test(subject) || !SUBJECT.test(subject)) return null;
  return subject;
}

/**
 * The count among `counts` whose label (the words of its clause or 、 item before its number,
 * 其中/有 dropped) starts with `subject`: `last` when it does, else the one other count that
 * does, else null (no count, or more than one, is the share's part).
 */
function countNamed(lineText: string, from: number, counts: Quantity[], last: Quantity, subject: string): Quantity | null {
  if (names(labelOf(lineText, from, last), subject)) return last;
  let found: Quantity | null = null;
  for (const c of counts) {
    if (c === last || !names(labelOf(lineText, from, c), subject)) continue;
    if (found) return null;
    found = c;
  }
  return found;
}

/**
 * `全馆在编教职工58人，教职工党员41名，党员占比…`: the last count, labelled by an earlier count's
 * noun (two characters or more, ending that count's label) and then the share's subject, counts
 * the subject among those counted before: it is the share's part (the whole is read as for any
 * part). `last` then, else null.
 */
function membersOfCounted(lineText: string, from: number, counts: Quantity[], last: Quantity, subject: string): Quantity | null {
  const label = labelOf(lineText, from, last);
  if (!label.endsWith(subject)) return null;
  const noun = label.slice(0, -subject.length);
  if (noun.length < 2) return null;
  for (const c of counts) if (c !== last && c.end <= last.start && labelOf(lineText, from, c).endsWith(noun)) return last;
  return null;
}

/**
 * What tells a share's subject from its base when both name one kind of thing: the subject
 * without the head noun it shares with the base (`差错` of `差错企业` in `差错企业占抽查企业的`,
 * `不合格` of `不合格样品占抽检样品的`), at least two characters; null when they share no head
 * or too little is left.
 */
function subjectModifier(subject: string, rate: string): string | null {
  const base = /^占(.+?)(?:总数|总量|总额)?的/u.exec(rate)?.[1];
  if (!base) return null;
  let k = 0;
  while (k < subject.length && k < base.length && subject[subject.length - 1 - k] === base[base.length - 1 - k]) k++;
  if (k === 0 || subject.length - k < 2) return null;
  return subject.slice(0, subject.length - k);
}

/**
 * The one count among `counts` whose label holds `modifier` (`发现数据差错问题9家` for `差错`):
 * the subject's part named in other words around its distinctive word. Null when none, or
 * more than one, does.
 */
function countByModifier(lineText: string, from: number, counts: Quantity[], modifier: string | null): Quantity | null {
  if (modifier === null) return null;
  let found: Quantity | null = null;
  for (const c of counts) {
    if (!labelOf(lineText, from, c).includes(modifier)) continue;
    if (found) return null;
    found = c;
  }
  return found;
}

/**
 * Whether a count's label names `subject`: it starts with it (the label `党员` of `党员118名`
 * for the subject `党员`), or the label is a modifier with 的 whose noun the subject adds
 * (`80岁以上的27名` for `80岁以上党员`: the label without 的, at least two characters, starts
 * the subject).
 */
function names(label: string, subject: string): boolean {
  if (label.startsWith(subject)) return true;
  if (!label.endsWith('的')) return false;
  const modifier = label.slice(0, -1);
  return modifier.length >= 2 && subject.startsWith(modifier);
}

/**
 * The label of count `c`: the text of its clause or 、 item before its number, without
 * 其中/有/共有 and without a scope before 共有/现有 (`学校现有党员` → `党员`).
 */
function labelOf(lineText: string, from: number, c: Quantity): string {
  const at = c.start - from;
  let i = at;
  while (i > 0 && at - i < 30 && !/[，,；;、：:。！？（(）)]/u.test(lineText[i - 1])) i--;
  return lineText.slice(i, at).replace(/^(?:其中|\p{Script=Han}{0,8}?(?:共有|现有)|有)/u, '');
}

/**
 * Whether the text between two counts (`、45岁以下的`) joins them as items of one 、 list:
 * a 、 and no clause break. Such counts are siblings (two subsets of one set), so neither is
 * the base of a share stated after the other.
 */
function siblingInList(between: string): boolean {
  return between.includes('、') && !/[，,；;。：:！？]/u.test(between);
}

/**
 * The set a part's own clause opens on (`党员` of `；党员中35岁以下的9名`): 2–8 Han characters
 * before 中 at the clause's start, not 其中/之中 and not followed by a comma (a clause
 * `全镇党员中，` lists siblings: opensOnUncountedSet). Null when the clause opens otherwise.
 */
function setOfPart(lineText: string, from: number, part: Quantity): string | null {
  const at = part.numberStart - from;
  const set = SET_OPENING.exec(lineText.slice(clauseStart(lineText, at), at));
  return set && !/^(?:其|之)/u.test(set[1]) ? set[1] : null;
}

/**
 * The count of the set `noun` among `counts`: of the part's kind, larger, and labelled by
 * the noun right before its number (`其中党员29名`) or right after its unit (`29名党员`).
 * Null when no count or more than one is (the set's count is not stated: nothing is checked).
 */
function setCount(lineText: string, from: number, counts: readonly Quantity[], part: Quantity, kind: string, noun: string): Quantity | null {
  let found: Quantity | null = null;
  for (const c of counts) {
    if (c === part || measureOf(c.unit).kind !== kind || c.value <= part.value) continue;
    if (!lineText.slice(0, c.numberStart - from).endsWith(noun) && !lineText.startsWith(noun, c.end - from)) continue;
    if (found) return null;
    found = c;
  }
  return found;
}

/** A sentence opening on a set (`从业人员中党员…`): group 1 the set's noun. */
const SET_OPENING = /^(\p{Script=Han}{2,8}?)中(?![，,])/u;

/**
 * "从业人员1460人。…从业人员中党员105名，占比为7.2%": a sentence that opens on a set whose
 * count the line stated before (the set's noun right before an exact count, once, of the
 * part's kind and larger) divides the part by that count. Null when the noun is not so stated
 * or stated more than once (two candidates: not checked).
 */
function setCountedBefore(report: Report, lineText: string, from: number, own: number, part: Quantity): Quantity | null {
  const set = SET_OPENING.exec(lineText.slice(own, part.numberStart - from));
  if (!set || /^(?:其|其中|之)/u.test(set[1])) return null;
  const noun = set[1];
  const kind = measureOf(part.unit).kind;
  let found: Quantity | null = null;
  for (const c of countsIn(report, from, from + own)) {
    if (!lineText.slice(0, c.numberStart - from).endsWith(noun)) continue;
    if (found) return null;
    found = c;
  }
  if (!found || measureOf(found.unit).kind !== kind || found.value <= part.value) return null;
  return found;
}
