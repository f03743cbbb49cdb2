/**
 * A slow document and a small report for the worker-thread tests
 * (test/protocol/analysis-worker.test.ts) and their timings (bench/isolation.ts): what a
 * document that takes seconds to check holds up, or does not.
 */
import { DocumentDiagnosticRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { type TestClient, withTimeout } from './harness';

/** A report of our own with three sections and a placeholder (one placeholder finding). */
export const REPORT = ['一、主要工作', '组织党员集中学习XX次。', '二、存在的问题', '学习成效转化不够。', '三、下一步工作计划', '继续加强理论学习。', ''].join('\n');

/**
 * A report that takes seconds to check: the 8 KB nested list of issue #15, then a
 * 10,000-line paragraph (measured in a warm analysis thread on the 2-core CI machine:
 * about 0.5 s and 3 s).
 */
export const SLOW = `一、工作情况\n${'- '.repeat(4000)}党员共17名\n${'党员共17名，学习“两学一做”。\n'.repeat(10_000)}`;

/** Pulls a document's diagnostics. */
export function pull(client: TestClient, uri: string): Promise<FullDocumentDiagnosticReport> {
  return client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }) as Promise<FullDocumentDiagnosticReport>;
}

/**
 * Opens two reports (`untitled:<name>-1.md`, `-2.md`) and waits for their diagnostics: both
 * analysis threads have started (they start together, and a stopped one is replaced) and
 * compiled the rules, so what follows measures the server, not starting Node.
 */
export async function warmUp(client: TestClient, name = 'warm'): Promise<void> {
  const uris = [`untitled:${name}-1.md`, `untitled:${name}-2.md`];
  await client.open(uris[0], REPORT);
  await client.open(uris[1], `${REPORT}\n`);
  await withTimeout(Promise.all(uris.map((uri) => pull(client, uri))), 'the warm-up reports');
}
