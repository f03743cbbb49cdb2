/**
 * How metric-conflict (metric-conflict.ts) reads a count as a statement: its scope (written
 * before the number, or scope and noun before it: 全镇共有党员326名), the counted noun after
 * it and whether the count is a whole (均, 都, 共有, …中仍有), its time, and the key that
 * makes two statements count the same thing; failing those shapes, a stock count of the
 * report's unit (rules/model/stock-counts.ts: 现有党员23名, 支部全体25名党员), its scope
 * placed by metric-places.ts. What the sentence says of a statement (its time, a goal,
 * the unit a generic scope stands for): metric-sentence.ts; where its counted noun ends and
 * whether words are a noun: metric-noun.ts. Vocabulary:
 * rules/data/metric-conflict.yaml.
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import { stockCountData as stockData } from '../data/stock-counts';
import type { Quantity } from '../model/quantities';
import { readStockCount } from '../model/stock-counts';
import { OWN_ORGANS, OWN_UNIT, organsInNoun } from '../model/stock-unit';
import type { StockCount } from '../model/stock-counts';
import type { Places } from './metric-places';
import { ownMonthChangedAfter, ownYearPointAt, sentenceTime, subjectNamed } from './metric-sentence';
import { measureOf } from './sentence';
import { isClauseEnd, isNoun, nounAfter } from './metric-noun';
import { conjunctPart } from './metric-conjunct';
import { listedCount } from './metric-list';
import { coversAll, nounBeforePredicate } from './metric-predicate';
import { ALL_SCOPES, COUNT_BRIDGES, nounBefore, scopeWritten, type WholeAfter } from './metric-scoped';
import { escapeRegExp as escape } from '../model/alternation';
import { headKeys } from './metric-plan';

// Read here by the other metric readers (metric-places.ts, metric-sourced.ts…) as before.
export { isClauseEnd } from './metric-noun';
export { ALL_SCOPES, COUNT_BRIDGES, type WholeAfter } from './metric-scoped';

/**
 * A quantity that passed the cheap tests for a statement: its scope and unit, and where to
 * read it in full (readStatement) if it can meet another statement (see mayMatter).
 */
export interface Candidate {
  scope: string;
  unit: string;
  q: Quantity;
  lineStart: number;
  lineText: string;
  /** The scope of `stock`, placed (Places.canonical), or null. */
  stockScope: string | null;
  /** The quantity read as a stock count of the report's unit (rules/model/stock-counts.ts), if it is one. */
  stock: StockCount | null;
  /** In the plans part: only its stock count is read (see metric-conflict.ts). */
  planned: boolean;
  /**
   * Read as written though in the plans, as a count that may be a part (people of a whole
   * place, metric-conflict.ts planPeople): it contradicts only by exceeding.
   */
  partOnly?: boolean;
  /**
   * In the plans, under a whole scope written before its number (全县216个建制村…,
   * metric-plan.ts): read as written, whole where its noun closes, else a part.
   */
  planWhole?: boolean;
}

/** One whole count: where it stands (scope to noun) and what it says. */
export interface Statement {
  /** `scope|unit|noun|time`: statements of one key count the same thing. */
  key: string;
  scope: string;
  start: number;
  end: number;
  /** The statement as written, scope to noun: `全镇12个村`. */
  text: string;
  value: number;
  shown: string;
  line: number;
  /** It may count a part (StockCount.mayBePart): it contradicts only by exceeding. */
  mayBePart?: boolean;
  /** Read only up to a predicate after its noun (metric-predicate.ts): it sets no scope level. */
  predicate?: boolean;
  /** 全 and the unit right before its number after a mobilising verb (StockCount.scopeWhole: 组织全局172名在职党员…): near the whole, it restates it. */
  scopeWhole?: boolean;
  /** In the plans part (a plan's members are today's). */
  planned?: boolean;
  /**
   * The unit a generic scope stands for when its sentence names one (`B村，…全村党员32人` →
   * `B`): statements naming different units count different things (see sameSubject).
   */
  subject?: string;
  /** Dated by a point of the report's own year (its 年底/年末, 2025年3月), read as undated (metric-sentence.ts ownYearPointAt). */
  yearEnd?: boolean;
  /** Dated by a month of the report's year, with members coming or going later in its sentence (metric-sentence.ts ownMonthChangedAfter). */
  changedAfter?: boolean;
  /**
   * The keys of what a compound noun counts one of each (二级党组织书记 → 二级党组织;
   * metric-plan.ts headKeys), tried where `key` has no statement.
   */
  headKeys?: string[];
}

/** Longest noun read before a number without an existence verb (全镇党员326名). */
const MAX_BARE_NOUN = 3;
/** Words of an event or of work done on things (stock-counts.yaml owned_not, object_verbs, mobilising). */
const EVENT_WORDS = [...stockData.ownedNot, ...stockData.objectVerbs, ...stockData.mobilising];

/**
 * Whether a noun read before its number holds a word of EVENT_WORDS outside the nouns that hold
 * one (妇联组织, 党组织: metric-conflict.yaml nouns_with_verbs, and a final 组织 of any body).
 */
function namesEvent(noun: string): boolean {
  let rest = noun;
  for (const n of vocab.nounsWithVerbs) rest = rest.split(n).join('');
  if (rest.endsWith(ORGANISATION)) rest = rest.slice(0, -ORGANISATION.length);
  return EVENT_WORDS.some((w) => rest.includes(w));
}

/**
 * The scope a quantity may state a count in, by the cheap tests of readStatement (the scope
 * written before the number; or a clause ending after it, and scope and noun before it), or
 * null when it cannot be a statement. `wholeAfter` (Places.stock.wholeAfter) lets a noun-first
 * count be closed by a whole frame (全县电商服务站点131个中，…) as well as by its clause's end.
 */
export function scopeOf(lineStart: number, lineText: string, q: Quantity, wholeAfter?: WholeAfter): string | null {
  const at = q.start - lineStart;
  const scope = scopeWritten(lineText, at, q);
  if (scope) {
    const scopeAt = lineText.lastIndexOf(scope, at);
    return scopeAt < 0 || scopeAt < at - 8 ? null : scope;
  }
  const endAt = q.end - lineStart;
  return nounBefore(lineText, at, endAt, wholeAfter)?.scope ?? conjunctPart(lineText, at, endAt, unitKey(q.unit), ALL_SCOPES)?.scope ?? listedCount(lineText, at, endAt, ALL_SCOPES, EXISTENCE, isNoun)?.scope ?? null;
}

/** The existence verbs of a noun-first count, longest first (共有 before 有). */
const EXISTENCE = [...vocab.existence].sort((a, b) => b.length - a.length);

/**
 * Reads a quantity as a whole count in a scope, or null. Two shapes: scope before the
 * number (`全镇12个村`, the layer's `scope`), or scope and noun before it
 * (`全镇共有党员326名`, the number then ending its clause).
 */
export function readStatement(c: Candidate, places: Places): Statement | null {
  const s = statementOf(c, places);
  // 在年底开展的…中，支部15名党员…: dated '' as the report's own year end (metric-sentence.ts).
  if (s !== null && s.key.endsWith('|') && ownYearPointAt(c.lineText, s.start - c.lineStart, places.year, places.period)) s.yearEnd = true;
  // 2025年1月，…共有党员98名，全年发展党员4名。: the month's stock before the change its sentence counts.
  if (s?.yearEnd && ownMonthChangedAfter(c.lineText, s.start - c.lineStart, s.end - c.lineStart, places.year)) s.changedAfter = true;
  return s;
}

/** readStatement without the year-end mark. */
function statementOf(c: Candidate, places: Places): Statement | null {
  if (c.partOnly) {
    const written = writtenStatement(c.lineStart, c.lineText, c.q, places);
    // Marked `predicate` too: a plan's people of the county in a town's report set no level.
    return written === null ? null : { ...written, mayBePart: true, predicate: true };
  }
  if (c.planWhole) {
    let s = writtenStatement(c.lineStart, c.lineText, c.q, places) ?? stockStatement(c, places);
    if (s === null) return null;
    // 实现全县220个建制村通客车。: a noun read to its clause's end may hold the plan's verb
    // (metric-conflict.yaml `predicate_starts`): the count is of 建制村, and may be a part.
    const endAt = c.q.end - c.lineStart;
    const predicate = s.mayBePart ? null : nounBeforePredicate(c.lineText, endAt);
    if (predicate !== null && c.lineStart + predicate.end < s.end && isNoun(predicate.noun)) {
      const parts = s.key.split('|');
      s = { ...s, key: `${parts[0]}|${countedThing(c.q.unit, predicate.noun)}|${parts[3]}`, end: c.lineStart + predicate.end, text: c.lineText.slice(s.start - c.lineStart, predicate.end), mayBePart: true };
    }
    // 全镇14个村。 standing alone names no plan's work: only a count the plan goes on with
    // (全部/均…, a predicate) puts the stock to work.
    if (s.end - c.lineStart >= c.lineText.length || isClauseEnd(c.lineText.charCodeAt(s.end - c.lineStart))) return null;
    // 推动全社区13个小区党的工作小组…: where the stock reader reads another noun (小区, not 小区党),
    // its key is tried too, after the written noun's heads.
    const stock = c.stock === null ? null : stockStatement(c, places);
    if (stock !== null && s.mayBePart && stock.key !== s.key && stock.start <= s.start && stock.end < s.end) {
      // The written noun runs past the stock reader's into the predicate's words (小区党 of
      // 小区党的工作小组): the stock's reading is the statement, the written key a fallback.
      return { ...stock, mayBePart: true, predicate: true, headKeys: [...headKeys(stock.key), s.key] };
    }
    const heads = headKeys(s.key);
    if (stock !== null && stock.key !== s.key) heads.push(stock.key);
    // Marked `predicate` too: a plan's count sets no level of the report's scopes.
    return { ...s, predicate: true, headKeys: heads };
  }
  if (c.planned) {
    // 推动全公司28个配送站点党组织全面开展…: a compound counts its head's things (metric-plan.ts).
    const s = stockStatement(c, places);
    return s === null ? null : { ...s, headKeys: headKeys(s.key), planned: true };
  }
  const written = writtenStatement(c.lineStart, c.lineText, c.q, places);
  // A count read here only as maybe a part (metric-predicate.ts) may be a whole stock count
  // the stock reader knows (全支部12名党员每人联系…): its reading goes first.
  if (written?.mayBePart) return stockStatement(c, places) ?? written;
  // 支部全体6名党员均签订…: 全体 is a scope of the quantity layer, not a place; the stock
  // reader knows whose 全体 it is (the unit's, or none for 第一党支部全体…).
  if (written && WHOLE_SCOPES.has(written.scope)) return stockStatement(c, places) ?? written;
  // 全集团41个党支部书记全部参训: organisations counted with 个 and followed by a post count the
  // organisations (one 书记 each); the stock reader reads the post off the noun, this one not.
  if (written && c.stock && c.q.unit === '个' && heldPost(written.key, c.stock.noun)) return stockStatement(c, places) ?? written;
  return written ?? stockStatement(c, places);
}

/**
 * Whether the noun of a written statement's key (`scope|unit|noun|time`) is the stock
 * reader's `noun`, an organisation that holds posts, followed by one of its posts
 * (党支部 + 书记): stock-counts.yaml `post_holders`, `posts`.
 */
function heldPost(key: string, noun: string): boolean {
  const written = key.split('|')[2] ?? '';
  if (!stockData.postHolders.includes(noun) || !written.startsWith(noun)) return false;
  return stockData.posts.includes(written.slice(noun.length));
}

/** A bracketed second kind in a noun (村（社区）). */
const ASIDE = /[（(][^）)]*[）)]/gu;

/** Scopes of the quantity layer that name all of something, not a place or unit (全体). */
const WHOLE_SCOPES: ReadonlySet<string> = new Set(stockData.whole);

/** The shapes of readStatement read by this module: scope word before number or noun. */
function writtenStatement(lineStart: number, lineText: string, q: Quantity, places: Places): Statement | null {
  const at = q.start - lineStart;
  const endAt = q.end - lineStart;

  const scope = scopeWritten(lineText, at, q);
  if (scope) {
    const scopeAt = lineText.lastIndexOf(scope, at);
    if (scopeAt < 0 || scopeAt < at - 8) return null;
    // 全局43处测站开展…: a count that goes on with a predicate may be a part (metric-predicate.ts).
    const whole = nounAfter(lineText, endAt, q.unit);
    const predicate = whole === null ? nounBeforePredicate(lineText, endAt) : null;
    // 村（社区）妇联组织落实…: a bracketed second kind is no word of the noun test.
    const noun = whole ?? (predicate && isNoun(predicate.noun.replace(ASIDE, '')) ? predicate : null);
    if (noun === null) return null;
    const time = sentenceTime(lineText, at, places.year, places.period);
    if (time === null) return null;
    const thing = countedThing(q.unit, ownNoun(noun.noun, places.canonical(scope), places));
    return {
      key: `${places.canonical(scope)}|${thing}|${time}`,
      scope,
      start: lineStart + scopeAt,
      end: lineStart + noun.end,
      text: lineText.slice(scopeAt, noun.end),
      value: q.value,
      shown: shownValue(q),
      line: q.line,
      subject: subjectNamed(lineText, scopeAt, scope),
      ...(whole === null && !coversAll(lineText, scopeAt + scope.length, at, noun.end) ? { mayBePart: true, predicate: true } : {}),
    };
  }

  // 全镇共有党员326名，: the noun stands before the number, which ends its clause.
  const m = nounBefore(lineText, at, endAt, places.stock.wholeAfter);
  if (!m) return conjunctStatement(lineStart, lineText, q, places);
  // 全县教育系统… in a 教育和体育局's report: the unit's own system, the scope's ground as the unit
  // sees it; another sector's (全县卫生系统…) is a part of the scope, not read.
  if (m.sector !== undefined && !places.stock.title.includes(m.sector)) return null;
  // 村（社区）: a bracketed second kind is no word of the noun test.
  const noun = m.noun;
  const plain = noun.replace(ASIDE, '');
  // 全厂在册党员386名: a bound qualifier (在册, 在职, 在岗) makes one noun with a short head.
  const bound = boundQualifierLength(noun);
  // A word of a total (共, 总数达到) or a whole frame (…131个中，) closes the noun as an existence
  // verb opens it: the set is named whole, however long its name (电商服务站点).
  // The quantity's own span may open with the word (达到126个: the layer's qualifier).
  // So does a bracketed second kind (乡镇(街道)妇联组织): kinds of units named, no event.
  const closedNoun = (m.bridge ?? '') !== '' || m.among === true || plain !== noun || COUNT_BRIDGES.includes(lineText.slice(at, q.numberStart - lineStart));
  const long = !m.verb && plain.length - bound > MAX_BARE_NOUN;
  // …but a long noun holding a verb of an event or of work done (全镇慰问困难党员共55名, 走访企业
  // 共32家) counts what was done, not what there is: only a short one is read so.
  if (!isNoun(plain.slice(bound)) || (long && (!closedNoun || namesEvent(plain)))) return null;
  const time = sentenceTime(lineText, at, places.year, places.period);
  if (time === null) return null;
  const scopeAt = at - m.text.length;
  return {
    key: `${places.canonical(m.scope)}|${countedThing(q.unit, noun)}|${time}`,
    scope: m.scope,
    start: lineStart + scopeAt,
    end: q.end,
    text: lineText.slice(scopeAt, endAt),
    value: q.value,
    shown: shownValue(q),
    line: q.line,
    subject: subjectNamed(lineText, scopeAt, m.scope),
  };
}

/**
 * `全县…退役军人和其他优抚对象8426人，其中退役军人7315人`: the part as a whole count
 * (metric-conjunct.ts); `全校现有教学班32个、学生1126名`: a later item of a list of counts
 * (metric-list.ts).
 */
function conjunctStatement(lineStart: number, lineText: string, q: Quantity, places: Places): Statement | null {
  const at = q.start - lineStart;
  // 全校现有教学班32个、学生1126名: an item of a list the scope and verb open (metric-list.ts).
  const part = conjunctPart(lineText, at, q.end - lineStart, unitKey(q.unit), ALL_SCOPES) ?? listedCount(lineText, at, q.end - lineStart, ALL_SCOPES, EXISTENCE, isNoun);
  if (!part || !isNoun(part.noun)) return null;
  const time = sentenceTime(lineText, at, places.year, places.period);
  if (time === null) return null;
  return {
    key: `${places.canonical(part.scope)}|${countedThing(q.unit, part.noun)}|${time}`,
    scope: part.scope,
    start: lineStart + part.start,
    end: q.end,
    text: lineText.slice(part.start, q.end - lineStart),
    value: q.value,
    shown: shownValue(q),
    line: q.line,
  };
}

/**
 * Whether two statements may count the same unit's things: unless both name their unit
 * (subjectNamed) and neither name ends the other (`入张庄` and `张庄` are one village).
 */
export function sameSubject(a: Statement, b: Statement): boolean {
  if (a.subject === undefined || b.subject === undefined) return true;
  return a.subject.endsWith(b.subject) || b.subject.endsWith(a.subject);
}

/**
 * What a statement counts, as `unit|noun`, with the ways of writing one thing made one:
 * `16村` and `16个村` (a place measure with no noun counts that place: 个|村), and the
 * synonyms of metric-conflict.yaml (`行政村`, `建制村` → 村), so `全乡共有行政村15个` meets
 * `全乡16个村`; 名, 人 and 位 are one measure; brackets of either width are one (乡镇(街道) =
 * 乡镇（街道）). Different nouns sharing a head (村党组织,
 * 村民小组) stay apart.
 */
export function countedThing(unit: string, noun: string): string {
  // 乡镇(街道) and 乡镇（街道）: the same kinds, brackets of either width.
  noun = noun.replace(/\(/gu, '（').replace(/\)/gu, '）');
  if (noun === '' && vocab.placeUnits.includes(unit)) return `个|${vocab.synonyms.get(unit) ?? unit}`;
  // 村（社区）妇联组织 counts the 村（社区）妇联: a body named an organisation is the body.
  if (noun.endsWith(ORGANISATION) && vocab.namedOrganisations.some((b) => noun.endsWith(b + ORGANISATION))) noun = noun.slice(0, -ORGANISATION.length);
  return `${unitKey(unit)}|${vocab.synonyms.get(noun) ?? noun}`;
}
const ORGANISATION = '组织';

/**
 * A measure word as statements are grouped by it: 名, 人 and 位 all count people (党员826名
 * = 党员826人), and 村/镇/乡 go with 个 (`16村` may meet `16个村`, see countedThing).
 */
export function unitKey(unit: string): string {
  if (vocab.placeUnits.includes(unit)) return '个';
  return measureOf(unit).kind === 'people' ? '名' : unit;
}

/** A value for messages: number, scale and unit as written (`12个`, `2.5万元`). */
function shownValue(q: Quantity): string {
  return `${q.numberText}${q.scale}${q.unit}`;
}


/** Measures a stock is counted in: people, 个, 家, 户, 张 (床位) and 条 (线路) (of the quantity layer's units). */
const STOCK_UNITS = new Set(['名', '人', '位', '个', '家', '户', '张', '条']);

/**
 * The quantity read as a stock count of the report's unit (rules/model/stock-counts.ts), or
 * null: only exact counts in a stock's measure words.
 */
export function stockOf(lineStart: number, lineText: string, q: Quantity, places: Places): StockCount | null {
  if (q.bound !== 'exact' || q.scale !== '' || !STOCK_UNITS.has(q.unit)) return null;
  return readStockCount(lineText, q.start - lineStart, q.end - lineStart, places.stock);
}

/** A candidate's stock count as a statement: its scope placed, its noun and time read. */
function stockStatement(c: Candidate, places: Places): Statement | null {
  const stock = c.stock ?? stockOf(c.lineStart, c.lineText, c.q, places);
  if (stock === null || !isNoun(stock.noun.replace(BOUND_QUALIFIERS, ''))) return null;
  const time = sentenceTime(c.lineText, stock.start, places.year, places.period, stock.present);
  if (time === null) return null;
  let scope = places.canonical(stock.scope);
  let noun = stock.noun;
  // 党组现有局机关党支部5个: the organs named inside the noun are the organs' scope (局机关现有党支部4个).
  const organs = scope === OWN_UNIT ? organsInNoun(noun, places.stock.title) : 0;
  if (organs > 0) {
    scope = OWN_ORGANS;
    noun = noun.slice(organs);
  }
  return {
    key: `${scope}|${countedThing(c.q.unit, ownNoun(noun, scope, places))}|${time}`,
    scope: stock.scope,
    start: c.lineStart + stock.start,
    end: c.lineStart + stock.end,
    text: c.lineText.slice(stock.start, stock.end),
    value: c.q.value,
    shown: shownValue(c.q),
    line: c.q.line,
    mayBePart: stock.mayBePart,
    ...(stock.scopeWhole ? { scopeWhole: true } : {}),
  };
}

/**
 * A count of the unit's own branches with the unit's kind as qualifier (机关支部 in the report
 * of a 局机关党委, whose branches are all 机关 branches) counts its 支部: `下设支部6个` meets
 * `全局7个机关支部全部…`. Only for a scope placed as the unit itself (OWN_UNIT) and only when
 * the title names a 机关党委/机关党总支; any other noun is returned unchanged.
 */
function ownNoun(noun: string, scope: string, places: Places): string {
  if (scope !== OWN_UNIT || !noun.startsWith(OWN_KIND)) return noun;
  const rest = noun.slice(OWN_KIND.length);
  if (!BRANCH_NOUNS.includes(rest)) return noun;
  return OWN_KIND_ORGS.some((org) => places.stock.title.includes(OWN_KIND + org)) ? rest : noun;
}

/** The unit kind that qualifies every branch of a 机关党委 (ownNoun). */
const OWN_KIND = '机关';
/** The organs above branches that make 机关 the kind of all their branches. */
const OWN_KIND_ORGS = ['党委', '党总支'];
/** Branch nouns a 机关党委's count may name with or without 机关. */
const BRANCH_NOUNS = ['支部', '党支部'];

/** The length of the bound qualifier (在职, 在册: stock-counts.yaml `bound_qualifiers`) opening `noun`, or 0. */
function boundQualifierLength(noun: string): number {
  return stockData.boundQualifiers.find((q) => noun.startsWith(q))?.length ?? 0;
}

/** 规模以上 and the like: qualifiers with a particle (以) that the noun test would refuse. */
const BOUND_QUALIFIERS = new RegExp(stockData.boundQualifiers.map(escape).join('|'), 'gu');
