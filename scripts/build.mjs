// Bundles the three entry points. unified/remark are ESM-only; the bundles are CommonJS
// (dist/package.json says so) so the VS Code extension host and plain `node` load them.
// Then writes dist/snippets.json, the static VS Code snippets, from the report templates
// (rules/data/templates.yaml) through the same renderer the server's completion uses.
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { yamlDataPlugin } from './yaml-data.mjs';
import { loadBundle } from './load-bundle.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [yamlDataPlugin],
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
]);

/** Runs rules/authoring/snippets.ts (bundled like the others) and writes its snippets as JSON. */
async function writeSnippets(outfile) {
  const { vscodeSnippets } = await loadBundle('rules/authoring/snippets.ts');
  writeFileSync(outfile, `${JSON.stringify(vscodeSnippets(), null, 2)}\n`);
}
