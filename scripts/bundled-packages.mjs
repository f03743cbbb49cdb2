// Which npm packages the bundles in dist/ contain, read from their source maps.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Lists the npm packages bundled into dist/*.js.
 * @param {string} [dist] the bundles' folder (default `dist`)
 * @returns {{ name: string, dir: string, bundles: string[] }[]} sorted by name; `dir` is the
 *   package's folder (the innermost node_modules/<name> a bundled file came from; nested
 *   copies of one package count once, under the first folder seen)
 * @throws when dist/ or a source map cannot be read
 */
export function bundledPackages(dist = 'dist') {
  const found = new Map();
  for (const map of readdirSync(dist).filter((name) => name.endsWith('.js.map')).sort()) {
    const { sources } = JSON.parse(readFileSync(join(dist, map), 'utf8'));
    for (const source of sources) {
      const at = source.lastIndexOf('node_modules/');
      if (at < 0) continue;
      const segments = source.slice(at + 'node_modules/'.length).split('/');
      const name = segments[0].startsWith('@') ? `${segments[0]}/${segments[1]}` : segments[0];
      const bundle = map.replace(/\.map$/, '');
      const entry = found.get(name) ?? { name, dir: resolve(dist, source.slice(0, at + 'node_modules/'.length) + name), bundles: [] };
      if (!entry.bundles.includes(bundle)) entry.bundles.push(bundle);
      found.set(name, entry);
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
