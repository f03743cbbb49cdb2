/**
 * A share whose whole the part's own clause names as a set, for `percentage-range`:
 * "专任教师中党员47人，占比为90.4%", "全体党员中参加过专题培训的有35名，参训率达92.1%". The
 * part is picked from a set named before 中 (`专任教师中`, `全体党员中`, `在…党员中`), with no
 * count of the set in the sentence; the share (占比, 比例, a 率, a bare 占) follows in the next
 * clause and names nothing else. A reader takes the set's size from where the report stated it
 * before the share: the unit's stated stock (`支部现有党员38名`: statedWhole), or else the
 * report's one count labelled by the set's noun itself (`其中专任教师52人`). A rate is read so only
 * when the frame names all of the set (全体党员中) and the part's words hold the rate's verb.
 *
 * A share naming no whole after a part picked from a noun by a 的-phrase, a verb or a kind
 * (`获得表彰的党员12名，占比为…`; number first, `先后有15名党员报名参加…，占比…`) divides by the
 * unit's stated stock of that noun the same way (pickedPartShare, numberFirstShare); shares
 * only, since a rate (参训率) may divide by those due.
 *
 * The module also reads a whole named with the unit's own scope (`占社区党员总数的` in a
 * 社区党委 report, `占全局党员总数的` in a 局's): the scope is the report's unit, so the whole
 * is the unit's stock of the bare noun (ownScopeNoun, used by rate-named-counts.ts).
 *
 * Quiet by construction where the base may be another one (false warnings first): the part
 * must be of the set's kind (persons for persons: 人次 are no persons), exact and smaller than
 * the whole; any other count of the noun before the share with another value (a scope's, a
 * date's) leaves the share unread, as does a set whose count stands in the sentence (the
 * sentence-bound readers' business, rate-parts.ts). Offsets are UTF-16 code units; nothing
 * here throws.
 */
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { countsIn, fullSentenceStart } from './rate-clauses';
import { judged, standsAlone } from './rate-parts';
import { statedWhole } from './rate-restated-part';
import { clauseStart, measureOf } from './sentence';
import { rememberedFor, type ReportMemo } from '../model/report-memo';

/**
 * The share's clause, from its start to the number: a share word or a rate and a connector,
 * nothing else (`占比为`, `参训率达`, `占`). Group 1 is absent: the name is the caller's `rate`.
 */
const SHARE_CLAUSE = /^(?:占比|比例|比重|占|\p{Script=Han}{1,6}率)(?:为|是|达到|达|已达|约为)?$/u;
/** Unit words a scope (全…) or a whole's name may open on: two-character ones first, so 全社区 is not read as 全社 + 区…. */
const UNIT_WORDS = '党总支|社区|街道|支部|总支|党委|公司|机关|单位|中心|集团|学院|学校|医院|分局|分行|系统|厂|局|院|校|所|站|馆|队|园|行|处|镇|乡|村|县|区|市';
/**
 * The part's clause up to its number, opening on a set the part is picked from: an optional
 * 在 and scope (group 1: 全体, 全部, 全 + a unit word), the set's noun (group 2), an optional
 * 队伍, 中, then the part's own words (group 3: `党员`, `参加过…的有`). The noun has no digits: a
 * counted set is read elsewhere.
 */
const FRAME = new RegExp(`^在?(全体|全部|全(?:${UNIT_WORDS}))?(\\p{Script=Han}{2,8}?)(?:队伍)?中[，,]?(\\p{Script=Han}{1,20})$`, 'u');
/** A set's noun that is no set: the end of a word whose 中 is no "among" (其中, 集中, 当中, 期中). */
const NOT_A_SET = /(?:其|集|当|期|考|初|高|之|心|空|途|暗|从)$/u;
/** Words before a count's noun that keep it the noun itself (`现有`, `共有`): a 全X scope may be another unit's. */
const LABEL_SCOPE = /^(?:现有|共有|有)?$/u;
/** The most counts of one noun looked at per share: bounded work, and a figure stated this often is no single stock. */
const MAX_COUNTS = 8;

/**
 * The recomputed share (the rule's `recomputed` problem, or its pass) of percentage `q` named
 * `rate`, when its part is framed by a set as in the module comment; null otherwise.
 *
 * @param lineText the text of `q`'s line, which starts at report offset `from`
 */
export function framedSetShare(report: Report, q: Quantity, lineText: string, from: number, rate: string): Problem | null {
  if (!standsAlone(q, lineText, from, rate)) return null;
  const at = q.numberStart - from;
  const shareStart = clauseStart(lineText, at);
  if (shareStart < 1 || !SHARE_CLAUSE.test(lineText.slice(shareStart, at))) return null;
  const mark = lineText.charCodeAt(shareStart - 1);
  if (mark !== 0xff0c /* ， */ && mark !== 0x2c) return null;
  const sentence = fullSentenceStart(lineText, at);
  const counts = countsIn(report, from + sentence, q.start);
  if (counts.length !== 1) return null;
  const part = counts[0];
  if (part.bound !== 'exact') return null;
  // Number first, the part picked by what follows it: `有56名党员报名参加志愿服务，占比…`.
  if (part.end !== from + shareStart - 1) return numberFirstShare(report, q, rate, part, lineText, from, sentence, shareStart - 1);
  // Else the part closes the clause right before the share's.
  // The sentence opens on the set: `专任教师中党员`, `在全体党员中，参加…的有`.
  const lead = lineText.slice(sentence, part.numberStart - from);
  const frame = FRAME.exec(lead);
  if (!frame) return pickedPartShare(report, q, rate, part, lead, from, from + sentence);
  if (NOT_A_SET.test(frame[2])) return null;
  // `全县党员中` in a 局's report picks from the county's members, not the unit's stock.
  const scope = frame[1];
  if (scope && scope.length >= 2 && scope !== '全体' && scope !== '全部' && !(report.title?.text ?? '').includes(scope.slice(1))) return null;
  const noun = frame[2];
  // A rate names what the part did (参训率 ↔ 参加过专题培训, 轮训率 ↔ 集中轮训): a rate of
  // something else (满意率 after 参加志愿服务的) divides another base.
  // A participation rate divides by those due, who may be fewer than all (r169 in
  // test/corpus/known-misses.json): read only when the frame names all of the set (全体党员中).
  if (rate.endsWith('率') && (!scope || !sharesVerb(rate, frame[3]))) return null;
  const whole = statedWhole(report, noun, part, q.start) ?? labelledCount(report, noun, part, q.start);
  if (!whole || whole === part || measureOf(whole.unit).kind !== measureOf(part.unit).kind) return null;
  if (part.value * measureOf(part.unit).factor >= whole.value * measureOf(whole.unit).factor) return null;
  return judged(report, q, rate, part, whole);
}

/** The words between a part's label and its number (`…的党员有20名`, `…的党员达20名`). */
const LINK_TAIL = /(?:共有|共计|已达|达到|有|达|为|共)$/u;
/** Words before a label's noun that make the count the noun's whole rather than a part (`现有党员`, `全局党员`). */
const WHOLE_LEAD = new RegExp(`^(?:\\p{Script=Han}{0,6}?(?:现有|共有|有)|全体|全部|全(?:${UNIT_WORDS}))?$`, 'u');
/** Flow words: a part counted among those who joined, left or were dealt with this period. */
const FLOW = /发展|新增|吸收|接收|转入|转出|转正|减少|增加|处置|出党|除名|去世|逝世|调入|调出|退休/u;
/** How far before the sentence a nearer whole of the part's kind is looked for (UTF-16 code units). */
const NEARER_REACH = 80;

/**
 * `常态化参与社区报到的党员达20名，占比达到64.5%`, `参加志愿服务的党员有20名，占比…`: a share
 * naming no whole after a part its sentence opens on, picked from a noun by a 的-phrase, a verb
 * or a kind (女党员, 在职党员): a reviewer divides by the unit's stated stock of that noun. The
 * sentence is the label and the part alone (Han characters, no 中 frame, no 其中: a 其中 part's
 * whole is its total); the noun is the longest tail of the label with a stated stock; nothing
 * of the part's kind stands in its paragraph within NEARER_REACH before the sentence (a nearer
 * set would be the writer's whole). Shares only: a rate (参训率) may divide by those due. Null otherwise.
 */
function pickedPartShare(report: Report, q: Quantity, rate: string, part: Quantity, lead: string, lineAt: number, sentenceAt: number): Problem | null {
  if (!/^\p{Script=Han}{3,24}$/u.test(lead) || lead.includes('中') || lead.startsWith('其中')) return null;
  // A rate (参训率) may divide by those due rather than the stock: only shares are read here.
  if (rate.endsWith('率')) return null;
  const label = lead.replace(LINK_TAIL, '');
  // `发展女党员204名，占46.6%`: a part of a flow (those admitted) is a share of the flow, not of the stock.
  if (FLOW.test(label)) return null;
  const kind = measureOf(part.unit).kind;
  if (countsIn(report, Math.max(lineAt, sentenceAt - NEARER_REACH), sentenceAt).some((c) => measureOf(c.unit).kind === kind)) return null;
  for (let n = Math.min(6, label.length - 1); n >= 2; n--) {
    const noun = label.slice(-n);
    const whole = statedWhole(report, noun, part, q.start);
    if (!whole) continue;
    const before = label.slice(0, -n);
    if (WHOLE_LEAD.test(before)) return null;
    // `参加志愿服务的在职党员`: the 的-phrase picks from a kind (在职党员) whose count is not
    // stated; its share is of that kind, not of the noun's stock.
    const de = before.lastIndexOf('的');
    if (de >= 0 && de < before.length - 1) return null;
    if (whole === part || measureOf(whole.unit).kind !== kind || part.value >= whole.value) return null;
    return judged(report, q, rate, part, whole);
  }
  return null;
}

/** What may stand before a number-first part in its sentence: a scope and an existence word (`先后有`, `全年共`). */
const NUMBER_FIRST_LEAD = /^(?:\p{Script=Han}{0,8}?(?:有|共))?$/u;
/** What may not open the words after a number-first part's noun: a frame (中), a modifier (的), a join. */
const NOT_A_PICK = /^(?:中|的|和|及|与|、|等)/u;

/**
 * The noun and the picking words after a number-first part (`56名党员报名参加志愿服务` →
 * 党员 + 报名参加志愿服务), the part the only count of its clause ending at `clauseEnd` (a
 * line index, exclusive): the sentence before the number holds at most a scope and 有/共, the
 * words after its measure word are Han only, open on `noun` (when given; else on any noun
 * `hasWhole` accepts, longest first) and go on with two or more characters that pick. Null
 * otherwise.
 */
export function numberFirstPick(lineText: string, from: number, sentence: number, part: Quantity, clauseEnd: number, nouns: readonly string[]): { noun: string; rest: string } | null {
  const lead = lineText.slice(sentence, part.numberStart - from);
  if (!NUMBER_FIRST_LEAD.test(lead) || lead.includes('中')) return null;
  const tail = lineText.slice(part.end - from, clauseEnd);
  if (!/^\p{Script=Han}{4,24}$/u.test(tail) || FLOW.test(tail)) return null;
  for (const noun of nouns) {
    if (!tail.startsWith(noun)) continue;
    const rest = tail.slice(noun.length);
    if (rest.length < 2 || NOT_A_PICK.test(rest)) return null;
    return { noun, rest };
  }
  return null;
}

/**
 * `先后有56名党员报名参加志愿服务，占比达到…`: a share naming no whole after a number-first part
 * (numberFirstPick) is read against the unit's stated stock of the part's noun (the longest
 * opening of the words after the part with a stated whole), with pickedPartShare's guards: no
 * count of the part's kind earlier in its paragraph within NEARER_REACH, shares only.
 */
function numberFirstShare(report: Report, q: Quantity, rate: string, part: Quantity, lineText: string, from: number, sentence: number, clauseEnd: number): Problem | null {
  if (rate.endsWith('率')) return null;
  const tail = lineText.slice(part.end - from, clauseEnd);
  const nouns: string[] = [];
  for (let n = Math.min(6, tail.length - 2); n >= 2; n--) nouns.push(tail.slice(0, n));
  const withWhole = nouns.filter((noun) => statedWhole(report, noun, part, q.start) !== null);
  const pick = numberFirstPick(lineText, from, sentence, part, clauseEnd, withWhole);
  if (!pick) return null;
  const kind = measureOf(part.unit).kind;
  if (countsIn(report, Math.max(from, from + sentence - NEARER_REACH), from + sentence).some((c) => measureOf(c.unit).kind === kind)) return null;
  const whole = statedWhole(report, pick.noun, part, q.start);
  if (!whole || whole === part || measureOf(whole.unit).kind !== kind || part.value >= whole.value) return null;
  return judged(report, q, rate, part, whole);
}

/**
 * The report's one count of `noun` before `before` (a report offset): counts of `part`'s kind
 * whose label (the Han run before the number, after 其中 or 、) is the noun itself after at most
 * a scope (`其中专任教师52人`, `现有专任教师52人`). Null when none, when two values are given,
 * when one is a bound (余/约), or when a label ends with the noun under another modifier with
 * another value (`全校专任教师2100人`: which set the share meant is the writer's to say).
 */
function labelledCount(report: Report, noun: string, part: Quantity, before: number): Quantity | null {
  let found: Quantity | null = null;
  // The largest count of the noun under another modifier (`全校专任教师2100人`, `女专任教师8人`).
  let other = 0;
  let seen = 0;
  for (const { c, label } of nounCounts(report, noun, measureOf(part.unit).kind)) {
    if (c.start >= before) break;
    if (c === part) continue;
    if (++seen > MAX_COUNTS || report.opaque.at(c.start)) return null;
    if (!LABEL_SCOPE.test(label.slice(0, label.length - noun.length))) {
      other = Math.max(other, c.value);
      continue;
    }
    if (c.bound !== 'exact' || (found && found.value !== c.value)) return null;
    found = c;
  }
  // A wider group under the same noun: which set the share meant is the writer's to say.
  return found && other < found.value ? found : null;
}

/**
 * The report's counts of measure `kind` (no percentages) whose label (labelOf) ends with
 * `noun`, in document order, each with its label: read once per report, kind and noun (the
 * labels once per report), so many shares of one set do not each walk the report's quantities.
 */
function nounCounts(report: Report, noun: string, kind: string): readonly LabelledCount[] {
  return rememberedFor(nounCountsByReport, report, `${kind}\u0000${noun}`, () =>
    labelledCounts(report).filter(({ c, label }) => label.endsWith(noun) && measureOf(c.unit).kind === kind),
  );
}

interface LabelledCount {
  c: Quantity;
  label: string;
}

/** nounCounts' answers, per report and key (kind, noun). */
const nounCountsByReport: ReportMemo<readonly LabelledCount[]> = new WeakMap();

/** The report's counts other than percentages, each with its label (labelOf): read once per report. */
function labelledCounts(report: Report): readonly LabelledCount[] {
  return rememberedFor(labelsByReport, report, '', () => {
    const out: LabelledCount[] = [];
    for (const c of report.quantities) {
      if (c.unit === '%') continue;
      out.push({ c, label: labelOf(report.lines.lineText(c.line), c.start - report.lines.start(c.line)) });
    }
    return out;
  });
}

const labelsByReport: ReportMemo<readonly LabelledCount[]> = new WeakMap();

/**
 * Whether the part's words hold both characters before a rate's 率 (its verb: 参训 in
 * 参加过专题培训, 轮训 in 集中轮训): one shared character (参 of 参学率 in 参加志愿服务) is no tie.
 */
function sharesVerb(rate: string, words: string): boolean {
  const verb = rate.slice(-3, -1);
  if (verb.length < 2) return false;
  for (const ch of verb) if (!words.includes(ch)) return false;
  return true;
}

/**
 * A count's label: the Han characters (at most 16, U+3400–U+9FFF) right before UTF-16 index
 * `at` of the line, after the last 其中 in them (`专任教师` of `其中专任教师52人`). Shared with
 * rate-named-counts.ts, which also drops a trailing 共/达到….
 */
export function labelOf(lineText: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 16 && isHan(lineText.charCodeAt(i - 1))) i--;
  const label = lineText.slice(i, at);
  const qz = label.lastIndexOf('其中');
  return qz >= 0 ? label.slice(qz + 2) : label;
}

/** A whole's name opening on a unit word (group 1) before its noun (group 2): `社区党员`, `全局党员`. */
const OWN_SCOPE = new RegExp(`^(?:全|本)?(${UNIT_WORDS})(\\p{Script=Han}{2,6})$`, 'u');

/**
 * `社区党员` → `党员` in a report whose title names 社区 (`…社区党委书记述职报告`); `全局党员`
 * → `党员` in a 局's: a whole named with the report's own unit as its scope is the unit's stock
 * of the bare noun. Null when the noun opens on no unit word or the title does not name it
 * (`社区党员` in a 街道's report counts the communities' members, not the unit's).
 */
export function ownScopeNoun(report: Report, noun: string): string | null {
  const m = OWN_SCOPE.exec(noun);
  const title = report.title?.text ?? '';
  // A one-character unit word is a scope only after 全/本 (`全局党员`; `区党员` is no name).
  if (!m || !title.includes(m[1]) || (m[1].length === 1 && !/^[全本]/u.test(noun))) return null;
  return m[2];
}

function isHan(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff;
}
