/**
 * What the sentence around a metric-conflict statement says of it (metric-statements.ts):
 * its time (the last year or time word before it that governs its clause, not one inside an
 * earlier clause's object; '' for the report's own period, 今年, 截至 a day of the report's
 * year, a month of the report's year), whether it states a goal rather than a fact (力争,
 * 确保…), and which unit a generic scope (全村, 全镇) stands for when the sentence names one
 * (`B村，…全村党员32人` → `B`).
 *
 * Separate from metric-statements.ts, which reads a count's scope, noun and key, to keep
 * each under the project's ~400-line module guideline: this reads only the words before a
 * statement in its sentence, at most MAX_SENTENCE code units of them (linear in a long
 * line). Indices are UTF-16 code units into the line. Nothing here throws. Vocabulary:
 * rules/data/metric-conflict.yaml (targets, times, ownPeriod).
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import { sentenceEnd, sentenceStart } from './sentence';
import { escapeRegExp as escape } from '../model/alternation';

/** How far back a statement's sentence is read: one long line costs linear time. */
const MAX_SENTENCE = 200;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** Whether a text holds any of `words`: one regex scan instead of a search per word. */
const anyOf = (words: Iterable<string>) => new RegExp([...words].map(escape).join('|'), 'u');
/** A word of a goal (力争, 确保…): the sentence states no fact. */
const ANY_TARGET = new RegExp(vocab.targets.map(escape).join('|'), 'gu');
/**
 * After a goal word, what makes it a noun that ends a phrase (能力提升计划，, 按照…要求的):
 * a clause mark or 的. The sentence then states no goal by it.
 */
const NOUN_AFTER = /[，。；、,;的]/u;
/** Words after a goal word that make it part of a noun (免疫规划工作, 目标责任书): no goal (data `target_nouns`). */
const WORK_AFTER = vocab.targetNouns;

/** Whether `prefix` holds a goal word used as one (力争…, 计划开展…), not as a noun (提升计划，). */
function statesGoal(prefix: string): boolean {
  ANY_TARGET.lastIndex = 0;
  for (let m = ANY_TARGET.exec(prefix); m !== null; m = ANY_TARGET.exec(prefix)) {
    const next = prefix[m.index + m[0].length];
    // 在免疫规划工作中, 计划生育工作, 签订目标责任书: a noun holding the word, no goal.
    if (WORK_AFTER.some((w) => prefix.startsWith(w, m!.index + m![0].length))) continue;
    if (next === undefined || !NOUN_AFTER.test(next)) return true;
  }
  return false;
}
/** Index after the last clause end (，；：) in `text`, or 0. */
function lastClauseEnd(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if ('，,；;：:'.includes(text[i])) return i + 1;
  return 0;
}

/** A time word (上半年, 全年…): the cheap test before timeTag looks for the last one. */
const ANY_TIME = anyOf(vocab.times);

/**
 * What the sentence before index `at` (at most MAX_SENTENCE characters of it) says of a
 * statement, read only for a candidate: null for a goal (力争, 确保…), else its time tag
 * (see timeTag). `year` is the report's own (`2025年`, Places.year) or ''; `period` the time
 * word of its own period (Places.period: 全年, 上半年) or '', which dates a statement as ''.
 * `present`: the statement is a stock under 现有 (StockCount.present), a goal only where its own
 * clause states one.
 */
export function sentenceTime(lineText: string, at: number, year: string, period = '', present = false): string | null {
  const prefix = lineText.slice(sentenceStart(lineText, at, MAX_SENTENCE), at);
  // 计划发展党员1名，支部现有党员15名，力争…: a count under 现有 states what exists now, whoever's
  // goal an earlier clause of its sentence names; only a goal in its own clause makes it none.
  if (statesGoal(present ? prefix.slice(lastClauseEnd(prefix)) : prefix)) return null;
  const tag = timeTag(prefix, year);
  // 全年… in a year's report, 上半年… in a half year's: the report's own time (Places.period).
  if (tag !== '' && tag === period) return '';
  // 在年底开展的民主评议中，… in a year's report: the end of the report's own year, the day its
  // undated stock is counted at (as 截至2025年底 is, timeTag); 上年底, 2024年底 stay dated.
  return period === YEAR_PERIOD && YEAR_END.includes(tag) && ownYearEnd(prefix, tag, year) ? '' : tag;
}

/**
 * Whether the statement at index `at` is dated '' by sentenceTime only because its time is a
 * point inside the report's own year: its 年底/年末 in a year's report (see sentenceTime), or
 * a month of the report's year written with the year (`2025年3月，全校5个党支部…`, read as
 * `3月`). Such a count may be later or earlier than an undated stock written elsewhere, so
 * the caller holds it back where members came or went in between (membersChanged): a date
 * inside the year is no change of stock unless the text says the stock changed.
 */
export function ownYearPointAt(lineText: string, at: number, year: string, period: string): boolean {
  const prefix = lineText.slice(sentenceStart(lineText, at, MAX_SENTENCE), at);
  const time = readTime(prefix, year);
  if (time.ownMonth) return true;
  return period === YEAR_PERIOD && YEAR_END.includes(time.tag) && ownYearEnd(prefix, time.tag, year);
}

/**
 * Whether the statement at `lineText[at, end)` is dated by a month of the report's own `year`
 * (`2025年1月，…共有党员98名`) and members came or went, counted, later in its own sentence
 * (`，全年发展党员4名。`): the month's count is then the stock before that change, and may
 * differ from an undated stock written before it (membersChanged only reads between the two).
 */
export function ownMonthChangedAfter(lineText: string, at: number, end: number, year: string): boolean {
  if (!readTime(lineText.slice(sentenceStart(lineText, at, MAX_SENTENCE), at), year).ownMonth) return false;
  return membersChanged(lineText.slice(end, sentenceEnd(lineText, end)));
}

/**
 * Whether `text` states members coming or going with a count (`全年发展党员2名`, `转入党员1名`,
 * rules/data/metric-conflict.yaml `member_changes` followed within a clause by a number):
 * a year-end count after it may differ from a stock written before it.
 */
export function membersChanged(text: string): boolean {
  return MEMBER_CHANGE.test(text);
}

const MEMBER_CHANGE = new RegExp(`(?:${vocab.memberChanges.map(escape).join('|')})[^，。；！？,;\\n]{0,8}?\\d`, 'u');

/** The period word of a year's report (Places.period). */
const YEAR_PERIOD = '全年';
/** Time words naming the end of a year. */
const YEAR_END = ['年底', '年末'];
/** Characters that, right before 年底, make it another year's end: 2024年底, 上年底, 去年年底, 明年底. */
const OTHER_YEAR_BEFORE = /[0-9０-９上去前明次来往年]$/u;

/**
 * Whether the last `word` (年底, 年末) in `prefix` is the end of the report's own year: no
 * year written right before it, 今年 (今年年底), or the report's own `year` (2025年底 and
 * 2025年年底 in a report of 2025).
 */
function ownYearEnd(prefix: string, word: string, year: string): boolean {
  const before = prefix.slice(0, prefix.lastIndexOf(word));
  if (year !== '' && (before.endsWith(year) || before.endsWith(year.slice(0, -1)))) return true;
  return before.endsWith('今年') || !OTHER_YEAR_BEFORE.test(before);
}

/**
 * The time tag of the sentence before index `at` (see timeTag) whether or not it states a
 * goal: for readers that tell goals by their own words (metric-built.ts, where 按照…要求
 * introduces a fact).
 */
export function sentenceTimeTag(lineText: string, at: number, year: string): string {
  return timeTag(lineText.slice(sentenceStart(lineText, at, MAX_SENTENCE), at), year);
}

/**
 * What dates a sentence's statement: the last year (2023年) or time word in it that governs
 * the statement's clause (see governs), or '' (also for a word of the report's own period,
 * 今年: vocab.ownPeriod).
 * `截至2025年6月底` in a report of 2025 (`year`) dates it to the report's own time, as an
 * undated statement: ''. 截至2023年底 stays dated.
 */
function timeTag(prefix: string, year: string): string {
  return readTime(prefix, year).tag;
}

/** A sentence's time as read by readTime. */
interface TimeReading {
  /** The time tag (timeTag). */
  tag: string;
  /** The tag is '' because the report's own year is written before a month of it (2025年3月). */
  ownMonth: boolean;
}

/** A month right after a year: `3月`, `12月`, `三月`. */
const MONTH_AFTER = /^(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月/u;

/**
 * The time of the statement after `prefix` (see timeTag), and whether it is a month of the
 * report's own `year`. The report's year written before a month or a time word of it adds
 * nothing: `2025年3月` reads as `3月` (no time word: ''), `2025年上半年` as `上半年`,
 * `2025年底` as the report's own 年底.
 */
function readTime(prefix: string, year: string): TimeReading {
  const own = lastClauseEnd(prefix);
  let tag = '';
  let where = -1;
  let ownMonth = false;
  // The last year: the last 年 with four digits before it (/\d{4}年/). A year dates the count
  // wherever its sentence writes it (研究部署了2024年度工作，全局共有党员95名 is 2024's count):
  // only a relative time word inside an earlier clause's object dates nothing (governs).
  for (let y = prefix.lastIndexOf('年'); y >= 4; y = prefix.lastIndexOf('年', y - 1)) {
    if (isDigit(prefix.charCodeAt(y - 4)) && isDigit(prefix.charCodeAt(y - 3)) && isDigit(prefix.charCodeAt(y - 2)) && isDigit(prefix.charCodeAt(y - 1))) {
      where = y - 4;
      tag = prefix.slice(where, y + 1);
      if (tag === year && AS_OF.some((w) => prefix.startsWith(w, where - w.length))) tag = '';
      // 支部成立于2019年，现有党员23名 / 2019年组建，: the year dates the founding its own
      // clause closes, not the counts after it (自2019年成立以来，… runs on and stays dated).
      if (foundingYear(prefix, where, y + 1)) tag = '';
      // 2025年3月，全校5个党支部… in a report of 2025: the month alone, which no time word names.
      if (tag !== '' && tag === year && MONTH_AFTER.test(prefix.slice(y + 1))) {
        tag = '';
        ownMonth = true;
      }
      break;
    }
  }
  if (!ANY_TIME.test(prefix)) return { tag, ownMonth };
  for (const w of vocab.times) {
    for (let i = prefix.lastIndexOf(w); i > where; i = i > 0 ? prefix.lastIndexOf(w, i - 1) : -1) {
      if (!governs(prefix, i, own)) continue;
      where = i;
      tag = w;
      ownMonth = false;
      break;
    }
  }
  // 今年以来: the report's own period, as an undated statement.
  return { tag: vocab.ownPeriod.includes(tag) ? '' : tag, ownMonth };
}

/** A word of `time_object_heads` ending right before a time word. */
const OBJECT_HEAD = new RegExp(`(?:${vocab.timeObjectHeads.map(escape).join('|')})$`, 'u');

/**
 * Whether the time written at `prefix[at…]` dates the statement after `prefix`, whose own
 * clause starts at `own` (lastClauseEnd): any time in the statement's own clause does; a
 * time in an earlier clause does unless a word of `time_object_heads` stands right before
 * it, making it part of that clause's object or topic (研究确定了下半年…方案，, 对下半年工作
 * 作了安排，), which says nothing of when the later count holds. Read for the relative time
 * words only (上半年, 年初…): a 4-digit year (2024年度工作，) dates the count after it all the same.
 */
function governs(prefix: string, at: number, own: number): boolean {
  return at >= own || !OBJECT_HEAD.test(prefix.slice(Math.max(0, at - 4), at));
}

/**
 * Whether the year at `prefix[from, to)` dates only a founding its clause closes: 于 + year
 * right after a verb of founding (成立于2019年，, 始建于1958年，) or year + that verb (2019年成立，),
 * the clause then ending (vocabulary: metric-conflict.yaml `founding`). The count after it is of now.
 */
function foundingYear(prefix: string, from: number, to: number): boolean {
  const next = prefix.charCodeAt(to);
  if (next === 0xff0c || next === 0x2c) return FOUNDING_BEFORE.test(prefix.slice(Math.max(0, from - 4), from));
  return FOUNDING_AFTER.test(prefix.slice(to, to + 4));
}
const FOUNDING_BEFORE = new RegExp(`(?:${vocab.founding.map(escape).join('|')})于$`, 'u');
const FOUNDING_AFTER = new RegExp(`^(?:${vocab.founding.map(escape).join('|')})[，,]`, 'u');

/** Words that date a count to a day of the report's own period: 截至2025年6月底. */
const AS_OF = ['截至', '截止', '截止到', '截至到'];

/** Generic scopes (全村, 全镇, 全社区) whose sentence may name the unit they stand for. */
const GENERIC_SCOPE = /^全(村|镇|乡|社区|街道|支部)$/u;
/** Last characters that make `X村` a kind of village, not a name: 农村, 乡村, 山村, 行政村, 自然村, 各村. */
const NOT_NAME_END = '农乡山城政然个各该全本我每此其这那一二两三四五六七八九十';
/** A unit named as the subject: a short name and the scope's kind, then a mark or an organ (`A村，`, `张庄村党支部`). */
const SUBJECT_PATTERNS = new Map<string, RegExp>();
const subjectPattern = (kind: string) =>
  new RegExp(`(?:[A-Za-z0-9*×XＸ]{1,3}|\\p{Script=Han}{1,3})${kind}(?=[，,、：:（(；;]|支部|党支部|党总支|党委|“两委”|两委|村委|居委)`, 'gu');

/**
 * The unit a generic scope (`全村`) at `scopeAt` stands for, when its sentence names one
 * before it: `B村，每月…目前全村党员32人` → `B`, `张庄村党支部…全村党员62名` → `张庄`; else
 * undefined. A survey of several villages states each one's counts under the same 全村.
 */
export function subjectNamed(lineText: string, scopeAt: number, scope: string): string | undefined {
  const generic = GENERIC_SCOPE.exec(scope);
  if (!generic) return undefined;
  const kind = generic[1];
  const prefix = lineText.slice(sentenceStart(lineText, scopeAt, MAX_SENTENCE), scopeAt);
  let name: string | undefined;
  let pattern = SUBJECT_PATTERNS.get(kind);
  if (!pattern) SUBJECT_PATTERNS.set(kind, (pattern = subjectPattern(kind)));
  pattern.lastIndex = 0;
  for (let m = pattern.exec(prefix); m; m = pattern.exec(prefix)) {
    const n = m[0].slice(0, m[0].length - kind.length);
    if (!NOT_NAME_END.includes(n[n.length - 1]) && !NOT_NAME_END.includes(n[0])) name = n;
  }
  return name;
}

/** Words that open the parts of a count just stated (其中, 包括, 含). */
// 含 only standing alone, opening the parts (（含预备党员3名）, ，含…): not 含金量, 蕴含, 内含.
const PARTS_OPENERS = /其中|包括|包含|(?:^|[，,（(：:])含/gu;
/** Marks that end a sentence or a clause set of its own. */
const SENTENCE_END = /[。！？；!?;]/u;

/**
 * Whether the count at `laterStart` stands among the parts of the count ending at
 * `earlierEnd` (offsets into `text`, UTF-16 code units): the two are in one sentence and
 * 其中/包括/含 stands between them or opens the later one (`局机关党委下设党支部共18个，其中机关党支部9个、…`). Such a
 * count is one part of the other, the total-breakdown rule's matter, never the same count
 * stated again.
 */
export function amongPartsOf(text: string, earlierEnd: number, laterStart: number): boolean {
  if (laterStart <= earlierEnd) return false;
  const between = text.slice(earlierEnd, laterStart);
  if (SENTENCE_END.test(between) || between.includes('\n')) return false;
  // The later statement's words may open with the opener itself (其中机关党支部9个); from the
  // last opener on, only the parts' own 、 run may stand before it, no clause break (a count
  // after `其中正式党员5名，` is the next clause's).
  const span = text.slice(earlierEnd, laterStart + 2);
  let last = -1;
  for (const m of span.matchAll(PARTS_OPENERS)) last = m.index + m[0].length;
  return last !== -1 && !/[，,]/u.test(text.slice(earlierEnd + last, laterStart));
}
