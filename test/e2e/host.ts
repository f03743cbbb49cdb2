/**
 * Tier 1: the extension-host suite (test/vscode/suite) inside code-server. The packaged
 * VSIX is installed with --install-extension and the runner extension
 * (test/e2e/runner-extension) is copied next to it; opening the workbench in headless
 * Chromium starts the extension host, the runner runs the suite on activation and writes
 * its result to a file, which this tier waits for (a deadline, no fixed sleep).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../support/paths';
import type { SuiteResult } from '../vscode/suite/index';
import { type Chromium, type CodeServer, launchChromium, openWorkbench, startCodeServer, stopCodeServer } from './lib/code-server';
import { run } from './lib/processes';
import { StepError, steps, type TierResult } from './lib/report';

const SUITE_DEADLINE_MS = 10 * 60_000;

/** Resolves with the suite's result once its file exists; rejects after `timeoutMs`. */
function waitForResult(file: string, timeoutMs: number, server: CodeServer): Promise<SuiteResult & { error?: string }> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!existsSync(file)) return;
      cleanup();
      resolve(JSON.parse(readFileSync(file, 'utf8')) as SuiteResult);
    };
    const watcher = watch(dirname(file), check);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`the suite wrote no result within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onExit = (): void => {
      cleanup();
      reject(new Error(`code-server exited while the suite ran:\n${server.output().slice(-4000)}`));
    };
    server.child.once('exit', onExit);
    function cleanup(): void {
      watcher.close();
      clearTimeout(timer);
      server.child.removeListener('exit', onExit);
    }
    check();
  });
}

export async function extensionHostTier(vsix: string, suiteEntry: string): Promise<TierResult> {
  const { step, outcomes, setPage } = steps('host');
  const work = mkdtempSync(join(tmpdir(), 'party-report-e2e-host-'));
  const workspace = join(work, 'workspace');
  const resultsFile = join(work, 'out', 'results.json');
  mkdirSync(workspace);
  mkdirSync(dirname(resultsFile));
  let server: CodeServer | undefined;
  let chromium: Chromium | undefined;
  try {
    const runnerVsix = await step('package the runner extension', async () => {
      // VS Code drops an extension folder it did not install itself, so the runner is
      // packaged and installed like ours, with run.json telling it what to run.
      const dir = join(work, 'runner');
      cpSync(join(ROOT, 'test', 'e2e', 'runner-extension'), dir, { recursive: true });
      writeFileSync(join(dir, 'run.json'), JSON.stringify({ suite: suiteEntry, results: resultsFile }));
      const out = join(work, 'e2e-runner.vsix');
      await run(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out], {
        cwd: dir,
        timeoutMs: 120_000,
      });
      return out;
    });
    const running = await step('start code-server with the VSIX and the runner extension', () =>
      startCodeServer({ name: 'host', workspace, vsix: [vsix, runnerVsix] }),
    );
    server = running;
    const browser = await step('launch Chromium', () => launchChromium());
    chromium = browser;
    const page = await step('open the workbench', () => openWorkbench(browser.browser, running));
    setPage(page);
    const result = await step('run the suite in the extension host', () => waitForResult(resultsFile, SUITE_DEADLINE_MS, running), {
      screenshot: 'host-workbench',
    });
    outcomes.push(
      ...result.tests.map((t) => ({ title: `host › ${t.title}`, ok: t.state === 'passed', error: t.error, durationMs: t.durationMs })),
    );
    return { tests: outcomes, error: result.error ?? (result.tests.length ? undefined : 'the suite ran no test') };
  } catch (error) {
    return { tests: outcomes, error: error instanceof StepError ? undefined : String(error) };
  } finally {
    await chromium?.close();
    if (server) await stopCodeServer(server, 'host');
    rmSync(work, { recursive: true, force: true });
  }
}
