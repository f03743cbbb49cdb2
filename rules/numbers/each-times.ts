/**
 * Groups times each (`4个支部各组建2支`): for total-breakdown, such a clause is one part worth
 * the count of groups times what each did (8), written `4×2` in messages. Read in the run of
 * parts before a total (parts-before-total.ts): `4个支部各组建2支、机关组建1支，共组建10支`.
 * Offsets are UTF-16 code units.
 */
import type { Quantity } from '../model/quantities';
import { compatibleUnits } from './sentence';

/** What stands between the count of groups and the amount each: `科研党支部各组建`, `村各`. */
const EACH_BETWEEN = /^\p{Script=Han}{0,10}各\p{Script=Han}{0,4}$/u;

/**
 * The part `groups × each` when `between` (the text from the end of `groups` to the number
 * of `each`) names the groups and then 各: `groups` is an exact whole count of at least two
 * in a unit other than the total's (`4个`), `each` an exact count in the total's unit.
 * Null otherwise.
 */
export function groupsTimesEach(groups: Quantity | null, each: Quantity, between: string, totalUnit: string): Quantity | null {
  if (!groups || groups.bound !== 'exact' || each.bound !== 'exact' || !Number.isInteger(groups.value) || groups.value < 2) return null;
  if (compatibleUnits(groups.unit, totalUnit) || !compatibleUnits(each.unit, totalUnit) || !EACH_BETWEEN.test(between)) return null;
  return { ...each, value: groups.value * each.value, numberText: `${groups.numberText}×${each.numberText}`, decimals: each.decimals, scale: each.scale };
}
