/**
 * metric-conflict's reading of a count restated in a frame that names every one of its
 * things, held against the unit's one total of that thing stated before:
 *
 *   全年共完成审计项目38个，…  …在已完成的36个审计项目中，全部实行…      (在…中)
 *   辖区内登记在册的船舶共412艘，…  …对辖区438艘船舶逐一建立…       (对…逐一/逐段)
 *   公司党委下设党支部7个，…  …所属6个党支部均按期完成…              (所属…均/全部)
 *   现有员工1860名，…  …公司1680余名员工全部签订…                    (unit + 全部, a bound)
 *   公司管辖燃气管网总长1286公里，…  …对全公司管辖的1320公里燃气管网逐段…
 *
 * What makes two counts the same count of the same thing in the same scope, read strictly:
 * - the thing: the later count's noun (after its measure, up to the whole-marker) ends the
 *   earlier total's clause before its number (a totalizer such as 总数, 共 between them:
 *   团员总数18600名), and a modifier of the later one (已完成的, 送文化下乡的) is said in the
 *   total's clause too (共完成, 送文化下乡演出): 在参加培训的50名党员中 is another set;
 * - the measure: equal, or both of the one-by-one measures (个/处/家/所/座: 网点37处, 38个网点);
 * - the scope: each clause's words before the noun are only the unit (a scope word, the
 *   report's own unit by rules/model/stock-unit.ts subjectScope), frame words (在, 对, 所属,
 *   管辖的) or holding verbs (共设, 下设, 现有, 开展, 登记在册的), and both place the same
 *   unit; a named sub-unit (倒班运行部9个党支部) or any other word keeps a clause out;
 * - wholeness: the later noun is followed by a whole-marker (全部, 均, 逐一, …; 中 after 在)
 *   and its clause holds no subset word (其中, 重点, 帮扶, 部分, 有…); the total's number
 *   closes its clause; a 其中 total only under the unit's stock (现有教职工131名，其中教练员46名);
 * - the time: both clauses dated alike by metric-sentence.ts (goals are none), neither in
 *   the plans.
 * A roll relative before the count (对在册的186名党员逐一…, 现有的12个党支部全部…; yaml
 * `framed_roll_relatives`) is a frame word: every one on the roll, no modifier to repeat.
 * Also read: a whole-scope right before the later number (全镇, 全院, 全支部; yaml
 * `framed_whole_scopes`) lets 中 or 每 close its noun (全镇958名党员中…, 与全支部29名党员每年…),
 * though never a bare verb (对全局3个党支部开展督查 names a part) nor 中 opening 中青年; a role
 * after the noun (17个行政村党组织书记, 子公司经理层成员; `framed_sub_levels`) counts the things
 * it is of; a list closed by its total (下设A、B和C，共3个党支部) is a total; the unit's grounds
 * (园区 in a 科技园党委's report) place a count as the unit's own.
 * A later count with a bound (1680余) contradicts a total outside the values it reads as
 * (readingInterval). Vocabulary: rules/data/metric-conflict.yaml `framed_*`. Linear: each
 * quantity reads its own clause; each question a later count asks (its measure, noun,
 * modifier, time, scope) reads each total before it once, resumed by the next count asking it.
 * Offsets are UTF-16 code units.
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import { subjectScope, OWN_UNIT } from '../model/stock-unit';
import type { Problem } from '../types';
import type { Places } from './metric-places';
import { restatement, type StatedCount } from './metric-restatement';
import { membersChanged, ownYearPointAt, sentenceTime } from './metric-sentence';
import { ALL_SCOPES, isClauseEnd, unitKey } from './metric-statements';
import { clauseStart, placeOf, readingInterval, sentenceStart } from './sentence';
import { escapeRegExp as escape, longestFirst } from '../model/alternation';

const data = vocab.framed;
/** The later count's noun and the marker after it: 3 to 10 Han characters, the first marker. */
const LATER_NOUN = new RegExp(`^(\\p{Script=Han}{1,10}?)(${longestFirst([...data.wholeMarkers, '中']).map(escape).join('|')})`, 'u');
/** Words that join or qualify and so cannot be inside one counted noun. */
const NOT_IN_NOUN = /[的和及与、或等各每]/u;
const SUB_LEVELS = longestFirst(data.subLevels);
/** Whole-scopes (全镇, 全院, 全支部) that name every one of the counted things themselves. */
const WHOLE_SCOPES = longestFirst([...ALL_SCOPES.filter((w) => w.startsWith('全')), ...data.wholeScopes]);
/** 中 opening an age band (中青年, 中老年), not closing a set. */
const AGE_AFTER = /^(?:青|老|年)/u;
/** After a whole-scope: the noun closed by a whole-marker or a looser follower (中, 每). */
const SCOPE_NOUN = new RegExp(`^(\\p{Script=Han}{1,12}?)(${longestFirst([...data.wholeMarkers, ...data.scopeFollowers]).map(escape).join('|')})`, 'u');
const SUBSET = new RegExp(data.subsetWords.map(escape).join('|'), 'u');
const LATER_WORDS = longestFirst([...data.laterFrames, ...ALL_SCOPES, ...data.wholeScopes]);
const ANCHOR_WORDS = longestFirst([...data.anchorWords, ...ALL_SCOPES]);
const TOTALIZERS = longestFirst(data.totalizers);
/** Time words of the report's own period a clause may open with. */
const OWN_TIMES = ['全年', '今年', '年内', '一年来', '今年以来', '上半年', '目前', '截至目前'];

interface Later extends StatedCount {
  q: Quantity;
  noun: string;
  modifier: string;
  scope: string;
  time: string;
  /**
   * 在120名党员中评选…: a bare count after 在 (no scope, no modifier, no subject) picked from at
   * once by a verb after 中 may be the pool of a selection, not every one: it contradicts the
   * total only by exceeding it.
   */
  sample?: boolean;
}

interface Anchor extends StatedCount {
  q: Quantity;
  /** The clause before the number, totalizer dropped: `全年共完成审计项目`. */
  clause: string;
  /** Its time tag (metric-sentence.ts), or null where it states no fact; read on first match. */
  time?: string | null;
}

/**
 * The `conflict` (and passed `consistent`) problems of framed restatements.
 * `planned(offset)` says whether an offset lies in the plans.
 */
export function framedConflicts(report: Report, places: Places, planned: (offset: number) => boolean): Problem[] {
  // Totals by the last character of their clause (the noun's last): a later count looks only
  // at those that can end with its noun, so a long report does not compare every pair.
  const anchors = new Map<string, Anchor[]>();
  // Later counts asking the same (measure, noun, modifier, time, scope) get the same answer
  // from the same totals: each such question reads a total once, however often it is asked
  // (a long report restating 党员 in every part asked every total of 员 per restatement).
  const searches = new Map<string, Search>();
  const problems: Problem[] = [];
  for (const q of report.quantities) {
    if (planned(q.start)) continue;
    const later = q.bound === 'exact' || q.qualifiers.every((w) => w === '余' || w === '多') ? laterOf(report, q, places) : null;
    if (later !== null) {
      const key = [later.q.unit, later.noun, later.modifier, later.time, later.scope].join('\u0000');
      const search = searches.get(key) ?? searches.set(key, { read: 0, split: false }).get(key)!;
      const anchor = anchorFor(later, anchors.get(later.noun[later.noun.length - 1]) ?? [], report, places, search);
      // 全年发展党员2名 … 在年底开展的评议中，支部21名党员均…: the year-end count may follow a change.
      const changed = anchor !== undefined && ownYearPointAt(placeOf(report, q).lineText, later.start - placeOf(report, q).lineStart, places.year, places.period) && membersChanged(report.text.slice(anchor.end, later.start));
      if (anchor !== undefined && !changed) {
        const [low, high] = readingInterval(later.q);
        const [value] = readingInterval(anchor.q);
        const ok = value >= low && value <= high;
        if (!later.sample || ok || low > value) problems.push(restatement(ok, later, anchor));
      }
    }
    if (q.bound === 'exact') {
      const anchor = anchorOf(report, q);
      if (anchor !== null) {
        const last = anchor.clause[anchor.clause.length - 1];
        const list = anchors.get(last);
        if (list) list.push(anchor);
        else anchors.set(last, [anchor]);
      }
    }
  }
  return problems;
}

/** The quantity read as a framed restatement (`在已完成的36个审计项目中`), or null. */
function laterOf(report: Report, q: Quantity, places: Places): Later | null {
  const { lineStart, lineText, at } = placeOf(report, q);
  let from = clauseStart(lineText, at);
  from += LIST_MARK.exec(lineText.slice(from, at))?.[0].length ?? 0;
  const prefix = lineText.slice(from, at);
  // 全院94名专任教师中…, 与全支部29名党员每年…: a whole-scope right before the number names
  // every one of the things, so the noun may close at a looser follower too.
  const whole = WHOLE_SCOPES.some((w) => prefix.endsWith(w));
  const after = lineText.slice(q.end - lineStart, q.end - lineStart + 20);
  const m = LATER_NOUN.exec(after) ?? (whole ? SCOPE_NOUN.exec(after) : null);
  if (!m || NOT_IN_NOUN.test(m[1])) return null;
  // 全村12名党员中青年的…: 中青年 (中老年) is an age band, the 12 may be those of it.
  if (m[2] === '中' && AGE_AFTER.test(after.slice(m[0].length))) return null;
  // 现有的30名党员均…: the 有 of a roll relative picks no subset.
  const roll = data.rollRelatives.find((w) => prefix.endsWith(w));
  if (SUBSET.test(roll === undefined ? prefix : prefix.slice(0, -roll.length))) return null;
  const time = sentenceTime(lineText, at, places.year, places.period);
  if (time === null) return null;
  const split = frameAndModifier(dropOwnTime(prefix), places, lineText, from) ?? afterPreposition(prefix, places, lineText, from);
  if (split === null) return null;
  const { framed, modifier } = split;
  // 中 closes the set after 在 (在…的36个审计项目中) or after a named scope (园区178家入驻企业中,
  // 全院94名专任教师中); another frame needs its own marker.
  if (m[2] === '中' && !framed.words.includes('在') && !whole && framed.subject === '') return null;
  // A bare count (6个党支部均…) may be the part that did it: a frame or scope must name the set.
  if (framed.words.length === 0 && framed.subject === '') return null;
  const end = q.end - lineStart + m[1].length;
  // 17个行政村党组织书记, 5家子公司经理层成员: the count counts the things the role is of.
  const role = SUB_LEVELS.find((w) => m[1].endsWith(w) && m[1].length - w.length >= 2);
  const noun = role === undefined ? m[1] : m[1].slice(0, -role.length);
  // The statement as written starts at its frame (对全公司管辖的…), past the doer before it.
  const begin = from + (split.skipped ?? 0);
  // 在120名党员中评选…, 镇党委在36名党员中开展…: nothing but 在 names the set (the doer, if
  // any, is no scope word), and a verb right after 中 picks from it (在214名党员中，女党员97名
  // breaks the whole down after a comma instead).
  const sample = m[2] === '中' && modifier === '' && !ALL_SCOPES.includes(framed.subject) && framed.words.every((w) => w === '在') && !whole && HAN_AFTER.test(after.slice(m[0].length));
  return { q, noun, modifier, scope: framed.scope, time, text: lineText.slice(begin, end), line: q.line, start: lineStart + begin, end: lineStart + end, shown: `${q.numberText}${q.qualifiers.join('')}${q.scale}${q.unit}`, ...(sample ? { sample } : {}) };
}

/**
 * A later clause's words before its count split into the unit and frame words
 * (unitAndWords) and a modifier closed by 的 (`在|已完成的`, `对全公司管辖的` has none:
 * 管辖 is a frame word), 已 dropped from the modifier; null when no split fits.
 */
function frameAndModifier(prefix: string, places: Places, lineText: string, at: number): { framed: NonNullable<ReturnType<typeof unitAndWords>>; modifier: string; skipped?: number } | null {
  // 对在册的186名党员逐一…: the roll now, every one on it, a frame word rather than a modifier.
  const roll = data.rollRelatives.find((w) => prefix.endsWith(w));
  if (roll !== undefined) {
    const framed = unitAndWords(prefix.slice(0, -roll.length), LATER_WORDS, places, lineText, at);
    return framed === null ? null : { framed: { ...framed, words: [...framed.words, roll] }, modifier: '' };
  }
  if (!prefix.endsWith('的')) {
    const framed = unitAndWords(prefix, LATER_WORDS, places, lineText, at);
    return framed === null ? null : { framed, modifier: '' };
  }
  const body = prefix.slice(0, -1);
  const whole = unitAndWords(body, LATER_WORDS, places, lineText, at);
  if (whole !== null) return { framed: whole, modifier: '' };
  for (let j = 0; j < body.length - 1; j++) {
    const modifier = body.slice(j).replace(/^已/u, '');
    if (modifier.length < 2 || !HAN_ONLY.test(modifier)) continue;
    const framed = unitAndWords(body.slice(0, j), LATER_WORDS, places, lineText, at);
    if (framed !== null && (framed.words.length > 0 || framed.subject !== '')) return { framed, modifier };
  }
  return null;
}
/**
 * `支部组织党员骨干对全公司管辖的`: the set a preposition (对, 在, 与) opens, read after it
 * (the doer before it is not the count's scope), unless the doer is a sub-unit named by its
 * ordinal (第一党支部对所属…: that one's). The last preposition that opens a frame wins.
 */
function afterPreposition(prefix: string, places: Places, lineText: string, at: number): ReturnType<typeof frameAndModifier> {
  for (let k = prefix.length - 1; k > 0; k--) {
    if (!PREPOSITIONS.includes(prefix[k])) continue;
    if (ORDINAL_UNIT.test(prefix.slice(0, k))) return null;
    const split = frameAndModifier(prefix.slice(k), places, lineText, at);
    if (split !== null) return { ...split, skipped: k };
  }
  return null;
}
const PREPOSITIONS = '对在与';
/** A Han character right after a set's 中: a verb picking from it, not a clause end. */
const HAN_AFTER = /^\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}{2,10}$/u;

/** The quantity read as a total (`全年共完成审计项目38个`, its number closing the clause), or null. */
function anchorOf(report: Report, q: Quantity): Anchor | null {
  const { lineStart, lineText, at } = placeOf(report, q);
  const endAt = q.end - lineStart;
  if (endAt < lineText.length && !isClauseEnd(lineText.charCodeAt(endAt)) && lineText[endAt] !== '（') return listClosing(report, q);
  const from = clauseStart(lineText, at);
  // A list item's marker (- , 1. ) opens the line, not the clause's words.
  let clause = lineText.slice(from, at).replace(LIST_MARK, '');
  const total = TOTALIZERS.find((w) => clause.endsWith(w));
  if (total !== undefined) clause = clause.slice(0, -total.length);
  if (clause.length < 2 || SUBSET_IN_ANCHOR.test(clause.replace(/^其中/u, ''))) return null;
  return { q, clause, text: lineText.slice(from, endAt), line: q.line, start: lineStart + from, end: q.end, shown: `${q.numberText}${q.scale}${q.unit}` };
}

/**
 * A total closing a list of the things set up (`机关党委下设第一党支部、第二党支部和老干部党支部，
 * 共3个党支部`): the count's clause is only 共 (共计, 合计), its noun closes it, and the clause
 * before names the things with a setting-up verb and ends with that noun. Read as the
 * total `机关党委下设党支部3个`: the subject before the verb places it. Null otherwise.
 */
function listClosing(report: Report, q: Quantity): Anchor | null {
  const { lineStart, lineText, at } = placeOf(report, q);
  const endAt = q.end - lineStart;
  const from = clauseStart(lineText, at);
  // The quantity layer may take 共 into the count (共3个): then nothing stands before it.
  const lead = lineText.slice(from, at);
  if (from < 2 || !(LIST_TOTAL.test(lead) || (lead === '' && LIST_TOTAL_LEAD.test(lineText.slice(at))))) return null;
  const noun = CLOSING_NOUN.exec(lineText.slice(endAt, endAt + 11))?.[1];
  if (noun === undefined) return null;
  const listFrom = clauseStart(lineText, from - 1);
  const list = lineText.slice(listFrom, from - 1).replace(LIST_MARK, '');
  const head = SET_UP_HEAD.exec(list);
  if (head === null || !list.endsWith(noun) || !list.slice(head[0].length).includes('、')) return null;
  const clause = `${head[0]}${noun}`;
  const end = endAt + noun.length;
  return { q, clause, text: lineText.slice(from, end), line: q.line, start: lineStart + from, end: lineStart + end, shown: `${q.numberText}${q.scale}${q.unit}` };
}
const LIST_TOTAL = /^(?:共|共计|合计|总计)$/u;
const LIST_TOTAL_LEAD = /^(?:共计|合计|总计|共)/u;
/** The Han noun closing the count's clause (3 to 10 characters). */
const CLOSING_NOUN = /^(\p{Script=Han}{2,10})(?=[，。；、]|$)/u;
/** A subject of up to 8 characters and the verb that sets the listed things up. */
const SET_UP_HEAD = /^\p{Script=Han}{0,8}?(?:共设有|共设|设有|下设|设立了|设立)/u;

const LIST_MARK = /^\s*(?:[-*+]|\d{1,2}[.、．]|[（(]\d{1,2}[）)]|[①-⑳])\s*/u;

/** Subset words a total's clause may not hold (其中 is read apart: only under a stock). */
const SUBSET_IN_ANCHOR = new RegExp(data.subsetWords.filter((w) => w !== '有' && w !== '其中').map(escape).join('|'), 'u');

/**
 * How far one question (a later count's measure, noun, modifier, time and scope) has read
 * the totals that can end with its noun: `read` totals of the list so far, the first that
 * matched (`found`), and whether a later match disagreed with it (`split`, final: the list
 * only grows at its end, so that pair stays in every longer list).
 */
interface Search {
  read: number;
  found?: Anchor;
  split: boolean;
}

/**
 * The first total before `later` that counts its thing in its scope and time (see the
 * module comment), or undefined; undefined too when the totals of that thing disagree among
 * themselves (metric-conflict.ts compares those). `anchors` are the totals so far ending
 * with the noun's last character, in text order; `search` is this question's reading of
 * them, resumed where the last later count of the same question stopped.
 */
function anchorFor(later: Later, anchors: readonly Anchor[], report: Report, places: Places, search: Search): Anchor | undefined {
  for (; search.read < anchors.length && !search.split; search.read++) {
    const a = anchors[search.read];
    if (!counts(a, later, report, places)) continue;
    if (search.found === undefined) search.found = a;
    else if (readingInterval(search.found.q)[0] !== readingInterval(a.q)[0]) search.split = true;
  }
  return search.split ? undefined : search.found;
}

/** Whether the total `a` counts `later`'s thing in its scope and time: reads `later`'s measure, noun, modifier, time and scope only. */
function counts(a: Anchor, later: Later, report: Report, places: Places): boolean {
  if (!sameMeasure(a.q.unit, later.q.unit) || !a.clause.endsWith(later.noun)) return false;
  if (later.modifier !== '' && !a.clause.includes(later.modifier)) return false;
  if (anchorTime(a, report, places) !== later.time) return false;
  let rest = dropOwnTime(a.clause.slice(0, -later.noun.length));
  if (later.modifier !== '' && rest.endsWith(later.modifier)) rest = rest.slice(0, -later.modifier.length);
  rest = rest.replace(QUOTED_END, '');
  const { lineStart, lineText } = placeOf(report, a.q);
  const from = a.start - lineStart;
  let scope: string | null;
  // 职工86人，其中党员29名: members among the staff floor the unit's members (retired ones
  // are outside the staff), which metric-qualified.ts reads; a staff role (其中教练员46名) is all of it.
  if (rest.startsWith('其中')) scope = rest === '其中' && !MEMBERS.test(later.noun) && underStock(lineText, from) ? OWN_UNIT : null;
  else scope = unitAndWords(rest, ANCHOR_WORDS, places, lineText, from)?.scope ?? null;
  return scope !== null && scope === later.scope;
}

/**
 * The time tag of a total's sentence (sentenceTime), remembered on it; null for a goal, or
 * where the sentence before its clause names a part (现有示范岗12个，今年新建4个，党员责任区9个:
 * a list going on from 新建 may count parts).
 */
function anchorTime(a: Anchor, report: Report, places: Places): string | null {
  if (a.time !== undefined) return a.time;
  const { lineStart, lineText, at } = placeOf(report, a.q);
  const from = a.start - lineStart;
  a.time = SUBSET_IN_ANCHOR.test(lineText.slice(sentenceStart(lineText, from, 200), from)) ? null : sentenceTime(lineText, at, places.year, places.period);
  return a.time;
}

/** Members of the Party or League: a staff's share of them is no whole of the unit's. */
const MEMBERS = /[党团]员$/u;

/** A quoted name ending a total's words before its noun (开展“文化进万家”送文化下乡演出). */
const QUOTED_END = /“[^”]{1,16}”$/u;
/** The clause before a 其中 total: the unit's stock (学校现有教职工131名，其中教练员46名). */
const STOCK_BEFORE = /(?:现有|共有)\p{Script=Han}{1,6}\d+[名人个]$/u;

/** Whether the clause before the one at `from` states the unit's stock (STOCK_BEFORE). */
function underStock(lineText: string, from: number): boolean {
  const before = lineText.slice(Math.max(0, from - 24), from).replace(/[，,]$/u, '');
  return STOCK_BEFORE.test(before);
}

/** Whether two measures count the same things: equal people/other measures, or both one-by-one (个/处). */
function sameMeasure(a: string, b: string): boolean {
  if (unitKey(a) === unitKey(b)) return true;
  return data.itemMeasures.includes(a) && data.itemMeasures.includes(b);
}

/** `text` without a time word of the report's own period at its start (全年, 目前). */
function dropOwnTime(text: string): string {
  for (const w of OWN_TIMES) if (text.startsWith(w)) return text.slice(w.length);
  return text;
}

/**
 * Splits a clause's words before the count into a subject and frame words: the shortest
 * subject whose rest is all `words` (longest first). The subject must place a unit
 * (subjectScope: a scope word, the report's own unit, '' where no sub-unit was named);
 * the words may hold a scope word too, which then places it. Null when nothing fits.
 */
function unitAndWords(text: string, words: readonly string[], places: Places, lineText: string, at: number): { scope: string; subject: string; words: string[] } | null {
  for (let i = 0; i <= text.length && i <= 8; i++) {
    const rest = tokens(text.slice(i), words);
    if (rest === null) continue;
    const subject = text.slice(0, i);
    let placed = subjectScope(subject, places.stock, lineText, at) ?? precinct(subject, places.stock.title);
    // 今年是党支部集中换届之年，所属6个党支部均…: a kind named in passing is no sub-unit; a
    // frame word with no subject is the unit's own unless an ordinal unit (第一党支部) leads.
    if (placed === null && subject === '' && rest.length > 0 && !ORDINAL_UNIT.test(lineText.slice(sentenceStart(lineText, at, 200), at))) placed = OWN_UNIT;
    if (placed === null) continue;
    const scoped = rest.find((w) => ALL_SCOPES.includes(w));
    const scope = places.canonical(subject !== '' && placed !== OWN_UNIT ? placed : scoped ?? placed);
    return { scope, subject, words: rest };
  }
  return null;
}

/**
 * `OWN_UNIT` for the unit's grounds called X区 where X ends the unit's name in the title (园区
 * in a 电商产业园联合党委's report, 厂区 in a 水泥厂党委's, 校区 in a 学校's), else null.
 */
function precinct(subject: string, title: string): string | null {
  if (subject.length !== 2 || subject[1] !== '区' || subject[0] === '全') return null;
  const at = title.indexOf(subject[0]);
  if (at < 1) return null;
  const after = title.slice(at + 1);
  return PRECINCT_ORGS.some((o) => after.startsWith(o)) ? OWN_UNIT : null;
}
/** What may follow the unit's name in a title: its Party body. */
const PRECINCT_ORGS = ['联合党委', '党委', '党工委', '党总支', '党支部', '综合党委'];

/** A sub-unit named by its ordinal or as a part (第一党支部, 城区分公司): the sentence speaks of it. */
const ORDINAL_UNIT = /第[一二三四五六七八九十\d]+|[\p{Script=Han}]分(?:公司|局|厂|院|校|所|中心)/u;

/** `text` as a run of `words` (longest first at each step), or null. */
function tokens(text: string, words: readonly string[]): string[] | null {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const w = words.find((x) => text.startsWith(x, i));
    if (w === undefined) return null;
    out.push(w);
    i += w.length;
  }
  return out;
}
