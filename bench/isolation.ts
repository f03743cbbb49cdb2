/**
 * What the analysis threads spare a writer (issue #15), over stdio against the built server
 * (`node dist/server.js --stdio`, through the protocol tests' client), with a document that
 * takes seconds to check (test/protocol/slow-analysis.ts `SLOW`) being analysed:
 *
 * - another report: its `didOpen` → the responses to its diagnostic pull and its
 *   `textDocument/documentSymbol`, while the slow one's analysis runs (goal: 200 ms);
 * - a new version: a `didChange` of the slow document to a small report → the response to
 *   its pull, the running analysis of the old version superseded (goal: 2 s, far under the
 *   slow analysis, which it must not wait for).
 *
 * These were wall-clock assertions of test/protocol/analysis-worker.test.ts, which now
 * asserts the order of events only. One server, both threads warm before each sample,
 * `SAMPLES` of each, the slow document closed (its analysis stopped) after each; median
 * and max, ms.
 *
 * Run alone: `node --import tsx --import ./test/support/yaml-hook.mjs bench/isolation.ts`
 * (after `npm run build`); `npm run bench` prints it among the process tables.
 */
import { fileURLToPath } from 'node:url';
import { DocumentSymbolRequest } from 'vscode-languageserver/node';
import { TestClient } from '../test/protocol/harness';
import { pull, REPORT, SLOW, warmUp } from '../test/protocol/slow-analysis';

/** Samples of each round trip. */
const SAMPLES = 5;
/** The goals of issue #15, ms. */
const GOALS = { other: 200, superseded: 2000 };

/** Ms from `didOpen` of another report to its diagnostics and outline, while `slow` is being analysed. */
async function otherWhileSlow(client: TestClient, n: number): Promise<number> {
  const slow = `untitled:bench-slow-${n}.md`;
  const other = `untitled:bench-other-${n}.md`;
  await client.open(slow, SLOW);
  const slowSettled = pull(client, slow).catch(() => undefined);
  const start = performance.now();
  await client.open(other, REPORT);
  await Promise.all([pull(client, other), client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: other } })]);
  const ms = performance.now() - start;
  await Promise.all([client.close(slow), client.close(other)]);
  await slowSettled;
  return ms;
}

/** Ms from a `didChange` of the slow document (being analysed) to a small report → its diagnostics. */
async function newVersion(client: TestClient, n: number): Promise<number> {
  const uri = `untitled:bench-superseded-${n}.md`;
  await client.open(uri, SLOW);
  const superseded = pull(client, uri).catch(() => undefined);
  const start = performance.now();
  await client.change(uri, 2, [{ text: REPORT }]);
  await pull(client, uri);
  const ms = performance.now() - start;
  await superseded;
  await client.close(uri);
  return ms;
}

/** The Markdown section of RESULTS: both round trips, median and max against their goals. */
export async function measureIsolation(): Promise<string[]> {
  const client = await TestClient.start({ pull: true, settings: { analysisTimeout: 60 } });
  const other: number[] = [];
  const superseded: number[] = [];
  try {
    // Stopping the slow analysis stops its thread: both are warm again before each sample.
    for (let n = 0; n < SAMPLES; n++) {
      await warmUp(client, `bench-warm-a${n}`);
      other.push(await otherWhileSlow(client, n));
      await warmUp(client, `bench-warm-b${n}`);
      superseded.push(await newVersion(client, n));
    }
  } finally {
    await client.dispose();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const row = (what: string, xs: number[], goal: number) =>
    `| ${what} | ${xs.length} | ${median(xs).toFixed(0)} | ${Math.max(...xs).toFixed(0)} | < ${goal} ms: ${median(xs) < goal ? 'met' : 'not met'} |`;
  return [
    '',
    'Language server over stdio while a document that takes seconds to check is being analysed (bench/isolation.ts), ms:',
    '',
    '| round trip | samples | median | max | goal (issue #15) |',
    '| --- | ---: | ---: | ---: | --- |',
    row('another report: `didOpen` → its diagnostics and outline', other, GOALS.other),
    row('a new version: `didChange` → its diagnostics, the old analysis superseded', superseded, GOALS.superseded),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${(await measureIsolation()).join('\n')}\n`);
}
