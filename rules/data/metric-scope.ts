/**
 * The vocabulary of metric-conflict's scope model (rules/numbers/metric-scope.ts), parsed
 * once from rules/data/metric-scope.yaml (bundled as text by esbuild).
 */
import { type DataSource, dataOf } from './yaml-data';
import metricScopeText from './metric-scope.yaml';

export interface MetricScopeData {
  /** Place characters a title's unit name may open with (县 of 县疾控中心). */
  jurisdictions: readonly string[];
  /** Noun heads of the network a unit runs across its jurisdiction (门诊, 线路, 站). */
  ownNetwork: readonly string[];
  /** Words that make a place-scoped count a sample (调研, 选取, 试点). */
  sampling: readonly string[];
}

/** Parses the data; a missing list is empty. */
export function parseMetricScope(source: DataSource): MetricScopeData {
  const d = (dataOf(source) ?? {}) as Record<string, unknown>;
  const list = (k: string): string[] => (Array.isArray(d[k]) ? (d[k] as unknown[]).map(String) : []);
  return { jurisdictions: list('jurisdictions'), ownNetwork: list('own_network'), sampling: list('sampling') };
}

export const metricScopeData: MetricScopeData = parseMetricScope(metricScopeText);
