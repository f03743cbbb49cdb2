/**
 * The characters written only in traditional script (繁体), parsed once from
 * rules/data/traditional-script.yaml (bundled by esbuild). Read by rules/model/script.ts,
 * which tells a line written in 繁体 by them. The loader checks the data and throws on a
 * mistake, naming the file and group.
 */
import { type DataSource, dataOf, wordList } from './yaml-data';
import traditionalText from './traditional-script.yaml';

const FILE = 'rules/data/traditional-script.yaml';

/**
 * Parses and checks the characters.
 *
 * @param source the YAML text (or data) of rules/data/traditional-script.yaml
 * @returns the set of characters (each one UTF-16 code unit)
 * @throws Error naming the file and group when `characters` is no list, a group lacks its
 *   source, or an item is not one character
 */
export function loadTraditionalCharacters(source: DataSource): ReadonlySet<string> {
  const raw = dataOf(source) as { characters?: unknown };
  if (!Array.isArray(raw?.characters) || raw.characters.length === 0) throw new Error(`${FILE}: "characters" must be a non-empty list`);
  const chars = new Set<string>();
  raw.characters.forEach((g: { source?: unknown; items?: unknown }, i: number) => {
    if (typeof g?.source !== 'string' || g.source.trim() === '') throw new Error(`${FILE}: characters[${i}] needs a source`);
    for (const c of wordList(g.items, FILE, `characters[${i}].items`)) {
      if (c.length !== 1) throw new Error(`${FILE}: characters[${i}]: "${c}" is not one character`);
      chars.add(c);
    }
  });
  return chars;
}

/** The characters written only in traditional script (rules/data/traditional-script.yaml). */
export const traditionalCharacters: ReadonlySet<string> = loadTraditionalCharacters(traditionalText);
