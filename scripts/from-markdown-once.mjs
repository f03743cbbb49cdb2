// An esbuild plugin every bundle is built with (scripts/build.mjs, scripts/load-bundle.mjs).
import { readFile } from 'node:fs/promises';

/**
 * mdast-util-from-markdown builds its compiler (a config of about a hundred handlers and the
 * closures over it) at every parse, and a run of many files makes that function hot: V8's
 * optimising compiler then spends about 0.9 s per thread compiling it (issue #14: a tenth of
 * a 1,000-file run on one core, twice that in the pool). Patched here: the compiler is made
 * once per list of extensions (remark-parse passes the processor's own list, the same array
 * at every parse) and its per-document state, `data`, is made new at each compile, as it was
 * when the compiler was. The parse is otherwise the library's.
 *
 * micromark's `parse` likewise merges its constructs with the extensions' at every parse
 * (combineExtensions: 5% of a report's parse, issue #14). The merged table is only read
 * (`parser.constructs[field]`), so it is made once per list of extensions too; the parser's
 * per-document state (`defined`, `lazy`) is still made new at every parse.
 */
export const fromMarkdownOnce = {
  name: 'from-markdown-once',
  setup(build) {
    build.onLoad({ filter: /[\\/]micromark[\\/]lib[\\/]parse\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const from = 'combineExtensions([defaultConstructs, ...(settings.extensions || [])]);';
      if (source.split(from).length !== 2) throw new Error(`${args.path}: no longer holds ${JSON.stringify(from)} once; update scripts/from-markdown-once.mjs`);
      const patched =
        source.replace(from, 'constructsOnce(settings.extensions);') +
        `
/** The constructs merged with each list of extensions, made once (scripts/from-markdown-once.mjs). */
const constructsOf = new WeakMap();
function constructsOnce(extensions) {
  if (!extensions) return combineExtensions([defaultConstructs]);
  let constructs = constructsOf.get(extensions);
  if (!constructs) {
    constructs = combineExtensions([defaultConstructs, ...extensions]);
    constructsOf.set(extensions, constructs);
  }
  return constructs;
}
`;
      return { contents: patched, loader: 'js' };
    });
    build.onLoad({ filter: /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const edits = [
        ['return compiler(options)(postprocess(', 'return compilerOnce(options)(postprocess('],
        ['  const data = {};\n  return compile;', '  let data = {};\n  return compile;'],
        ['  function compile(events) {\n', '  function compile(events) {\n    data = {};\n'],
      ];
      let patched = source;
      for (const [from, to] of edits) {
        if (patched.split(from).length !== 2) throw new Error(`${args.path}: no longer holds ${JSON.stringify(from)} once; update scripts/from-markdown-once.mjs`);
        patched = patched.replace(from, to);
      }
      patched += `
/** The compiler of each list of mdast extensions, made once (scripts/from-markdown-once.mjs). */
const compilers = new WeakMap();
function compilerOnce(options) {
  const extensions = options && options.mdastExtensions;
  if (!extensions) return compiler(options);
  let compile = compilers.get(extensions);
  if (!compile) {
    compile = compiler(options);
    compilers.set(extensions, compile);
  }
  return compile;
}
`;
      return { contents: patched, loader: 'js' };
    });
  },
};
