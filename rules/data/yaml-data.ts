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
