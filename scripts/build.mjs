// Bundles the entry points (and the two browser bundles, scripts/browser-bundles.mjs). unified/remark are ESM-only; the bundles are CommonJS
// (dist/package.json says so) so the VS Code extension host and plain `node` load them.
// Then writes dist/snippets.json, the static VS Code snippets, from the report templates
// (rules/data/templates.yaml) through the same renderer the server's completion uses.
// Before the bundles: dist/partyreportrc.schema.json and the config validator compiled from
// it (scripts/config-schema.mjs).
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { writeConfigSchema } from './config-schema.mjs';
import { writePinyinReadings } from './pinyin-readings.mjs';
import { writeCodeCaches } from './code-cache.mjs';
import { writeSloganIndex } from './slogan-index.mjs';
import { yamlDataPlugin } from './yaml-data.mjs';
import { fromMarkdownOnce } from './from-markdown-once.mjs';
import { browserBundles, browserCommon } from './browser-bundles.mjs';
import { loadBundle } from './load-bundle.mjs';

const PISCINA_WORKER = 'piscina-worker.js';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [yamlDataPlugin, fromMarkdownOnce],
  // Keep Chinese text (rules' messages, the data files) as UTF-8, not \uXXXX escapes: the
  // word lists alone would otherwise add about 1 MB to each bundle.
  charset: 'utf8',
};

/**
 * Points piscina's `resolve(__dirname, 'worker.js')` at dist/piscina-worker.js: bundled,
 * __dirname is dist/, and a file named worker.js there says nothing about whose it is.
 */
const piscinaWorkerName = {
  name: 'piscina-worker-name',
  setup(build) {
    build.onLoad({ filter: /[\\/]piscina[\\/]dist[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source.replace("(__dirname, 'worker.js')", `(__dirname, '${PISCINA_WORKER}')`);
      if (patched === source) throw new Error(`${args.path}: piscina no longer names its worker 'worker.js' this way; update scripts/build.mjs`);
      return { contents: patched, loader: 'js' };
    });
  },
};

/** In dist/cli-main.js, server/docx.ts is `require('./docx.js')`, the bundle beside it. */
const docxApart = {
  name: 'docx-apart',
  setup(build) {
    const docx = resolve('server/docx.ts');
    build.onResolve({ filter: /^\.\.?\/docx$/ }, (args) =>
      resolve(args.resolveDir, `${args.path}.ts`) === docx ? { path: './docx.js', external: true } : undefined,
    );
  },
};

/**
 * In dist/cli-worker.js, server/cli/analyse.ts is dist/cli-main.js (which holds it and
 * exports `analyseFile`) loaded through its code cache (server/bundle-cache.ts): the pool's
 * threads load one bundle, with one cache, instead of a second copy of the rules.
 */
const analyseFromMain = {
  name: 'analyse-from-main',
  setup(build) {
    const analyse = resolve('server/cli/analyse.ts');
    build.onResolve({ filter: /^\.\/cli\/analyse$/ }, (args) =>
      resolve(args.resolveDir, `${args.path}.ts`) === analyse ? { path: 'cli-main', namespace: 'analyse-from-main' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'analyse-from-main' }, () => ({
      contents: `const { requireBundle } = require(${JSON.stringify(resolve('server/bundle-cache.ts'))});\nmodule.exports = requireBundle(require('node:path').join(__dirname, 'cli-main.js'));\n`,
      resolveDir: resolve('server'),
      loader: 'js',
    }));
  },
};

/**
 * Packages the CLI loads only for some runs, each its own bundle beside the CLI's (the key,
 * `dist/<key>.js`) built from the given entry: in dist/cli-main.js and dist/cli-worker.js
 * `require('yaml')` is `require('./yaml.js')`, and so on. Every start of the CLI reads and
 * compiles its bundle whole, lazily required code included, so code a lint of named files
 * does not run stays out of it (issue #14):
 * - pinyin-pro: homophones.ts asks it only about characters outside the generated table
 *   (scripts/pinyin-readings.mjs);
 * - yaml: config files and front matter only (rules/engine/config.ts, rules/model/report.ts);
 * - fast-glob: globs and folders only (server/cli/paths.ts);
 * - piscina: the pool, for several files only (server/cli/pool.ts).
 */
const requireHere = createRequire(import.meta.url);
const CLI_APART = {
  pinyin: 'pinyin-pro',
  yaml: 'yaml',
  'fast-glob': 'fast-glob',
  piscina: 'piscina',
};
const cliApart = {
  name: 'cli-apart',
  setup(build) {
    const byPackage = new Map(Object.entries(CLI_APART).map(([key, pkg]) => [pkg, `./${key}.js`]));
    const filter = new RegExp(`^(${[...byPackage.keys()].map((k) => k.replace(/[.-]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: byPackage.get(args.path), external: true }));
  },
};
/** The bundles of CLI_APART: each package's CommonJS entry (piscina's patched, as below). */
const apartBundles = () =>
  Object.entries(CLI_APART).map(([key, pkg]) =>
    build({ ...common, entryPoints: [requireHere.resolve(pkg)], outfile: `dist/${key}.js`, plugins: key === 'piscina' ? [...common.plugins, piscinaWorkerName] : common.plugins }),
  );

// First the config schema and its validator compiled to standalone code, the table of
// pinyin readings and slogan-canonical's index: the bundles below import them
// (scripts/config-schema.mjs, scripts/pinyin-readings.mjs, scripts/slogan-index.mjs).
// The table and the index first: the schema's script loads the rules, homophones.ts and
// slogan-index.ts among them.
writePinyinReadings();
await writeSloganIndex();
await writeConfigSchema();

await Promise.all([
  build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/main.ts'], outfile: 'dist/server.js', plugins: [...common.plugins, piscinaWorkerName] }),
  // The program is a launcher that answers --version and --help alone; the CLI proper, and
  // the threads of its pool, are their own bundles, loaded only when there is work (#14).
  build({ ...common, entryPoints: ['server/cli-launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // Whitespace and comments left out (names kept: profiles and stack traces still read):
  // every start reads the bundle and holds its text, two bytes a character (its Chinese),
  // so 300 KB fewer bytes are ≈600 KB less memory touched, ≈260 page faults (issue #14).
  build({ ...common, minifyWhitespace: true, entryPoints: ['server/cli.ts'], outfile: 'dist/cli-main.js', plugins: [...common.plugins, docxApart, cliApart] }),
  // The Word reader, which the CLI loads only for a .docx file (server/cli/docx-lazy.ts).
  build({ ...common, entryPoints: ['server/docx.ts'], outfile: 'dist/docx.js' }),
  build({ ...common, entryPoints: ['server/cli-worker.ts'], outfile: 'dist/cli-worker.js', plugins: [...common.plugins, analyseFromMain] }),
  // What the CLI's bundles load only for some runs (CLI_APART, above).
  ...apartBundles(),
  // piscina starts each thread with its own bootstrap, found beside piscina's code as
  // worker.js; bundled, that is beside dist/cli-main.js, under a name of our own.
  // Its optional native module for thread priority is not used (no niceIncrement): left out.
  build({ ...common, entryPoints: ['node_modules/piscina/dist/worker.js'], outfile: `dist/${PISCINA_WORKER}`, external: ['@napi-rs/nice'] }),
  // The server's analysis threads (server/lsp/worker-runner.ts) run on the same piscina
  // bootstrap (dist/piscina-worker.js, above) with this task module.
  build({ ...common, entryPoints: ['server/analysis-worker.ts'], outfile: 'dist/analysis-worker.js' }),
  // `party-report mcp` loads this bundle on demand, so linting never pays for the MCP SDK.
  build({ ...common, entryPoints: ['server/mcp.ts'], outfile: 'dist/mcp.js' }),
  writeSnippets('dist/snippets.json'),
  // The web extension (vscode.dev, github.dev): scripts/browser-bundles.mjs.
  // The YAML data is bundled exactly as in the Node bundles: common's loader and plugins.
  ...Object.entries(browserBundles).map(([outfile, options]) =>
    build({ ...browserCommon, loader: common.loader, plugins: common.plugins, ...options, outfile }),
  ),
]);

// Last, as it runs the CLI's bundle: its V8 code cache (scripts/code-cache.mjs).
writeCodeCaches();

/** Runs rules/authoring/snippets.ts (bundled like the others) and writes its snippets as JSON. */
async function writeSnippets(outfile) {
  const { vscodeSnippets } = await loadBundle('rules/authoring/snippets.ts');
  writeFileSync(outfile, `${JSON.stringify(vscodeSnippets(), null, 2)}\n`);
}
