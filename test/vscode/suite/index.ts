/**
 * Runs the extension-host suite with mocha inside VS Code. Two hosts load it:
 * - `@vscode/test-electron` (npm run test:vscode) calls `run()`, the `extensionTestsPath`
 *   convention: it rejects when a test failed;
 * - the e2e runner extension in code-server (test/e2e/runner-extension) calls
 *   `runSuite()` and writes the result to a file the harness reads.
 */
import { join } from 'node:path';
import Mocha from 'mocha';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

export interface SuiteResult {
  passed: number;
  failed: number;
  tests: TestResult[];
}

export function runSuite(): Promise<SuiteResult> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  mocha.addFile(join(__dirname, 'seeds.test.cjs'));
  const tests: TestResult[] = [];
  return new Promise((resolve, reject) => {
    mocha
      .loadFilesAsync()
      .then(() => {
        const runner = mocha.run(() => {
          resolve({
            passed: tests.filter((t) => t.state === 'passed').length,
            failed: tests.filter((t) => t.state === 'failed').length,
            tests,
          });
        });
        runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
        runner.on('fail', (test, error: Error) =>
          tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: error.stack ?? String(error) }),
        );
      })
      .catch(reject);
  });
}

/** The `extensionTestsPath` entry point of @vscode/test-electron. */
export async function run(): Promise<void> {
  const result = await runSuite();
  console.log(`\n${result.passed} passed, ${result.failed} failed`);
  if (result.failed > 0 || result.passed === 0) throw new Error(`${result.failed} of ${result.tests.length} tests failed`);
}
