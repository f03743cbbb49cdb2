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

/** The look-alike pairs, each as `a + b` in both orders. */
export const lookalikes: ReadonlySet<string> = loadLookalikes(lookalikesText);
