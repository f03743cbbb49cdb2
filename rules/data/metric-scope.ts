/**
 * The vocabulary of metric-conflict's scope model (rules/numbers/metric-scope.ts), parsed
 * once from rules/data/metric-scope.yaml (bundled as text by esbuild).
 */
import { type DataSource, dataOf, wordList } from './yaml-data';
import metricScopeText from './metric-scope.yaml';

export interface MetricScopeData {
  /** Place characters a title's unit name may open with (县 of 县疾控中心). */
  jurisdictions: readonly string[];
  /** Noun heads of the network a unit runs across its jurisdiction (门诊, 线路, 站). */
  ownNetwork: readonly string[];
  /** Words that make a place-scoped count a sample (调研, 选取, 试点). */
  sampling: readonly string[];
  /** A unit's kind as its report names it (学校) → the title words naming such a unit (中学, 小学). */
  unitKinds: ReadonlyMap<string, readonly string[]>;
}

const FILE = 'rules/data/metric-scope.yaml';

/**
 * The scope vocabulary from `source` (parsed data or YAML text).
 * @throws Error naming the file and the field when a list is missing, empty or holds a non-word
 *   (a broken data file fails at load, not as a silently narrower scope model)
 */
export function parseMetricScope(source: DataSource): MetricScopeData {
  const d = (dataOf(source) ?? {}) as Record<string, unknown>;
  return {
    jurisdictions: wordList(d.jurisdictions, FILE, 'jurisdictions'),
    ownNetwork: wordList(d.own_network, FILE, 'own_network'),
    sampling: wordList(d.sampling, FILE, 'sampling'),
    unitKinds: kindMap(d.unit_kinds),
  };
}

/**
 * The `unit_kinds` map, checked.
 * @throws Error naming the file and the field when it is no map of kinds to word lists
 */
function kindMap(value: unknown): Map<string, readonly string[]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) {
    throw new Error(`${FILE}: unit_kinds must be a map of kinds to lists of words`);
  }
  return new Map(Object.entries(value as Record<string, unknown>).map(([kind, words]) => [kind, wordList(words, FILE, `unit_kinds.${kind}`)]));
}

/** The vocabulary of rules/data/metric-scope.yaml, loaded once. */
export const metricScopeData: MetricScopeData = parseMetricScope(metricScopeText);
