/**
 * 分别 in the list grammar (rules/model/lists.ts): "A、B分别…X、Y" pairs subjects with values.
 *
 * Subjects are read in the clause before 分别: a list joined by 、 and at most one 和/及/与/
 * 以及 at its end (`5个村党组织和党组织书记`: two); or one count that opens the clause
 * (`3名社区党支部书记`, `三个党小组`: three). A clause with a single unnumbered subject
 * (`履诺率分别达到95%、97%`) takes the subjects of the sentence's previous 分别.
 * Values are, in the clause after 分别, the first run of two or more numbers in one unit
 * (or the unit only on the last: `一、二、三等奖`), or else a list closed by a count of its
 * own (`认领产业、环境两个项目`; after listed subjects only right after a pairing verb:
 * `书记、副书记分别联系甲、乙、丙三个小组`), or else, right after a verb that pairs (分管, 获评, 是), a
 * 、-list of names ending the clause (`分管党建、宣传、统战`; `获评市级文明村、县级文明村`).
 * Values like `一组、二组、三组` (a numeral and 组/村…) are names: `numeric` is false for them.
 * Times are no values, but for the dates right after 分别于 when the subjects are listed
 * (`甲、乙、丙分别于3月、5月、9月召开`: one date each); after other verbs 分别 often means "each"
 * (`分别听取了党建、经济工作汇报`), and a list holding 等 names only some: no values.
 */
import { listsData } from '../data/lists';
import { sentenceNumbers } from '../data/sentence-numbers';
import { isChineseNumeralCode } from './numerals';
import { ordinalNames } from './list-numbered-names';
import type { Quantity } from './quantities';
import type { EnumeratedList, ListCount, ListItem, ListSource, Respectively } from './lists';
import { newList } from './list-runs';
import { clauseEnd, clauseStart, maskNested, oneOf, quantitiesIn, sentenceStart } from './clauses';
import { assignedNames, ClosedLists, countedValues, dateValues, directedValues, numericValues, namedValues } from './list-respectively-values';
import { wordSegmenter } from './segmenter';
import { topicSubjects } from './list-topic';
import { lowerBound } from './lower-bound';
import type { Span } from './opaque';

const words = sentenceNumbers.respectively;
const DIGIT_OR_NUMERAL = /[\d零〇一二三四五六七八九十百千两]/u;
const CONJUNCTIONS = [...words.conjunctions];
const CONJUNCTION_FIRST = [...new Set(CONJUNCTIONS.map((w) => w.charCodeAt(0)))];
/** Words that may open a numbered subject's clause: "全镇27个村", "共3名". */
// `辖区两个小区分别…`, `全镇3个村分别…`, `城区两个院区分别…`: a scope word (or the part of the
// area, 城区, 镇区) may open the subject clause; so may the
// unit that holds the counted things (`支部3个党小组分别…`) or a short 的-modifier that picks
// them out (`新建的两个联合党支部分别…`): the count is still of the subjects.
const SUBJECT_LEAD = /^(?:(?:辖区|城区|镇区|市区|县城|县域|市域|[全本我][镇村乡县区市局校院所])(?:内)?|[全本我]?(?:党支部|支部|党总支|总支|党委|社区|公司|学院|机关|协会|商会|集团|学校|医院|大队|支队|街道|园区)|\p{Script=Han}{1,6}的)?(?:其中|共有|共|有|另有)?$/u;
/** The longest clause (UTF-16 units) read as the subjects of 分别. */
const SUBJECT_MAX = 60;
/**
 * Every 分别 outside opaque spans with subjects and at least two values, in order.
 * `counted` are the enumerations found before: a 分别 that introduces one is marked `announced`.
 */
export function findRespectively(src: ListSource, counted: readonly EnumeratedList[]): Respectively[] {
  const { text, lines, quantities } = src;
  const out: Respectively[] = [];
  const closed = new ClosedLists(counted);
  const introducers = new SpanCover(counted.flatMap((l) => (l.introducer ? [l.introducer] : [])));
  let lineEnd = -1;
  let lineText = '';
  let from = 0;
  let previous: { sentence: number; subjects: EnumeratedList | null; subjectCount: ListCount | null } | null = null;
  // `依次为91.2分、93.6分` pairs its subjects in order as 分别 does.
  let nextFenbie = text.indexOf('分别');
  let nextYici = text.indexOf('依次');
  for (let at = Math.min(...[nextFenbie, nextYici].filter((i) => i >= 0), Infinity); at !== Infinity; at = Math.min(...[nextFenbie, nextYici].filter((i) => i >= 0), Infinity)) {
    if (at === nextFenbie) nextFenbie = text.indexOf('分别', at + 2);
    else nextYici = text.indexOf('依次', at + 2);
    if (at > lineEnd) {
      const line = lines.lineAt(at);
      lineText = lines.lineText(line);
      from = lines.start(line);
      lineEnd = lines.end(line);
      previous = null;
    }
    const index = at - from;
    if (src.opaque.at(at)) continue;
    const start = clauseStart(lineText, index, SUBJECT_MAX + 1);
    // A subject clause is short; a longer run is prose whose lists are no subjects.
    if (index - start > SUBJECT_MAX) {
      previous = null;
      continue;
    }
    const sentence = sentenceStart(lineText, index);
    if (previous && previous.sentence !== sentence) previous = null;
    const subjects = listedSubjects(src, lineText, start, index, from);
    let subjectCount: ListCount | null = subjects ? null : (numberedSubject(src, lineText, start, index, from, quantities) ?? yearSpan(lineText, sentence, start, from));
    // `…三个培训班，分别结业23人、18人`: a count ending the clause before names the subjects,
    // read only with numeric values after 分别 (names after a count may pair loosely).
    if (!subjects && !subjectCount) {
      const closing = closingCount(src, lineText, sentence, start, index, from, closed);
      if (closing && numericValues(src, lineText, index + 2, from)) subjectCount = closing;
    }
    // `东港村、石桥村、柳塘村依托…，集体经济收入分别达到86万元、52万元`: the sentence's topic,
    // one clause before, read only with numeric values.
    const topic: EnumeratedList | null = !subjects && !subjectCount && previous === null && numericValues(src, lineText, index + 2, from) ? topicSubjects(src, lineText, sentence, start, index, from) : null;
    const own = subjects !== null || subjectCount !== null || topic !== null;
    const shared = !own && previous !== null && index - start <= 10 && !DIGIT_OR_NUMERAL.test(lineText.slice(start, index));
    if (own) previous = { sentence, subjects: subjects ?? topic, subjectCount };
    // `抗诉14件、检察建议23件，分别比上年增加5件、8件`: the quantities before are the subjects.
    const quantified = !own && !shared ? quantitySubjects(src, lineText, sentence, start, index, from) : null;
    if (!own && !shared && !quantified) continue;
    if (quantified) {
      // Each value is in its subject's unit: the units may differ (`9件、14批次`).
      const numeric = numericValues(src, lineText, index + 2, from, true);
      if (numeric) out.push({ start: at, end: at + 2, subjects: quantified.list, subjectCount: null, shared: false, values: numeric, numeric: !ordinalNames(numeric), announced: false, valueSubjects: true, wholeToo: quantified.parts });
      continue;
    }
    // `A、B、C分别于3月、5月、9月召开`: after 分别于 the values are dates, one for each listed subject.
    // `三项创建分别达到28家、35个`: subjects of their own (named or counted) may each be
    // counted in a unit of their own, when every value shows its unit.
    const numeric = numericValues(src, lineText, index + 2, from, own) ?? directedValues(src, lineText, index + 2, from) ?? (subjects && !shared ? dateValues(src, lineText, index + 2, from) : null);
    // Listed subjects pair with a counted list only after a pairing verb (`分别联系`).
    const values = numeric ?? (shared ? null : (countedValues(src, closed, at, from + clauseEnd(lineText, index + 2), subjects !== null) ?? namedValues(src, lineText, index + 2, from) ?? assignedNames(src, lineText, index + 2, from)));
    if (!values) continue;
    // `分别联系一组、二组等村民小组`: names closed by 等 name only some.
    if (numeric && ordinalNames(numeric) && text.charCodeAt(numeric.end) === 0x7b49 /* 等 */) continue;
    const announced = introducers.covers(at);
    out.push({
      start: at,
      end: at + 2,
      subjects: own ? (subjects ?? topic) : previous!.subjects,
      subjectCount: own ? subjectCount : previous!.subjectCount,
      shared,
      values,
      numeric: numeric !== null && !ordinalNames(numeric),
      announced,
    });
  }
  return out;
}

/**
 * Whether an offset lies in any of a set of spans (which may overlap), in O(log n) a query:
 * a 分别 asked every list of the report whether it introduces it, quadratic in a long report.
 */
class SpanCover {
  private readonly starts: number[];
  /** The furthest end among the spans sorted up to each index. */
  private readonly reach: number[];
  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    let reach = -1;
    this.reach = sorted.map((s) => (reach = Math.max(reach, s.end)));
  }
  /** Whether some span has `start <= offset < end`. */
  covers(offset: number): boolean {
    const i = lowerBound(this.starts, (start) => start <= offset) - 1;
    return i >= 0 && this.reach[i] > offset;
  }
}

/**
 * The subjects listed in `[start, index)`: items split by 、 and by one conjunction word
 * (Intl.Segmenter words: 和谐 and 及时 are no conjunctions), the conjunction only last.
 * Returns null for fewer than two items or an unsure list.
 */
export function listedSubjects(src: ListSource, lineText: string, start: number, index: number, from: number): EnumeratedList | null {
  if (!mayBreak(lineText, start, index)) return null;
  const text = lineText.slice(start, index);
  // 中专及以下, 50岁及以上: one bracket, 及 joins no two subjects.
  const masked = maskNested(text).replace(/及(?=以[上下])/gu, '□');
  const breaks = itemBreaks(masked);
  if (!breaks || breaks.length === 0) return null;
  const items: ListItem[] = [];
  const separators: EnumeratedList['separators'] = [];
  let itemStart = 0;
  const push = (s: number, e: number): boolean => {
    if (masked.slice(s, e).trim() === '') return false;
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    items.push({ start: from + start + s + lead, end: from + start + s + raw.trimEnd().length, text: raw.trim() });
    return true;
  };
  for (const b of breaks) {
    if (!push(itemStart, b.index)) return null;
    separators.push({ start: from + start + b.index, end: from + start + b.index + b.length, text: text.slice(b.index, b.index + b.length) });
    itemStart = b.index + b.length;
  }
  if (!push(itemStart, masked.length)) return null;
  return { ...newList('inline', src.lines.lineAt(from), items, { separators }), end: from + index };
}

/** Whether `text[from, to)` holds a 、 or the first character of a conjunction. */
function mayBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3001 /* 、 */ || oneOf(CONJUNCTION_FIRST, c)) return true;
  }
  return false;
}

/**
 * Where the subject clause `masked` breaks into items: at each 、 and at the one conjunction
 * word, in order; null when unsure (a 、 after the conjunction, or two conjunctions).
 */
function itemBreaks(masked: string): { index: number; length: number }[] | null {
  const self = SELF_FIRST.exec(masked);
  if (self) return selfFirstBreaks(masked, self[0].length);
  const out: { index: number; length: number }[] = [];
  const standAlone = commasStandAlone(masked);
  if (standAlone && !CONJUNCTIONS.some((w) => masked.includes(w))) {
    // No conjunction and every 、 a word of its own: the 、 are the breaks, found without
    // segmenting (which costs more than the rest of the pass).
    for (let i = masked.indexOf('、'); i >= 0; i = masked.indexOf('、', i + 1)) out.push({ index: i, length: 1 });
    return out;
  }
  let conjunctions = 0;
  if (!standAlone) {
    for (const seg of wordSegmenter().segment(masked)) {
      const isComma = seg.segment === '、';
      const isConjunction = words.conjunctions.has(seg.segment);
      if (!isComma && !isConjunction) continue;
      if (isComma && conjunctions > 0) return null; // "A和B、C和D": pairs or four? unsure
      if (isConjunction && ++conjunctions > 1) return null;
      out.push({ index: seg.index, length: seg.segment.length });
    }
    return out;
  }
  // Every 、 is a word of its own: only a character that may open a conjunction asks the
  // segmenter which word holds it.
  const segments = wordSegmenter().segment(masked);
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === 0x3001 /* 、 */) {
      if (conjunctions > 0) return null;
      out.push({ index: i, length: 1 });
      continue;
    }
    if (!oneOf(CONJUNCTION_FIRST, c)) continue;
    const word = segments.containing(i);
    if (word === undefined || word.index !== i || !words.conjunctions.has(word.segment)) continue;
    if (++conjunctions > 1) return null;
    out.push({ index: i, length: word.segment.length });
    i += word.segment.length - 1;
  }
  return out;
}

/** `我和`/`我与`/`本人和` opening a subject clause: the writer, joined to the others first. */
const SELF_FIRST = /^(?:我|本人)(?:和|与|同)/u;
/** The one colleague after `我和` read as a subject of its own: a post of two to eight Han characters. */
const SELF_PARTNER = /^\p{Script=Han}{2,8}$/u;

/**
 * `我和支部副书记、组织委员分别讲授党课4次、2次、2次`: the writer (a 述职 report's 我) joined
 * first by 和/与, then a 、-list of the others: one subject each, the writer included
 * (either grouping, 我和(A、B) or (我和A)、B, makes three); or one colleague named by a post
 * (`我和副院长`: two), not one that may be many (lists `self_partner_groups`). `self` is the length of the
 * opening (`我和`); the rest must hold 、 and no other conjunction character (`我和A、B和C`
 * is unsure). A break is an index and length in `masked`.
 */
function selfFirstBreaks(masked: string, self: number): { index: number; length: number }[] | null {
  const rest = masked.slice(self);
  if (CONJUNCTIONS.some((w) => rest.includes(w)) || rest.includes('同')) return null;
  // `我和副院长分别联系了3个、4个、2个村卫生室`: one colleague named by a post makes two
  // subjects, as `院长和副院长` does; a partner that may be many (班子成员, 两名支委) is unsure.
  if (!rest.includes('、')) return SELF_PARTNER.test(rest) && !DIGIT_OR_NUMERAL.test(rest) && !words.selfPartnerGroups.some((w) => rest.includes(w)) ? [{ index: self - 1, length: 1 }] : null;
  const out = [{ index: self - 1, length: 1 }];
  for (let i = masked.indexOf('、', self); i >= 0; i = masked.indexOf('、', i + 1)) out.push({ index: i, length: 1 });
  return out;
}

/**
 * Whether Intl.Segmenter makes every 、 of `text` a word of its own. Word breaking (UAX #29)
 * joins a 、 only to a combining or format character right after it (WB4); a CJK
 * ideograph, ASCII, CJK punctuation other than the tone marks U+302A–302F, a full-width
 * form or the mask □ after it is safe (checked against ICU for every such character).
 */
function commasStandAlone(text: string): boolean {
  for (let i = text.indexOf('、'); i >= 0; i = text.indexOf('、', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (!(Number.isNaN(c) || c < 0x80 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f && !(c >= 0x302a && c <= 0x302f)) || (c >= 0xff01 && c <= 0xff5e) || c === 0x25a1)) {
      return false;
    }
  }
  return true;
}

/** `2023—2025年`, `2021年至2023年`, `2022-2024年间`: a span of years. Groups 1, 2: first and last year. */
const YEAR_SPAN = /^(\d{4})年?(?:—|–|-|－|~|～|至|到)(\d{4})年(?:间|期间)?/u;

/**
 * "2023—2025年全县满意度分别为…": a span of years opening the clause of 分别 (at `start`), or
 * standing as the sentence's first clause ("2021—2023年，全县…分别为…"), counts its years
 * as the subjects (2 to 10 of them).
 */
function yearSpan(lineText: string, sentence: number, start: number, from: number): ListCount | null {
  for (const clause of [start, sentence]) {
    let at = clause;
    while (at < lineText.length && (lineText[at] === ' ' || lineText[at] === '\u3000')) at++;
    const m = YEAR_SPAN.exec(lineText.slice(at, at + 16));
    if (!m) continue;
    // The sentence's first clause only when it is the span alone, right before 分别's clause.
    const end = at + m[0].length;
    if (clause === sentence && clause !== start && !(end + 1 === start && (lineText[end] === '，' || lineText[end] === ','))) continue;
    const value = Number(m[2]) - Number(m[1]) + 1;
    if (value < 2 || value > 10) return null;
    return { start: from + at, end: from + end, value, bound: 'exact', measure: '年', noun: '', quoted: false, text: m[0], side: 'before' };
  }
  return null;
}

/** What may stand between the comma and 分别 when the subjects are the clause before's quantities. */
const QUANTIFIED_LEAD = /^(?:均|都|也|又|则)?$/u;

/**
 * "全年提出抗诉14件、检察建议23件、纠正通知书96份，分别比上年增加5件、8件、11份": 分别 opening
 * its clause (`[start, index)` holds at most 均/都/也) right after a clause of two or more
 * quantities joined by 、/和/及 — each quantity, with its label, is one subject. Only when
 * that clause holds the sentence's first quantities (`120件，其中A14件、B23件，分别…` might
 * pair the total too); a quantity written right after another in another unit (`12户30人`)
 * is its pair, not a subject.
 */
function quantitySubjects(src: ListSource, lineText: string, sentence: number, start: number, index: number, from: number): { list: EnumeratedList; parts: boolean } | null {
  const comma = lineText.charCodeAt(start - 1);
  if (comma !== 0xff0c /* ， */ && comma !== 0x2c) return null;
  let prevStart = clauseStart(lineText, start - 1);
  while (prevStart < start && /\s/u.test(lineText[prevStart])) prevStart++;
  // `罚没款共计186万元，其中A案件63件、B案件21件，罚没款分别为…`: the 其中 parts of a total just
  // stated are the subjects, the total perhaps paired first (`wholeToo`); 分别 may follow what
  // each part has (罚没款, MEASURED_LEAD) as well as 均/都.
  const parts = lineText.startsWith(PARTS_WORD, prevStart);
  const lead = lineText.slice(start, index).trim();
  if (!QUANTIFIED_LEAD.test(lead) && !(parts && MEASURED_LEAD.test(lead) && !pairedObjects(lineText, index + 2))) return null;
  if (prevStart < sentence || (!parts && quantitiesIn(src.quantities, from + sentence, from + prevStart).length > 0)) return null;
  if (parts) prevStart += PARTS_WORD.length;
  const items: ListItem[] = [];
  const separators: { start: number; end: number; text: string }[] = [];
  let labelFrom = prevStart;
  let prevEnd = -1;
  let prevUnit = '';
  for (const q of quantitiesIn(src.quantities, from + prevStart, from + start - 1)) {
    if (q.start === prevEnd && q.unit !== prevUnit) {
      items[items.length - 1] = { ...items[items.length - 1], end: q.end, text: src.text.slice(items[items.length - 1].start, q.end) };
      prevEnd = q.end;
      continue;
    }
    const between = lineText.slice(labelFrom, q.start - from);
    if (items.length > 0) {
      const sep = /、|和|及/u.exec(between);
      if (!sep) return null;
      separators.push({ start: from + labelFrom + sep.index, end: from + labelFrom + sep.index + sep[0].length, text: sep[0] });
    }
    const itemStart = items.length === 0 ? from + prevStart : separators[separators.length - 1].end;
    items.push({ start: itemStart, end: q.end, text: src.text.slice(itemStart, q.end).trim() });
    labelFrom = q.end - from;
    prevEnd = q.end;
    prevUnit = q.unit;
  }
  if (items.length < 2 || labelFrom !== start - 1) return null;
  return { list: newList('inline', src.lines.lineAt(from + prevStart), items, { separators }), parts };
}

/** The word opening a clause of a total's parts. */
const PARTS_WORD = '其中';

/**
 * The longest noun, or noun and predicate, (UTF-16 units) after a count that is the subject of the
 * clause before 分别 (`组织A、B、C3个党小组逐户走访摸排，分别覆盖小区12个、9个`): the groups
 * act in that clause and go on to do what 分别 pairs, so they are still its subjects.
 */
const CLOSING_TAIL_MAX = 14;

/**
 * What each of the counted has or did, standing before 分别 as its clause's subject: a bare
 * noun of 2–6 Han characters (`组织“甲”“乙”“丙”三类活动，参与党员分别为86人次、112人次`:
 * 参与党员 is measured once per activity, the activities are what 分别 pairs). Not a whole
 * (其中, 共, 合计, 累计, 总…: a part or total of another group), and never a list (和, 、: the
 * caller reads listed subjects first).
 */
const MEASURED_LEAD = /^(?!.*(?:其中|合计|累计|总|共|全|各|每|均))\p{Script=Han}{2,6}$/u;

/**
 * Whether the words after 分别 (from `at` of `lineText` to its first number) join two or more
 * objects (`分别走访困难党员和群众56户、48户`): the values may pair with those, not with the count
 * before, so a MEASURED_LEAD reading is unsure there.
 */
function pairedObjects(lineText: string, at: number): boolean {
  const m = /^[^\d零〇一二三四五六七八九十两，。；：！？\n]*/u.exec(lineText.slice(at, at + 40));
  return m !== null && /[和及与、]/u.test(m[0]);
}

/**
 * "组织A、B和C三个培训班，分别结业23人、18人": 分别 opening its clause (`[start, index)` holds
 * at most 均/都/也, or what each counted thing has: `参与党员`, MEASURED_LEAD) right after a
 * clause that ends in a count and its noun (`三个培训班`) and
 * holds no other quantity: the count names the
 * subjects (2 to 10 of them). The noun may go on with what the counted did in that clause
 * (`3个党小组逐户走访摸排`, Han only, CLOSING_TAIL_MAX in all). Null otherwise.
 */
function closingCount(src: ListSource, lineText: string, sentence: number, start: number, index: number, from: number, closed: ClosedLists): ListCount | null {
  const lead = lineText.slice(start, index).trim();
  if (!QUANTIFIED_LEAD.test(lead) && !(MEASURED_LEAD.test(lead) && !pairedObjects(lineText, index + 2))) return null;
  const comma = lineText.charCodeAt(start - 1);
  if (comma !== 0xff0c /* ， */ && comma !== 0x2c) return null;
  const prevStart = Math.max(sentence, clauseStart(lineText, start - 1));
  const found = quantitiesIn(src.quantities, from + prevStart, from + start - 1);
  // `发展茶叶、油茶、中药材三大主导产业，种植面积分别达到…`: a list closed by its own count
  // (三大, which the quantity layer does not read) ends the clause and names the subjects.
  if (found.length === 0) return listClosingClause(closed, from + prevStart, from + start - 1);
  if (found.length !== 1) return null;
  const q = found[0];
  if (q.bound !== 'exact' || q.value < 2 || q.value > 10 || !Number.isInteger(q.value) || words.notCountUnits.has(q.unit)) return null;
  const noun = lineText.slice(q.end - from, start - 1);
  // `历时3个月集中攻坚`: a duration (lists.yaml duration_nouns), no count of subjects.
  if (q.unit === '个' && listsData.durationNouns.some((w) => noun.startsWith(w))) return null;
  // A longer tail is the count's noun and what the counted did (read only with numeric values).
  if (noun.length === 0 || noun.length > CLOSING_TAIL_MAX || !/^\p{Script=Han}+$/u.test(noun)) return null;
  return { start: q.numberStart, end: from + start - 1, value: q.value, bound: 'exact', measure: q.unit, noun, quoted: false, text: src.text.slice(q.numberStart, from + start - 1), side: 'before' };
}

/**
 * The count of a list closed by it (`茶叶、油茶、中药材三大主导产业`, list-finder.ts) that ends
 * the clause `[clauseFrom, comma)` (offsets in `src.text`) at its comma, the list inside that
 * clause, counting 2 to 10: closingCount's subjects when the quantity layer reads no count there.
 */
function listClosingClause(closed: ClosedLists, clauseFrom: number, comma: number): ListCount | null {
  for (const l of closed.countsBetween(clauseFrom - 1, comma)) {
    const count = l.count!;
    if (count.end === comma && l.start >= clauseFrom && count.value >= 2 && count.value <= 10 && count.bound === 'exact') return count;
  }
  return null;
}

/** "3名社区党支部书记分别…", "三个党小组分别…": a clause that opens with a count. */
function numberedSubject(src: ListSource, lineText: string, start: number, index: number, from: number, quantities: readonly Quantity[]): ListCount | null {
  const q = quantitiesIn(quantities, from + start, from + index)[0];
  if (!q || q.bound !== 'exact' || q.value < 2 || !Number.isInteger(q.value) || words.notCountUnits.has(q.unit)) return null;
  const lead = lineText.slice(start, q.start - from).trim();
  if (!(SUBJECT_LEAD.test(lead) || lead === q.scope)) return null;
  // A number between the count and 分别 (一 aside: 一线, 统一) makes it no subject of its own.
  for (let i = q.end - from; i < index; i++) {
    const c = lineText.charCodeAt(i);
    if (((c >= 0x30 && c <= 0x39) || isChineseNumeralCode(c)) && c !== 0x4e00 /* 一 */) return null;
  }
  const end = from + index;
  return { start: q.numberStart, end, value: q.value, bound: 'exact', measure: q.unit, noun: src.text.slice(q.end, end), quoted: false, text: src.text.slice(q.numberStart, end), side: 'before' };
}

