/**
 * The vocabulary of metric-conflict's noun model for count records (rules/numbers/metric-nouns.ts),
 * parsed once from rules/data/metric-nouns.yaml (bundled as data by esbuild).
 */
import { type DataSource, dataOf, wordList } from './yaml-data';
import metricNounsText from './metric-nouns.yaml';

export interface MetricNounsData {
  /** Words a short form drops from inside a noun (供销 of 基层供销社 → 基层社). */
  fillers: readonly string[];
  /** Place levels redundant before a level word (乡镇 of 乡镇基层供销社). */
  redundantLevels: readonly string[];
  /** Words that name a noun's level themselves (基层). */
  levelWords: readonly string[];
}

const FILE = 'rules/data/metric-nouns.yaml';

/**
 * The noun vocabulary from `source` (parsed data or YAML text).
 * @throws Error naming the file and the field when a list is missing, empty or holds a non-word
 */
export function parseMetricNouns(source: DataSource): MetricNounsData {
  const d = (dataOf(source) ?? {}) as Record<string, unknown>;
  return {
    fillers: wordList(d.fillers, FILE, 'fillers'),
    redundantLevels: wordList(d.redundant_levels, FILE, 'redundant_levels'),
    levelWords: wordList(d.level_words, FILE, 'level_words'),
  };
}

/** The vocabulary of rules/data/metric-nouns.yaml, loaded once. */
export const metricNounsData: MetricNounsData = parseMetricNouns(metricNounsText);
