/**
 * `npm run test:vscode`: the extension-host suite in a VS Code that @vscode/test-electron
 * downloads (it needs the internet; on machines without it, `npm run test:e2e` runs the
 * same suite inside code-server). The extension under test is this checkout (dist/ must
 * be built); the workspace is an empty temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from '../support/paths';
import { buildSuite } from './build-suite';

const extensionTestsPath = await buildSuite();
const workspace = mkdtempSync(join(tmpdir(), 'party-report-vscode-'));
try {
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`test:vscode failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
