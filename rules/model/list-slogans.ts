/**
 * Quoted count-slogans as announcements of a list (rules/model/lists.ts, read by
 * list-finder.ts): `“五个一”`, `“四大行动”`, `“三个聚焦”`, `“三联”` (a numeral, then 个一 or a
 * measure and a noun) and paired slogans `“四比四争”`, `“三亮三比三评”` (one numeral before
 * each word); what each slogan's items must show; and the clause a slogan takes up
 * (`坚持A学、B学，以“三学”联动`). Offsets are UTF-16 code units into `src.text`.
 */
import { listsData as vocab } from '../data/lists';
import { chineseNumeralValue } from './numerals';
import type { ListCount, ListSource } from './lists';
import type { Shape } from './list-runs';

/** A count before its items, with where its introducer or list may start. */
export interface Announcement {
  count: ListCount;
  /** Offset where a list it introduces may start (after the slogan or the noun). */
  after: number;
  line: number;
  /** What the items must show, if anything. */
  shape: Shape;
  /** Whether a run on the next line may be its list. */
  nextLine: boolean;
  /** Whether a 、-list right before it may be its list: `one` (一X items), `names`, `shaped`. */
  preceding: 'one' | 'names' | 'shaped' | null;
  /**
   * For a paired slogan (`“三必三有”`), how many words it counts: its list may also be read
   * group by group (`必须…，必须…；有声、有影…`: one group a word) or item by item
   * (three 必 and three 有).
   */
  groups?: number;
  /**
   * Whether `after` is the colon ending a clause of what is done with the count
   * (`五项举措推进…：`, list-counts.ts clauseThenColon): only a run or a ；-list there is its list.
   */
  bridged?: boolean;
}

const CN_CHARS = '一二三四五六七八九十两';
const SLOGAN_MEASURES = vocab.sloganMeasures.join('|');
/**
 * Heads a “N个一” slogan may carry inside its quotes (`“五个一工程”`, `“三个一活动”`): the
 * activity's kind, never a word opening with a numeral (`“五个一百”` is no 个一 slogan).
 */
const ONE_NAME_HEADS = ['工程', '活动', '行动', '计划', '工作法', '机制'];
/**
 * A quoted count-slogan: 2 numeral, then 3 个一 (and a head of ONE_NAME_HEADS), or 4 an
 * optional measure and 5 a noun; after
 * 1 the activity's own name, when one stands first (`“青年干部成长五个一”`: two to eight Han
 * characters, no numeral, 第 or 每, before a numeral and 个一 or a measure word — a name
 * with no measure word, `“学习二十大”`, counts nothing).
 */
const SLOGAN = new RegExp(`“(?:((?:(?![${CN_CHARS}第每前后])\\p{Script=Han}){2,8})(?=[${CN_CHARS}]{1,3}(?:个一|(?:${SLOGAN_MEASURES})\\p{Script=Han})))?([${CN_CHARS}]{1,3})(个一(?:${ONE_NAME_HEADS.join('|')})?|(${SLOGAN_MEASURES})?([\\p{Script=Han}]{1,6}))”`, 'gu');
/** A slogan repeating one numeral before each of its words: “四比四争”, “三亮三比三评”. */
const PAIRED_SLOGAN = new RegExp(`“([${CN_CHARS}])(\\p{Script=Han})\\1(\\p{Script=Han})(?:\\1(\\p{Script=Han}))?”`, 'gu');
/** A noun ending in 一 with no numeral before it: 统一, 唯一, 同一, 专一, 第一. */
const WORD_ENDING_IN_ONE = new RegExp(`^[^${CN_CHARS}]+一$`, 'u');
/**
 * “双培养”, “双报到”, “双拥”, “双带头人”: 双 and one word, two of which follow (把党员培养成骨干、
 * 把骨干培养成党员). Each item holds the word; “双一流” (a numeral in the word) is a name.
 */
const DOUBLE_SLOGAN = new RegExp(`“双((?:(?![${CN_CHARS}双])\\p{Script=Han}){1,4})”`, 'gu');
/** Words after a comma by which a slogan takes up the list before it: `…，以“三学”联动`. */
const TAKE_UP = ['通过', '依托', '借助', '以', '用'];
const NUMERAL_IN = new RegExp(`[${CN_CHARS}]`, 'u');
/** `一次`, `一支`, and `一系列` (a measure of two characters): one counted thing inside an item. */
const ONE_ITEM = new RegExp(`一(?:[${vocab.oneMeasures}]|系列)`, 'u');
/**
 * `一户一档`, `一人一策`, `一支部一品牌`, `一党员一岗位`: an item pairing two 一X, whatever its
 * measure words, each word of one to three characters.
 */
const ONE_PAIR = /一\p{Script=Han}{1,3}一\p{Script=Han}/u;
/**
 * `一窗受理`, `一网通办`, `一次告知`: an item opening with 一 and a noun, the 一 of the slogan
 * itself. Not the adverbs and adjectives that open with 一 (一些, 一切, 一直, 一定, 一致, 一律…).
 */
const OPENS_ONE = /^一(?![些切直定致律般样同起道齐并再向贯旦经])\p{Script=Han}/u;
const ONE_SHAPE = (itemText: string) => ONE_ITEM.test(itemText) || ONE_PAIR.test(itemText) || OPENS_ONE.test(itemText.trim());

/**
 * Every quoted count-slogan of `src.text` outside opaque spans, as an announcement: “五个一”,
 * “四大行动”, “三个聚焦”, “三联” (each item an 一X, or holding the noun), then the paired
 * “四比四争” (each item holding every word). Counts below 2 and names with a numeral inside
 * (“三会一课”) are skipped. In text order within each kind, slogans first.
 */
export function sloganAnnouncements(src: ListSource): Announcement[] {
  const { text } = src;
  const out: Announcement[] = [];
  SLOGAN.lastIndex = 0;
  for (let m = SLOGAN.exec(text); m; m = SLOGAN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const value = chineseNumeralValue(m[2]);
    const one = m[4] === undefined && m[5] === undefined;
    const noun = one ? '一' : m[5];
    // “三会一课”, “两学一做”: numbers inside a name; “四个意识”-like names have no list after.
    // “四个一线”, “三个一批”: 个 and a two-character word opening with 一, which every item
    // repeats (`问题在一线发现`); no name such as “三会一课” has a measure word before its 一.
    const oneWord = !one && m[4] === '个' && /^一[^十百千万亿零〇一二三四五六七八九两]$/u.test(noun);
    // “六个统一”, “三个唯一”: a word ending in 一 after a measure word is no number of a name.
    const endsInOne = !one && m[4] !== undefined && WORD_ENDING_IN_ONE.test(noun);
    if (value < 2 || (!one && !oneWord && !endsInOne && NUMERAL_IN.test(noun)) || src.opaque.overlaps(start, end)) continue;
    // “四星”支部, “五星级”: a grade of a rating, not a count of items (lists.yaml grade_words).
    if (!one && m[4] === undefined && vocab.gradeWords.includes(noun)) continue;
    // “三个方面”: a bare count of aspects in quotes, read as the count itself (list-counts.ts aspects).
    // After 等 (`A、B…等“六个方面”`) the quotation closes the list before it, as other slogans do.
    if (m[1] === undefined && m[4] === '个' && noun === '方面' && text[start - 1] !== '等') continue;
    const measure = one ? '个一' : (m[4] ?? '');
    const count: ListCount = { start, end, value, bound: 'exact', measure, noun, quoted: true, text: m[0], side: 'before' };
    const shape: Shape = one ? ONE_SHAPE : (t: string) => t.includes(noun);
    const line = src.lines.lineAt(start);
    out.push({ count, after: end, line, shape, nextLine: true, preceding: one ? 'one' : 'shaped' });
  }
  DOUBLE_SLOGAN.lastIndex = 0;
  for (let m = DOUBLE_SLOGAN.exec(text); m; m = DOUBLE_SLOGAN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (src.opaque.overlaps(start, end)) continue;
    // “双向培养”: 向 says the two go both ways; the items hold the verb (培养).
    const noun = m[1].length > 2 && m[1].startsWith('向') ? m[1].slice(1) : m[1];
    const count: ListCount = { start, end, value: 2, bound: 'exact', measure: '', noun, quoted: true, text: m[0], side: 'before' };
    const shape: Shape = (t: string) => t.includes(noun);
    out.push({ count, after: end, line: src.lines.lineAt(start), shape, nextLine: true, preceding: 'shaped' });
  }
  // “四比四争”, “三亮三比三评”: one numeral repeated, each time before its own word; every
  // item shows every word (`比学习争一流`). Different numerals (“两学一做”) make a name.
  PAIRED_SLOGAN.lastIndex = 0;
  for (let m = PAIRED_SLOGAN.exec(text); m; m = PAIRED_SLOGAN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const value = chineseNumeralValue(m[1]);
    if (value < 2 || src.opaque.overlaps(start, end)) continue;
    const words = [m[2], m[3], m[4]].filter((w): w is string => w !== undefined);
    if (words.some((w) => CN_CHARS.includes(w))) continue;
    const count: ListCount = { start, end, value, bound: 'exact', measure: '', noun: words[0], quoted: true, text: m[0], side: 'before' };
    const negation = words.length === 2 && vocab.pairedSloganNegations.includes(words[1]) ? words[1] : '';
    const shape: Shape = (t: string) => words.every((w) => t.includes(w)) || (negation !== '' && doAndDont(t, negation));
    out.push({ count, after: end, line: src.lines.lineAt(start), shape, nextLine: true, preceding: 'shaped', groups: words.length });
  }
  return out;
}

/**
 * Whether `item` is a do and a don't of a negating paired slogan (`“五要五不”`, `“三有三无”`):
 * exactly two comma halves, the first of two Han characters or more, the second opening with
 * `negation` (`诚实守信，不逾越底线`, `有制度，无死角`). The first word (要, 有) is left out
 * of such items, so they cannot show every word.
 */
function doAndDont(item: string, negation: string): boolean {
  const halves = item.trim().split(/[，,]/u);
  return halves.length === 2 && /^\p{Script=Han}{2,}/u.test(halves[0].trim()) && halves[1].trim().startsWith(negation) && halves[1].trim().length > negation.length;
}

/**
 * Where the clause a slogan at offset `at` of `text` takes up ends (the offset of its
 * comma), if the slogan follows the comma and a word that takes up what was just said
 * (以, 用, 通过, 依托, 借助) after `lineStart`; else -1.
 */
export function takenUp(text: string, at: number, lineStart: number): number {
  for (const w of TAKE_UP) {
    const comma = at - w.length - 1;
    if (comma > lineStart && text.startsWith(w, comma + 1) && (text[comma] === '，' || text[comma] === ',')) return comma;
  }
  return -1;
}
