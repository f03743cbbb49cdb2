// Bundles the entry points (and the two browser bundles, scripts/browser-bundles.mjs). unified/remark are ESM-only; the bundles are CommonJS
// (dist/package.json says so) so the VS Code extension host and plain `node` load them.
// Then writes dist/snippets.json, the static VS Code snippets, from the report templates
// (rules/data/templates.yaml) through the same renderer the server's completion uses.
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { browserBundles, browserCommon } from './browser-bundles.mjs';
import { loadBundle } from './load-bundle.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.yaml': 'text' },
  // Keep Chinese text (rules' messages, the data files) as UTF-8, not \uXXXX escapes: the
  // word lists alone would otherwise add about 1 MB to each bundle.
  charset: 'utf8',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // `party-report mcp` loads this bundle on demand, so linting never pays for the MCP SDK.
  build({ ...common, entryPoints: ['server/mcp.ts'], outfile: 'dist/mcp.js' }),
  writeSnippets('dist/snippets.json'),
  // The web extension (vscode.dev, github.dev): scripts/browser-bundles.mjs.
  // The YAML data is bundled exactly as in the Node bundles: common's loader and plugins.
  ...Object.entries(browserBundles).map(([outfile, options]) =>
    build({ ...browserCommon, loader: common.loader, plugins: common.plugins, ...options, outfile }),
  ),
]);

/** Runs rules/authoring/snippets.ts (bundled like the others) and writes its snippets as JSON. */
async function writeSnippets(outfile) {
  const { vscodeSnippets } = await loadBundle('rules/authoring/snippets.ts');
  writeFileSync(outfile, `${JSON.stringify(vscodeSnippets(), null, 2)}\n`);
}
