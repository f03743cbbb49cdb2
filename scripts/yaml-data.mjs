// rules/data/*.yaml become their data at build time: the bundles (scripts/build.mjs,
// scripts/load-bundle.mjs) and mocha (test/support/yaml-hook.mjs) import a data file as
// a module whose default export is the parsed value, so nothing parses YAML when the CLI
// or the server starts (issue #14: parsing the data files was ≈140 ms of every start).
// The value is emitted as JSON.parse of a string literal, which V8 reads faster than the
// same value written as a JavaScript object literal.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/**
 * The JavaScript module text for one YAML data file.
 *
 * @param {string} text the YAML text
 * @param {string} path the file's path, for the error message
 * @param {'esm' | 'cjs'} format ESM (esbuild plugin, ESM load hook) or CommonJS (require hook)
 * @returns {string} a module whose default export is the file's data
 * @throws Error naming the file when the YAML does not parse, or holds a value JSON cannot
 *   carry (the data must read the same at run time as it did here)
 */
export function yamlModule(text, path, format) {
  let data;
  try {
    data = parse(text, { uniqueKeys: true });
  } catch (error) {
    throw new Error(`${path}: ${error.message}`);
  }
  if (/[\\/]common-words\.ya?ml$/.test(path)) data = groupCommonWords(data);
  const json = JSON.stringify(data);
  // Infinity, NaN, undefined or a Date would not survive JSON: refuse rather than change them.
  if (!sameAsJson(data)) throw new Error(`${path}: holds a value JSON cannot carry (.inf, .nan, a date)`);
  const value = `JSON.parse(${JSON.stringify(json)})`;
  return format === 'esm' ? `export default ${value};\n` : `module.exports = { __esModule: true, default: ${value} };\n`;
}

/**
 * rules/data/common-words.yaml as built: its `words` list (whitespace-separated) regrouped
 * one line per first code unit, the lines in the order their first words come, the words
 * of a line in the list's order. The same words; the loader then indexes them by splitting
 * the lines (rules/data/reduplication.ts, WordIndex) instead of reading all 200,000
 * characters one by one at the first doubled character of a CLI run (issue #14).
 */
function groupCommonWords(data) {
  if (!data || typeof data.words !== 'string') return data;
  const groups = new Map();
  for (const word of data.words.split(/\s+/)) {
    if (word === '') continue;
    const first = word.charCodeAt(0);
    const group = groups.get(first);
    if (group) group.push(word);
    else groups.set(first, [word]);
  }
  return { ...data, words: [...groups.values()].map((g) => g.join(' ')).join('\n') };
}

function sameAsJson(value) {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(sameAsJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(sameAsJson);
  return false;
}

/** The esbuild plugin: `import data from './x.yaml'` gives the parsed data. */
export const yamlDataPlugin = {
  name: 'yaml-data',
  setup(build) {
    build.onLoad({ filter: /\.ya?ml$/ }, async (args) => ({
      contents: yamlModule(await readFile(args.path, 'utf8'), args.path, 'esm'),
      loader: 'js',
    }));
  },
};
