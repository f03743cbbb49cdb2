/**
 * A share whose whole stands elsewhere in the report, for `percentage-range`: "全公司女党员
 * 37名，占党员总数的21.5%", where the sentence states no whole but the report has said, once,
 * "共有党员214名，其中在船党员96名、女党员37名". The part is restated: the same noun and the
 * same count as a 其中 part of a whole of the base's noun; that whole is what the share
 * divides, 37 ÷ 214 = 17.3%. A part stated nowhere else (`一线倒班岗位党员289名，占党员总数
 * 的72.5%`) divides by the unit's one stated whole of that noun before it (`共有党员462名`,
 * `现有党员…`, `全厂党员…`, `在160名党员中，`, `党员总数为…`; statedWhole): a reader takes the
 * named whole from where the report gave it. The part need not carry the base's noun when its
 * sentence says it is of the base's people: it opens on a set of them (`党员干警中，…的有12人，
 * 占干警总数的…`), or the base is named by its standing (在岗职工: rates.population_qualifiers)
 * and the sentence frames the part by the same standing (`在岗党员中，…19名，占在岗职工总数的…`),
 * whose whole is then the one count the report gives under that very name, a 其中 item of a
 * wider total included (`共有在册职工126人（其中在岗职工78人…）`).
 *
 * The restated part ties the share to one statement of the whole, so a whole of another
 * group (占职工总数的…: not the 党员 the earlier total counts), a whole stated at another
 * time (年初/上年…) or two candidate wholes (the part restated under two totals of different
 * values) leave the share unchecked. A share whose own sentence holds a count besides its
 * part is left to rate-share.ts. Offsets are UTF-16 code units.
 */
import { sentenceNumbers } from '../data/sentence-numbers';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { clauseAround, countsIn, fullSentenceStart, isClauseEndAt } from './rate-clauses';
import { judged, standsAlone } from './rate-parts';
import { clauseStart, measureOf, WINDOW } from './sentence';
import { rememberedFor, type ReportMemo } from '../model/report-memo';

/** The most counts of the part's value and unit looked at (see restatedPartShare). */
const MAX_RESTATED = 8;
/** A named base that is a whole of one noun (`占党员总数的`, `占全体职工人数的`): group 1 the noun. */
const WHOLE_BASE = /^占(?:全体|全部)?(\p{Script=Han}{2,6}?)(?:总数|总人数|人数)的$/u;
/** What stands right before a whole's noun (or its number): an existence word or 全体 (`共有`, `现有`, `全体`). */
const STATES_WHOLE = /(?:共有|现有|全体|^有)$/u;
/**
 * A standing that makes a noun a whole population (在岗职工, 在编人员: rates.population_qualifiers,
 * less 全体/全部, which scope rather than name a standing), at the noun's start.
 */
const STANDING = new RegExp(`^(?:${sentenceNumbers.rates.populationQualifiers.split('|').filter((w) => !w.startsWith('全')).join('|')})`, 'u');
/** A sentence opening on a set its part is picked from (`党员干警中，`): group 1 the set. */
const SET_OPENING = /^(\p{Script=Han}{2,8})中[，,]/u;
/** Time words that date a whole apart from the report's present (`年初有党员…`). */
const OTHER_TIME = /年初|上年|去年|同期|原有|此前|以前/u;

/**
 * The recomputed share (the rule's `recomputed` problem, or its pass) of the percentage `q`
 * whose base word is `word` (`占党员总数的`), when its part is restated from a 其中 breakdown
 * elsewhere (see the module comment); null otherwise.
 */
export function restatedPartShare(report: Report, q: Quantity, lineText: string, from: number, rate: string, word: string): Problem | null {
  const base = WHOLE_BASE.exec(word);
  if (!base || !standsAlone(q, lineText, from, rate)) return null;
  const noun = base[1];
  const at = q.numberStart - from;
  const counts = countsIn(report, from + fullSentenceStart(lineText, at), q.start);
  if (counts.length !== 1) return null;
  const part = counts[0];
  // The part is a group of the base's people (女党员 of 党员), named just before its number;
  // or, for a base named by its standing (在岗职工), a group its sentence frames by that same
  // standing (`在岗党员中，一线护林员党员有19名，占在岗职工总数的…`: people in post, of all in post).
  // Or a group picked from a set of the base's people the sentence opens on (`党员干警中，35岁
  // 以下的有12人，占干警总数的…`).
  const label = labelBefore(lineText, from, part);
  const qualifier = STANDING.exec(noun)?.[0];
  const lead = lineText.slice(fullSentenceStart(lineText, at), part.start - from);
  const framed = (qualifier !== undefined && lead.includes(qualifier)) || SET_OPENING.exec(lead)?.[1].endsWith(noun) === true || pickedInClause(lead, noun);
  if (!framed && (label.length <= noun.length || !label.endsWith(noun))) return null;
  let whole: Quantity | null = null;
  // A count restated more often than this ties no one statement: bounded work per share.
  let restated = 0;
  // Whether the part stands as a 其中 part under any total, of this time or not: it is then
  // tied to that total, and the unit's stated whole (statedWhole) is not read in its place.
  let tied = false;
  for (const r of report.quantities) {
    if (r === part || r.value !== part.value || r.unit !== part.unit || r.bound !== 'exact') continue;
    if (++restated > MAX_RESTATED) return null;
    // Code, HTML and tables are no statements of the report's own.
    if (report.opaque.at(r.start)) continue;
    const rFrom = report.lines.start(r.line);
    const rText = report.lines.lineText(r.line);
    const rLabel = labelBefore(rText, rFrom, r);
    // The same group: the label as restated (女党员) ends the part's (全公司女党员).
    if (rLabel.length <= noun.length || !label.endsWith(rLabel)) continue;
    if (qizhongBefore(rText, rFrom, r)) tied = true;
    const found = totalBeforeQizhong(report, rText, rFrom, r, noun);
    if (!found) continue;
    if (whole && whole.value !== found.value) return null;
    whole = found;
  }
  if (!whole && !tied) whole = statedWhole(report, noun, part, q.start, qualifier !== undefined);
  if (!whole || whole.value <= part.value) return null;
  return judged(report, q, rate, part, whole);
}

/**
 * Whether the part's own clause (the end of `lead`, the sentence up to the part's number) picks
 * it from the base's people by an attribute: `党员队伍中具有高级职称的`, `党员中35岁以下的`,
 * `全体党员中有`: the noun (and 队伍) then 中, and the label goes on to the attribute.
 */
function pickedInClause(lead: string, noun: string): boolean {
  const clause = lead.slice(Math.max(lead.lastIndexOf('，'), lead.lastIndexOf(','), lead.lastIndexOf('；')) + 1);
  return new RegExp(`^(?:全\\p{Script=Han}{1,3}|全体)?${noun}(?:队伍)?中(?:具有|有|的)?[^，,；;：:]{2,}$`, 'u').test(clause);
}

/** What may open the clause of a set counted as a frame (`在160名党员中，`, `全厂462名党员中，`). */
const SET_FRAME = /^在?(?:全\p{Script=Han}{1,3})?$/u;

/**
 * The one whole of `noun` the report states (`共有党员462名`, `现有党员214名`, `全体党员…`,
 * `在160名党员中，…`), of `part`'s kind, at the report's present (no 年初/上年), standing
 * before the share at `before` (a report offset): what a share naming that whole
 * (`占党员总数的72.5%`) divides when its part was stated nowhere else. Every such statement in
 * the report must give one value: a unit and its branches (`第一支部现有党员32名`), or two
 * dates, give two, and then no whole is read. Null when none stands before the share.
 * `standing`: the noun names a population by its standing (在岗职工), counted as a whole under
 * that very name wherever it stands.
 */
export function statedWhole(report: Report, noun: string, part: Quantity, before: number, standing = false): Quantity | null {
  const statements = wholeStatements(report, noun, measureOf(part.unit).kind, standing);
  if (!statements) return null;
  let last: Quantity | null = null;
  for (const c of statements) if (c.start < before) last = c;
  return last;
}

/**
 * The statements of a whole of `noun` (of measure `kind`) in the whole report, in document
 * order, all of one value; null when they give two values or more than MAX_RESTATED. They do
 * not depend on the share asking, so each report reads them once per noun (a WeakMap on the
 * frozen report): a report with many shares naming 党员 no longer reads all its quantities for
 * each share (percentage-range's cost on long reports, bench/RESULTS.md).
 */
function wholeStatements(report: Report, noun: string, kind: string, standing: boolean): readonly Quantity[] | null {
  const key = `${standing ? '1' : '0'}${kind}\u0000${noun}`;
  return rememberedFor(statementsByReport, report, key, () => readWholeStatements(report, noun, kind, standing));
}

/** Statements of a whole already read, per report and key (standing, kind, noun). */
const statementsByReport: ReportMemo<readonly Quantity[] | null> = new WeakMap();

/**
 * A quantity that may state a whole, with the text a whole's noun must stand in: from its
 * clause's start to a little past it (every reading below — labelBefore, countsNoun, framesSet,
 * namesTotal — finds the noun there), so that a noun absent from it rules the quantity out
 * without the readings' slices and patterns.
 */
interface Candidate {
  c: Quantity;
  window: string;
}

/** The longest noun tail looked for after a count (`160名党员中`, `214名党员`): the window's reach past it. */
const WINDOW_AFTER = 12;

/** The report's exact counts of measure `kind` outside opaque spans, each with its window (see Candidate); read once per report and kind. */
function candidatesOf(report: Report, kind: string): readonly Candidate[] {
  return rememberedFor(candidatesByReport, report, kind, () => readCandidates(report, kind));
}

/** candidatesOf's reading, done once per report and kind. */
function readCandidates(report: Report, kind: string): readonly Candidate[] {
  const out: Candidate[] = [];
  for (const c of report.quantities) {
    if (c.bound !== 'exact' || c.unit === '%' || measureOf(c.unit).kind !== kind) continue;
    if (report.opaque.at(c.start)) continue;
    const cFrom = report.lines.start(c.line);
    const cText = report.lines.lineText(c.line);
    const start = Math.min(clauseStart(cText, c.numberStart - cFrom), hanRunStart(cText, c.start - cFrom));
    out.push({ c, window: cText.slice(start, c.end - cFrom + WINDOW_AFTER) });
  }
  return out;
}

/** Candidates already read, per report and kind. */
const candidatesByReport: ReportMemo<readonly Candidate[]> = new WeakMap();

/**
 * Where the run of Han characters ending at `at` of the line starts (labelBefore's reach), at
 * most WINDOW code units back: read once per count, so a long line of Han text stays linear.
 */
function hanRunStart(lineText: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < WINDOW && isHan(lineText.charCodeAt(i - 1))) i--;
  return i;
}

/** The longest noun adjacencyOf indexes; a longer noun reads every candidate. */
const MAX_KEY = 8;
/** What may stand between a total's noun and its number (namesTotal: `党员总数为`). */
const TOTAL_TAILS = ['总数', '总人数'].flatMap((t) => ['', '为', '是', '达', '达到'].map((v) => t + v));

/**
 * The candidates of measure `kind` by each noun (up to MAX_KEY characters) they may state a
 * whole of: every reading (labelBefore, countsNoun, framesSet, namesTotal) finds the noun right
 * before the number (after at most a total's 总数…) or right after it, so these are the only
 * candidates a noun's statements are read from. Built once per report and kind: a report with
 * many shares of differently labelled parts reads each noun's few candidates, not all of them.
 */
function adjacencyOf(report: Report, kind: string): ReadonlyMap<string, readonly Candidate[]> {
  return rememberedFor(adjacencyByReport, report, kind, () => readAdjacency(report, kind));
}

/** adjacencyOf's index, built once per report and kind. */
function readAdjacency(report: Report, kind: string): ReadonlyMap<string, readonly Candidate[]> {
  const index = new Map<string, Candidate[]>();
  for (const candidate of candidatesOf(report, kind)) {
    const c = candidate.c;
    const cFrom = report.lines.start(c.line);
    const cText = report.lines.lineText(c.line);
    const lead = cText.slice(clauseStart(cText, c.numberStart - cFrom), c.numberStart - cFrom);
    const keys = new Set<string>();
    const befores = [lead, ...TOTAL_TAILS.filter((t) => lead.endsWith(t)).map((t) => lead.slice(0, -t.length))];
    for (const b of befores) for (let n = 1; n <= Math.min(MAX_KEY, b.length); n++) keys.add(b.slice(-n));
    const after = cText.slice(c.end - cFrom, c.end - cFrom + MAX_KEY);
    for (let n = 1; n <= after.length; n++) keys.add(after.slice(0, n));
    keys.add(labelBefore(cText, cFrom, c));
    for (const key of keys) {
      const list = index.get(key);
      if (list) list.push(candidate);
      else index.set(key, [candidate]);
    }
  }
  return index;
}

const adjacencyByReport: ReportMemo<ReadonlyMap<string, readonly Candidate[]>> = new WeakMap();

/** Reads wholeStatements' answer from the report's quantities (see there). */
function readWholeStatements(report: Report, noun: string, kind: string, standing: boolean): readonly Quantity[] | null {
  const out: Quantity[] = [];
  const pool = noun.length <= MAX_KEY ? (adjacencyOf(report, kind).get(noun) ?? []) : candidatesOf(report, kind);
  for (const candidate of pool) {
    if (!candidate.window.includes(noun)) continue;
    const c = candidate.c;
    const cFrom = report.lines.start(c.line);
    const cText = report.lines.lineText(c.line);
    // A noun named by its standing (在岗职工) is a whole wherever it is counted under that
    // very name, a 其中 item of a wider total included (`（其中在岗职工78人、退休职工52人）`).
    const named = standing && labelBefore(cText, cFrom, c) === noun;
    if (!named && !countsNoun(cText, cFrom, c, noun) && !framesSet(cText, cFrom, c, noun) && !namesTotal(cText, cFrom, c, noun)) continue;
    if (OTHER_TIME.test(clauseAround(cText, cFrom, c))) continue;
    // Bounded work: a noun stated as a whole this often is no single figure.
    if (out.length >= MAX_RESTATED) return null;
    if (out.length > 0 && out[0].value !== c.value) return null;
    out.push(c);
  }
  return out;
}

/**
 * Whether `c` is given as the whole of `noun` by the words of its clause before it: a total
 * (`党员总数为160名`, `党员总数达160名`), the whole unit's (`全厂党员462名`), or the registered
 * ones (`共有在册党员462名`; not 在职, which leaves the retired out).
 */
function namesTotal(lineText: string, from: number, c: Quantity, noun: string): boolean {
  const lead = lineText.slice(clauseStart(lineText, c.numberStart - from), c.numberStart - from);
  // `全厂党员总数为`: a total's tail after the noun, a scope before it.
  for (const tail of TOTAL_TAILS) {
    if (!lead.endsWith(tail)) continue;
    const rest = lead.slice(0, -tail.length);
    if (rest.endsWith(noun) && TOTAL_SCOPE.test(rest.slice(0, rest.length - noun.length))) return true;
  }
  if (!lead.endsWith(noun)) return false;
  const before = lead.slice(0, lead.length - noun.length);
  return UNIT_REGISTER.test(before) || REGISTERED.test(before);
}

/**
 * namesTotal's readings of the words before the noun, fixed patterns rather than one compiled
 * per noun (a report with many differently labelled shares asked for as many nouns).
 */
const TOTAL_SCOPE = /^(?:全\p{Script=Han}{1,3})?$/u;
const REGISTERED = /^\p{Script=Han}{0,6}?(?:共有|现有)在册$/u;

/** The whole unit as a scope (`全厂`, `全公司`, `全支部`): the unit's own kinds, not a modifier (`全厂在职`). */
const WHOLE_UNIT = '全(?:厂|公司|局|院|校|所|镇|乡|村|县|区|市|行|处|站|馆|队|园|社区|街道|中心|单位|系统|支部|总支|党委|机关)';
/** `全厂共有在册`: the whole unit, then an existence word and 在册 at most, before the noun. */
const UNIT_REGISTER = new RegExp(`^${WHOLE_UNIT}(?:共有|现有)?(?:在册)?$`, 'u');

/**
 * Whether `c` counts a set the words after it pick from: `在160名党员中，…`, `160名党员中，…`
 * (the clause opens with the count, after 在 at most, and ends with `noun` + 中).
 */
function framesSet(lineText: string, from: number, c: Quantity, noun: string): boolean {
  const start = clauseStart(lineText, c.numberStart - from);
  if (!SET_FRAME.test(lineText.slice(start, c.numberStart - from))) return false;
  const tail = `${noun}中`;
  const after = lineText.slice(c.end - from, c.end - from + tail.length + 1);
  return after.startsWith(tail) && isClauseEndAt(lineText, c.end - from + tail.length);
}

/** Whether `r` stands after 其中 in its sentence, past a comma (`…，其中女党员37名`). */
function qizhongBefore(lineText: string, from: number, r: Quantity): boolean {
  const at = r.start - from;
  const qz = lineText.lastIndexOf('其中', at);
  return qz >= Math.max(1, fullSentenceStart(lineText, at));
}

/** The Han characters right before `q`'s number in its clause, after a 、 or 其中 (`女党员`). */
function labelBefore(lineText: string, from: number, q: Quantity): string {
  const at = q.start - from;
  let i = at;
  while (i > 0 && isHan(lineText.charCodeAt(i - 1))) i--;
  let label = lineText.slice(i, at);
  const qz = label.lastIndexOf('其中');
  if (qz >= 0) label = label.slice(qz + 2);
  return label;
}

/**
 * The total of the 其中 breakdown `r` is a part of: in `r`'s sentence, 其中 before it with
 * only parts between, and the last count before that 其中 in the clause right before it, of
 * the same kind, whose clause states a whole of `noun` at the report's present (no other time).
 */
function totalBeforeQizhong(report: Report, lineText: string, from: number, r: Quantity, noun: string): Quantity | null {
  const at = r.start - from;
  const sentence = fullSentenceStart(lineText, at);
  const qz = lineText.lastIndexOf('其中', at);
  if (qz < sentence || qz < 1) return null;
  const mark = lineText.charCodeAt(qz - 1);
  if (mark !== 0xff0c /* ， */ && mark !== 0x2c) return null;
  const before = countsIn(report, from + clauseStart(lineText, qz - 1), from + qz - 1);
  const total = before[before.length - 1];
  if (!total || measureOf(total.unit).kind !== measureOf(r.unit).kind) return null;
  const clause = clauseAround(lineText, from, total);
  if (OTHER_TIME.test(clause)) return null;
  return countsNoun(lineText, from, total, noun) ? total : null;
}

/**
 * Whether `total` counts `noun` itself under an existence word, not a kind of it or a group
 * joined to it: `共有党员214名`, `现有党员…`, `全体党员…`, `共有214名党员` — not `共有预备党员
 * 12名` (a kind) or `共有党员和入党积极分子230名` (a wider group).
 */
function countsNoun(lineText: string, from: number, total: Quantity, noun: string): boolean {
  const start = clauseStart(lineText, total.numberStart - from);
  const lead = lineText.slice(start, total.numberStart - from);
  if (lead.endsWith(noun)) return STATES_WHOLE.test(lead.slice(0, -noun.length));
  // Number first: `共有214名党员`, the noun right after the measure word and ending the clause.
  const after = lineText.slice(total.end - from, total.end - from + noun.length + 1);
  return STATES_WHOLE.test(lead) && after.startsWith(noun) && !isHan(after.charCodeAt(noun.length));
}

function isHan(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff;
}
