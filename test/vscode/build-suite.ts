/**
 * Bundles the extension-host suite (test/vscode/suite) to CommonJS for VS Code's
 * extension host: `index.cjs` (the runner) and `seeds.test.cjs` (the tests mocha loads).
 * `vscode` comes from the host; mocha from the project's node_modules.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../support/paths';

/** Where the bundles go (ignored, under .cache/). */
export const SUITE_OUT = join(ROOT, '.cache', 'vscode-suite');

/** Builds the suite; returns the path of its entry point, `index.cjs`. */
export async function buildSuite(): Promise<string> {
  await build({
    entryPoints: [join(ROOT, 'test/vscode/suite/index.ts'), join(ROOT, 'test/vscode/suite/seeds.test.ts')],
    outdir: SUITE_OUT,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode', 'mocha'],
    define: { __PROJECT_ROOT__: JSON.stringify(ROOT) },
  });
  return join(SUITE_OUT, 'index.cjs');
}
