// Writes the V8 code cache of dist/cli-main.js, `dist/cli-main.js.cache`, which the CLI's
// launcher and its pool's threads load the bundle with (server/bundle-cache.ts; issue #14,
// start-up). The cache is made in a child process of the same Node, with no flags (V8
// takes a cache only under the flags it was made with), AFTER a lint of the examples in
// every output format: V8 then also caches the functions a lint compiles lazily, which a
// cache made right after compiling would leave to be compiled at every start.
//
// The bundle gets a last line naming its SHA-1 (`// party-report build <hex>`); the cache
// file is those 40 characters, then V8's data. The loader takes the cache only for the
// bundle ending with its id, and V8 refuses it under another version or other flags; either
// way the bundle then loads as without one (server/bundle-cache.ts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The bundles given a cache (dist/cli-worker.js loads dist/cli-main.js: one cache serves both). */
export const CACHED_BUNDLES = ['dist/cli-main.js'];

/** Makes the cache of every bundle of CACHED_BUNDLES, each in a child process. */
export function writeCodeCaches() {
  for (const bundle of CACHED_BUNDLES) {
    const file = resolve(bundle);
    rmSync(`${file}.cache`, { force: true });
    const bytes = readFileSync(file);
    appendFileSync(file, `\n// party-report build ${createHash('sha1').update(bytes).digest('hex')}\n`);
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), file], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (child.status !== 0) throw new Error(`scripts/code-cache.mjs: making the code cache of ${bundle} failed (status ${child.status})`);
  }
}

/** In the child: compile the bundle as server/bundle-cache.ts does, lint, write the cache. */
async function makeCache(file) {
  const bytes = readFileSync(file);
  // The same wrapping and options as `compile` in server/bundle-cache.ts (test/cli/code-cache.test.ts
  // checks that the launcher takes the cache written here).
  const source = bytes.toString('utf8');
  // Compiled by vm.Script, the bundle has no loader for `import()` (Node 20 has one only as
  // an experimental feature): what it loads lazily it must `require` (server/cli/docx-lazy.ts).
  const script = new vm.Script(Module.wrap(source), { filename: file });
  const mod = new Module(file);
  mod.filename = file;
  const require = Module.createRequire(file);
  script.runInThisContext().call(mod.exports, mod.exports, require, mod, file, resolve(file, '..'));
  const examples = resolve(fileURLToPath(import.meta.url), '..', '..', 'examples');
  const paths = readdirSync(examples).filter((name) => name.endsWith('.md')).map((name) => join(examples, name));
  const sink = { write: () => true };
  for (const format of ['stylish', 'json', 'sarif']) {
    // `main` answers a number, or a promise of one when the run is asynchronous: awaited
    // either way, so the cache is written after the lint has compiled what it uses.
    await mod.exports.main(['lint', '--format', format, ...paths], { stdout: sink, stderr: sink, env: {}, cwd: examples });
  }
  const id = /\n\/\/ party-report build ([0-9a-f]{40})\n$/.exec(source)?.[1];
  if (!id) throw new Error(`${file} does not end with its build line`);
  writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(id, 'latin1'), script.createCachedData()]));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv[2]) {
  makeCache(process.argv[2]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
