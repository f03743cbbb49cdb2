/**
 * A count that continues a list of counts opened by a scope and an existence verb (`全校现有
 * 教学班32个、学生1126名`): the scope and the verb stand once, before the first item, and hold
 * for every item after 、, so `学生1126名` is a whole count of 全校 that a later `全校1162名学生
 * 全部…` restates. Read by metric-statements.ts as one more shape of a statement, as it reads
 * the first item (`全校现有教学班32个`, NOUN_BEFORE there).
 *
 * Strict: each item between 、 (or ，) is only a noun (Han, at most MAX_NOUN), a whole number and one
 * measure character; the first item opens its clause (after a clause end, white space or the
 * line's start) with a scope word and an existence verb (现有, 共有, 有…: a stock, not an event
 * such as 新增, 慰问); the item read ends its clause or the list (、). A 其中 item is a part and
 * ends the reading; so does a clause that is more than a noun and a count (今年新建20个 holds a
 * verb: the caller's noun test refuses it). Indices are UTF-16 code units into the line. Nothing here throws.
 */
import { stockCountData as stockData } from '../data/stock-counts';
import { isClauseEndChar } from '../model/clauses';
import { isSpace } from '../model/script';

/** The longest noun of an item. */
const MAX_NOUN = 6;
/** The most items read back to the list's first. */
const MAX_ITEMS = 6;
/** One item after the first: noun, number, measure. */
const ITEM = /^(\p{Script=Han}{1,6})\d{1,7}\p{Script=Han}$/u;
const HAN = /\p{Script=Han}/u;
const isHan = (c: string | undefined) => c !== undefined && HAN.test(c);
/** What opens a breakdown into parts: not a list of stocks. */
const PARTS_WORD = '其中';

/**
 * The count at line index `at` (its number; the quantity ends at `endAt`) read as an item of a
 * list that `scopes[k]` and one of `existence` open: its scope (as written), noun and the line
 * index of its noun; or null. `scopes` and `existence` are tried in the caller's order
 * (longest first); `isNoun` tells a noun from a clause with a verb (今年新建).
 */
export function listedCount(lineText: string, at: number, endAt: number, scopes: readonly string[], existence: readonly string[], isNoun: (words: string) => boolean): { scope: string; noun: string; start: number } | null {
  if (endAt < lineText.length && !isItemEnd(lineText.charCodeAt(endAt))) return null;
  let start = at;
  while (start > 0 && at - start < MAX_NOUN && isHan(lineText[start - 1])) start--;
  const noun = lineText.slice(start, at);
  if (noun === '' || noun.startsWith(PARTS_WORD) || opensStock(noun) || !isNoun(noun) || !SEPARATORS.includes(lineText[start - 1])) return null;
  let end = start - 1;
  for (let k = 0; k < MAX_ITEMS; k++) {
    let from = end;
    while (from > 0 && end - from < 40 && !isItemEnd(lineText.charCodeAt(from - 1))) from--;
    const item = lineText.slice(from, end);
    const scope = scopes.find((s) => item.startsWith(s));
    const verb = scope === undefined ? undefined : existence.find((w) => item.startsWith(w, scope.length));
    if (scope !== undefined && verb !== undefined) {
      const m = ITEM.exec(item.slice(scope.length + verb.length));
      return m && !m[1].startsWith(PARTS_WORD) ? { scope, noun, start } : null;
    }
    // Not the first item: only a noun and a count, right after another item.
    const m = ITEM.exec(item);
    if (!m || m[1].startsWith(PARTS_WORD) || opensStock(m[1]) || !isNoun(m[1]) || from === 0 || !SEPARATORS.includes(lineText[from - 1])) return null;
    end = from - 1;
  }
  return null;
}

/**
 * Whether `words` open with a stock's existence verb (下设党支部, 设党小组, 辖村民小组;
 * rules/data/stock-counts.yaml `existence`, `clause_existence`, `lead_existence`): a clause of
 * its own, read by the stock reader with its own subject (全局共有党员421名，下设党支部8个: the
 * branches are the unit's, not a noun 下设党支部 of 全局), so no item of the list.
 */
function opensStock(words: string): boolean {
  if (stockData.existence.some((w) => words.startsWith(w)) || stockData.leadExistence.some((w) => words.startsWith(w))) return true;
  return stockData.clauseExistence.some((w) => words.startsWith(w)) && !stockData.clauseExistenceNot.some((w) => words.startsWith(w));
}

/** What joins the items of a list of counts: 、 or ， (全校有15个教学班，学生823人). */
const SEPARATORS = '、，,';

/** Where an item ends: a clause end, 、 or white space. */
function isItemEnd(c: number): boolean {
  return c === 0x3001 || isClauseEndChar(c) || isSpace(c);
}
