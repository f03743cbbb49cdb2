/**
 * code-server (VS Code as a web app, from the cache scripts/setup-e2e.sh fills) on
 * loopback, with no auth, no trust prompt, and a user-data, extensions and config folder
 * of its own per run; and the headless Chromium (Debian's) that opens its workbench.
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { ROOT } from '../../support/paths';
import { alive, run, start, stop } from './processes';
import { RESULTS_DIR } from './report';

export const CACHE = process.env.PARTY_REPORT_E2E_CACHE ?? join(ROOT, '.cache', 'e2e');
const NODE_BIN = join(CACHE, 'node24', 'node_modules', '.bin');
const CODE_SERVER = join(CACHE, 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.PARTY_REPORT_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** The user settings every e2e workbench starts with: quiet, offline, never saving by itself. */
export const BASE_SETTINGS: Record<string, unknown> = {
  'files.autoSave': 'off',
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'editor.minimap.enabled': false,
};

function env(base: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${NODE_BIN}:${process.env.PATH ?? ''}`,
    // Keep code-server's own files (config, data, logs) inside this run's folder.
    XDG_CONFIG_HOME: join(base, 'xdg-config'),
    XDG_DATA_HOME: join(base, 'xdg-data'),
    XDG_CACHE_HOME: join(base, 'xdg-cache'),
  };
}

export interface CodeServer {
  /** The workbench URL opening `workspace`. */
  url: string;
  workspace: string;
  /** This run's folder: user data, extensions, logs. */
  base: string;
  child: ChildProcess;
  output(): string;
}

export interface CodeServerOptions {
  /** A name for this run's folder and saved logs. */
  name: string;
  workspace: string;
  settings?: Record<string, unknown>;
  /** VSIX files to install with `--install-extension`. */
  vsix?: string[];
}

/** Installs the extensions and starts code-server on 127.0.0.1 (a free port it picks). */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!existsSync(CODE_SERVER)) throw new Error(`code-server is not in ${CACHE}: run scripts/setup-e2e.sh`);
  const base = mkdtempSync(join(tmpdir(), `party-report-e2e-${options.name}-`));
  const userData = join(base, 'user-data');
  const extensions = join(base, 'extensions');
  const config = join(base, 'config.yaml');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2));
  writeFileSync(config, 'auth: none\ncert: false\n');
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
  for (const vsix of options.vsix ?? []) {
    await run(CODE_SERVER, [...common, '--install-extension', vsix, '--force'], { env: env(base), timeoutMs: 120_000 });
  }
  const child = start(
    CODE_SERVER,
    [
      ...common,
      '--auth', 'none',
      '--bind-addr', '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      options.workspace,
    ],
    { env: env(base), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not listen within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: string): void => {
      output += chunk;
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${output}`));
    });
  });
  try {
    const origin = await listening;
    return { url: `${origin}/?folder=${encodeURIComponent(options.workspace)}`, workspace: options.workspace, base, child, output: () => output };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

/**
 * Stops code-server (by its process group), keeps its output and logs under
 * test-results/e2e/<name>-logs/, and removes its folder.
 */
export async function stopCodeServer(server: CodeServer, name: string): Promise<void> {
  if (alive(server.child) || server.child.pid) await stop(server.child);
  const logs = join(RESULTS_DIR, `${name}-logs`);
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });
  writeFileSync(join(logs, 'code-server.log'), server.output());
  const userLogs = join(server.base, 'user-data', 'logs');
  if (existsSync(userLogs)) cpSync(userLogs, join(logs, 'workbench'), { recursive: true });
  rmSync(server.base, { recursive: true, force: true });
}

/** A headless Chromium that the harness started, and its pid. */
export interface Chromium {
  browser: Browser;
  pid: number | undefined;
  close(): Promise<void>;
}

/**
 * Headless Debian Chromium with the flags this closed network needs. Launched as a
 * browser server so that its pid is known: closing it ends the browser, and if that
 * does not happen within 10 s its process group is killed by that pid.
 */
export async function launchChromium(): Promise<Chromium> {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-US',
    ],
  });
  const pid = server.process().pid;
  const kill = (): void => {
    if (pid === undefined) return;
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  };
  process.once('exit', kill);
  const browser = await chromium.connect(server.wsEndpoint()).catch(async (error: unknown) => {
    kill();
    throw error;
  });
  return {
    browser,
    pid,
    async close() {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise((resolve) => {
        timer = setTimeout(resolve, 10_000);
      });
      await Promise.race([browser.close().then(() => server.close()), late]).catch(() => undefined);
      clearTimeout(timer);
      kill();
      process.removeListener('exit', kill);
    },
  };
}

/** Opens the workbench and waits for it to be ready (the explorer lists the workspace). */
export async function openWorkbench(browser: Browser, server: CodeServer): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  return page;
}

/**
 * Types `text` into the quick input (F1) and accepts the first row that shows `match`:
 * `>Title` runs a command from the palette, a bare file name goes to that file. Returns the
 * input box, so a caller can wait for it to close. Waits up to `timeoutMs` for each step.
 */
export async function quickOpen(page: Page, text: string, match: string, timeoutMs: number): Promise<Locator> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(text);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: match }).first().waitFor({ timeout: timeoutMs });
  await page.keyboard.press('Enter');
  return input;
}
