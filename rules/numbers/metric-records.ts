/**
 * metric-conflict's statement model: each count of a thing the report states as a whole is
 * read ONCE into a record (value, measure kind, noun head, scope, stock or period class),
 * and records that agree on scope, noun, measure and class are compared. The readings of
 * metric-conflict.ts and its other modules stay; this model reads the shapes they leave,
 * and where both read a count, only one problem is reported (metric-conflict.ts dedupes by
 * place).
 *
 * A record is read only where the count is certainly the whole of its set:
 * - number first: a whole scope right before the number — 全X (the unit itself where X is
 *   the last character of a unit word the title names: 全场 in a 林场's report, 全局 in a
 *   局's; see ownWhole), 全部 or 所有 (all of the unit's), optionally after a preposition
 *   (对, 为, 在, 与, 向, 把, 将: 对全局4个党支部的…) — then the measure word and a noun head
 *   closed by a frame that keeps the set whole: 中 (全场6个管护站中，), 均, 都, 全部, 共
 *   (全社区11个网格共设立…: the set as one subject), or a
 *   clause end; 的 only after a preposition (对全局4个党支部的组织设置, whose object is every
 *   one of them). A count whose noun runs on into other words (全镇8个村集体经济收入达到…)
 *   may name those of a kind and is not read;
 * - a period's whole: the report's own period (全年, 上半年) then 对 right before the number
 *   and 全部/均 after the noun (全年对34个审计项目全部实行了审理) restates the period's count
 *   of the noun (全年共完成审计项目32个): class `flow`;
 * - noun first: 现有/共有/下设/设/辖/划分/完成… then the noun, the number closing its clause
 *   (下设管护站7个，, 划分网格18个。), or 中 after it (全院在职党员281名中); a 其中 part whose
 *   noun opens with a qualifier (其中在职党员276名) is the whole of the qualified noun;
 *   共N个X closing a list (设机关党支部、业务一支部…共3个党支部) is the whole of X. A noun-first
 *   count without a scope word takes the scope of its sentence's subject: a scope word
 *   opening the sentence, or a sentence opening with the title's unit name;
 * - a body and its members: 支部委员会由5名委员组成 and 支委会7名支委 both count the
 *   committee's members (bodies and member words: BODIES, MEMBERS);
 * - a list after a verb of having (listRecord): names closed by as many of their noun as
 *   they are (校党委下设教学、行政、离退休3个党支部，), and a later item of a 、 list of counts
 *   (学院现有教职工58名、在校生1920人), under the scope of the sentence's subject;
 * - the unit's kind or its organs as the subject with 所属/所辖/下辖的 before the number
 *   (机关党委下辖的11个党支部均…, 集团所属88个基层党组织全部…); not the kind's own committee where
 *   the title's unit is the kind's organs (学院党委… in a 学院机关委员会's report: kindIsUnit);
 * - 全X where the title names a sub-unit after X (全院 in a 法院…第二庭党支部's report) is the
 *   parent's scope, not the unit's (titleUnit);
 * - a scope then a verb of having or dividing before the number (把全社区划分为17个网格,
 *   全县共有28个门诊): SCOPE_VERB; a scope opening the verb's clause is its subject
 *   (在免疫规划工作中，全县共有预防接种门诊28个); a 其中 list's later parts (其中教职工党员87名，
 *   学生党员213名), outside brackets; a sentence opening with the unit's kind or its committee
 *   (学院现有…, 医院党委共有…, 社区共划分9个网格: KIND_SUBJECT, KIND_VERB);
 * - in the plans: people under the unit's own scope closed by 全部/均/都 (全院231名学生党员
 *   全部编入…) are today's; places and bodies so written (全社区18个网格全部…) contradict the
 *   stock only by exceeding it, and never where the sentence samples (试点, 选取).
 * Whose set a scope names (the unit's kind, 全院/全中心/全社区, or its jurisdiction, 全县 of a
 * 县疾控中心, read only for the network it runs): metric-scope.ts.
 * Records of one scope, measure, class and time are compared when their nouns name the same
 * thing (metric-nouns.ts: 乡镇基层供销社 … 基层社, a short form; 在职党员 ≠ 党员, a qualifier that
 * narrows). The plans part and goal or other-time
 * sentences (sentenceTime) are not read. Only conflicts are reported (an agreeing pair is
 * what metric-conflict.ts already passes where it reads both). Records are read once
 * (readRecords) and compared among themselves here (recordConflicts) and with the statements
 * in metric-counts.ts.
 * Indices are UTF-16 code units. Nothing here throws.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { OWN_UNIT } from '../model/stock-unit';
import type { Places } from './metric-places';
import { membersChanged, ownYearPointAt, sentenceTime } from './metric-sentence';
import { ALL_SCOPES, COUNT_BRIDGES, unitKey } from './metric-statements';
import { restatement, type StatedCount } from './metric-restatement';
import { JURISDICTION, ownNetwork, sampled } from './metric-scope';
import { sameThing } from './metric-nouns';
import { beforeUniversalAt } from './metric-noun';
import { clauseEnd, lastClauseEnd, lastSentenceEnd, sentenceEnd } from './metric-bounds';
import { KIND_VERB, kindIsUnit, sentenceScope, wholeScope } from './metric-record-scope';
import { stockCountData as stockVocab } from '../data/stock-counts';

/** One whole count: what it counts (key) and where it stands. */
export interface CountRecord extends StatedCount {
  /** `scope|measure|noun|class|time` (class `stock` or `flow`). */
  key: string;
  value: number;
  /** A plan's whole count of places or bodies: it contradicts the stock only by exceeding it. */
  exceedOnly: boolean;
  /** Dated by the report's own 年底/年末 (read as undated): it may follow a change the other came before. */
  yearEnd: boolean;
}

/** Measure words of counted things and people. */
const MEASURES = new Set(['个', '名', '条', '座', '家', '所', '支', '位', '人', '处', '项']);
const HAN = /\p{Script=Han}/u;
/** A number-first count's whole scope right before the number (group 1 the preposition, 2 the scope). */
const NUMBER_FIRST = /([对为在与向把将]?)(全部|所有|全[\p{Script=Han}]|全[\p{Script=Han}]{2})(?:共有|现有|共)?$/u;
/**
 * Frames after a number-first noun that keep the set whole, and clause ends; 实现…全覆盖 too
 * (全县14个乡镇基层供销社实现党的组织全覆盖: every one of them is covered).
 */
const CLOSERS = /^(?:中[，,。；有]|均|都|全部|共(?!同)|[，,。；;、：:）)]|$|(?:均|全部|已)?实现[^，,。；;]{0,10}全覆盖)/u;
/** Verbs before a noun-first count: what the unit has (stock) or completed in its period. */
const NOUN_FIRST = /(现有|共有|拥有|下设|设有|下辖|辖|划分|建成|共建成|共完成|完成|其中)(?:各类)?(\p{Script=Han}{2,8})$/u;
/** A scope-led noun-first count from its sentence's start: the scope (全 and one or two characters) and the noun (group 2). */
const SCOPED = /^\s*(全\p{Script=Han}{1,2}?)(\p{Script=Han}{2,6})$/u;
/** Qualifiers that make a 其中 part the whole of a qualified noun. */
const PART_QUALIFIERS = ['在职', '退休', '离退休', '离休', '在岗', '流动', '预备', '正式', '女', '学生', '教职工', '教工', '教师', '专任'];
/**
 * A scope then a verb of having or dividing right before the number: 把全社区划分为17个网格,
 * 全县共有28个接种门诊 (group 1 the scope). The count is the scope's whole stock of the noun.
 */
const SCOPE_VERB = /(?:^|[把将，,。；;])(全\p{Script=Han}{1,2}?)(?:共|现|目前)?(?:有|划分为|划分成|划为|分为|分成|设有|建有|拥有|下辖|辖)$/u;
/** A 其中 list's later part (其中教职工党员87名，学生党员213名): the part's noun (group 1). */
const LISTED_PART = /其中\p{Script=Han}{2,8}\d+[名个人](?:[，,、]\p{Script=Han}{2,8}\d+[名个人])*[，,、](\p{Script=Han}{2,8})$/u;
/** Words of a total right before a number that closes a 、 list of kinds (…、…，共计46名党员). */
const LIST_TOTALS = ['共计', '合计', '共'];
/** The report's own period words, which make a `flow` record. */
const PERIODS = ['全年', '上半年', '下半年'];
/** Committees named as the scope of their members, by their common name. */
const BODIES = new Map([['支部委员会', '支委会'], ['支委会', '支委会'], ['党委委员会', '党委会'], ['党委会', '党委会']]);
/** Words for a committee's members. */
const MEMBERS = ['委员', '支委', '成员'];
/** Where a record's key takes its sentence's time (recordConflicts fills it in). */
const TIME = '\u0000';
/** The longest noun head read after a measure word. */
const MAX_NOUN = 8;

/**
 * The report's whole counts read as records (see the module doc), in text order, each once.
 * `planned(offset)` says whether an offset lies in the plans part.
 */
export function readRecords(report: Report, places: Places, planned: (offset: number) => boolean): CountRecord[] {
  const title = report.title?.text ?? '';
  const records: CountRecord[] = [];
  for (const q of report.quantities) {
    if (q.bound !== 'exact' || q.scale !== '' || !MEASURES.has(q.unit) || !Number.isInteger(q.value)) continue;
    const inPlans = planned(q.start);
    const lineStart = report.lines.start(q.line);
    const lineText = report.lines.lineText(q.line);
    // From the number: the quantity's span opens with its qualifiers (共3个).
    const r = readRecord(lineText, q.numberStart - lineStart, q.end - lineStart, unitKey(q.unit), title, places, inPlans);
    if (r === null) continue;
    const time = sentenceTime(lineText, q.numberStart - lineStart, places.year, places.period);
    // A goal (力争, 确保…) is no fact; another time is another count.
    if (time === null) continue;
    const yearEnd = ownYearPointAt(lineText, q.numberStart - lineStart, places.year, places.period);
    records.push({ exceedOnly: r.exceedOnly === true, key: r.key.replace(TIME, time), value: q.value, text: lineText.slice(r.start, r.end), line: q.line, start: lineStart + r.start, end: lineStart + r.end, shown: `${q.numberText}${q.unit}`, yearEnd });
  }
  return records;
}

/**
 * The conflicts among whole counts read as records (readRecords), each later record held
 * against the first of its key. `text` is the report's text (what lies between two records).
 */
export function recordConflicts(records: readonly CountRecord[], text: string): Problem[] {
  // The first record of each noun, by its key without the noun: nouns are compared by the noun model.
  const first = new Map<string, CountRecord[]>();
  const problems: Problem[] = [];
  for (const record of records) {
    // 乡镇基层供销社 … 基层社: a restatement may write the noun in other words (metric-nouns.ts).
    const [group, noun] = groupAndNoun(record.key);
    const firsts = first.get(group) ?? [];
    const earlier = firsts.find((e) => groupAndNoun(e.key)[1] === noun) ?? firsts.find((e) => sameThing(groupAndNoun(e.key)[1], noun));
    if (earlier === undefined) {
      // A plan's count that may be a part is no anchor for later statements.
      if (!record.exceedOnly) first.set(group, [...firsts, record]);
    } else if (record.exceedOnly && record.value < earlier.value) continue;
    // 现有党员27名 … 全年发展党员2名 … 年底，全支部29名党员…: a year-end count after members came
    // or went may differ from the stock written before (metric-sentence.ts membersChanged).
    else if (earlier.value !== record.value && !((earlier.yearEnd || record.yearEnd) && membersChanged(text.slice(earlier.end, record.start)))) problems.push(restatement(false, record, earlier));
  }
  return problems;
}

/**
 * A record key's group (the key with its noun, the third field, left out) and its noun:
 * `全院|名|党员|stock|2024` → [`全院|名||stock|2024`, `党员`].
 */
export function groupAndNoun(key: string): [string, string] {
  const fields = key.split('|');
  const noun = fields[2] ?? '';
  fields[2] = '';
  return [fields.join('|'), noun];
}

/**
 * The record of the count at line indices `[at, end)` (number to measure word), or null:
 * its key (`scope|measure|noun|class`) and its span (scope to noun) in the line.
 */
function readRecord(lineText: string, at: number, end: number, measure: string, title: string, places: Places, inPlans = false): { key: string; start: number; end: number; exceedOnly?: boolean } | null {
  const sentenceStart = lastSentenceEnd(lineText, at);
  // A jurisdiction scope (全县 in a 县疾控中心's report) holds only the unit's own network (metric-scope.ts).
  const sentence = lineText.slice(sentenceStart, sentenceEnd(lineText, at));
  const own = (scope: string | null, noun: string): string | null =>
    scope !== null && scope.startsWith(JURISDICTION) && !ownNetwork(noun, sentence) ? null : scope;
  if (inPlans) return planRecord(lineText, at, end, measure, title, places);
  const lead = lineText.slice(Math.max(sentenceStart, at - 16), at);
  // The sentence's time is read once a shape matched (the caller fills it in): most
  // quantities match none, and a keystroke's lint should not read every sentence's time.
  const time = TIME;
  // A committee's members: 支部委员会由5名委员组成, 支委会7名支委.
  const body = [...BODIES.keys()].find((b) => lead.endsWith(b) || lead.endsWith(`${b}由`));
  const member = MEMBERS.find((m) => lineText.startsWith(m, end));
  if (body !== undefined && member !== undefined && measure === '名') {
    const bodyStart = at - (lead.endsWith(body) ? body.length : body.length + 1);
    if (HAN.test(lineText[bodyStart - 1] ?? '')) return null;
    return { key: `${BODIES.get(body)}|名|委员|${time}`, start: bodyStart, end: end + member.length };
  }
  // Number first, under a whole scope.
  const m = NUMBER_FIRST.exec(lead);
  const scope = m === null ? null : wholeScope(m[2], title, places);
  if (m !== null && scope !== null) {
    // 全支部48名党员分布在20多个站点: where all of them are, said of the unit's own (no verb
    // put them there: 组织全村30名党员分散在各组 may move a part; stock-counts.yaml spread_after).
    const before = lead.slice(0, lead.length - m[0].length);
    const spread = m[1] === '' && !stockVocab.mobilising.some((v) => before.endsWith(v)) ? spreadNoun(lineText, end) : null;
    if (spread !== null) return { key: `${scope}|${measure}|${spread}|stock|${time}`, start: at - m[0].length, end: end + spread.length };
    const noun = nounAfter(lineText, end, m[1] !== '');
    if (noun === null || own(scope, noun) === null) return null;
    return { key: `${scope}|${measure}|${noun}|stock|${time}`, start: at - m[0].length + m[1].length, end: end + noun.length };
  }
  // A scope then a verb of having or dividing: 把全社区划分为17个网格, 全县共有28个接种门诊.
  const sv = SCOPE_VERB.exec(lead);
  if (sv !== null) {
    const scope = wholeScope(sv[1], title, places);
    const noun = scope === null ? null : nounAfter(lineText, end, false);
    if (noun === null || own(scope, noun) === null) return null;
    return { key: `${scope}|${measure}|${noun}|stock|${time}`, start: at - sv[0].length + (sv[0].length - sv[0].replace(/^[把将，,。；;]/u, '').length), end: end + noun.length };
  }
  // The unit's kind as the sentence's subject: 社区共划分9个网格, 医院党委下设31个党支部.
  const kv = KIND_VERB.exec(lineText.slice(sentenceStart, at));
  if (kv !== null && kindIsUnit(kv[1], kv[2], title)) {
    const noun = nounAfter(lineText, end, false);
    if (noun === null) return null;
    return { key: `${OWN_UNIT}|${measure}|${noun}|stock|${time}`, start: at - kv[0].trimStart().length, end: end + noun.length };
  }
  // A period's whole: 全年对34个审计项目全部….
  const period = PERIODS.find((p) => lead.endsWith(`${p}对`));
  if (period !== undefined) {
    const noun = nounAfter(lineText, end, true, true);
    if (noun === null) return null;
    return { key: `${OWN_UNIT}|${measure}|${noun}|flow|`, start: at - period.length - 1, end: end + noun.length };
  }
  // Number first closing a list: …共3个党支部。, …快递员党员14名、网约车司机党员9名，共计46名党员，
  const total = LIST_TOTALS.find((w) => lead.endsWith(w));
  if (total !== undefined && lead.includes('、')) {
    const noun = nounAfter(lineText, end, false);
    const scope = noun === null ? null : sentenceScope(lineText, sentenceStart, title, places);
    if (noun === null || own(scope, noun) === null) return null;
    return { key: `${scope}|${measure}|${noun}|stock|${time}`, start: at - total.length, end: end + noun.length };
  }
  // A list after a verb of having closed by its count: 下设甲、乙、丙3个党支部，, 学院现有教职工72名、在校生2860人.
  const listed = listRecord(lineText, sentenceStart, at, end, measure, title, places);
  if (listed !== null) return listed.scope === null || own(listed.scope, listed.noun) === null ? null : { key: `${listed.scope}|${measure}|${listed.noun}|stock|${time}`, start: listed.start, end: listed.end };
  // Noun first: 下设管护站7个，, 其中在职党员276名, 全院在职党员281名中.
  const verbFirst = NOUN_FIRST.exec(lead);
  // 其中教职工党员87名，学生党员213名: a 其中 list's later part is read as its first is.
  // Not inside brackets: a bracketed breakdown (现有党员58名（其中在职党员41名、退休党员17名）)
  // is read by metric-conflict.ts's own stock reader, which keeps its parts apart.
  const before = lineText.slice(sentenceStart, at);
  const partListed = verbFirst === null && before.lastIndexOf('（') <= before.lastIndexOf('）') && before.lastIndexOf('(') <= before.lastIndexOf(')') ? LISTED_PART.exec(before) : null;
  // [verb, noun] of a noun-first count.
  const n: readonly [string, string] | null = verbFirst !== null ? [verbFirst[1], verbFirst[2]] : partListed !== null ? ['其中', partListed[1]] : null;
  // 全院在职党员281名中, 全站干部职工46人，: the unit's whole scope opening the sentence, then the noun.
  const scoped = n === null ? SCOPED.exec(lineText.slice(sentenceStart, at)) : null;
  if (n === null && scoped === null) return null;
  // The count closes its clause, or a universal word or the report's year follows it (全院干警81人
  // 全年无违纪违法问题, 全站职工46人均…): every one of the set is meant.
  if (!(end >= lineText.length || /^(?:中[，,]|[，,。；;、）)]|均|都|全部|全年)/u.test(lineText.slice(end)))) return null;
  if (n !== null) {
    let noun = n[1];
    // The noun is the words after the verb; a verb's object may open with a scope (全县): drop it.
    const inner = ALL_SCOPES.find((s) => noun.startsWith(s));
    if (inner !== undefined) noun = noun.slice(inner.length);
    // 下辖基层党组织共计86个: a word of a total before the number is no part of the noun.
    const bridge = COUNT_BRIDGES.find((w) => noun.endsWith(w) && noun.length - w.length >= 2);
    if (bridge !== undefined) noun = noun.slice(0, -bridge.length);
    if (noun.length < 2 || /[的和与及对]/u.test(noun)) return null;
    if (n[0] === '其中' && !PART_QUALIFIERS.some((w) => noun.startsWith(w))) return null;
    const cls = n[0].endsWith('完成') ? 'flow' : 'stock';
    // 全年共完成审计项目32个: a period's count of the unit's own work.
    const ownPeriod = cls === 'flow' && PERIODS.some((p) => lineText.startsWith(p, sentenceStart)) ? OWN_UNIT : null;
    // 在免疫规划工作中，全县共有预防接种门诊28个: a scope opening the verb's clause is its subject.
    const clause = verbFirst === null ? null : /(?:^|[，,；;])\s*(全\p{Script=Han}{1,2}?)$/u.exec(lineText.slice(sentenceStart, at - lead.length + verbFirst.index));
    const subject = clause !== null ? wholeScope(clause[1], title, places) : sentenceScope(lineText, sentenceStart, title, places);
    const scope = own(inner !== undefined ? wholeScope(inner, title, places) : (ownPeriod ?? subject), noun);
    if (scope === null) return null;
    return { key: `${scope}|${measure}|${noun}|${cls}|${cls === 'flow' ? '' : time}`, start: at - noun.length, end };
  }
  // 全院在职党员281名中: the scope opens its sentence as the subject; after another subject
  // (甲村党支部…，目前全村党员58名) it is that unit's.
  const whole = own(wholeScope(scoped![1], title, places), scoped![2]);
  if (whole === null || /[的和与及对共有设]/u.test(scoped![2])) return null;
  return { key: `${whole}|${measure}|${scoped![2]}|stock|${time}`, start: at - scoped![0].length, end };
}

/** A verb of having opening a list (下设甲、乙、丙3个党支部; 现有教职工72名、在校生2860人). */
const HAVING = '(?:现有|共有|拥有|下设|设有|下辖|所辖|辖)';
/** Names of a list closed by its count after HAVING: group 1 the names, 、-joined. */
const NAMES_CLOSED = new RegExp(`${HAVING}((?:[\\p{Script=Han}]{1,10}、)+[\\p{Script=Han}]{1,10})$`, 'u');
/** A later item of a 、 list of counts after HAVING: group 1 its noun. */
const COUNT_ITEM = new RegExp(`${HAVING}\\p{Script=Han}{2,8}\\d+[名个人位](?:、\\p{Script=Han}{2,8}\\d+[名个人位])*、(\\p{Script=Han}{2,8})$`, 'u');

/**
 * A count that a list after a verb of having (HAVING) makes whole, under the scope of its
 * sentence's subject (sentenceScope), or null:
 * - names closed by their count, as many names as the count says (校党委下设甲、乙、丙、丁4个党支部，):
 *   the count is every one of the noun after it, closed by its clause;
 * - a later item of a 、 list of counts (学院现有教职工72名、在校生2860人): the unit's stock of the
 *   item's noun, as the first item is. Only 、 joins them: after a comma a clause may
 *   state an event (现有党员52名，发展党员3名).
 * `at`/`end` the number's and the measure word's end in the line; the scope may be null.
 */
function listRecord(lineText: string, sentenceStart: number, at: number, end: number, measure: string, title: string, places: Places): { scope: string | null; noun: string; start: number; end: number } | null {
  const before = lineText.slice(sentenceStart, at);
  if (!before.includes('、')) return null;
  const names = NAMES_CLOSED.exec(before);
  if (names !== null && measure === '个') {
    const count = Number(lineText.slice(at, end).replace(/\D/gu, ''));
    if (names[1].split('、').length !== count) return null;
    const noun = nounAfter(lineText, end, false);
    if (noun === null || !/^[，,。；;]/u.test(lineText.slice(end + noun.length))) return null;
    return { scope: sentenceScope(lineText, sentenceStart, title, places), noun, start: at - names[1].length, end: end + noun.length };
  }
  const item = COUNT_ITEM.exec(before);
  if (item === null || /[的和与及对]/u.test(item[1]) || !(end >= lineText.length || /^[，,。；;、）)]/u.test(lineText.slice(end)))) return null;
  return { scope: sentenceScope(lineText, sentenceStart, title, places), noun: item[1], start: at - item[1].length, end };
}

/**
 * A count in the plans part, or null: only people under the unit's own whole scope closed
 * by a universal word (全院231名学生党员全部编入…, 全支部36名党员均…). The people a plan
 * names are today's (a plan changes places and bodies, not who its members are) and the
 * universal word keeps the set whole; places and bodies may change by the plan.
 */
function planRecord(lineText: string, at: number, end: number, measure: string, title: string, places: Places): { key: string; start: number; end: number; exceedOnly?: boolean } | null {
  const lead = lineText.slice(lastSentenceEnd(lineText, at, 16), at);
  const m = NUMBER_FIRST.exec(lead);
  if (m === null || !/^[对在为]?$/u.test(m[1]) || wholeScope(m[2], title, places) !== OWN_UNIT) return null;
  // 对全村43名党员实行积分管理, 在全校52个教学班推行…, 加强对全院1185名党员的教育: a preposition's
  // object is every one of the set (the noun closed by 的 or by the plan's verb on it).
  const noun = m[1] === '' ? nounAfter(lineText, end, false, true) : (nounBeforeVerb(lineText, end) ?? nounAfter(lineText, end, true));
  // 先在全社区5个网格全部开展试点: a plan's first batch is some of them. Read in the count's
  // own clause: 全中心10个党支部年内全部完成…，选树一批党建品牌 picks a batch of brands, not of branches.
  if (noun === null || sampled(lineText.slice(lastClauseEnd(lineText, at), clauseEnd(lineText, at)))) return null;
  // Places and bodies (全社区18个网格全部…) may change by the plan: like metric-conflict.ts's
  // plan wholes they contradict the stock only by exceeding it.
  return { key: `${OWN_UNIT}|${measure}|${noun}|stock|${TIME}`, start: at - m[0].length, end: end + noun.length, exceedOnly: measure !== '名' };
}


/**
 * The noun head right after a measure word at `end`, closed by a whole frame (CLOSERS; 的
 * too after a preposition), or null. `universal` asks for 全部/均/都 only (a period's whole).
 */
function nounAfter(lineText: string, end: number, preposition: boolean, universal = false): string | null {
  for (let len = 1; len <= MAX_NOUN && end + len <= lineText.length; len++) {
    const c = lineText[end + len - 1];
    if (!HAN.test(c) || '中均都的'.includes(c)) return null;
    const rest = lineText.slice(end + len);
    // 58名专任教师人均周课时: 人均 (per head) is no 均 of all (metric-noun.ts universalAt).
    if (c === '人' && PER_HEAD.test(rest)) continue;
    // 全中心10个党支部年内全部完成…: a modal or a time before 全部 is no word of the noun.
    const closing = rest.slice(beforeUniversalAt(rest, 0));
    if (universal ? /^(?:全部|均|都)/u.test(closing) : CLOSERS.test(closing) || (preposition && rest.startsWith('的'))) {
      const noun = lineText.slice(end, end + len);
      return noun.length >= 2 || preposition ? noun : null;
    }
  }
  return null;
}

/** 均 after 人 read as 人均 (per head), not as 均已/均为/均有 (all of them). */
const PER_HEAD = /^均(?![已为有])/u;

/**
 * The noun head (two to MAX_NOUN Han characters) right after a measure word at `end` that a
 * word of stock-counts.yaml `spread_after` (分布在, 分散在…) follows, or null.
 */
function spreadNoun(lineText: string, end: number): string | null {
  for (let len = 2; len <= MAX_NOUN && end + len <= lineText.length; len++) {
    const c = lineText[end + len - 1];
    if (!HAN.test(c) || '中均都的'.includes(c)) return null;
    if (stockVocab.spreadAfter.some((w) => lineText.startsWith(w, end + len))) return lineText.slice(end, end + len);
  }
  return null;
}

/** Verbs a plan applies to every one of a preposition's object (对全村43名党员实行…). */
const PLAN_VERBS = /^(?:实行|推行|实施|开展|落实|建立|进行|推进|全覆盖)/u;

/**
 * The noun head right after a measure word at `end` that a plan's verb on the whole set
 * follows (对全村43名党员实行积分管理: 党员), or null; the shortest such head of two or more
 * characters, Han only.
 */
function nounBeforeVerb(lineText: string, end: number): string | null {
  for (let len = 2; len <= MAX_NOUN && end + len <= lineText.length; len++) {
    const c = lineText[end + len - 1];
    if (!HAN.test(c) || '中均都的'.includes(c)) return null;
    if (PLAN_VERBS.test(lineText.slice(end + len))) return lineText.slice(end, end + len);
  }
  return null;
}
