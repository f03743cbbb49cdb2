/**
 * Where metric-conflict (metric-conflict.ts) places a count: which scope words name the
 * report's own unit, given its title, so that `区内…`, `全区…`, `共有…` and `支部…` of one
 * report make one key. Vocabulary: rules/data/metric-conflict.yaml (scopes) and
 * rules/data/stock-counts.yaml (organisation words).
 */
import { metricConflictData as vocab } from '../data/metric-conflict';
import { stockCountData as stockData } from '../data/stock-counts';
import { OWN_UNIT } from '../model/stock-unit';
import { titleYear } from '../model/report-kind';
import type { StockContext } from '../model/stock-counts';
import { ALL_SCOPES, isClauseEnd } from './metric-statements';

/**
 * Where a report's counts stand: its title, and what a scope word covers in it. A scope
 * that always means the reporting unit (辖区, 全校, rules/data/metric-conflict.yaml
 * `own_scopes`), and a place scope whose place the title names as the unit's (全区 and
 * 区内 in a report of a `…开发区党工委`, 全村 in a `…村党总支` report), are the unit
 * itself: `OWN_UNIT`, so `区内…214家` meets `全区236家…` and `共有党员86名` meets
 * `全村89名党员`. Other scopes stay as written.
 */
export interface Places {
  canonical(scope: string): string;
  stock: StockContext;
  /** The report's year as its title states it (`2025年`), or '' (no year, or more than one). */
  year: string;
  /**
   * The time word naming the report's own period, by its title (`全年` for a year's report,
   * `上半年` for a half year's), or '': statements dated by it are of the report's own time.
   */
  period: string;
}

/** The scope words, as a set (the same for every report: it is only read). */
const SCOPES: ReadonlySet<string> = new Set(ALL_SCOPES);

/** A byline under the title: one bracketed line (`（江川职业技术学院党委书记 林振华）`). */
const BYLINE = /^\s*[（(]([^（）()0-9０-９]{4,40})[）)]\s*$/u;
/**
 * A unit line under the title, unbracketed: the issuing body's name on a line of its own
 * (`中共云溪农村商业银行股份有限公司委员会`), maybe with the date or the writer's name after a
 * space (`青梧县统计局党组　2025年1月8日`), or after 述职人/单位/汇报人 and a colon
 * (`述职人：项目部党支部书记　周立航`). No clause punctuation: a sentence is no unit line.
 * Source: pages corpus, reports whose title (`关于2025年度党建工作情况的总结`) leaves the unit
 * to the line under it, as GB/T 9704-2012 §7.3.2 puts the issuing organ's name apart; no text copied.
 */
const UNIT_LINE = /^\s*(?:(?:述职人|汇报人|报告人|单位|报告单位)[：:]\s*)?([^，。；！？、：:,;!?\s（）()0-9０-９][^，。；！？、：:,;!?]{3,48})$/u;
/** A date, or a run of spaces and what follows it (a date, a person's name), ending a unit line. */
const UNIT_LINE_TAIL = /(?:[\s　]+.*|\d{4}年.*)$/u;
/** What a byline names: the writer's post (书记) or the unit's organisation (党委, 党支部…); a date (`（2025年1月8日）`) is no byline. */
const BYLINE_WORDS = ['书记', ...stockData.orgWords];
/** How many lines after the title a byline is looked for (blank lines between). */
const BYLINE_REACH = 3;

/**
 * The text that names the report's unit: the title, and a byline or unit line right under
 * it where there is one (a 述职 titled `2024年度抓基层党建工作述职报告` names its writer's unit
 * there: `（江川职业技术学院党委书记 …）`, so `学院党委下设…` is the unit's; a summary titled
 * `关于2025年度党建工作情况的总结` names it on the line under: `中共某农村商业银行…委员会`). `lineText(i)` gives
 * line i; `count` is the number of lines. Source: pages corpus, 述职报告 written with the
 * writer's post in brackets under a bare title.
 */
export function unitText(title: { line: number; text: string } | null, lineText: (line: number) => string, count: number): string {
  if (title === null) return '';
  for (let line = title.line + 1; line < count && line <= title.line + BYLINE_REACH; line++) {
    const text = lineText(line);
    if (text.trim() === '') continue;
    const m = BYLINE.exec(text);
    if (m) return BYLINE_WORDS.some((w) => m[1].includes(w)) ? `${title.text}\n${m[1]}` : title.text;
    const unit = UNIT_LINE.exec(text.trimEnd())?.[1].replace(UNIT_LINE_TAIL, '') ?? '';
    // The line ends with its body (中共…委员会, …党组, …党支部书记): an unnumbered heading that
    // merely holds an organisation word (`党委工作开展情况`) names no unit.
    const ended = unit.endsWith('委员会') || BYLINE_WORDS.some((w) => unit.endsWith(w));
    return unit.length >= 4 && ended ? `${title.text}\n${unit}` : title.text;
  }
  return title.text;
}

/** The Places of a report whose title (and unit) reads `title`. */
export function placesOf(title: string): Places {
  const cache = new Map<string, string>();
  return {
    canonical(scope: string): string {
      let known = cache.get(scope);
      if (known === undefined) {
        known = ownScope(scope, title) ? OWN_UNIT : scope;
        cache.set(scope, known);
      }
      return known;
    },
    stock: { title: withCommonNames(title), scopes: SCOPES, wholeAfter },
    year: reportYear(title),
    period: reportPeriod(title),
  };
}

/** What follows a committee's formal name that ends the title's unit: a year, a role, the report's kind. */
const UNIT_END = '(?=[\\d\\s（(：:]|$|书记|关于|工作|党建|年度|上半年|下半年|述职|总结|报告)';

/**
 * The title with the common names of its Party committee added after it: a title writes the
 * formal name (`中共江澜理工大学机关委员会`, `中共某集团委员会`, `中共某库支部委员会`) and the
 * text the common one (`机关党委`, `党委`, `党支部`), so `机关党委现有党员…` and `党委下辖党支部…`
 * name the title's unit. Only for a title that opens with 中共 (中国共产党); a 工作委员会 (工委)
 * and a 纪律检查委员会 are other bodies and keep their names. Source: pages corpus, a college's
 * `中共…学院机关委员会召开党员大会` report that calls its writer `机关党委` throughout; no text copied.
 */
export function withCommonNames(title: string): string {
  const at = title.search(/中共|中国共产党/u);
  if (at < 0) return title;
  // Only the committee the title ends its unit with (…委员会2025年度…, …委员会书记…): in
  // 中共某县委员会组织部机关党支部 the 委员会 is the body above the unit.
  const common = title
    .slice(at)
    .replace(new RegExp(`总支部委员会${UNIT_END}`, 'gu'), '党总支')
    .replace(new RegExp(`支部委员会${UNIT_END}`, 'gu'), '党支部')
    .replace(new RegExp(`(?<!工作|检查|总支部|支部)委员会${UNIT_END}`, 'gu'), '党委')
    // 中共某开发区工作委员会 calls itself 党工委 (党工委所属基层党组织172个): its own common name.
    .replace(new RegExp(`工作委员会${UNIT_END}`, 'gu'), '党工委');
  return common === title.slice(at) ? title : `${title}\n${common}`;
}

/**
 * The time word of the report's own period (Places.period): `上半年` when the title names a
 * half year (上半年, 半年), `全年` when it names a year's work (年度, 年工作, 全年) and no half;
 * else ''.
 */
function reportPeriod(title: string): string {
  if (/上半年|半年/u.test(title)) return /下半年/u.test(title) ? '' : '上半年';
  // 2025年1—6月, 一季度, 下半年: a part of the year whose word is not one of the time words.
  if (/季度|下半年|\d{4}年\d|月份?(?:工作|党建|总结|述职)/u.test(title)) return '';
  return /年度|全年|\d{4}年/u.test(title) ? '全年' : '';
}

/** The one four-digit year a title names (`2025年上半年工作总结` → `2025年`), or '' (report-kind.ts `titleYear`). */
function reportYear(title: string): string {
  const year = titleYear(title);
  return year === null ? '' : `${year}年`;
}

/** Words that, after a place in a title, make it the unit's own place: 开发区党工委 (开发区工作委员会), 石桥村党总支, 柳溪村驻村第一书记. */
const ORG_AFTER_PLACE = [...stockData.orgWords, '委', '工作委员会', ...stockData.placeRoles];

/**
 * A title whose unit is a college, department or other unit of a school (某职业技术学院智能制造学院党总支,
 * 某大学马克思主义学院党委, 某大学图书馆党总支): the school's name, then the unit's, then its Party
 * body. Not the school's own body (某体育运动学校党总支: 党总支 is no unit's name), nor a school of
 * its own under it (某大学附属中学党支部: there 全校 is the unit).
 */
const SCHOOL_COLLEGE = /(?:大学|学院|学校)(?!党)(?!\p{Script=Han}{0,10}?(?:中学|小学|学校|幼儿园|附中|附小)(?:党总支|党委|党支部|总支))\p{Script=Han}{1,12}?(?:党总支|党委|分党委|党支部|直属党支部|总支)/u;

/** Whether `scope` names the report's own unit in a report titled `title`. */
function ownScope(scope: string, title: string): boolean {
  // 全校 in the report of a school's own college or other unit names the school (metric-conflict.yaml school_scopes).
  if (vocab.schoolScopes.includes(scope) && SCHOOL_COLLEGE.test(title)) return false;
  if (scope === OWN_UNIT || vocab.ownScopes.includes(scope)) return true;
  if (!vocab.placeScopes.has(scope)) return false;
  // 全区, 我区, 本区, 区内 → 区.
  const place = scope.replace(/^[全我本]/u, '').replace(/内$/u, '');
  return ORG_AFTER_PLACE.some((org) => title.includes(place + org));
}

/**
 * Whether the words at `index`, right after a counted noun, keep the count whole: a
 * universal word (均, 全部…), or 中/当中/里 closing the whole before a clause end or a word
 * of vocab.amongFollowers (`规模以上企业中，…`, `党支部中仍有…`).
 */
function wholeAfter(lineText: string, index: number): boolean {
  if (vocab.universal.some((w) => lineText.startsWith(w, index))) return true;
  for (const suffix of vocab.wholeSuffixes) {
    if (!lineText.startsWith(suffix, index)) continue;
    const next = index + suffix.length;
    if (next >= lineText.length || isClauseEnd(lineText.charCodeAt(next))) return true;
    if (vocab.amongFollowers.some((w) => lineText.startsWith(w, next))) return true;
    if (suffix !== '里' && subsetFollows(lineText, next)) return true;
  }
  return false;
}

/**
 * Whether a part of the whole is picked right after its 中 (`全所17名党员中35岁以下的仅4名`,
 * `全矿…名党员中倒班人员占六成以上`): a band opening with a digit, or a subset named in at
 * most SUBSET_REACH Han characters before 占. The count before 中 is then all of the things,
 * as with 中有…. Words that continue the noun (中心户, 中层, 中青年…) are no 中 of a set.
 * Source: pages corpus, the structure sentences of real reports (…名党员中，35岁以下的…;
 * …名党员中女党员占…), no text copied.
 */
function subsetFollows(lineText: string, at: number): boolean {
  const c = lineText.charCodeAt(at);
  if (c >= 0x30 && c <= 0x39) return true;
  if (NOT_AMONG.includes(lineText[at])) return false;
  // 全村36名党员中能带头致富的不到10人: a 的-phrase picks some, and its count follows.
  if (SUBSET_COUNTED.test(lineText.slice(at, at + SUBSET_REACH * 2 + 8))) return true;
  for (let i = at; i < lineText.length && i - at <= SUBSET_REACH; i++) {
    const ch = lineText[i];
    // …名党员中经常有人因…不能参加: 有 after a few words picks some of them, as 中有… does.
    if (ch === '占' || ch === '有') return i > at;
    if (!HAN_CHAR.test(ch)) return false;
  }
  return false;
}

/**
 * A subset named by a 的-phrase and counted right after it: `能带头致富的不到10人`,
 * `年龄在60岁以上的有17名`, `能熟练使用智能手机的仅占三成` (at most 16 code units before 的,
 * no clause end between). Source: pages corpus, the structure sentences of real reports
 * (…名党员中，…的有…名), no text copied.
 */
const SUBSET_COUNTED = /^[^，。；：！？、,;:!?\s]{1,16}?的(?:有|仅有|只有|仅|只|不到|不足|约有|约|达到|达|超过|共|占)?[0-9一二两三四五六七八九十半]/u;

/** One Han character. */
const HAN_CHAR = /^\p{Script=Han}$/u;
/** How far 占 may stand after 中 for the words between to name a subset. */
const SUBSET_REACH = 8;
/** Characters after 中 that make it part of a word (中心, 中层, 中青年, 中的, 中间…). */
const NOT_AMONG = '心层青老年共间的之国华央级型小学医专等';
