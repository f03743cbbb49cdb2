/**
 * A second measure of subjects listed after 其中: `查处案件152件，罚没款共计186.4万元，其中
 * 食品案件63件、药品案件21件、…，罚没款分别为74.2万元、38.5万元、29.6万元`. The values after
 * `<noun>分别为` (分别是, 分别达) measure the subjects named before them, counted in another
 * unit; they are no kinds of their own. They are parts of the total only when their noun is
 * the total's (罚没款 … 罚没款共计186.4万元; a value with no noun, `，分别为…`, takes the unit's
 * word for it): one value per subject exhausts the total only when the subjects are every kind —
 * their own counts add up to a count stated in their unit in the same sentence (40+31+25 of
 * `办结案件96件`). Fewer values, or subjects that are only some of the cases (63+21 of 152件),
 * are together at most the total. A noun
 * the total's clause does not hold (`涉案金额分别为…` under a total of 罚没款) measures something
 * else: no parts. Shapes read in public reports: `…分别比上年增加1.0万个、0.6万个` after a run
 * of kinds (a change per kind), `罚款金额分别为…` after case counts, `覆盖率分别为…和…`.
 */
import type { Quantity } from '../model/quantities';
import type { Mode } from './breakdown-mode';
import type { Part } from './breakdowns';
import { totalClause } from './parts-end';
import { quantitiesIn, sentenceStart } from './sentence';

/** `分别` + a link verb, and what may stand between the noun and it. */
const RESPECTIVELY = /分别(?:为|是|达到?)$/u;

/** Separators that end the noun before 分别 (，、；：). */
const NOUN_START = /[，,、；;：:]/u;

/** A second measure of the 其中 kinds read by `secondMeasure`: its values as parts, and how they meet the total. */
export interface SecondMeasure {
  /** The values, each labelled by the noun they measure (`罚没款`, or '' when none is written). */
  parts: Part[];
  /** `sum` when there is one value per subject and the subjects' counts add up to a count stated before them, else `atMost`. */
  mode: Mode;
}

/**
 * Reads `parts` (after 其中 at line index `start`, read by breakdowns.ts readParts) as a second
 * measure of the subjects listed before them. `unitFits(unit)` says whether a quantity is in
 * the total's unit (the subjects are not). Returns undefined when the parts are no such values
 * (the first part's words do not end in 分别为, or fewer than two subjects stand before it),
 * null when they measure a noun other than the total's or more values than subjects (no parts
 * of this total), else the values and how they answer to the total.
 */
export function secondMeasure(
  lineText: string,
  from: number,
  start: number,
  parts: readonly Part[],
  total: Quantity,
  quantities: readonly Quantity[],
  unitFits: (unit: string) => boolean,
): SecondMeasure | null | undefined {
  if (parts.length === 0) return undefined;
  const first = parts[0].q;
  const before = lineText.slice(start, first.numberStart - from);
  const link = RESPECTIVELY.exec(before);
  if (!link) return undefined;
  const counts = quantitiesIn(quantities, from + start, from + start + link.index).filter((q) => !unitFits(q.unit));
  const subjects = counts.length;
  if (subjects < 2) return undefined;
  let nounFrom = link.index;
  while (nounFrom > 0 && !NOUN_START.test(before[nounFrom - 1])) nounFrom--;
  const noun = before.slice(nounFrom, link.index).trim();
  if (parts.length > subjects || (noun !== '' && !totalClause(lineText, from, total).includes(noun))) return null;
  const values: Part[] = [];
  for (const p of parts) values.push({ q: p.q, label: noun, sep: p.sep });
  return { parts: values, mode: parts.length === subjects && countsExhaust(lineText, from, start, counts, quantities) ? 'sum' : 'atMost' };
}

/**
 * Whether the subjects' own counts (`40件、31件、25件`) add up to a count stated in their unit
 * earlier in the same sentence (`办结违规案件96件`): then the subjects are every kind and one
 * value each exhausts the total. Counts that fall short (63件、21件 of 152件) are only some of
 * the cases, so their values are only part of the total.
 */
function countsExhaust(lineText: string, from: number, start: number, counts: readonly Quantity[], quantities: readonly Quantity[]): boolean {
  const unit = counts[0].unit;
  if (counts.some((q) => q.unit !== unit || q.bound !== 'exact')) return false;
  const sum = counts.reduce((n, q) => n + q.value, 0);
  for (const q of quantitiesIn(quantities, from + sentenceStart(lineText, start), from + start)) {
    if (q.unit === unit && q.bound === 'exact' && Math.abs(q.value - sum) < 1e-9) return true;
  }
  return false;
}
