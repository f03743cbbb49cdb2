/**
 * `workspace/diagnostic`: every report in the workspace folders, read from disk (an open
 * document from its editor buffer), for the client's Problems panel. Behind the VS Code
 * command 检查工作区中的所有报告, which lets the client's pull through (client/extension.ts).
 *
 * Which files: `*.md` and `*.markdown` under each folder, skipping `node_modules`, dot
 * folders, symbolic links (no cycles) and what `.partyreportignore` ignores; a Markdown
 * file that does not read as a report only with `partyReport.lintAllMarkdown`; a file over
 * `partyReport.maxDocumentSize` gets the one information diagnostic an open one gets; a
 * file that is not UTF-8 text is skipped. `partyReport.enable: false` on a folder skips it.
 *
 * Reports stream as partial results (`$/progress` on the partial-result token) in small
 * batches, so a large workspace fills the panel as it goes; work-done progress says which
 * file is being read and can be cancelled, as can the request. A file unchanged since the
 * client's previous result (same mtime, size and settings generation) is `unchanged`; a
 * file the client has a result for that is no longer linted (deleted, now ignored, no
 * longer a report) gets an empty report, so nothing stale stays in the panel.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import type {
  CancellationToken,
  Diagnostic,
  WorkspaceDiagnosticParams,
  WorkspaceDiagnosticReport,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../../rules/types';
import type { Settings } from './settings';
import { text } from './texts';

/** What the scan needs from the server; server.ts provides it. */
export interface WorkspaceLintHost {
  /** The workspace folders, as file-system paths. */
  folders: readonly string[];
  locale: Locale;
  /** The settings for a folder or file URI. */
  settingsFor(uri: string): Promise<Settings>;
  /** Whether `.partyreportignore` files (up to `root`) ignore `path`. */
  ignores(path: string, root: string): boolean;
  /** The open document at a file-system path, if the client has it open. */
  openDocument(path: string): TextDocument | undefined;
  /** Diagnostics of an open document's current version; null when it is not linted. */
  openDiagnostics(document: TextDocument): Promise<Diagnostic[] | null>;
  /**
   * Diagnostics of a text read from disk, linted as an open document would be (ignore
   * files, lintAllMarkdown, the size limit against `byteSize`); null when not linted.
   */
  textDiagnostics(snapshot: TextDocument, settings: Settings, byteSize: number): Promise<Diagnostic[] | null>;
  /** Changes whenever settings or config files may have changed: part of every result id. */
  generation(): string;
}

/** Work-done progress as vscode-languageserver gives it, with its cancel button if any. */
export interface Progress {
  begin(title: string, percentage?: number, message?: string, cancellable?: boolean): void;
  report(percentage: number, message?: string): void;
  done(): void;
  readonly token?: CancellationToken;
}

/** Partial results as vscode-languageserver gives them (null without a partial-result token). */
export interface PartialResults {
  report(data: { items: WorkspaceDocumentDiagnosticReport[] }): void;
}

/** Reports per partial result: small enough that the panel fills as the scan goes. */
const BATCH = 16;

/** Markdown file names the scan reads, as VS Code's Markdown language has them. */
const PATTERNS = ['**/*.md', '**/*.markdown'];

/** How much of a too-large file is read to tell whether it is a report. */
const HEAD_BYTES = 64 * 1024;

/**
 * Answers one `workspace/diagnostic` request.
 *
 * @param partial when the client gave a partial-result token: reports are sent through it
 *   and the final answer is empty, as the protocol asks
 * @returns the reports (all of them, or none when streamed); on cancellation, what was
 *   done so far (already streamed) and no stale-clearing reports
 */
export async function workspaceDiagnostics(
  host: WorkspaceLintHost,
  params: WorkspaceDiagnosticParams,
  token: CancellationToken,
  progress: Progress,
  partial: PartialResults | undefined,
): Promise<WorkspaceDiagnosticReport> {
  const cancelled = () => token.isCancellationRequested || progress.token?.isCancellationRequested === true;
  const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
  const all: WorkspaceDocumentDiagnosticReport[] = [];
  let batch: WorkspaceDocumentDiagnosticReport[] = [];
  const flush = () => {
    if (partial && batch.length > 0) partial.report({ items: batch });
    batch = [];
  };
  const emit = (report: WorkspaceDocumentDiagnosticReport) => {
    if (partial) {
      batch.push(report);
      if (batch.length >= BATCH) flush();
    } else {
      all.push(report);
    }
  };

  progress.begin(text('workspaceLint', host.locale), 0, undefined, true);
  try {
    const seen = new Set<string>();
    const files: { path: string; folder: string; settings: Settings }[] = [];
    for (const folder of host.folders) {
      const settings = await host.settingsFor(pathToFileURL(folder).href);
      if (!settings.enable || cancelled()) continue;
      const found = await fg(PATTERNS, {
        cwd: folder,
        absolute: true,
        dot: false,
        ignore: ['**/node_modules/**'],
        onlyFiles: true,
        followSymbolicLinks: false,
        caseSensitiveMatch: false,
        suppressErrors: true,
      });
      found.sort();
      for (const path of found) if (!host.ignores(path, folder)) files.push({ path, folder, settings });
    }

    const generation = host.generation();
    for (let i = 0; i < files.length; i++) {
      // Let $/cancelRequest and window/workDoneProgress/cancel in between files.
      await new Promise((resolve) => setImmediate(resolve));
      if (cancelled()) return finish();
      const { path, folder, settings } = files[i];
      progress.report(Math.floor((i * 100) / files.length), text('workspaceLintFile', host.locale, { done: i + 1, total: files.length, file: relative(folder, path) }));
      const report = await reportFor(host, path, settings, generation, previous);
      if (!report) continue;
      seen.add(report.uri);
      emit(report);
    }
    // What the client holds a result for and this scan did not report: clear it.
    for (const uri of previous.keys()) {
      if (!seen.has(uri)) emit({ kind: 'full', uri, version: null, items: [] });
    }
    return finish();
  } finally {
    progress.done();
  }

  function finish(): WorkspaceDiagnosticReport {
    flush();
    return { items: partial ? [] : all };
  }
}

/** One file's report, or null when it is not linted and the client holds nothing for it. */
async function reportFor(
  host: WorkspaceLintHost,
  path: string,
  settings: Settings,
  generation: string,
  previous: ReadonlyMap<string, string>,
): Promise<WorkspaceDocumentDiagnosticReport | null> {
  const open = host.openDocument(path);
  if (open) {
    const items = await host.openDiagnostics(open);
    return items ? { kind: 'full', uri: open.uri, version: open.version, items } : null;
  }
  const uri = pathToFileURL(path).href;
  let size: number;
  let mtime: number;
  try {
    const stat = statSync(path);
    size = stat.size;
    mtime = stat.mtimeMs;
  } catch {
    return null; // gone since the listing: the stale-clearing pass empties it
  }
  const resultId = `${generation}:${mtime}:${size}`;
  if (previous.get(uri) === resultId) return { kind: 'unchanged', uri, version: null, resultId };
  const tooLarge = size / 2 ** 20 > settings.maxDocumentSize;
  const content = tooLarge ? readHead(path) : readUtf8(path);
  if (content === null) return null;
  const items = await host.textDiagnostics(TextDocument.create(uri, 'markdown', 0, content), settings, size);
  if (items === null) return previous.has(uri) ? { kind: 'full', uri, version: null, items: [] } : null;
  return { kind: 'full', uri, version: null, resultId, items };
}

/** The file as UTF-8 text (a BOM dropped), or null when it is not UTF-8 text. */
function readUtf8(path: string): string | null {
  try {
    const bytes = readFileSync(path);
    if (bytes.subarray(0, 8192).includes(0)) return null;
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The first `HEAD_BYTES` of a file as text (a cut character replaced), or null. */
function readHead(path: string): string | null {
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
      return new TextDecoder('utf-8').decode(buffer.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}
