/**
 * Tier 4: the browser language server (issue #13 item 6). The bundle the web extension
 * starts in vscode.dev (dist/browser/server.js) runs in a Worker of a localhost page in
 * headless Chromium; the page (test/e2e/browser-page.ts) speaks LSP to it over
 * postMessage: initialize, didOpen a seed, a diagnostic pull, partyReport/documentStatus.
 * Its diagnostics must be the CLI's findings on the same seed (rule ids, messages,
 * positions); the page must have loaded nothing but the page, its script and the server.
 *
 * Then the web extension in a real workbench: code-server with the packaged VSIX, told to
 * run party-report in its web worker extension host (`remote.extensionKind: web`, as
 * vscode.dev runs every extension), opens a seed: its Problems panel must hold the CLI's
 * findings, the running-extensions view must say “web worker”, and no Node server runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Locator, Page } from 'playwright-core';
import { readSeeds, ROOT } from '../support/paths';
import type { LspExchange } from './browser-page';
import { type Chromium, type CodeServer, launchChromium, openWorkbench, quickOpen, startCodeServer, stopCodeServer } from './lib/code-server';
import { StepError, steps, type TierResult } from './lib/report';

interface CliMessage {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** How long the page may take for the whole exchange (the worker parses a 2.6 MB bundle first). */
const WAIT_MS = 60_000;

const PAGE = '<!doctype html><meta charset="utf-8"><title>party-report browser server</title><script src="/page.js"></script>';

/** Serves the page, its script and the browser server bundle on 127.0.0.1; logs each request. */
async function serve(pageScript: string, requests: string[]): Promise<{ server: Server; origin: string }> {
  const files: Record<string, { type: string; body: string | Buffer }> = {
    '/': { type: 'text/html; charset=utf-8', body: PAGE },
    '/page.js': { type: 'text/javascript; charset=utf-8', body: pageScript },
    '/server.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(join(ROOT, 'dist', 'browser', 'server.js')) },
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push(path);
    const file = files[path];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A config that turns off the rule with the most findings among `messages` (JSON text). */
function configTurningOff(messages: CliMessage[]): string {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
  const [rule] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['placeholder'];
  return `${JSON.stringify({ rules: { [rule]: 'off' } }, null, 2)}\n`;
}

/** The extension's id in code-server (publisher.name of package.json). */
const EXTENSION_ID = 'party-report.party-report';
const UI_WAIT_MS = 60_000;

/**
 * The row of a virtualised workbench list holding `text`, scrolled into view. The list
 * renders only the rows in its viewport, and Running Extensions sorts by activation time,
 * so on a slower or faster machine our row may start below the fold: wheel down the list
 * until it is rendered (at most 40 steps), instead of waiting for it to appear.
 * Throws when the list never shows or ends without the row.
 */
async function scrollToRow(page: Page, container: string, text: string): Promise<Locator> {
  const list = page.locator(`${container} .monaco-list`).first();
  await list.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  const row = list.locator('.monaco-list-row', { hasText: text }).first();
  const box = await list.boundingBox();
  for (let i = 0; i < 40; i++) {
    if (await row.isVisible()) return row;
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 200);
    await row.waitFor({ state: 'visible', timeout: 500 }).catch(() => undefined);
  }
  const shown = await list.locator('.monaco-list-row').allInnerTexts();
  throw new Error(`no row with ${text} in ${container}; rendered rows:\n${shown.join('\n')}`);
}

export async function browserTier(vsix: string): Promise<TierResult> {
  const { step, outcomes, setPage } = steps('browser');
  const seed = readSeeds()[0];
  let chromium: Chromium | undefined;
  let http: Server | undefined;
  try {
    if (!seed) throw new StepError('read a seed', '../shared/seeds is absent');
    const bundled = await step('bundle the page script for the browser (vscode-jsonrpc/browser)', () =>
      build({ entryPoints: [join(ROOT, 'test', 'e2e', 'browser-page.ts')], bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent' }),
    );
    const requests: string[] = [];
    const served = await serve(bundled.outputFiles[0].text, requests);
    http = served.server;
    const browser = await step('launch Chromium', () => launchChromium());
    chromium = browser;
    const context = await browser.browser.newContext();
    const page = await context.newPage();
    setPage(page);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await step('open the localhost page', () => page.goto(`${served.origin}/`, { waitUntil: 'load' }));

    const cli = spawnSync('node', [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', seed.file], { encoding: 'utf8', timeout: 60_000 });
    const expected = (JSON.parse(cli.stdout) as { messages: CliMessage[]; errorRate: unknown }[])[0];

    /** One exchange with the worker server (`files`: config or ignore files beside the report). */
    const talk = async (files: { name: string; text: string }[]): Promise<LspExchange> => {
      const exchange = page.evaluate(
        ([text, sent]) => (globalThis as unknown as { partyReportLsp(t: string, l: string, f: unknown): Promise<unknown> }).partyReportLsp(text, 'zh-CN', sent),
        [seed.text, files] as const,
      );
      // A worker that fails to start never answers: say so (with the page's errors) rather than hang.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${WAIT_MS} ms; page errors:\n${pageErrors.join('\n')}`)), WAIT_MS);
      });
      const result = (await Promise.race([exchange, late]).finally(() => clearTimeout(timer))) as LspExchange;
      if (!result.capabilities.diagnosticProvider) throw new Error(`no diagnosticProvider in ${JSON.stringify(result.capabilities)}`);
      if (pageErrors.length) throw new Error(`page errors:\n${pageErrors.join('\n')}`);
      return result;
    };
    /** The worker's diagnostics are exactly the CLI's messages (rule, range, message). */
    const sameAsCli = (exchange: LspExchange, messages: CliMessage[]): void => {
      const got = exchange.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`);
      const want = messages.map((m) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`);
      if (want.length === 0) throw new Error('the CLI found nothing on the seed: the comparison would prove nothing');
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`worker:\n${got.join('\n')}\nCLI:\n${want.join('\n')}`);
    };

    const exchange = await step(`the worker server answers initialize, didOpen of seed ${seed.id} and a diagnostic pull`, () => talk([]));

    await step(`its diagnostics are the CLI's ${expected.messages.length} findings on seed ${seed.id} (rule, message, range)`, async () => {
      sameAsCli(exchange, expected.messages);
    });

    await step('with a .partyreportrc.json beside the report, sent as the browser client sends it, the diagnostics are the CLI’s with that file', async () => {
      const config = configTurningOff(expected.messages);
      const dir = mkdtempSync(join(tmpdir(), 'party-report-e2e-config-'));
      try {
        writeFileSync(join(dir, '.partyreportrc.json'), config);
        copyFileSync(seed.file, join(dir, 'report.md'));
        const configured = spawnSync('node', [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', join(dir, 'report.md')], { encoding: 'utf8', timeout: 60_000 });
        const messages = (JSON.parse(configured.stdout) as { messages: CliMessage[] }[])[0].messages;
        if (messages.length >= expected.messages.length) throw new Error(`the config ${config} changed nothing in the CLI's findings: the comparison would prove nothing`);
        sameAsCli(await talk([{ name: '.partyreportrc.json', text: config }]), messages);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    await step('partyReport/documentStatus answers from the worker too (kind, sections, the CLI’s error rate)', async () => {
      const status = exchange.status as { kind: { id: string }; errorRate: unknown; sections: unknown[] } | null;
      if (!status || !status.kind.id || status.sections.length === 0) throw new Error(JSON.stringify(status));
      if (JSON.stringify(status.errorRate) !== JSON.stringify(expected.errorRate)) {
        throw new Error(`error rate ${JSON.stringify(status.errorRate)}, CLI ${JSON.stringify(expected.errorRate)}`);
      }
    });

    await step('the page fetched nothing but the page, its script and the server (the rules’ data is in the bundle)', async () => {
      const unexpected = requests.filter((r) => !['/', '/page.js', '/server.js', '/favicon.ico'].includes(r));
      if (unexpected.length) throw new Error(`also fetched: ${unexpected.join(', ')}`);
      if (!requests.includes('/server.js')) throw new Error('the worker never loaded /server.js');
    });
    await webExtensionSteps(step, setPage, browser, vsix, seed);
    return { tests: outcomes };
  } catch (error) {
    return { tests: outcomes, error: error instanceof StepError ? undefined : String(error) };
  } finally {
    await chromium?.close();
    http?.close();
  }
}

/** The packaged extension in code-server's web worker extension host. */
async function webExtensionSteps(
  step: ReturnType<typeof steps>['step'],
  setPage: ReturnType<typeof steps>['setPage'],
  chromium: Chromium,
  vsix: string,
  seed: { id: string; file: string },
): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'party-report-e2e-web-'));
  const workspace = join(work, 'workspace');
  mkdirSync(workspace);
  const name = `${seed.id}.md`;
  copyFileSync(seed.file, join(workspace, name));
  // The browser server reads no disk: the findings below match the CLI's only if the
  // client sent it this config (client/workspace-files.ts).
  const unconfigured = spawnSync('node', [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', '--locale', 'en', seed.file], { encoding: 'utf8', timeout: 60_000 });
  writeFileSync(join(workspace, '.partyreportrc.json'), configTurningOff((JSON.parse(unconfigured.stdout) as { messages: CliMessage[] }[])[0].messages));
  let server: CodeServer | undefined;
  try {
    const running = await step('start code-server with the VSIX, party-report in the web worker extension host', () =>
      startCodeServer({ name: 'web', workspace, vsix: [vsix], settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } }),
    );
    server = running;
    const page = await step('open the workbench', () => openWorkbench(chromium.browser, running));
    setPage(page);
    const cli = spawnSync('node', [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', '--locale', 'en', join(workspace, name)], { encoding: 'utf8', timeout: 60_000 });
    const messages = (JSON.parse(cli.stdout) as { messages: CliMessage[] }[])[0].messages;
    await step(`open seed ${seed.id} beside a .partyreportrc.json: the Problems panel holds the CLI's ${messages.length} findings with that config`, async () => {
      await page.getByRole('treeitem', { name }).first().click({ timeout: UI_WAIT_MS });
      await page.locator('.editor-instance .monaco-editor').first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      await page.keyboard.press('Control+Shift+M');
      const wanted = messages.map((m) => [m.message, m.ruleId, `Ln ${m.line}, Col ${m.column}`]);
      await page
        .waitForFunction(
          (want) => {
            const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ innerText: string }> } };
            const rows = Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'), (r) => r.innerText.replace(/\s+/g, ' '));
            return rows.length === want.length + 1 && want.every((parts) => rows.some((row) => parts.every((p) => row.includes(p))));
          },
          wanted,
          { timeout: UI_WAIT_MS },
        )
        .catch(async (error: unknown) => {
          const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
          throw new Error(`the Problems panel shows:\n${rows.join('\n')}\nexpected:\n${wanted.map((w) => w.join(' ')).join('\n')}\n${String(error)}`);
        });
    }, { screenshot: 'browser-01-web-worker-problems' });
    await step('Developer: Show Running Extensions says party-report runs in the web worker; no Node server process of this workspace', async () => {
      await quickOpen(page, '>Developer: Show Running Extensions', 'Show Running Extensions', UI_WAIT_MS);
      const row = await scrollToRow(page, '.runtime-extensions-editor', '党建报告助手');
      const text = await row.innerText();
      if (!/web worker/i.test(text)) throw new Error(`party-report's row: ${text}`);
      // A Node server started by this code-server would run from its extensions folder.
      const processes = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
      const ours = processes.split('\n').filter((line) => line.includes(running.base) && line.includes('dist/server.js'));
      if (ours.length) throw new Error(`a Node language server runs:\n${ours.join('\n')}`);
    }, { screenshot: 'browser-02-running-extensions' });
  } finally {
    setPage(undefined);
    if (server) await stopCodeServer(server, 'web');
    rmSync(work, { recursive: true, force: true });
  }
}
