/**
 * Stock counts read through the staff their members belong to, and list items that name
 * the unit before their noun (rules/model/stock-counts.ts uses these):
 * - `全院共有干警136名，其中党员98名`: the members among a staff are that staff's members
 *   (党员干警 98), restated as `全院101名党员干警全部…`;
 * - `支部现有党员17名，均为执业律师`: all the members are of that staff (党员律师 17);
 * - `中心现有在职职工68名，支部党员29名`: an item opening with a subject naming the unit
 *   (支部) counts the unit's 党员.
 * Source: pages corpus, courts' and law firms' 党建 reports (全院共有干警…名，其中党员…名;
 * 支部现有党员…名，均为执业律师), no text copied.
 */
import { OWN_UNIT, subjectScope } from './stock-unit';
import { headOf, isStockNoun } from './stock-words';
import type { StockContext } from './stock-counts';

/** The member noun (其中党员98名 after a staff's total). */
export const MEMBER = '党员';
/** A total noun holding 党 (党员, 党组织) has no members of its own to name. */
const PARTY = '党';
/** Measure words of people. */
const PEOPLE = '名人';

/**
 * `其中党员98名` right after a staff's total (`干警136名`): the noun of that staff's members
 * (党员干警), or undefined. `partUnit` and `totalUnit` are the two counts' measure words, both
 * of people; a total holding 党 (党员, 党组织) has no members of its own to name.
 */
export function staffMembers(part: string, total: string, partUnit: string, totalUnit: string): string | undefined {
  if (part !== MEMBER || !PEOPLE.includes(partUnit) || !PEOPLE.includes(totalUnit) || total.includes(PARTY)) return undefined;
  return MEMBER + total;
}

/** The qualifier of a staff now serving (在职干部职工). */
const SERVING = '在职';

/**
 * `在职干部职工63人，其中党员48人`: the members among a serving staff are the unit's serving
 * members, `在职党员` (the retired are no serving staff, and every serving member is on the
 * staff): that noun for a total of the serving staff (`在职` and a staff noun holding no 党),
 * else undefined. A staff not so qualified (职工86人，其中党员31名) may leave retired members
 * out of its members' count, and is read as a floor only (metric-qualified.ts).
 */
export function servingMembers(total: string): string | undefined {
  return total.startsWith(SERVING) && total.length > SERVING.length && !total.includes(PARTY) ? SERVING + MEMBER : undefined;
}

/** `，均为执业律师。` right after a members' count: all of them are of that staff. */
const ALL_ARE = /^[，,]均为(\p{Script=Han}{1,6})(?=[，。；,;]|$)/u;

/**
 * `现有党员17名，均为执业律师`: the members' count, all of them of one staff (a head of
 * stock-counts.yaml `heads` that counts people and holds no 党: 律师, 干警, 职工), is also
 * the count of that staff's members (党员律师), restated as `我所15名党员律师全部…`. Returns
 * the members' noun of that staff, or undefined. `endAt` is where the count ends.
 */
export function allAreOf(lineText: string, endAt: number, noun: string): string | undefined {
  if (noun !== MEMBER || !PEOPLE.includes(lineText[endAt - 1])) return undefined;
  const m = ALL_ARE.exec(lineText.slice(endAt, endAt + 12));
  if (!m || m[1].includes(PARTY) || !isStockNoun(m[1])) return undefined;
  const head = headOf(m[1]);
  return head === '' || head.includes(PARTY) ? undefined : MEMBER + head;
}

/** The shortest subject read before a list item's noun (支部党员: 支部). */
const MIN_ITEM_SUBJECT = 2;

/**
 * A list item's noun with a leading subject that names the unit taken off (`支部党员` →
 * `党员` in a branch's report), where what is left is a stock noun; else the noun unchanged.
 * A named sub-unit (第一支部党员) names no unit (subjectScope) and stays.
 */
export function withoutUnitSubject(noun: string, context: StockContext, lineText: string, start: number): string {
  for (let k = MIN_ITEM_SUBJECT; k <= noun.length - 2; k++) {
    const rest = noun.slice(k);
    if (isStockNoun(rest) && subjectScope(noun.slice(0, k), context, lineText, start) === OWN_UNIT) return rest;
  }
  return noun;
}

