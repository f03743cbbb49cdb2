/**
 * A share read as a reviewer reads it, for `percentage-range`: by the two nouns its name gives
 * and the counts the report states of them. `党员占职工总数的18.1%` names its part (党员) and its
 * whole (职工); a reviewer finds `党员14名` and `全馆在职职工32人` in the paragraph, or the
 * unit's stated stock (`项目部党支部现有党员19名`) where the paragraph has none, and divides.
 * `在职党员占比45.3%` names its part only; its whole is then the one other count of the kind in
 * the share's own sentence (`全馆在职职工64人，在职党员占比…`, `按全市常住人口218万人计算，…`).
 * `参加学习30人次，占应参学32人的96.9%` names its whole with its count: the part is the count
 * in the clause right before it.
 *
 * This is the last reading percentage-range tries, after the sentence-bound ones (rate-share.ts,
 * rate-parts.ts, rate-restated-part.ts) gave up. It is strict where they are loose:
 * - a count is the noun's only when its label is the noun itself, after at most a scope
 *   (`项目部现有`, `全馆`, `累计`) — a kind of it (`在职党员`, `女党员`) names another set; the
 *   whole alone may carry a standing (`在职职工` for 职工: rates.population_qualifiers);
 * - the paragraph must give the noun one value (`19名党员中…；党员14名` is read by label: the
 *   number-first frame is no label), or else the report one stock of it (statedWhole);
 * - both counts exact (no 约/余/近), of one kind (名 with 人), the part below the whole, and none
 *   dated apart (年初/上年…);
 * - only a difference beyond the share's rounding is reported (rate-parts.ts judged).
 * Offsets are UTF-16 code units. Nothing here throws.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import { quantitiesIn } from '../model/clauses';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { countsIn, fullSentenceStart } from './rate-clauses';
import { judged } from './rate-parts';
import { labelOf as countLabel, numberFirstPick, ownScopeNoun } from './rate-framed-set';
import { statedWhole } from './rate-restated-part';
import { clauseStart, measureOf } from './sentence';

/** `党员占职工总数的`, `党员占职工比例为`, `其中党员占全体职工的比重`: group 1 the part's noun, 2 the whole's. */
const BOTH_NAMED = /^(?:其中)?(\p{Script=Han}{2,8}?)占(?:全体|全部)?(?!比)(\p{Script=Han}{2,8}?)(?:总数|总人数|人数)?的?(?:比例|比重)?(?:为|是|达到|达)?$/u;
/**
 * `占职工总数的`, `占全体职工的比例为`: a clause that opens on 占 names the whole only (group 1);
 * the part is the count closing the clause before (`…，共有党员232名，占职工总数的14.2%`).
 */
const WHOLE_NAMED = /^占(?:全体|全部)?(?!比)(\p{Script=Han}{2,8}?)(?:总数|总人数|人数)?的?(?:比例|比重)?(?:为|是|达到|达)?$/u;
/** `在职党员占比`, `持证读者占比达到`: group 1 the part's noun; the whole is not named. */
const PART_NAMED = /^(?:其中)?(\p{Script=Han}{2,8}?)占比(?:为|是|达到|达)?$/u;
/** `占应参学32人的`: a base due (应…) with its count inside the name; group 1 its words. */
const DUE_BASE = /^占(应\p{Script=Han}{1,6}?)(?:人数)?\d{1,9}(?:人|名)的$/u;
/** Words after a label's noun that still belong to its count (`现有职工共86人`, `达到18.6万人`). */
const LABEL_TAIL = /(?:达到|达|为|共计|共有|共|有)$/u;
/** Words before a noun that scope it without naming a kind of it (`项目部现有`, `全馆`, `累计`). */
const SCOPE = /^(?:\p{Script=Han}{0,6}?(?:现有|共有|累计|有)|全(?:厂|公司|局|院|校|所|镇|乡|村|县|区|市|行|处|站|馆|队|园|社区|街道|中心|单位|系统|支部|总支|党委|机关|项目部|集团))?$/u;
/** What makes a label's lead pick a subset rather than scope the noun (`…中有`, `…的`). */
const PICKED = /[中的]/u;
/** A standing that makes a noun its whole population (在职职工 for 职工): the whole's label only. */
const STANDING = new RegExp(`(?:${sentenceNumbers.rates.populationQualifiers})$`, 'u');
/** Bound words before a label's noun (`约有`, `近`, `不足`). */
const BOUND_LEAD = /约|近|不足|不到|超过/u;
/** Time words that date a count apart from the report's present. */
const OTHER_TIME = /年初|上年|去年|同期|原有|此前|以前/u;

/**
 * The recomputed share (percentage-range's `recomputed` problem, or its pass) of percentage
 * `q`, read from the nouns of its name in `clause` (the text of its clause before its number,
 * connectors included: `党员占职工总数的`); null where the name gives no two nouns to count,
 * or the report no one count of each (see the module comment).
 *
 * @param lineText the text of `q`'s line, which starts at report offset `from`
 * @param rate the share's name as the rule shows it
 */
export function namedCountsShare(report: Report, q: Quantity, lineText: string, from: number, clause: string, rate: string): Problem | null {
  const at = q.numberStart - from;
  const clauseAt = at - clause.length;
  const due = DUE_BASE.exec(clause);
  if (due) return dueBaseShare(report, q, lineText, from, clauseAt, rate);
  const wholeOnly = WHOLE_NAMED.exec(clause);
  if (wholeOnly) return namedWholeShare(report, q, lineText, from, clauseAt, rate, wholeOnly[1]);
  const both = BOTH_NAMED.exec(clause);
  const partOnly = both ? null : PART_NAMED.exec(clause);
  const partNoun = both?.[1] ?? partOnly?.[1];
  if (!partNoun) return null;
  const wholeNoun = both?.[2] ?? null;
  if (wholeNoun === partNoun) return null;
  const part = countOf(report, lineText, from, q, partNoun, false);
  if (!part) return null;
  let whole: Quantity | null;
  if (wholeNoun !== null) whole = countOf(report, lineText, from, q, wholeNoun, true, part);
  else {
    // The whole unnamed: the one other count of the part's kind in the share's own sentence.
    whole = null;
    for (const c of countsIn(report, from + fullSentenceStart(lineText, at), q.start)) {
      if (c === part || c.value === part.value || measureOf(c.unit).kind !== measureOf(part.unit).kind) continue;
      if (whole) return null;
      whole = c;
    }
  }
  if (!whole || whole === part || measureOf(whole.unit).kind !== measureOf(part.unit).kind) return null;
  if (part.value * measureOf(part.unit).factor >= whole.value * measureOf(whole.unit).factor) return null;
  return judged(report, q, rate, part, whole);
}

/**
 * `局机关党员参加学习30人次，占应参学32人的96.9%`: the whole is the due count in the share's
 * name, the part the last count of the clause right before it — in persons or person-times,
 * which a due base of persons (应参学…人) counts one per person.
 */
function dueBaseShare(report: Report, q: Quantity, lineText: string, from: number, clauseAt: number, rate: string): Problem | null {
  const inName = countsIn(report, from + clauseAt, q.start);
  if (inName.length !== 1) return null;
  const whole = inName[0];
  const mark = lineText.charCodeAt(clauseAt - 1);
  if (mark !== 0xff0c /* ， */ && mark !== 0x2c) return null;
  const before = countsIn(report, from + fullSentenceStart(lineText, clauseAt - 1), from + clauseAt - 1);
  const part = before[before.length - 1];
  if (!part || part.end !== from + clauseAt - 1) return null;
  const persons = (u: string): boolean => sentenceNumbers.peopleUnits.has(u) || u === '人次';
  if (!persons(part.unit) || !sentenceNumbers.peopleUnits.has(whole.unit) || part.value >= whole.value) return null;
  return judged(report, q, rate, part, whole);
}

/**
 * `公司共有职工1860人。…共有党员232名，占职工总数的14.2%`: a share naming only its whole
 * (`wholeNoun`, 职工) divides the count closing the clause right before it by the paragraph's one
 * count of that noun (or the unit's stated stock: countOf). The part must close its clause at the
 * comma before 占 and not count the whole's noun itself (`职工1860人，占职工总数的…` is no share);
 * both of one kind, the part the smaller. Null otherwise.
 */
function namedWholeShare(report: Report, q: Quantity, lineText: string, from: number, clauseAt: number, rate: string, wholeNoun: string): Problem | null {
  const mark = lineText.charCodeAt(clauseAt - 1);
  if (mark !== 0xff0c /* ， */ && mark !== 0x2c) return null;
  const before = countsIn(report, from + fullSentenceStart(lineText, clauseAt - 1), from + clauseAt - 1);
  const part = before[before.length - 1];
  if (!part || part.bound !== 'exact') return null;
  // `有56名党员报名参加志愿服务，占党员总数的…`: a number-first part picked by a verb; its
  // noun must be the whole's (or, under the unit's own scope, the bare noun).
  const bareNoun = ownScopeNoun(report, wholeNoun);
  if (part.end !== from + clauseAt - 1) {
    const sentence = fullSentenceStart(lineText, clauseAt - 1);
    if (countsIn(report, from + clauseStart(lineText, part.numberStart - from), from + clauseAt - 1).length !== 1) return null;
    const pick = numberFirstPick(lineText, from, sentence, part, clauseAt - 1, bareNoun === null ? [wholeNoun] : [wholeNoun, bareNoun]);
    if (!pick) return null;
    const picked = countOf(report, lineText, from, q, pick.noun, true, part);
    if (!picked || measureOf(picked.unit).kind !== measureOf(part.unit).kind || part.value >= picked.value) return null;
    return judged(report, q, rate, part, picked);
  }
  // `职工1860人，占职工总数的…` counts the whole itself; `参加志愿服务的党员有20名`, `一线岗位
  // 党员146名` pick a part of it. A part restated elsewhere (`其中女党员30名` under a 年初 total)
  // is tied to that total, which rate-restated-part.ts reads or leaves: not read here.
  const partLabel = labelOf(lineText, from, part);
  // `占社区党员总数的` in a 社区党委's report: the unit's own scope names the unit's stock of 党员.
  const bare = bareNoun;
  for (const noun of bare === null ? [wholeNoun] : [wholeNoun, bare]) {
    if (labelNames(partLabel, noun, true) || (partLabel.endsWith(noun) && restated(report, part, partLabel, noun))) return null;
  }
  const whole = countOf(report, lineText, from, q, wholeNoun, true, part) ?? (bare === null ? null : countOf(report, lineText, from, q, bare, true, part));
  if (!whole || whole === part || measureOf(whole.unit).kind !== measureOf(part.unit).kind) return null;
  if (part.value * measureOf(part.unit).factor >= whole.value * measureOf(whole.unit).factor) return null;
  return judged(report, q, rate, part, whole);
}

/**
 * The one count of `noun` the report gives before `q`: counts in `q`'s line labelled by the
 * noun (after a scope; with a standing too when `isWhole`), all of one value — or, with none
 * there, the unit's one stated stock of it (statedWhole). `kindOf` (the part) fixes the
 * whole's kind. Null when none or several values.
 */
function countOf(report: Report, lineText: string, from: number, q: Quantity, noun: string, isWhole: boolean, kindOf?: Quantity): Quantity | null {
  let found: Quantity | null = null;
  for (const c of quantitiesIn(report.quantities, from, q.start)) {
    // The part itself (`参加志愿服务的党员有20名`) is no count of the whole's noun.
    if (c === kindOf || c.unit === '%' || (kindOf && measureOf(c.unit).kind !== measureOf(kindOf.unit).kind)) continue;
    const label = labelOf(lineText, from, c);
    // `约有党员20名`, `党员20余名`: the paragraph's count of the noun is a bound — nothing to divide.
    if (label.endsWith(noun) && (c.bound !== 'exact' || BOUND_LEAD.test(label))) return null;
    if (!label.endsWith(noun)) continue;
    // `女党员8名`, `新录用人员中有党员5名`: the paragraph counts a kind of the noun, and which
    // count the share meant is the writer's to say.
    if (!labelNames(label, noun, isWhole)) return null;
    if (OTHER_TIME.test(lineText.slice(Math.max(0, c.start - from - 12), c.start - from))) return null;
    if (found && found.value !== c.value) return null;
    found = c;
  }
  if (found) return found;
  const kind = kindOf ?? countsIn(report, from, q.start).find((c) => sentenceNumbers.peopleUnits.has(c.unit));
  if (!kind) return null;
  return statedWhole(report, noun, kind, q.start);
}

/** The most counts of the part's value looked at for a restatement: bounded work per share. */
const MAX_RESTATED = 8;

/**
 * Whether the report states `part` again (same value and unit) under a label its own label
 * ends with, longer than `noun` (`女党员30名` in `其中女党员30名`): a kind restated is tied to
 * the total it was stated under. True too past MAX_RESTATED such counts (no one statement).
 */
function restated(report: Report, part: Quantity, partLabel: string, noun: string): boolean {
  let seen = 0;
  for (const r of report.quantities) {
    if (r === part || r.value !== part.value || r.unit !== part.unit) continue;
    if (++seen > MAX_RESTATED) return true;
    const label = labelOf(report.lines.lineText(r.line), report.lines.start(r.line), r);
    if (label.length > noun.length && partLabel.endsWith(label)) return true;
  }
  return false;
}

/** Whether a count's label names `noun` itself: the noun after at most a scope (and, for a whole, a standing). */
function labelNames(label: string, noun: string, isWhole: boolean): boolean {
  if (!label.endsWith(noun)) return false;
  let lead = label.slice(0, label.length - noun.length);
  if (isWhole) {
    const standing = STANDING.exec(lead);
    if (standing) lead = lead.slice(0, standing.index);
  }
  // `新录用人员中有党员5名`, `参训的党员`: a set the noun is picked from, or a modifier, is no scope.
  return SCOPE.test(lead) && !PICKED.test(lead);
}

/** The Han characters right before a count's number in its clause, after 其中, without a trailing 共/达到… (`项目部现有职工`). */
function labelOf(lineText: string, from: number, c: Quantity): string {
  return countLabel(lineText, c.start - from).replace(LABEL_TAIL, '');
}
