/**
 * What the data loaders read. A `rules/data/*.yaml` import is the file's data, parsed when
 * the bundle is built (scripts/yaml-data.mjs; test/support/yaml-hook.mjs under mocha), so
 * no YAML is parsed when the CLI or the server starts. Loaders also take YAML text, which
 * tests use to feed them data of their own; only then is the `yaml` package's parser run.
 */

/** A data file's parsed value (an import of `rules/data/*.yaml`), or YAML text. */
export type DataSource = string | { readonly [key: string]: unknown };

/**
 * @param source the parsed data of a data file, or YAML text
 * @returns the data (YAML text parsed; anything else as given, not copied)
 * @throws YAMLParseError when text does not parse
 */
export function dataOf(source: DataSource): unknown {
  // The parser is required only for text (tests): the CLI and the server never load it for data.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return typeof source === 'string' ? (require('yaml') as typeof import('yaml')).parse(source) : source;
}

/**
 * A data file's list of words, checked.
 * @param value the field's parsed value
 * @param file the data file, for the message (`rules/data/part-claims.yaml`)
 * @param where the field's name in it (`attributes.学历`)
 * @returns the words, as given
 * @throws Error naming the file and the field when `value` is not a non-empty list of non-empty strings
 */
export function wordList(value: unknown, file: string, where: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((w) => typeof w === 'string' && w.length > 0)) {
    throw new Error(`${file}: ${where} must be a non-empty list of words`);
  }
  return value as string[];
}

/** `s` with the characters a RegExp gives meaning to escaped. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The source of a regex alternation of `words` (escaped), longest first so that a word wins
 * over its own prefix (`中共党员` over `党员`, `个月` over `个`). No group is added around it.
 */
export function wordAlternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}
