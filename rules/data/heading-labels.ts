/**
 * The words that end a topic label before a colon (`工程建设方面：`, `学习情况：`), parsed
 * once from rules/data/heading-labels.yaml (bundled by esbuild). Read by heading-punctuation's
 * run-in colons (rules/structure/heading-run-in-colons.ts), which leave such a label's colon
 * alone. The loader checks the data and throws on a mistake, naming the file and group.
 */
import { type DataSource, dataOf, wordAlternation, wordList } from './yaml-data';
import headingLabelsText from './heading-labels.yaml';

const FILE = 'rules/data/heading-labels.yaml';

/**
 * Parses and checks the label words.
 *
 * @param source the YAML text (or data) of rules/data/heading-labels.yaml
 * @returns a regex that tests whether a text ends with one of the words
 * @throws Error naming the file and group when `label_ends` is no list, a group lacks its
 *   source, or its items are not a non-empty list of words
 */
export function loadTopicLabelEnd(source: DataSource): RegExp {
  const raw = dataOf(source) as { label_ends?: unknown };
  if (!Array.isArray(raw?.label_ends) || raw.label_ends.length === 0) throw new Error(`${FILE}: "label_ends" must be a non-empty list`);
  const words = raw.label_ends.flatMap((g: { source?: unknown; items?: unknown }, i: number) => {
    if (typeof g?.source !== 'string' || g.source.trim() === '') throw new Error(`${FILE}: label_ends[${i}] needs a source`);
    return wordList(g.items, FILE, `label_ends[${i}].items`);
  });
  return new RegExp(`(?:${wordAlternation(words)})$`, 'u');
}

/** Whether a text ends with a topic label's last word (rules/data/heading-labels.yaml). */
export const topicLabelEnd: RegExp = loadTopicLabelEnd(headingLabelsText);
