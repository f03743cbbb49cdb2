/**
 * Tier 4: the browser language server (issue #13 item 6). The bundle the web extension
 * starts in vscode.dev (dist/browser/server.js) runs in a Worker of a localhost page in
 * headless Chromium; the page (test/e2e/browser-page.ts) speaks LSP to it over
 * postMessage: initialize, didOpen a seed, a diagnostic pull, partyReport/documentStatus.
 * Its diagnostics must be the CLI's findings on the same seed (rule ids, messages,
 * positions); the page must have loaded nothing but the page, its script and the server.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { readSeeds, ROOT } from '../support/paths';
import type { LspExchange } from './browser-page';
import { type Chromium, launchChromium } from './lib/code-server';
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

export async function browserTier(): Promise<TierResult> {
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

    const exchange = await step(`the worker server answers initialize, didOpen of seed ${seed.id} and a diagnostic pull`, async () => {
      const exchange = page.evaluate((text) => (globalThis as unknown as { partyReportLsp(t: string): Promise<unknown> }).partyReportLsp(text), seed.text);
      // A worker that fails to start never answers: say so (with the page's errors) rather than hang.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${WAIT_MS} ms; page errors:\n${pageErrors.join('\n')}`)), WAIT_MS);
      });
      const result = (await Promise.race([exchange, late]).finally(() => clearTimeout(timer))) as LspExchange;
      if (!result.capabilities.diagnosticProvider) throw new Error(`no diagnosticProvider in ${JSON.stringify(result.capabilities)}`);
      if (pageErrors.length) throw new Error(`page errors:\n${pageErrors.join('\n')}`);
      return result;
    });

    await step(`its diagnostics are the CLI's ${expected.messages.length} findings on seed ${seed.id} (rule, message, range)`, async () => {
      const got = exchange.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`);
      const want = expected.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`);
      if (want.length === 0) throw new Error('the CLI found nothing on the seed: the comparison would prove nothing');
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`worker:\n${got.join('\n')}\nCLI:\n${want.join('\n')}`);
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
    return { tests: outcomes };
  } catch (error) {
    return { tests: outcomes, error: error instanceof StepError ? undefined : String(error) };
  } finally {
    await chromium?.close();
    http?.close();
  }
}
