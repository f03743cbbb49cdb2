/**
 * `workspace/diagnostic` and `.partyreportignore` in the server: the built server over
 * stdio, a temporary workspace folder of reports on disk.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  DocumentDiagnosticRequest,
  type FullDocumentDiagnosticReport,
  type ProgressToken,
  WorkDoneProgress,
  WorkDoneProgressCancelNotification,
  WorkDoneProgressCreateRequest,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
  WorkspaceDiagnosticRequest,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TestClient, withTimeout } from './harness';

/** A report with a placeholder (XX) and nothing else wrong with it. */
const REPORT = '# 2024年党支部工作总结\n\n一、主要工作\n\n会议由XX主持。\n';
/** Markdown that is not a report (no report title, no 一、 numbering). */
const NOTES = '# Notes\n\n会议由XX主持。\n';

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

const uriOf = (dir: string, name: string) => pathToFileURL(join(dir, name)).href;

/** The workspace file names of `reports`, relative to `dir`, sorted. */
function names(dir: string, reports: readonly WorkspaceDocumentDiagnosticReport[]): string[] {
  const prefix = `${pathToFileURL(dir).href}/`;
  return reports.map((r) => decodeURIComponent(r.uri.slice(prefix.length))).sort();
}

function full(reports: readonly WorkspaceDocumentDiagnosticReport[], uri: string) {
  const report = reports.find((r) => r.uri === uri);
  assert.ok(report, `no report for ${uri}`);
  assert.equal(report.kind, 'full');
  return report;
}

describe('language server: workspace diagnostics and .partyreportignore', function () {
  let dir: string;
  let client: TestClient;
  let progressTokens: ProgressToken[];
  let progress: (WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd)[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'party-report-ws-'));
    write(dir, {
      '.partyreportignore': 'drafts/\n',
      'a.md': REPORT,
      'team/b.markdown': REPORT,
      'notes.md': NOTES,
      'drafts/d.md': REPORT,
      'node_modules/pkg/readme.md': REPORT,
      '.history/old.md': REPORT,
      'report.txt': REPORT,
    });
    client = await TestClient.start({ pull: true, workDoneProgress: true, workspaceFolders: [pathToFileURL(dir).href] });
    progressTokens = [];
    progress = [];
    client.conn.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      progressTokens.push(token);
      client.conn.onProgress(WorkDoneProgress.type, token, (value) => {
        progress.push(value);
      });
    });
  });
  afterEach(async () => {
    await client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('advertises workspace diagnostics', () => {
    assert.equal(client.initializeResult!.capabilities.diagnosticProvider?.workspaceDiagnostics, true);
  });

  it('reports every report on disk, skipping ignored files, node_modules, dot folders and non-reports', async () => {
    const result = await withTimeout(client.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] }), 'workspace/diagnostic');
    assert.deepEqual(names(dir, result.items), ['a.md', 'team/b.markdown']);
    for (const report of result.items) {
      assert.equal(report.kind, 'full');
      assert.ok((report as FullDocumentDiagnosticReport).items.some((d) => d.code === 'placeholder'), `${report.uri} lacks its placeholder finding`);
    }
    // Work-done progress ran from begin to end, cancellable.
    assert.equal(progressTokens.length, 1);
    await client.waitFor('progress end', () => (progress.some((p) => p.kind === 'end') ? true : undefined));
    assert.equal(progress[0].kind, 'begin');
    assert.equal((progress[0] as WorkDoneProgressBegin).cancellable, true);
  });

  it('reports non-report Markdown with lintAllMarkdown', async () => {
    client.settings = { lintAllMarkdown: true };
    const result = await client.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    assert.deepEqual(names(dir, result.items), ['a.md', 'notes.md', 'team/b.markdown']);
  });

  it('streams partial results, answers unchanged for a known result and clears a deleted file', async () => {
    const partials: WorkspaceDocumentDiagnosticReport[] = [];
    const token = 'partial-1';
    client.conn.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (chunk) => {
      partials.push(...chunk.items);
    });
    const first = await client.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], partialResultToken: token });
    assert.deepEqual(first.items, [], 'results were streamed, so the final answer is empty');
    await client.waitFor('partial results', () => (partials.length >= 2 ? true : undefined));
    assert.deepEqual(names(dir, partials), ['a.md', 'team/b.markdown']);

    const a = full(partials, uriOf(dir, 'a.md'));
    const b = full(partials, uriOf(dir, 'team/b.markdown'));
    unlinkSync(join(dir, 'team', 'b.markdown'));
    const second = await client.conn.sendRequest(WorkspaceDiagnosticRequest.type, {
      previousResultIds: [
        { uri: a.uri, value: a.resultId! },
        { uri: b.uri, value: b.resultId! },
      ],
    });
    assert.deepEqual(
      second.items.map((r) => [r.uri, r.kind, r.kind === 'full' ? r.items.length : -1]),
      [
        [a.uri, 'unchanged', -1],
        [b.uri, 'full', 0],
      ],
    );
  });

  it('gives an open document its editor text, and an ignored open document nothing', async () => {
    const a = uriOf(dir, 'a.md');
    await client.open(a, '# 2024年党支部工作总结\n\n一、主要工作\n\n全年召开会议12次。\n');
    const result = await client.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    const report = full(result.items, a);
    assert.equal(report.version, 1);
    // The buffer has no placeholder; the file on disk has one.
    assert.equal(report.kind === 'full' && report.items.some((d) => d.code === 'placeholder'), false);

    const ignored = uriOf(dir, 'drafts/d.md');
    await client.open(ignored, REPORT);
    const pulled = await client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: ignored } });
    assert.deepEqual((pulled as FullDocumentDiagnosticReport).items, []);
    const outside = uriOf(dir, 'team/b.markdown');
    await client.open(outside, REPORT);
    const linted = await client.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: outside } });
    assert.ok((linted as FullDocumentDiagnosticReport).items.length > 0, 'a file not ignored is linted');
  });

  describe('cancellation', () => {
    /** Enough reports that the scan takes a while, each a few KB. */
    const MANY = 300;
    beforeEach(() => {
      const body = `${REPORT}${'\n会议由XX主持，内容另行通知。\n'.repeat(20)}`;
      const files: Record<string, string> = {};
      for (let i = 0; i < MANY; i++) files[`many/r${String(i).padStart(3, '0')}.md`] = body;
      write(dir, files);
    });

    async function stoppedEarly(cancel: () => void, partialToken: string) {
      const partials: WorkspaceDocumentDiagnosticReport[] = [];
      let cancelled = false;
      client.conn.onProgress(WorkspaceDiagnosticRequest.partialResult, partialToken, (chunk) => {
        partials.push(...chunk.items);
        if (!cancelled) {
          cancelled = true;
          cancel();
        }
      });
      return { partials, partialToken };
    }

    it('stops when the request is cancelled', async () => {
      const source = new CancellationTokenSource();
      const { partials, partialToken } = await stoppedEarly(() => source.cancel(), 'partial-cancel');
      const answer = client.conn
        .sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], partialResultToken: partialToken }, source.token)
        .catch((error: unknown) => error);
      await withTimeout(answer, 'the cancelled workspace/diagnostic', 15000);
      await client.waitFor('progress end', () => (progress.some((p) => p.kind === 'end') ? true : undefined));
      assert.ok(partials.length > 0 && partials.length < MANY, `${partials.length} reports of ${MANY + 2}`);
    });

    it('stops when the progress is cancelled (the notification’s Cancel button)', async () => {
      const { partials, partialToken } = await stoppedEarly(() => {
        void client.conn.sendNotification(WorkDoneProgressCancelNotification.type, { token: progressTokens[0] });
      }, 'partial-progress');
      const answer = await withTimeout(
        client.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], partialResultToken: partialToken }),
        'workspace/diagnostic after the progress was cancelled',
        15000,
      );
      assert.deepEqual(answer.items, []);
      assert.ok(partials.length > 0 && partials.length < MANY, `${partials.length} reports of ${MANY + 2}`);
    });
  });
});
