/**
 * Look-alike characters (形近字), parsed once from rules/data/lookalikes.yaml. Read by
 * `slogan-canonical` (a formulation with one character replaced by its look-alike).
 */
import { type DataSource, dataOf } from './yaml-data';
import lookalikesText from './lookalikes.yaml';

const FILE = 'rules/data/lookalikes.yaml';

/**
 * Parses the look-alike pairs into a set of keys `a + b` (both orders).
 *
 * @throws Error naming the file when a pair is not two different single characters
 */
export function loadLookalikes(source: DataSource): ReadonlySet<string> {
  const raw = dataOf(source) as { pairs?: unknown };
  if (!raw || !Array.isArray(raw.pairs)) throw new Error(`${FILE}: "pairs" must be a list`);
  const keys = new Set<string>();
  raw.pairs.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((c) => typeof c === 'string' && c.length === 1) || pair[0] === pair[1]) {
      throw new Error(`${FILE}: pairs[${i}] must be two different characters`);
    }
    keys.add(pair[0] + pair[1]);
    keys.add(pair[1] + pair[0]);
  });
  return keys;
}

/**
 * Parses `numeral_marks`: for a numeral, the marks typed in its place (一 → —, ー, －, 1…).
 *
 * @throws Error naming the file when a key is not one character or its marks are not a list
 *   of single characters
 */
export function loadNumeralMarks(source: DataSource): ReadonlyMap<string, readonly string[]> {
  const raw = dataOf(source) as { numeral_marks?: unknown };
  const out = new Map<string, readonly string[]>();
  if (raw?.numeral_marks === undefined) return out;
  if (typeof raw.numeral_marks !== 'object' || raw.numeral_marks === null) throw new Error(`${FILE}: "numeral_marks" must be a map`);
  for (const [numeral, marks] of Object.entries(raw.numeral_marks)) {
    if (numeral.length !== 1 || !Array.isArray(marks) || !marks.every((m) => typeof m === 'string' && m.length === 1 && m !== numeral)) {
      throw new Error(`${FILE}: numeral_marks.${numeral} must be a list of single characters`);
    }
    out.set(numeral, marks as string[]);
  }
  return out;
}

/** The look-alike pairs, each as `a + b` in both orders. */
export const lookalikes: ReadonlySet<string> = loadLookalikes(lookalikesText);

/** Marks typed in place of a numeral in a counted formulation (`numeral_marks`): 一 → —, ー, －, 1…. */
export const numeralMarks: ReadonlyMap<string, readonly string[]> = loadNumeralMarks(lookalikesText);
