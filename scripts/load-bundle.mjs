// Bundles one entry point in memory (CommonJS, as the shipped bundles are) and runs it,
// returning its exports. The build uses it to render the static snippets; the benchmark
// uses it to measure the code as it ships (esbuild output), not as tsx transpiles it.
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { yamlDataPlugin } from './yaml-data.mjs';
import { fromMarkdownOnce } from './from-markdown-once.mjs';

/**
 * @param {string} entryPoint path of a TypeScript module, relative to the project root
 * @returns {Promise<Record<string, unknown>>} its exports
 */
export async function loadBundle(entryPoint) {
  const { outputFiles } = await build({
    entryPoints: [entryPoint],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
    plugins: [yamlDataPlugin, fromMarkdownOnce],
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}
