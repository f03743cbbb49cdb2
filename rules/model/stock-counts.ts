/**
 * Stock counts: how a report states how many of a thing its own unit has (党员, 党支部,
 * 企业, 村…), in the two orders writers use and with the words that name the unit:
 *
 * - noun first, after an existence verb: `协会党支部现有党员23名，`, `共有在职党员117名。`,
 *   or continuing a list an existence verb opened: `公司现有职工418人，党员37名，`;
 * - number first, after a lead that names the unit or the whole: `下设4个党支部，`,
 *   `支部39名党员全部…`, `支部全体25名党员参加…`, `组织全村89名党员开展…`,
 *   `推动现有5个党支部全部…`, `局机关119名在职党员全部…`.
 *
 * The unit is named by a scope word (全村, 区内, 全校: returned as written, the caller
 * decides what it covers), by a subject made of kind words whose last word stands in the
 * report's title (公司, 学校党总支, 协会党支部, 支部, 局机关: the report's own unit,
 * `OWN_UNIT`), or not at all after an existence verb or 全体 (the own unit, unless the
 * sentence names a sub-unit: `第一党支部成立于…，现有党员12名` is not read).
 * Events (发展, 新增, 表彰, 慰问 N名党员), sub-counts (其中…), bare counts (`86名党员中…`)
 * and sub-units are never read; a bare count opening its sentence and closed by 全部/均/都
 * (`28名专职教师全部参与…`) is read as one that may be a part (a sub-unit the sentence before
 * named may be its subject). A noun-first count may close with 中 before a part is picked
 * (`现有党员141名中35岁以下的…`) and may carry a word of a total (`下辖基层党组织共计86个`). Which unit a subject names: stock-unit.ts (`OWN_UNIT`,
 * subjectScope); a count continuing a list of counts (`公司现有职工418人，党员37名`):
 * stock-list.ts (listScope). Vocabulary: rules/data/stock-counts.yaml.
 * Offsets are UTF-16 indices into the line.
 */
import { stockCountData as vocab } from '../data/stock-counts';
import { isClauseEndChar } from './clauses';
import { LineMemo } from './line-memo';
import { isSpace } from './script';
import { distributiveAfter, joinedCountStart, leadWords, onlyAfter, onlyWeighs, partitionOfAll, possessedAll, postAfter, prepositionAfterUnit, scopeNamesAll, spreadAfter, statedBefore, universalAfter } from './stock-lead';
import { COUNT_CLAUSE, isCountEnd, listScope, PARTS_WORD } from './stock-list';
import { allAreOf, servingMembers, staffMembers, withoutUnitSubject } from './stock-staff';
import { subjectScope } from './stock-unit';
import { continues, existenceIn, hanRunStart, headOf, isStockNoun, MAX_KIND, MAX_LEAD, memberKind, nounAfter, ownedBy } from './stock-words';

/** A stock count read around one number of a line. */
export interface StockCount {
  /** `OWN_UNIT` (stock-unit.ts), or the scope word written (全村, 区内, 全校), for the caller to place. */
  scope: string;
  /** The counted noun with its qualifiers (在职党员, 规模以上企业). */
  noun: string;
  /** Line indices `[start, end)` of the statement, lead to noun. */
  start: number;
  end: number;
  /** Stated with 现有: a present fact even among the plans. */
  present: boolean;
  /**
   * Whole only by the verb before it (组织全村89名党员开展…): it may count the part that
   * was mobilised, so it contradicts the stock only by exceeding it.
   */
  mayBePart: boolean;
  /**
   * Number first after 全体, or after a mobilising verb or a preposition and the unit
   * (推动全社区13个小区…, 组织全体178名党员…, 对全集团1462名党员…): among the plans such a
   * count, putting the whole unit to work, may still restate the stock. A bare 全镇14个村 among the plans is not read.
   */
  wholeLead: boolean;
  /**
   * Number first after a lead that names the unit or its scope (我们支部36名党员将…, 全社区413名
   * 党员都要…): among the plans such a count still speaks of the unit's members, so it may
   * restate the stock (in full where its clause closes it, else only by exceeding it).
   */
  led?: boolean;
  /**
   * Another noun the same count states (`现有党员17名，均为执业律师`: 党员律师 17), if any: the
   * caller reads the count once more with it.
   */
  alsoNoun?: string;
  /**
   * The noun ends its clause or is kept whole by the word after it (均, 全部, 中…):
   * `关心关爱全校62名党员，` names all of them, `组织全镇120名党员参加轮训` may not.
   */
  closed: boolean;
  /**
   * Number first right after a mobilising verb and 全 with the unit or its scope (组织全局172名
   * 在职党员观看…, 引导全街道3180名党员…): every one of the noun, whichever verb governs it and
   * whatever follows it (see scopeNamesAll in stock-lead.ts). Still `mayBePart`: the writer may
   * name the part mobilised (组织全村30名党员参加轮训 of 38), but a value near the whole restates it.
   */
  scopeWhole?: boolean;
}

/**
 * What the caller knows of the report and of counts.
 * - `title`: the report's title (and unit), where the unit's own name stands;
 * - `scopes`: scope words (全镇, 辖区, 区内…) to return as written;
 * - `wholeAfter(i)`: whether the words at line index `i`, right after a counted noun, keep
 *   the count whole (均, 全部, 中…).
 */
export interface StockContext {
  title: string;
  scopes: ReadonlySet<string>;
  wholeAfter: (lineText: string, index: number) => boolean;
}

/**
 * Reads the number at line index `at` (its quantity ending at `endAt`) as a stock count of
 * the report's unit, or null. Noun first is tried before number first.
 */
export function readStockCount(lineText: string, at: number, endAt: number, context: StockContext): StockCount | null {
  // Remembered by line (line-memo.ts): metric-conflict reads every number of a report on
  // every keystroke. `scopes` and `wholeAfter` are the callers' constants; should another
  // pair ever come, what was read with the first is forgotten rather than mixed in.
  if (context.scopes !== memoScopes || context.wholeAfter !== memoWholeAfter) {
    memo.clear();
    memoScopes = context.scopes;
    memoWholeAfter = context.wholeAfter;
  }
  return memo.get(lineText, `${at},${endAt},${context.title}`, () => readFresh(lineText, at, endAt, context));
}

/** Stock counts read, by line text and `at,endAt,title` (the readings are pure). */
const memo = new LineMemo<StockCount | null>(1 << 16);
let memoScopes: ReadonlySet<string> | null = null;
let memoWholeAfter: StockContext['wholeAfter'] | null = null;

function readFresh(lineText: string, at: number, endAt: number, context: StockContext): StockCount | null {
  return nounFirst(lineText, at, endAt, context) ?? numberFirst(lineText, at, endAt, context) ?? wholeNounFirst(lineText, at, endAt, context) ?? subjectNounFirst(lineText, at, endAt, context);
}

/** The longest noun read between a subject and its number with no existence verb (党员, 党支部). */
const MAX_BARE_NOUN = 3;
/** The longest bound qualifier (在职, 在册) a bare noun may carry beyond MAX_BARE_NOUN. */
const MAX_BOUND = 2;

/**
 * `我局党员25名全部参与…`, `支部党员38名，`: a subject naming the unit (or a scope), a short
 * noun, then the number, which ends its clause or is followed by 全部/均/都 or a closing 中
 * (我院教职工党员141名中，…): all the unit's things, as `全镇党员326名` is under a scope. No
 * existence verb between (nounFirst reads those); the noun is at most MAX_BARE_NOUN characters
 * past a kind of member (教职工党员), as a longer one is more often an event (支部慰问困难党员5名). A subject naming a sub-unit
 * (第一党支部党员12名) is no subject here (subjectScope).
 */
function subjectNounFirst(lineText: string, at: number, endAt: number, context: StockContext): StockCount | null {
  const closesClause = endAt >= lineText.length || isCountEnd(lineText.charCodeAt(endAt));
  // 我院教职工党员141名中，具有博士学位的…: 中 closing the whole before a part is picked.
  if (!closesClause && !universalAfter(lineText, endAt) && !context.wholeAfter(lineText, endAt)) return null;
  const start = hanRunStart(lineText, at);
  // 局机关和下属单位在职党员共47名全部…: 共 (共计) between noun and number adds nothing.
  const total = vocab.bareTotal.find((w) => lineText.startsWith(w, at - w.length)) ?? '';
  const run = lineText.slice(start, at - total.length);
  // The clause opens with the subject: not an item of a list (…、退休干部党员69名), not a
  // 其中 part, not words after a quotation (“五星级”党支部6个).
  const before = start > 0 ? lineText.charCodeAt(start - 1) : -1;
  if ((before >= 0 && !(isClauseEndChar(before) && before !== 0x3001) && !isSpace(before)) || run.startsWith(PARTS_WORD)) return null;
  // The shortest noun first: 全局 + 党员, not 全 + 局党员.
  for (let cut = run.length - 1; cut >= 1 && run.length - cut <= MAX_BARE_NOUN + MAX_KIND + MAX_BOUND; cut--) {
    const noun = run.slice(cut);
    // A bound qualifier (在职党员) or a kind of member (教职工党员) makes one noun with its head.
    const kind = memberKind(noun);
    const bound = vocab.boundQualifiers.find((q) => noun.startsWith(q))?.length ?? 0;
    // 全局在职干部职工63人: the unit's whole staff by its common name, longer than a short noun.
    const staff = kind === 0 && vocab.bareStaff.includes(noun.slice(bound));
    if (!staff && kind === 0 && noun.length > MAX_BARE_NOUN + MAX_BOUND) continue;
    if (!staff && noun.length - (kind || bound) > MAX_BARE_NOUN) continue;
    if (!isStockNoun(noun) || existenceIn(run.slice(0, cut)) !== null) continue;
    const lead = leadWords(run.slice(0, cut));
    // Two characters at least: one (党 of 党委) is no name of the unit.
    if (lead.subject.length < 2 || lead.verb !== undefined || lead.preposition) continue;
    const scope = subjectScope(lead.subject, context, lineText, start + lead.skipped);
    if (scope === null) continue;
    return { scope, noun, start: start + lead.skipped, end: endAt, present: false, mayBePart: false, wholeLead: false, closed: true };
  }
  return null;
}

/**
 * `组织全体在职党员28名到社区报到`: 全体 (全部, 所有), the noun, then the number: all of the
 * unit's things, however the clause goes on (among the plans, only where it ends there).
 * The words before 全体 may be an ordinal, a preposition, up to two mobilising verbs and a
 * subject naming the unit (stock-lead.ts); nothing else.
 */
function wholeNounFirst(lineText: string, at: number, endAt: number, context: StockContext): StockCount | null {
  const start = hanRunStart(lineText, at);
  const run = lineText.slice(start, at);
  for (const word of vocab.whole) {
    const k = run.lastIndexOf(word);
    if (k < 0) continue;
    const noun = run.slice(k + word.length);
    if (!isStockNoun(noun)) return null;
    const lead = leadWords(run.slice(0, k));
    const scope = subjectScope(lead.subject, context, lineText, start + lead.skipped);
    if (scope === null) return null;
    // Among the plans (组织全体党员120名参加轮训) the count may be the part the plan puts to
    // work, as 组织全体120名党员… is: closed only where the number ends its clause.
    const closed = endAt >= lineText.length || isClauseEndChar(lineText.charCodeAt(endAt));
    return { scope, noun, start: start + lead.skipped, end: endAt, present: false, mayBePart: false, wholeLead: true, closed };
  }
  return null;
}

/**
 * The line index after a bracket that opens at `at` and closes within MAX_ASIDE code units
 * (`（正式党员32名、预备党员2名）`), or `at` where none does.
 */
function bracketEnd(lineText: string, at: number): number {
  const c = lineText.charCodeAt(at);
  if (c !== 0xff08 /* （ */ && c !== 0x28 /* ( */) return at;
  const close = lineText.slice(at, at + MAX_ASIDE).search(/[）)]/u);
  return close < 0 ? at : at + close + 1;
}

/** A numbering marker in brackets ending the text (`（一）`, `(2)`): no aside of a subject. */
const MARKER_BEFORE = /[（(][一二三四五六七八九十\d]{1,3}[）)]$/u;

/** The longest bracket read after a stock's number. */
const MAX_ASIDE = 40;

/** `现有党员23名，`: existence verb and noun before the number, which ends its clause. */
function nounFirst(lineText: string, at: number, endAt: number, context: StockContext): StockCount | null {
  // 现有党员34名（正式党员32名、预备党员2名），: a bracket after the number breaks it down.
  const after = bracketEnd(lineText, endAt);
  // 现有党员141名中35岁以下的仅有26名: 中 closing the whole before a part is picked (wholeAfter).
  if (after < lineText.length && !isCountEnd(lineText.charCodeAt(after)) && !(after === endAt && lineText[endAt] === AMONG && context.wholeAfter(lineText, endAt))) return null;
  const start = hanRunStart(lineText, at);
  // 全县城市管理系统（含乡镇综合执法队）共有党员163名: the subject stands before an aside that
  // says what it takes in; a bare 共有 after it is not the unit's own stock.
  if (start > 0 && (lineText[start - 1] === '）' || lineText[start - 1] === ')') && !MARKER_BEFORE.test(lineText.slice(Math.max(0, start - 5), start))) return null;
  // 集团党委下辖基层党组织共计86个: a word of a total between noun and number adds nothing.
  const total = vocab.bareTotal.find((w) => lineText.startsWith(w, at - w.length) && at - w.length > start) ?? '';
  const run = lineText.slice(start, at - total.length);
  const opening = isCountEnd(lineText.charCodeAt(start - 1)) && !vocab.clauseExistenceNot.some((w) => run.startsWith(w)) ? vocab.clauseExistence.find((w) => run.startsWith(w)) : undefined;
  const verb = existenceIn(run) ?? (opening ? { word: opening, at: 0 } : null) ?? ownedBy(run);
  let scope: string | null;
  let noun: string;
  let present = false;
  let led = false;
  if (run.startsWith(PARTS_WORD) && !verb) return partOfStock(lineText, start, endAt, run.slice(PARTS_WORD.length), context);
  if (verb) {
    noun = run.slice(verb.at + verb.word.length);
    present = vocab.present.includes(verb.word);
    scope = subjectScope(run.slice(0, verb.at), context, lineText, start);
    // 我支部共有党员36名，将全部…: a subject naming the unit before the verb (led, as 我们支部36名
    // 党员将… is): among the plans, members so counted are today's.
    led = verb.at > 0 && vocab.existence.includes(verb.word);
  } else {
    // 公司现有职工418人，党员37名: the clause is only noun and number, in a list of counts
    // that an existence verb opened.
    noun = run;
    scope = listScope(lineText, start, noun, context);
    // 中心现有在职职工68名，支部党员29名（…）: an item may open with a subject naming the unit
    // (支部, 党支部) before its noun; the count is the unit's, of that noun.
    if (scope !== null) noun = withoutUnitSubject(noun, context, lineText, start);
  }
  if (scope === null || !isStockNoun(noun)) return null;
  const alsoNoun = allAreOf(lineText, endAt, noun);
  return { scope, noun, start, end: endAt, present, mayBePart: false, wholeLead: false, closed: true, ...(led ? { led } : {}), ...(alsoNoun ? { alsoNoun } : {}) };
}

/**
 * `现有党员17名，其中正式党员16名` (or `现有党员17名（其中正式党员16名、…）`): the first part of a stock's 其中 breakdown, when it names
 * a kind of the stock's thing (正式党员 of 党员, 党员律师 of 执业律师: the same head noun, with
 * qualifiers of its own), is itself a stock of that kind in the stock's scope: `支部15名正式
 * 党员全部…` restates it. `start` is where 其中 stands; the stock's clause ends at the comma
 * right before it.
 */
function partOfStock(lineText: string, start: number, endAt: number, noun: string, context: StockContext): StockCount | null {
  // 现有党员63名（其中在职党员49名、…），: the breakdown in a bracket right after the total.
  const comma = start - 1;
  if (comma < 1 || !'，,（('.includes(lineText[comma])) return null;
  let from = comma;
  while (from > 0 && comma - from < MAX_LEAD + 8 && !isCountEnd(lineText.charCodeAt(from - 1))) from--;
  const m = COUNT_CLAUSE.exec(lineText.slice(from, comma));
  if (!m) return null;
  // The stock is no 其中 part itself: else each part of a run of them (其中…，其中…，…) read
  // the one before it back to the line's start (quadratic, and deep recursion).
  if (lineText.startsWith(PARTS_WORD, hanRunStart(lineText, from + m[1].length))) return null;
  // 全局在职干部职工63人，其中党员48人: a bare staff after the unit's subject is a total too.
  const total = nounFirst(lineText, from + m[1].length, comma, context) ?? subjectNounFirst(lineText, from + m[1].length, comma, context);
  if (!total || !isStockNoun(noun) || noun === total.noun) return null;
  // 全院共有干警136名，其中党员98名: the members among a staff of people are that staff's
  // members (党员干警), restated as 全院101名党员干警全部…; 党员 alone is not their stock.
  const staff = staffMembers(noun, total.noun, lineText[endAt - 1], lineText[comma - 1]);
  // 在职干部职工…，其中党员48人: the serving staff's members are the unit's serving members (在职党员).
  const serving = staff ? servingMembers(total.noun) : undefined;
  if (staff) return { scope: total.scope, noun: staff, start, end: endAt, present: total.present, mayBePart: false, wholeLead: false, closed: true, ...(serving ? { alsoNoun: serving } : {}) };
  const head = headOf(total.noun);
  if (head === '' || !noun.endsWith(head)) return null;
  return { scope: total.scope, noun, start, end: endAt, present: total.present, mayBePart: false, wholeLead: false, closed: true };
}

/** Sentence ends, before a count that opens its sentence. */
const SENTENCE_ENDS = '。！？!?';

/** The whole frame a noun-first stock may close with before a part is picked (现有党员141名中…). */
const AMONG = '中';

/** The particle that may follow 所属/下属 before a count (矿党委所属的481名党员). */
const OF = '的';

/** `[全体]25名党员参加…`: a lead that names the unit or the whole, then number and noun. */
function numberFirst(lineText: string, at: number, endAt: number, context: StockContext): StockCount | null {
  const noun = nounAfter(lineText, endAt);
  if (noun === null) return null;
  // 全镇14个村（社区）…: a bracket right after the noun is part of it (villages and
  // communities), another thing than 村: not read here (metric-statements.ts reads it whole).
  const next = lineText.charCodeAt(endAt + noun.length);
  if (next === 0xff08 /* （ */ || next === 0x28 /* ( */) return null;
  // 院所属9个党支部、221名党员中…: a count joined by 、 to counts before it shares their lead.
  const leadEnd = lineText[at - 1] === '、' ? joinedCountStart(lineText, at - 1, isStockNoun) : at;
  const leadStart = hanRunStart(lineText, leadEnd);
  // 二是推动全社区13个小区…: an ordinal of a list of points opens the lead; 对全段23个党支部…:
  // a preposition; 关心关爱全校62名党员, 团结带领全村…: up to two verbs joined.
  const words = leadWords(lineText.slice(leadStart, leadEnd));
  let lead = words.subject;
  let from = leadStart + words.skipped;
  const verb = words.verb;
  // 机关党委与全部7个党支部书记…, 段党委对全段23个党支部…: the unit, a preposition, then the
  // lead of the count, its object.
  const prep = words.skipped === 0 ? prepositionAfterUnit(lead, context, lineText, from) : -1;
  if (prep > 0) {
    lead = lead.slice(prep);
    from += prep;
  }
  let whole = false;
  const wholeWord = vocab.whole.find((w) => lead.endsWith(w));
  if (wholeWord) {
    lead = lead.slice(0, -wholeWord.length);
    whole = true;
  }
  const exists = vocab.existence.find((w) => lead.endsWith(w)) ?? vocab.leadExistence.find((w) => lead.endsWith(w));
  if (exists) lead = lead.slice(0, -exists.length);
  // 集团所属18个党支部…: 所属 after the unit's subject, its own things; 矿党委所属的481名党员
  // writes the same with 的 (a relative of the owner, not a part picked out).
  const own = exists || whole ? undefined : vocab.ownThings.map((w) => (lead.endsWith(w + OF) ? w + OF : w)).find((w) => lead.endsWith(w) && lead.length > w.length);
  if (own) lead = lead.slice(0, -own.length);
  // 局属4个党支部全部…: the kind and 属 in one word, the kind naming the unit (subjectScope).
  else if (!exists && !whole && vocab.ownKindThings.includes(lead)) lead = lead.slice(0, 1);
  // 全体73名党员按居住地编入4个党小组: all the members put into the unit's groups, as many
  // as there are: a stock.
  const partition = !exists && !whole && vocab.internalUnits.includes(noun) && partitionOfAll(lineText, leadStart, lead);
  if (partition) lead = '';
  let scope: string | null;
  // 依托4个党小组开展…: the unit's own groups, though no scope names the unit.
  const internal = lead === '' && !exists && !whole && verb !== undefined && vocab.internalUnits.includes(noun);
  // 推动4个党支部全部达到…: a mobilising verb, then the count of a bare kind closed by a
  // universal word (全部, 均, 都): all of the unit's own, as 全体 would say.
  // A count written the same way earlier in the sentence (确定3个党支部为示范点，推动3个党支部
  // 全部…) refers back to that set, which may be a part.
  // 28名专职教师全部参与…: a count opening its sentence, nothing before it, so closed is all of
  // the unit's own too, or of a sub-unit the sentence before named (read as a part, below).
  const opensSentence = leadStart === leadEnd && (leadStart === 0 || SENTENCE_ENDS.includes(lineText[leadStart - 1]));
  const allOwn = lead === '' && !exists && !whole && !internal && (verb !== undefined || opensSentence) && universalAfter(lineText, endAt + noun.length) && !statedBefore(lineText, at, endAt + noun.length);
  // 对全局3个党支部开展督查, 对17个党支部书记开展谈话 (no scope: the unit's own organisations
  // counted with 个, each with its 书记): the object of a preposition may be some of them, so
  // the count contradicts the stock only by exceeding it.
  const bareOwn = lineText[endAt - 1] === '个' && vocab.postHolders.includes(noun);
  const addressed = (words.preposition || prep > 0) && !exists && !whole && verb === undefined && (lead !== '' || bareOwn);
  // 为全支部40名党员和入党积极分子开展培训: the count is the pair's, not the first noun's.
  if (addressed && pairAfter(lineText, endAt + noun.length)) return null;
  // 我们25名党员全部签订…: the speaker and colleagues, the unit's members or a group of them.
  const we = !exists && !whole && !own && verb === undefined && !words.preposition && prep <= 0 && vocab.leadWe.includes(lead);
  if (lead === '') scope = exists || whole || internal || allOwn || partition || addressed ? subjectScope('', context, lineText, from) : null;
  else scope = we ? subjectScope('', context, lineText, from) : subjectScope(lead, context, lineText, from);
  if (scope === null) return null;
  const after = endAt + noun.length + postAfter(lineText, endAt, noun);
  // 青山镇辖12个行政村、2个社区: after an existence verb a 、 ends one count of a list of them.
  const boundary = after >= lineText.length || isClauseEndChar(lineText.charCodeAt(after)) || (exists !== undefined && lineText.charCodeAt(after) === 0x3001);
  // 全支部12名党员每人联系…: after a lead that names the unit, each of them, so all of them.
  // 全园区120家入驻企业仅配备6名指导员: 仅 + a verb of having weighs all of them (onlyWeighs).
  // 支部36名党员分散在各条线: where all of them are, said of the unit's own (no verb put them
  // there: 组织全村30名党员分散在各组 may move a part).
  const spread = lead !== '' && verb === undefined && !words.preposition && prep <= 0 && spreadAfter(lineText, after);
  // 全县36个脱贫村的帮扶项目资产全部纳入…: what each of them has, all of it dealt with, after
  // the scope alone (no verb put them to work): all of them.
  const possessed = lead !== '' && verb === undefined && !words.preposition && prep <= 0 && !we && possessedAll(lineText, after);
  const closed = boundary || context.wholeAfter(lineText, after) || spread || possessed || (lead !== '' && (distributiveAfter(lineText, after) || onlyWeighs(lineText, after)));
  if (we && !closed) return null;
  // 组织全村89名党员开展…: a scope word after a mobilising verb names all of them, or the
  // part that was mobilised (组织全镇120名党员参加轮训): a count that may be a part.
  // 全校176名党员仅配备专职组织员1名: after the unit's scope, 仅/只 weighs something against
  // the count, most often all of them; read as a count that may be a part, to be safe.
  const weighed = !closed && !whole && lead !== '' && onlyAfter(lineText, after);
  // A count opening its sentence with no verb (28名专职教师全部…) may be a sub-unit's the sentence
  // before named (教研党支部…。18名党员全部…): it contradicts the stock only by exceeding it.
  const mayBePart = !partition && (we || internal || (addressed && !closed) || weighed || (!closed && !whole && lead !== '') || (opensSentence && verb === undefined));
  if (!closed && !partition && !((whole || mayBePart) && !continues(lineText, after))) return null;
  // 组织全局172名在职党员…: 全 and the unit right before the number, the object of a mobilising
  // verb, names all of them, whichever verb it is (scopeNamesAll): near the whole it restates
  // it (metric-conflict.ts nearWhole). As a subject (全院2个党支部入选…) 全院 may only place the
  // count, some of them; 对全局… (a preposition's object) stays as it was.
  const scopeWhole = mayBePart && verb !== undefined && !addressed && !weighed && exists === undefined && own === undefined && scopeNamesAll(lead, lineText, after);
  const present = exists !== undefined && vocab.present.includes(exists);
  // 对全集团1462名党员开展轮训: a preposition's object under the unit's scope is the whole unit
  // addressed, as after a mobilising verb (still a count that may be a part: mayBePart).
  return { scope, noun, start: from, end: after, present, mayBePart, wholeLead: whole || allOwn || ((verb !== undefined || addressed) && lead !== ''), closed, led: lead !== '', ...(scopeWhole ? { scopeWhole } : {}) };
}

/** A Han character that is no numeral (a noun's first, after a joiner). */
const NOUN_START = /^(?![零〇一二两三四五六七八九十百千万])\p{Script=Han}/u;

/** Whether a joiner (`pair_joiners`) and another noun follow a count's noun ending at `at` (党员和入党积极分子). */
function pairAfter(lineText: string, at: number): boolean {
  const joiner = vocab.pairJoiners.find((w) => lineText.startsWith(w, at));
  return joiner !== undefined && NOUN_START.test(lineText.slice(at + joiner.length, at + joiner.length + 1));
}
