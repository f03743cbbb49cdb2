/**
 * What a list of parts claims about its total, read from the parts' labels and the words
 * around them: whether the parts may OVERLAP (they cut the whole along different attributes)
 * and whether they may LEAVE SOME of the total unnamed. total-breakdown (judge) asks this
 * once a sum of parts disagrees with its total: a sum above the total is a slip only when
 * the parts are disjoint, a sum below it only when they claim the whole. Where the labels
 * say otherwise the parts are held each to at most the total instead.
 *
 * - Overlap: two labels each naming an attribute the other does not (党员 / 持有…证书的;
 *   高级职称 / 35岁以下; 女 / 学历), or parts of a count of meetings named by what the meetings
 *   took up (其中“第一议题”学习21次，…集中学习12次 after 党组会议24次).
 * - Rest left out: every label names an outcome only some items had (被…采用的有, 获…批示的),
 *   or a clause after the parts names the rest without a figure (…，其余为行政后勤人员).
 *
 * - Sub-parts: a label that is an earlier part's label with a modifier inside it (机关青年党员
 *   after 机关党员) counts some of that part again; it is no part of the total (withoutSubParts).
 *
 * Vocabulary: rules/data/part-claims.yaml (with its sources). Offsets are UTF-16 code units
 * into a line. Nothing here throws.
 */
import { partClaims as words } from '../data/part-claims';
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import { lowerBound } from '../model/lower-bound';
import type { Part } from './breakdowns';
import { isPartition } from './breakdown-mode';
import { isClauseBreak } from './sentence';

/** A label naming the rest (其他…, 其余…): the remainder, never a sub-part. */
const rest = sentenceNumbers.breakdown.remainder;

/** Whether `label` names a person's attribute (part-claims.yaml `attributes`) that `totalClause` does not hold. */
export function namesAttribute(label: string, totalClause: string): boolean {
  return attributesOf(label, totalClause) !== 0;
}

/**
 * The attributes (part-claims.yaml `attributes`) a label names, as a bit set. A word the total's
 * own clause holds (`totalClause`) names everyone counted, so it picks nothing: 群众 in
 * `其他群众` under `转移避险群众2300余人` is the people moved, not a political standing.
 */
function attributesOf(label: string, totalClause: string): number {
  let bits = 0;
  for (let i = 0; i < words.attributes.length; i++) {
    const m = words.attributes[i].words.exec(label);
    if (m && !totalClause.includes(m[0])) bits |= 1 << i;
  }
  return bits;
}

/**
 * Whether the parts may overlap: the total counts people (名/人/位) and two labels each name
 * an attribute the other does not (`党员` and `持有…证书的`; `女党员` and `35岁以下党员`), or the total counts meetings
 * (`totalClause` holds 会议/会) and every label ends in what a meeting took up (学习, 研讨…)
 * rather than in a kind of meeting, unless the labels are sides of a partition (线上…/线下…)
 * or ways of holding a study session under a count of study sessions (集中学习/专题研讨).
 */
export function mayOverlap(parts: readonly Part[], total: Quantity, totalClause: string): boolean {
  // The attributes are a person's: parts of a count of courses or events named by whom they
  // are for (青年骨干研修班, 发展对象培训班) are kinds of the thing counted, not cuts of people.
  if (sentenceNumbers.peopleUnits.has(total.unit)) for (let i = 0; i < parts.length; i++) {
    const a = attributesOf(parts[i].label, totalClause);
    if (a === 0) continue;
    for (let j = i + 1; j < parts.length; j++) {
      const b = attributesOf(parts[j].label, totalClause);
      if ((a & ~b) !== 0 && (b & ~a) !== 0) return true;
    }
  }
  // `学习会12次，其中线上学习4次、线下集中学习7次`: sides of a partition (线上/线下) say how each
  // meeting was held, one way or the other, not what it took up: they add up as the sides do.
  if (!words.meeting.test(totalClause) || isPartition(parts as Part[])) return false;
  // `学习会12次，其中集中学习7次、专题研讨6次`: a count of study sessions split by how each was held.
  if (words.studyTotal.test(totalClause) && parts.every((p) => words.studyForm.test(p.label))) return false;
  for (const p of parts) if (!words.agendaEnding.test(p.label) || words.meetingEnding.test(p.label)) return false;
  return true;
}

/**
 * Whether the parts may leave some of the total unnamed: every label names an outcome
 * (被…采用的有, 获…批示的), every label is a way or an occasion of the total's own verb
 * (`occasions`), or `after` (the line's text from the last part to the end of its
 * sentence) opens with a clause naming the rest and holds no figure (`，其余为行政后勤人员`: a
 * clause further on, as after a bracket, speaks of something else). Labels of a partition
 * (男/女, 正式/预备: breakdown-mode.ts isPartition) claim the whole whatever follows.
 */
export function mayLeaveRest(parts: Part[], after: string, totalClause = ''): boolean {
  if (isPartition(parts)) return false;
  let outcomes = true;
  for (const p of parts) if (!words.outcome.test(p.label)) outcomes = false;
  if (outcomes) return true;
  if (occasions(parts, totalClause)) return true;
  return words.rest.test(after) && !/[0-9０-９一二三四五六七八九十百千万]/u.test(after);
}

/**
 * The clause holding a quantity in its line, up to the quantity's number: the text after the
 * last clause break before it (`全年召开党组会议` of `…，全年召开党组会议24次`). `from` is the
 * line's start offset in the report.
 */
export function clauseBefore(lineText: string, from: number, q: Quantity): string {
  const end = q.numberStart - from;
  let start = end;
  while (start > 0 && !isClauseBreak(lineText.charCodeAt(start - 1))) start--;
  return lineText.slice(start, end);
}

/** A clause opening with 另有/另外/此外/还有: what it counts stands beside the parts listed. */
const REST_ADDED = /^[，,]\s*(?:另有|另外还有|另外|此外还有|此外|还有)$/u;

/**
 * The count a clause right after the parts adds to them (`…读书班1次、专家辅导3次，另有4次为传达
 * 学习…`): the first quantity of the parts' sentence after the last part, in the total's measure
 * and scale, with nothing but `，另有` (另外, 此外, 还有) between the last part and it. Whether it
 * completes the parts or adds to the total is the arithmetic's to say: the caller counts it in
 * only where the parts and it then make the total (part-claims.yaml: 另有 names no part by
 * itself, `…，另有退休党员在社区报到` adds people the total does not hold).
 *
 * @param text the report's text
 * @param quantities the report's quantities, in document order
 * @param lastEnd the end offset (UTF-16 code units) of the last part
 * @param total the parts' total, whose unit and scale the added count must share
 * @returns the quantity, or null
 */
export function restAdded(text: string, quantities: readonly Quantity[], lastEnd: number, total: Quantity): Quantity | null {
  const q = quantities[lowerBound(quantities, (x) => x.start < lastEnd)];
  if (!q || q.start - lastEnd > 8 || q.unit !== total.unit || q.scale !== total.scale) return null;
  return REST_ADDED.test(text.slice(lastEnd, q.start)) ? q : null;
}

/** The line's text from `at` (an index into it) to the end of its sentence (。；！？ or the line's end), the mark excluded. */
export function sentenceAfter(lineText: string, at: number): string {
  let end = at;
  while (end < lineText.length) {
    const c = lineText.charCodeAt(end);
    if (c === 0x3002 /* 。 */ || c === 0xff1b /* ； */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */) break;
    end++;
  }
  return lineText.slice(at, end);
}

/**
 * The parts without the sub-parts of an earlier part: a label that is an earlier label with a
 * modifier of two characters or more inserted inside it after its first two characters
 * (`机关党员` → `机关青年党员`, `在职党员` → `在职预备党员`, `集体访` → `集体越级访`), counts some of that part again, so
 * it is left out of the sum (`党员400余名，其中机关党员156名、直属单位党员188名、离退休党员39名，
 * 机关青年党员60名`). An inserted word that negates, widens or joins (非, 以上, 及: part-claims.yaml
 * `not_sub_part`) makes another set, and a remainder (其他…) is never a sub-part. Returns `parts`
 * itself when none is dropped, and never drops the first part.
 */
export function withoutSubParts(parts: Part[]): Part[] {
  let kept: Part[] | null = null;
  for (let i = 1; i < parts.length; i++) {
    let sub = false;
    for (let j = 0; j < i && !sub; j++) sub = refines(parts[i].label, parts[j].label);
    if (sub) kept ??= parts.slice(0, i);
    else if (kept) kept.push(parts[i]);
  }
  return kept ?? parts;
}

/** Whether `label` is `outer` with a modifier inserted inside it (see withoutSubParts). */
function refines(label: string, outer: string): boolean {
  const extra = label.length - outer.length;
  if (extra < 2 || outer.length < 3 || rest.test(label)) return false;
  for (let k = 2; k <= outer.length - 1; k++) {
    if (!label.startsWith(outer.slice(0, k)) || !label.endsWith(outer.slice(k))) continue;
    if (!words.notSubPart.test(label.slice(k, k + extra))) return true;
  }
  return false;
}

/**
 * Whether every label opens with a word of manner or occasion (part-claims.yaml `manner_openers`)
 * and ends with the verb of `totalClause` (one of `doing_verbs`), nothing after it: `全年开展志愿服务12次，其中联合社区开展5次、
 * 结合世界气象日开展3次` names occasions worth naming, not kinds of the service; a doer before the
 * verb (船舶支部开展28场) splits the total by who did it.
 */
function occasions(parts: readonly Part[], totalClause: string): boolean {
  const verb = words.doingVerbs.find((v) => totalClause.includes(v));
  if (verb === undefined) return false;
  for (const p of parts) {
    if (!p.label.endsWith(verb) || !words.mannerOpeners.some((w) => p.label.startsWith(w) && p.label.length > w.length + verb.length)) return false;
  }
  return true;
}
