/**
 * `npm run test:e2e` (after scripts/setup-e2e.sh): the tiers that use real editors.
 *   host    the extension-host suite inside code-server (test/vscode/suite)
 *   ui      Playwright through code-server's UI, with screenshots in test-results/e2e/
 *   neovim  Neovim's built-in LSP client against `node dist/server.js --stdio`
 *   browser the browser server bundle (dist/browser/server.js) in a Worker of a localhost
 *           page in Chromium, over postMessage; then the VSIX in code-server's web worker
 *           extension host (test/e2e/browser.ts)
 * `npm run test:e2e -- host ui` runs only those tiers. Prints each test, then
 * "N passed, N failed" as its last line; exits 1 when any test failed.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/paths';
import { buildSuite } from '../vscode/build-suite';
import { browserTier } from './browser';
import { extensionHostTier } from './host';
import { run } from './lib/processes';
import { RESULTS_DIR, type TierResult } from './lib/report';
import { neovimTier } from './neovim';
import { uiTier } from './ui';

const TIERS = ['host', 'ui', 'neovim', 'browser'] as const;
type Tier = (typeof TIERS)[number];

const asked = process.argv.slice(2).filter((a): a is Tier => (TIERS as readonly string[]).includes(a));
const unknown = process.argv.slice(2).filter((a) => !(TIERS as readonly string[]).includes(a));
if (unknown.length) {
  console.error(`unknown tier(s): ${unknown.join(', ')}; tiers are ${TIERS.join(', ')}`);
  process.exit(2);
}
const tiers = asked.length ? asked : [...TIERS];

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

const started = Date.now();
rmSync(RESULTS_DIR, { recursive: true, force: true });
mkdirSync(RESULTS_DIR, { recursive: true });

console.log('building dist/ and party-report.vsix (npm run package)');
await run('npm', ['run', 'package'], { cwd: ROOT, timeoutMs: 300_000 });
const vsix = join(ROOT, 'party-report.vsix');
const suite = await buildSuite();

let passed = 0;
let failed = 0;
for (const tier of tiers) {
  const tierStart = Date.now();
  console.log(`\n${tier}`);
  let result: TierResult;
  try {
    result =
      tier === 'host' ? await extensionHostTier(vsix, suite)
      : tier === 'ui' ? await uiTier(vsix)
      : tier === 'browser' ? await browserTier(vsix)
      : await neovimTier();
  } catch (error) {
    result = { tests: [], error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  for (const t of result.tests) {
    console.log(`  ${t.ok ? '✔' : '✘'} ${t.title} (${seconds(t.durationMs)})`);
    if (!t.ok && t.error) console.log(t.error.replace(/^/gm, '      '));
    if (t.ok) passed++;
    else failed++;
  }
  if (result.error) {
    failed++;
    console.log(`  ✘ ${tier}: ${result.error.replace(/\n/g, '\n      ')}`);
  }
  console.log(`  ${tier} took ${seconds(Date.now() - tierStart)}`);
}
console.log(`\ne2e took ${seconds(Date.now() - started)}; screenshots and logs in ${RESULTS_DIR}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
