/**
 * Groups and what each holds, two readings of total-breakdown that share one notion of a
 * count of groups (isGroupCount):
 * - eachGroupBreakdowns, a total spread evenly over groups: "选派干部12名，分别到3个村，
 *   每个村各4名" — N of a unit, then M groups in the clause right before "，每(个)X各K<unit>":
 *   the total is M × K, read as M equal parts of K (the sum check of total-breakdown.ts
 *   judges it). The groups' clause ends with their noun, and the 每 clause names that noun
 *   or its last characters (`3个行政村，每村各2名`); K is exact and ends its clause; the
 *   total is the last exact quantity of K's unit before the groups in the same sentence
 *   (`15名，其中12名分赴3个乡镇…`: the 12). At most 20 groups (a longer sum says nothing a
 *   reader can check).
 * - groupsTimesEach, groups times each inside a run of parts (`4个支部各组建2支`): one part
 *   worth the count of groups times what each did (8), written `4×2` in messages; read in
 *   the run of parts before a total (parts-before-total.ts):
 *   `4个支部各组建2支、机关组建1支，共组建10支`.
 * Offsets are UTF-16 code units; nothing here throws.
 */
import type { Quantity } from '../model/quantities';
import type { Report } from '../model/report';
import type { Breakdown, Part } from './breakdowns';
import { isTotal } from './breakdowns';
import { compatibleUnits, isClauseEndChar, quantitiesIn, sentenceStart } from './sentence';

/**
 * Whether `groups` counts groups whose members are counted in `unit`: an exact whole count
 * of at least two, in a measure of another kind (`3个村` for 名, `4个支部` for 支).
 */
function isGroupCount(groups: Quantity | undefined | null, unit: string): groups is Quantity {
  return !!groups && groups.bound === 'exact' && Number.isInteger(groups.value) && groups.value >= 2 && !compatibleUnits(groups.unit, unit);
}

/**
 * Sticky at a 每 that opens a clause: `每个乡镇各`, `每村各`, `每个小组`. Group 1: the noun
 * (1–6 Han characters, shortest first), then an optional 各 and one verb of placing
 * (派驻, 安排…) right before the number.
 */
const EACH = /每(?:一个|个)?(\p{Script=Han}{1,6}?)(?:各|均)?(?:派驻|安排|配备|选派|下沉|分配)?(?=[\d零〇二三四五六七八九十两])/uy;

/** More UTF-16 code units than any quantity spans (a grouped 15-digit number with decimals, 万, 余, a unit and a qualifier). */
const LONGEST_QUANTITY = 64;

/** The breakdowns of every evenly spread total in `report` (see the module doc), in text order. */
export function eachGroupBreakdowns(report: Report): Breakdown[] {
  const out: Breakdown[] = [];
  const { text, lines } = report;
  const qs = report.quantities;
  for (let at = text.indexOf('每'); at >= 0; at = text.indexOf('每', at + 1)) {
    const comma = text.charCodeAt(at - 1);
    if (comma !== 0xff0c /* ， */ && comma !== 0x2c) continue;
    EACH.lastIndex = at;
    const m = EACH.exec(text);
    if (!m) continue;
    const line = lines.lineAt(at);
    const from = lines.start(line);
    const lineText = lines.lineText(line);
    // The amount each must start right after the match: the search reaches no further than a
    // quantity's longest form (to the line's end, a line of many 每 clauses took quadratic time).
    const numberAt = at + m[0].length;
    const each = quantitiesIn(qs, numberAt, Math.min(from + lineText.length, numberAt + LONGEST_QUANTITY))[0];
    if (!each || each.numberStart !== numberAt || each.bound !== 'exact' || each.qualifiers.length > 0) continue;
    if (each.end - from < lineText.length && !isClauseEndChar(lineText.charCodeAt(each.end - from))) continue;
    const sentence = from + sentenceStart(lineText, at - from);
    const before = quantitiesIn(qs, sentence, at - 1);
    const groups = before[before.length - 1];
    if (!isGroupCount(groups, each.unit) || groups.value > 20) continue;
    // The groups' clause ends with their noun (the 每 clause's, or ending in it).
    const noun = text.slice(groups.end, at - 1);
    if (noun.length > 8 || !noun.endsWith(m[1])) continue;
    let total: Quantity | null = null;
    for (let i = before.length - 2; i >= 0; i--) {
      if (compatibleUnits(before[i].unit, each.unit)) {
        total = before[i];
        break;
      }
    }
    if (!total || total.bound !== 'exact' || total.unit !== each.unit || total.scale !== each.scale || !isTotal(total, lineText, from)) continue;
    const parts: Part[] = [];
    for (let i = 0; i < groups.value; i++) parts.push({ q: each, label: m[1], sep: i === 0 ? 0 : 0x3001 /* 、 */ });
    out.push({ total, parts, mode: 'sum', listed: true });
  }
  return out;
}

/** What stands between the count of groups and the amount each: `科研党支部各组建`, `村各`. */
const EACH_BETWEEN = /^\p{Script=Han}{0,10}各\p{Script=Han}{0,4}$/u;

/**
 * The part `groups × each` when `between` (the text from the end of `groups` to the number
 * of `each`) names the groups and then 各: `groups` a count of groups (isGroupCount) for
 * the total's unit `totalUnit` (`4个`), `each` an exact count in that unit. Null otherwise.
 */
export function groupsTimesEach(groups: Quantity | null, each: Quantity, between: string, totalUnit: string): Quantity | null {
  if (!isGroupCount(groups, totalUnit) || each.bound !== 'exact' || !compatibleUnits(each.unit, totalUnit) || !EACH_BETWEEN.test(between)) return null;
  return { ...each, value: groups.value * each.value, numberText: `${groups.numberText}×${each.numberText}`, decimals: each.decimals, scale: each.scale };
}

/**
 * The clause right before a part that lists kinds with 、 and then 各 (`举办甲、乙、丙培训班各`):
 * group 1 the list (no digits, brackets or other clause marks), which must end the clause.
 */
const LIST_EACH = /(?:^|[，,；;：:])([^，,；;：:。！？\d（）()]{3,40})各$/u;

/**
 * The part `k × each` when `between` (the text from the end of the previous quantity, or the
 * sentence's start, to the number of `each`) ends with a clause listing k kinds joined by 、
 * and then 各 right before the number: `举办种植、养殖、农机培训班各2期` is 3 × 2 = 6期, one
 * part worth what all the kinds did together (read in the run before a total such as
 * `，共6期`, parts-before-total.ts). Null when a kind is joined by 和/及/与 or the list ends
 * with 等 (more kinds than named), when it holds another 各 or a 每, or when `each` is not an exact
 * count in the total's unit `totalUnit`. k is 2 to 10.
 */
export function listTimesEach(each: Quantity, between: string, totalUnit: string): Quantity | null {
  if (each.bound !== 'exact' || !compatibleUnits(each.unit, totalUnit)) return null;
  const m = LIST_EACH.exec(between);
  if (!m || /[和及与等各每]/u.test(m[1])) return null;
  const items = m[1].split('、');
  if (items.length < 2 || items.length > 10 || items.some((s) => s.length === 0)) return null;
  return { ...each, value: items.length * each.value, numberText: `${items.length}×${each.numberText}` };
}
