/**
 * Stock counts continuing a list of counts (rules/model/stock-counts.ts): `公司现有职工418人，
 * 党员37名，` — a clause of only noun and number after up to MAX_LIST counts, the first opened
 * by an existence verb (现有, 所属, or 设 after a subject naming the unit: `全系统设机关党委1个、…`),
 * with a 其中 breakdown of that first count in between, in a bracket or not. Separate from
 * stock-counts.ts, which reads one count's shapes (noun first, number first), to keep each under
 * the project's ~400-line module guideline; the clause shapes both read (COUNT_CLAUSE, isCountEnd,
 * PARTS_WORD) live here. Vocabulary: rules/data/stock-counts.yaml (clause_existence,
 * clause_existence_not). Offsets are UTF-16 indices into the line.
 */
import { stockCountData as vocab } from '../data/stock-counts';
import { isClauseEndChar } from './clauses';
import { isSpace } from './script';
import type { StockContext } from './stock-counts';
import { subjectScope } from './stock-unit';
import { existenceIn, headOf, isPartNoun, isStockNoun, MAX_LEAD, ownedBy } from './stock-words';

/** Where a count of a list ends: a clause end or 、 (现有行政村9个、社区2个). */
export const isCountEnd = (c: number) => c === 0x3001 || isClauseEndChar(c);
/** A clause that ends with a count: its Han words, then number and measure word. */
export const COUNT_CLAUSE = /^(\p{Script=Han}{1,16})\d{1,7}[名人个家位户]$/u;

/** What opens a breakdown of a count into its parts. */
export const PARTS_WORD = '其中';

/**
 * The scope of a clause `noun + N + measure` that continues a list of counts: the previous
 * clauses (up to three) are counts too, the first of them opened by an existence verb.
 * The list may hold a 其中 breakdown of that first count (`系统共有基层党组织43个，其中党委4个、
 * 党支部35个，党员1186名`): the clause after it, set off by ， and of a head noun that is
 * neither the total's nor a part's, is a stock of the unit; a part (其中正式党员29名，预备
 * 党员9名) is not.
 */
export function listScope(lineText: string, start: number, noun: string, context: StockContext): string | null {
  // 庭内共有干警24名（员额法官9名、法官助理8名、书记员6名）: the staff by post, in a bracket.
  const posts = bracketedPosts(lineText, start, noun, context);
  if (posts !== undefined) return posts;
  const heads: string[] = [];
  let end = start - 1;
  let parts = false;
  let allStock = true;
  // Only a clause boundary (，、) may stand between the counts; ； only right after a 其中
  // breakdown (现有党组织36个，其中单独组建22个、联合组建14个；党员623名，), which it ends.
  const afterParts = lineText[end] === '；';
  for (let k = 0; k < MAX_LIST && end > 0 && (lineText[end] === '，' || lineText[end] === ',' || lineText[end] === '、' || (k === 0 && afterParts)); k++) {
    // 共有基层党组织43个（其中党委4个、党支部35个），党员1186名: the breakdown in brackets.
    const inner = k === 0 ? bracketedParts(lineText, end) : null;
    if (inner) {
      if (lineText[start - 1] === '、') return null;
      heads.push(...inner.heads);
      parts = true;
      allStock = false;
    }
    const clauseEnd = inner ? inner.open : end;
    let from = clauseEnd;
    // A list item's marker (`- `) stands before its first clause: white space ends it too.
    while (from > 0 && clauseEnd - from < MAX_LEAD + 8 && !isCountEnd(lineText.charCodeAt(from - 1)) && !isSpace(lineText.charCodeAt(from - 1))) from--;
    const m = COUNT_CLAUSE.exec(lineText.slice(from, clauseEnd));
    if (!m) return null;
    let words = m[1];
    if (words.startsWith(PARTS_WORD)) {
      // The clause after the breakdown must be set off by ，: 、 continues the parts.
      if (lineText[start - 1] === '、' || parts) return null;
      words = words.slice(PARTS_WORD.length);
      parts = true;
    }
    // 党工委所属基层党组织172个，党员3280名: 所属 after the unit opens a list as 现有 does.
    const verb = existenceIn(words) ?? subjectThenSet(words, context, lineText, from) ?? ownedBy(words);
    const counted = verb ? words.slice(verb.at + verb.word.length) : words;
    // Every count of the list is a noun's: a stock's, a part's of a breakdown (其中党委4个、…),
    // or another thing the unit has.
    if (!isStockNoun(counted)) {
      if (!isPartNoun(counted)) return null;
      // 学校现有教学班28个，学生1240名，教职工86人: what else the unit has, listed before its
      // people, is no part of a stock; it continues the list as a stock's count does.
    }
    heads.push(headOf(counted) || counted);
    if (verb) {
      if ((!parts && !allStock) || (afterParts && !parts)) return null;
      if (parts && heads.includes(headOf(noun))) return null;
      return subjectScope(words.slice(0, verb.at), context, lineText, from);
    }
    end = from - 1;
  }
  return null;
}

/**
 * The bracketed 其中 breakdown ending right before line index `end` (`（其中党委4个、党支部
 * 35个）`): where its bracket opens and the head nouns of its parts, or null.
 */
function bracketedParts(lineText: string, end: number): { open: number; heads: string[] } | null {
  const close = lineText[end - 1];
  if (close !== '）' && close !== ')') return null;
  const open = Math.max(lineText.lastIndexOf('（', end - 1), lineText.lastIndexOf('(', end - 1));
  if (open < 0 || end - open > 80) return null;
  const inner = lineText.slice(open + 1, end - 1);
  if (!inner.startsWith(PARTS_WORD)) return null;
  const heads: string[] = [];
  for (const item of inner.slice(PARTS_WORD.length).split(/[、，,]/u)) {
    const m = COUNT_CLAUSE.exec(item);
    if (!m || !isPartNoun(m[1])) return null;
    heads.push(headOf(m[1]) || m[1]);
  }
  return { open, heads };
}

/** Items before a post in a bracket of posts: `员额法官9名、法官助理8名、`. */
const POST_ITEMS = /^(?:\p{Script=Han}{2,8}\d{1,5}[名人]、){0,5}$/u;

/**
 * The scope of a post's count `noun` at line index `start`, inside a bracket of posts right
 * after a stock of people under an existence verb (`庭内共有干警24名（员额法官9名、法官助理8名、
 * 书记员6名）`): the staff's whole set split by post, so each item is the unit's whole stock
 * of that post (`庭里10名员额法官全部…` restates it). The items are stock nouns of a head
 * other than the total's (a breakdown by kind of the same head, 正式党员 of 党员, stays with
 * partOfStock), counted in 名 or 人 as the total is. Returns undefined where no such bracket
 * holds the count, or the total's scope (null where its subject names no unit).
 */
function bracketedPosts(lineText: string, start: number, noun: string, context: StockContext): string | null | undefined {
  const open = Math.max(lineText.lastIndexOf('（', start - 1), lineText.lastIndexOf('(', start - 1));
  if (open < 1 || start - open > 60 || !POST_ITEMS.test(lineText.slice(open + 1, start))) return undefined;
  let from = open;
  while (from > 0 && open - from < MAX_LEAD + 8 && !isCountEnd(lineText.charCodeAt(from - 1)) && !isSpace(lineText.charCodeAt(from - 1))) from--;
  const m = COUNT_CLAUSE.exec(lineText.slice(from, open));
  if (!m || !'名人'.includes(lineText[open - 1])) return undefined;
  const verb = existenceIn(m[1]);
  if (!verb) return undefined;
  const total = m[1].slice(verb.at + verb.word.length);
  if (!isStockNoun(total) || !isStockNoun(noun) || headOf(noun) === headOf(total) || total.includes('党')) return undefined;
  return subjectScope(m[1].slice(0, verb.at), context, lineText, from);
}

/** The most clauses read back along a list of counts (a total and its parts). */
const MAX_LIST = 6;

/**
 * `全系统设机关党委1个、…`: a clause existence verb (设) right after a subject that names
 * the unit or a scope (subjectScope), in the words of a list's first clause; null if none.
 * Elsewhere 设 is part of other words (建设, 设立), so only a subject before it makes it one.
 */
function subjectThenSet(words: string, context: StockContext, lineText: string, from: number): { word: string; at: number } | null {
  for (const word of vocab.clauseExistence) {
    const at = words.indexOf(word);
    if (at > 0 && !vocab.clauseExistenceNot.some((w) => words.startsWith(w, at)) && subjectScope(words.slice(0, at), context, lineText, from) !== null) return { word, at };
  }
  return null;
}
