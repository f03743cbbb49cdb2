/**
 * Which unit the subject of a stock count names (rules/model/stock-counts.ts): a scope
 * word as written (全村, 区内), the report's own unit (`OWN_UNIT`: kind words whose last
 * word stands in the title, 公司, 学校党总支, 支部, 全会 in a 商会's report), or none
 * (第一党支部, 全年, 其中), and whether the sentence before a count without subject names
 * a sub-unit that makes the count that one's (第一党支部成立于…，现有党员12名).
 *
 * Separate from stock-counts.ts, which reads the count's shapes (noun first, number first,
 * lists of counts, 其中 parts), to keep each under the project's ~400-line module
 * guideline: this is the matching of a subject against the report's title and vocabulary.
 * Indices are UTF-16 code units into the line. Nothing here throws. Vocabulary:
 * rules/data/stock-counts.yaml (unit_words, org_words, existence, set_up_verbs).
 */
import { stockCountData as vocab } from '../data/stock-counts';
import { metricScopeData } from '../data/metric-scope';
import type { StockContext } from './stock-counts';

/** The scope of a count that names the report's own unit without a place word. */
export const OWN_UNIT = '本单位';

/**
 * The scope of a count of the unit's own organs (局机关 in a 县发改局党组's report): a part of
 * the unit where it has subordinate units too, so its counts floor the unit's (a whole count
 * of the unit's 党支部 cannot be fewer than the organs' own), and meet only counts of the organs.
 */
export const OWN_ORGANS = '本单位机关';

const HAN = /\p{Script=Han}/u;
const isHan = (c: string | undefined) => c !== undefined && HAN.test(c);

/**
 * The scope a subject names: a scope word as written; `OWN_UNIT` for kind words whose last
 * word stands in the title (公司, 学校党总支, 支部), or for no subject where the sentence
 * before names no sub-unit; null for anything else (第一党支部, 全年, 其中).
 * `at` is the subject's line index (where the sentence before it ends).
 */
export function subjectScope(subject: string, context: StockContext, lineText: string, at: number): string | null {
  if (subject === '') return namesSubUnit(lineText, at, context) ? null : OWN_UNIT;
  if (context.scopes.has(subject)) return subject;
  // 本单位468名在职党员中…: 单位 is any body; with 本 (我, 全) it is the writer's own.
  if (vocab.selfNames.includes(subject)) return OWN_UNIT;
  // 局机关和下属单位: the unit's organs and its units, the whole body.
  const joined = vocab.organsAndUnits.find((w) => subject.length > w.length && subject.endsWith(w));
  if (joined !== undefined && organsOf(subject.slice(0, -joined.length), context.title)) return OWN_UNIT;
  if (ownUnit(subject, context.title)) return OWN_UNIT;
  // 局系统现有党员147名 (a 局党组's report): the bureau and the units it leads, all of it.
  const system = vocab.systemWords.find((w) => subject.length > w.length && subject.endsWith(w));
  if (system !== undefined && ownUnit(subject.slice(0, -system.length), context.title)) return OWN_UNIT;
  // 局机关现有党支部5个 in a 县发展和改革局党组's report: the bureau's organs, not all of it.
  if (ownOrgans(subject, context.title)) return OWN_ORGANS;
  // 场部和各管护站的22名党员: the head office and every sub-unit, the whole body.
  if (officeAndAll(subject, context.title)) return OWN_UNIT;
  // 楼宇内现有党组织36个 (a 楼宇联合党委's report): inside the unit, the unit's own.
  if (subject.length > 1 && subject.endsWith(INSIDE) && ownUnit(subject.slice(0, -INSIDE.length), context.title)) return OWN_UNIT;
  // 庭里10名员额法官, 庭内共有干警24名 (a 审判庭党支部's report), 院里: the unit by the last
  // character of its name, then 里 or 内, as 全庭 says it (namesTitleUnit).
  const within = WITHIN.find((w) => subject.length === w.length + 1 && subject.endsWith(w));
  if (within !== undefined && namesTitleUnit(subject[0], context.title)) return OWN_UNIT;
  // 全支部, 全镇机关, 全会 or 我会 (a 商会's report), 全所: 全 (本, 我) and the unit by its
  // kind or by the last character of its name.
  if (subject.length > 1 && '全本我'.includes(subject[0])) {
    // 我们支部 (a 述职's speaker and colleagues) as 我支部; 我们这个支部 with a demonstrative
    // between, the spoken way a 述职 points at its own branch (pages corpus: 我们这个支部,
    // 我们这个集体), names the same unit.
    let rest = subject.startsWith(WE) && subject.length > WE.length ? subject.slice(WE.length) : subject.slice(1);
    if (subject.startsWith(WE)) {
      const pointer = DEMONSTRATIVES.find((d) => rest.startsWith(d) && rest.length > d.length);
      if (pointer !== undefined) rest = rest.slice(pointer.length);
    }
    if (ownUnit(rest, context.title) || (rest.length <= 2 && namesTitleUnit(rest, context.title))) return OWN_UNIT;
  }
  return null;
}

/**
 * Whether `last` (one character or two) ends the title's unit: it stands in the title right
 * before an organisation word (会 in 商会党委, 所 in 研究所党委, 大队 in 消防救援大队党委), so
 * 全会, 全所, 全大队 name the unit. 全部, 全体 are never units.
 */
function namesTitleUnit(last: string, title: string): boolean {
  if (NOT_UNIT_ENDS.includes(last)) return false;
  return vocab.orgWords.some((o) => title.includes(last + o));
}

/**
 * A title as its unit is called for short: 直属 → 直 (中共…市直属机关工作委员会 speaks of
 * 全市直机关, 市直机关, the common short name of the 市直属机关).
 */
function abbreviated(title: string): string {
  return title.includes('直属') ? title.replace(/直属/gu, '直') : title;
}

/**
 * Whether `words` are the title's unit under its short name: a name, then kind words that
 * stand in the title (局机关党支部), the name's characters standing in that order in the
 * title before them (县住建局机关党支部 for 县住房和城乡建设局机关党支部: 住建 from 住房和城乡建设,
 * the usual way a Chinese body's name is shortened). At least two name characters, so a
 * bare 县 or 市 never passes; a name of another body (县财政局…) has characters the title lacks.
 */
function shortName(words: string, title: string): boolean {
  if (levelName(words, title)) return true;
  for (let cut = 2; cut < words.length - 1; cut++) {
    const kinds = words.slice(cut);
    if (!allKindWords(kinds)) continue;
    const at = title.indexOf(kinds);
    return at > 0 && inOrder(words.slice(0, cut), title.slice(0, at));
  }
  return false;
}

/**
 * Whether `words` are the title's unit called by its level (县局, 县局党委 for 青岚县税务局's
 * committee, as 市局 is a 市税务局 in its own reports): a level character (stock-counts.yaml
 * `levels`), then kind words opening with 局 that stand in the title, the level being the
 * last one before that 局 in the title, with at most MAX_LEVEL_GAP characters and no other
 * level between (a 县局's report calls the city's bureau 市局: not its own; a 市局's report
 * calls its county bureaus 县局: its title has no 县 before its 局). Source: pages corpus, tax
 * bureaus' reports and news (盐城市局组织开展…, 各县（市、区）局…), no text copied.
 */
function levelName(words: string, title: string): boolean {
  if (words.length < 2 || !vocab.levels.includes(words[0]) || !words.startsWith(BUREAU, 1) || !allKindWords(words.slice(1))) return false;
  const at = title.indexOf(words.slice(1));
  if (at < 0) return false;
  const level = title.lastIndexOf(words[0], at);
  if (level < 0 || at - level - 1 > MAX_LEVEL_GAP) return false;
  for (let k = level + 1; k < at; k++) if (vocab.levels.includes(title[k])) return false;
  return true;
}

/** The kind word a unit called by its level ends its name with (县局, 市局). */
const BUREAU = '局';
/** The most characters between a level and its 局 in the title (青岚县税务局: 税务). */
const MAX_LEVEL_GAP = 8;

/** Whether `words` are all kind words (unit_words, org_words), at least one. */
function allKindWords(words: string): boolean {
  for (let i = 0; i < words.length; ) {
    const w = vocab.orgWords.find((o) => words.startsWith(o, i)) ?? vocab.unitWords.find((u) => words.startsWith(u, i));
    if (!w) return false;
    i += w.length;
  }
  return words.length > 0;
}

/** Whether the characters of `short` stand in `full` in the same order (a subsequence). */
function inOrder(short: string, full: string): boolean {
  let from = 0;
  for (const c of short) {
    const at = full.indexOf(c, from);
    if (at < 0) return false;
    from = at + c.length;
  }
  return true;
}

/** What opens a breakdown into parts (其中…): its clause lists kinds, it names no sub-unit. */
const PARTS_WORD = '其中';

/** 我们 before the unit's kind (我们支部): the speaker's own unit, as 我 (我支部). */
const WE = '我们';
/** Demonstratives between 我们 and the unit's kind (我们这个支部); 这 alone opens other words (这里, 这些). */
const DEMONSTRATIVES = ['这个'];

/**
 * Whether `words` are the unit's own organs: 机关, or 机关 after a name the title gives
 * the unit (局机关 in a 局党组's report, 县应急管理局机关).
 */
function organsOf(words: string, title: string): boolean {
  if (!words.endsWith(ORGANS)) return false;
  const name = words.slice(0, -ORGANS.length);
  return name === '' || ownUnit(name, title) || ownUnit(words, title);
}

/**
 * Whether `subject` is the organs (机关) of the report's unit where the title is not the organs'
 * own: 局机关 (or 本局机关, 县发改局机关) under a title whose unit is a 局 and names no 机关. A 局
 * reporting as a whole (its 党组) may hold subordinate units besides its organs (r138's 我局 vs
 * 局机关 in test/corpus known-misses), so the organs are a part, with a scope of their own.
 */
function ownOrgans(subject: string, title: string): boolean {
  if (!subject.endsWith(ORGANS) || title.includes(ORGANS)) return false;
  let name = subject.slice(0, -ORGANS.length);
  if (name.length > 1 && '本我'.includes(name[0])) name = name.slice(1);
  return name === BUREAU ? title.includes(BUREAU) : name.length > 1 && name.endsWith(BUREAU) && ownUnit(name, title);
}

/**
 * The length of the organs' name opening a counted noun (`局机关党支部` → 3) where that name is
 * the report's unit's organs (ownOrgans: 局机关 in a 局's report), else 0. `现有局机关党支部5个`
 * counts the organs' 党支部, as `局机关现有党支部4个` does.
 */
export function organsInNoun(noun: string, title: string): number {
  const name = BUREAU + ORGANS;
  return noun.length > name.length && noun.startsWith(name) && ownOrgans(name, title) ? name.length : 0;
}

/** 机关: a title's 机关党委 (机关党总支) is the organs' committee, under another 党委 of its body. */
const ORGANS = '机关';

/** After a subject naming the unit, 内 (楼宇内, 园区内) still speaks of the unit. */
const INSIDE = '内';
/** Words after a unit's last character that say "inside the unit" (庭里, 院内). */
const WITHIN = ['里', '内'];

/** Characters after 全 that make another word, not the unit: 全部, 全体, 全年, 全面, 全党. */
const NOT_UNIT_ENDS = ['部', '体', '年', '面', '员', '力', '程', '新', '国', '省', '党'];

/** The kind word a school is called by in its own reports. */
const SCHOOL = '学校';

/**
 * Whether `words` name the report's own unit by its kind: they are in the title, or they
 * are all kind words (unit_words, org_words) and the last one is in the title (学校 also where
 * the title names a kind of school, metric-scope.yaml unit_kinds).
 */
function ownUnit(words: string, title: string): boolean {
  // 学院党委, 局党委 in a 机关党委's report: the committee over the organs, not the organs' own.
  const org = vocab.orgWords.find((o) => words.endsWith(o));
  if (org !== undefined && words !== org && !words.includes(ORGANS) && title.includes(ORGANS + org) && !title.includes(words)) return false;
  if (title.includes(words) || abbreviated(title).includes(words) || shortName(words, title)) return true;
  let first = '';
  let last = '';
  for (let i = 0; i < words.length; ) {
    const w = vocab.orgWords.find((o) => words.startsWith(o, i)) ?? vocab.unitWords.find((u) => words.startsWith(u, i));
    if (!w) return false;
    if (first === '') first = w;
    last = w;
    i += w.length;
  }
  if (last === '') return false;
  // 村党支部 in a report titled 柳溪村驻村第一书记…: the place the title's role is stationed
  // in is the unit, and its organisations are the unit's own.
  // 学校 in a report titled 青禾小学党支部…: the school named by its kind (metric-scope.yaml unit_kinds).
  if (last === SCHOOL && (metricScopeData.unitKinds.get(SCHOOL) ?? []).some((k) => title.includes(k))) return true;
  return title.includes(last) || (vocab.unitWords.includes(first) && vocab.placeRoles.some((r) => title.includes(first + r)));
}

/**
 * Whether the sentence before line index `at` names a unit that is not the report's own
 * (第一党支部, 基层所党支部, 石桥村 in a town's report, 江川公司): then a count without
 * subject is that one's. Units named inside a bracket (a list of kinds) or in a 即-list
 * after a clause that sets them up (下设3个党支部，即第一党支部、…) are not read. `3个党支部`, `各支部`, `下设党支部` count, sweep or set up, they
 * name none; 全镇, 我村, the title's own name are the unit itself. A sentence naming a system
 * of two or three levels (全市两级法院共有…, 市县两级) speaks of more than the unit: so too.
 */
function namesSubUnit(lineText: string, at: number, context: StockContext): boolean {
  let start = at;
  while (start > 0 && at - start < 200 && !'。；！？'.includes(lineText[start - 1])) start--;
  // 全市两级法院共有…, 市县两级…: a system of several levels, wider than the reporting unit.
  if (SEVERAL_LEVELS.test(lineText.slice(start, at))) return true;
  for (let i = start; i < at; i++) {
    // 下设党支部7个（机关党支部2个、分场党支部5个）: a bracket lists kinds of sub-units, an
    // aside that makes none of them the subject of what follows.
    if (lineText[i] === '（') {
      // Searched only up to `at`: a line of unclosed brackets would otherwise be searched
      // to its end once per bracket (quadratic).
      const close = lineText.slice(i, at).indexOf('）') + i;
      if (close > i) {
        i = close;
        continue;
      }
    }
    // …基层党组织58个，其中社区党委6个、机关党支部9个，共有党员2316名: a 其中 breakdown lists
    // kinds of the unit's organisations, as a bracket does; the clause names no sub-unit.
    if (lineText.startsWith(PARTS_WORD, i) && i > start && '，,'.includes(lineText[i - 1])) {
      const comma = lineText.slice(i, at).search(/[，,]/u);
      if (comma > 0) {
        i += comma;
        continue;
      }
    }
    // 下设3个党支部，即第一教工党支部、…和退休教师党支部，现有党员64名: 即 after a clause
    // that sets up or counts units lists them, an apposition as a bracket is: skipped.
    if (lineText[i] === '即' && (lineText[i - 1] === '，' || lineText[i - 1] === ',') && setsUpUnits(lineText, start, i - 1)) {
      const comma = lineText.slice(i, at).search(/[，,]/u);
      if (comma > 0) {
        i += comma;
        continue;
      }
    }
    // 下设高中部党支部、初中部党支部和离退休党支部3个党支部，共有党员68名: units named after a
    // verb that sets them up, then counted, are a list of the unit's own, as a 即-list is.
    const setUp = namedThenCounted(lineText, i, at);
    if (setUp > i) {
      i = setUp - 1;
      continue;
    }
    const word = vocab.orgWords.find((o) => lineText.startsWith(o, i)) ?? NAMED_BY.find((u) => lineText.startsWith(u, i));
    if (!word) continue;
    // 共有基层党组织96个: 党组 of 党组织 counts organisations, it names none.
    if (word === '党组' && lineText[i + 2] === '织') {
      i += 2;
      continue;
    }
    let m = i;
    while (m > start && i - m < 4 && isHan(lineText[m - 1])) m--;
    const modifier = lineText.slice(m, i);
    const object = isObject(modifier);
    const name = modifier + word;
    // 全行党委下设…，现有党员612名 (a 银行党委's report): 全 and the title unit's last character
    // before its organisation word name the unit itself, as subjectScope reads them.
    if (modifier !== '' && !object && !context.scopes.has(name) && !ownUnit(name, context.title) && !(modifier.length > 1 && '全本我'.includes(modifier[0]) && subjectScope(name, context, lineText, m) === OWN_UNIT)) return true;
    i += word.length - 1;
  }
  return false;
}

/**
 * Where the clause ends (its line index) when a verb that sets up units (下设, 设有:
 * stock-counts.yaml `set_up_verbs`) stands at line index `i` and the clause names units
 * joined by 、/和/及 and ends with their count (`下设高中部党支部、初中部党支部和离退休党支部3个
 * 党支部`); else `i`. The clause ends at ，；。 or `limit`. Source: pages corpus, the structure
 * sentences of school and college reports (党委下属5个党支部，其中…; 下设…、…和…N个党支部), no text copied.
 */
function namedThenCounted(lineText: string, i: number, limit: number): number {
  const verb = vocab.setUpVerbs.find((w) => lineText.startsWith(w, i));
  if (verb === undefined) return i;
  let end = i + verb.length;
  while (end < limit && !'，,；;。'.includes(lineText[end])) end++;
  const clause = lineText.slice(i + verb.length, end);
  const count = COUNTED_UNITS.exec(clause);
  if (count === null || count.index === 0) return i;
  const names = clause.slice(0, count.index);
  return /[、和及]/u.test(names) && /\p{Script=Han}$/u.test(names) ? end : i;
}

/** A count of organisations ending a clause (3个党支部, 两个党总支). */
const COUNTED_UNITS = new RegExp(`[0-9一二两三四五六七八九十]+个(?:${vocab.orgWords.join('|')})$`, 'u');

/**
 * Whether the clause of `lineText` ending at `end` (from the sentence start `start`) sets up
 * or counts units: an existence verb (下设, 设有…) or a count with 个 (`3个党支部`).
 */
function setsUpUnits(lineText: string, start: number, end: number): boolean {
  let from = end;
  while (from > start && lineText[from - 1] !== '，' && lineText[from - 1] !== ',') from--;
  const clause = lineText.slice(from, end);
  return /[0-9一二两三四五六七八九十]个/u.test(clause) || vocab.existence.some((v) => clause.includes(v));
}

/**
 * Whether the words `modifier` right before a unit word make it a kind rather than a unit
 * by name: a count or sweep (`3个党支部`, `16个行政村`, `各支部`: a measure word anywhere
 * in it), an existence verb (下设党支部, 下设基层党支部), a verb the unit word is the object of (选优配强支部
 * 委员, 深入推进党支部…: vocab.objectVerbs and the mobilising verbs), or a level's organs
 * (县直机关: vocab.levelOrgans).
 */
function isObject(modifier: string): boolean {
  if (/[个各每]/u.test(modifier) || modifier.endsWith('名')) return true;
  const ends = (w: string) => modifier.endsWith(w);
  // 下设基层党支部34个: an existence verb with a kind word after it (基层, 机关) still sets up a kind.
  return vocab.existence.some((w) => modifier.includes(w)) || vocab.objectVerbs.some(ends) || vocab.mobilising.some(ends) || vocab.levelOrgans.some(ends);
}

/** The kind words that end a unit's name (石桥村, 江川公司): unit_words but 本 and 我. */
/** Two or three levels of organs (两级法院, 市县两级, 三级联动): more than the reporting unit. */
const SEVERAL_LEVELS = /[两三]级/u;
const NAMED_BY = vocab.unitWords.filter((w) => w !== '本' && w !== '我');

/**
 * Whether `subject` is the unit's head office joined to every one of its sub-units, with or
 * without a closing 的 (`场部和各管护站的`, `机关和各基层所`, `总部及各分公司的`): a head office
 * (stock-counts.yaml `head_offices`, or the title unit's last character + 部: 场部 of a 林场),
 * a join (`head_office_joins`), 各 and one to MAX_SWEPT Han characters naming the sub-units.
 * Without 各 (场部和2个管护站) the sub-units may be some: not read.
 */
function officeAndAll(subject: string, title: string): boolean {
  const words = subject.endsWith(OF) ? subject.slice(0, -OF.length) : subject;
  const join = vocab.headOfficeJoins.find((j) => {
    const at = words.indexOf(j + EACH);
    return at > 0 && words.length - at - j.length - EACH.length >= 1;
  });
  if (join === undefined) return false;
  const at = words.indexOf(join + EACH);
  const office = words.slice(0, at);
  const swept = words.slice(at + join.length + EACH.length);
  if (swept.length > MAX_SWEPT || !/^\p{Script=Han}+$/u.test(swept) || /[和及与、]/u.test(swept)) return false;
  if (vocab.headOffices.includes(office)) return true;
  // 场部 (a 林场's), 厂部 (a 厂's): the unit's last character before an organisation word, then 部.
  return office.length === 2 && office[1] === OFFICE_END && namesTitleUnit(office[0], title);
}

/** The particle that may close a subject before its count (场部和各管护站的22名党员). */
const OF = '的';
/** The word that sweeps every sub-unit (各管护站). */
const EACH = '各';
/** The character ending a head office named by the unit's last character (场部). */
const OFFICE_END = '部';
/** The longest name of the swept sub-units (管护站, 基层单位, 分公司). */
const MAX_SWEPT = 5;