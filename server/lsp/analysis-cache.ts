/**
 * The server's analyses per open document: the one of the current version (computed once
 * per version and settings generation, shared by every handler that asks) and the last one
 * that finished. Diagnostics wait for the current version's; the outline, folding and quick
 * fixes take `recent`: the current one if it finishes within a short grace, else the last
 * finished, so a document that takes long to check never holds them; completion and hover
 * take `latest`, the last finished one at once (server/lsp/outline-shift.ts carries it over
 * to the current text), so they never wait for the re-lint of a keystroke (issue #14).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportOutline } from '../../rules/model/report';
import type { AnalysisOutput, AnalysisRequest } from './analysis';

/** One document version, analysed (or deliberately not). */
export interface Analysis {
  /** An immutable snapshot of the version analysed: positions are computed against it. */
  document: TextDocument;
  /** The analysis; null when not linted (disabled, not Markdown, ignored, too large, stopped). */
  output: AnalysisOutput | null;
  /** The outline of `output`, rebuilt over the snapshot's text. */
  report: ReportOutline | null;
  /** What `output` was linted with (configs, locale); fix-all reuses it. */
  request: AnalysisRequest | null;
  /** Whether diagnostics and symbols are given: a report, or `lintAllMarkdown`. */
  linted: boolean;
  /** Set when the document was over `partyReport.maxDocumentSize` and was not linted. */
  tooLarge?: { size: number; limit: number };
  /** Set when the analysis ran past `partyReport.analysisTimeout` (seconds) and was stopped. */
  timedOut?: { limit: number };
}

/**
 * How long `recent` waits for the current version before answering from the last finished
 * analysis, in ms: a usual report is analysed well within it, so the answer is of the
 * version the user sees; a long analysis makes it answer from the previous one.
 */
export const RECENT_GRACE_MS = 300;

interface Current {
  version: number;
  generation: number;
  promise: Promise<Analysis | null>;
  /** Set when the document closed: its result is not kept. */
  dropped?: boolean;
}

/** Every open document's current and last finished analysis (see the module comment); one per server session. */
export class AnalysisCache {
  /** Bumped whenever settings or config files may have changed: older analyses are stale. */
  generation = 0;
  private readonly current = new Map<string, Current>();
  private readonly finished = new Map<string, Analysis>();

  /**
   * @param compute analyses one snapshot; resolves null when superseded by a newer version
   *   (nobody wants its result) — never rejects
   */
  constructor(private readonly compute: (snapshot: TextDocument) => Promise<Analysis | null>) {}

  /**
   * The analysis of the document's current version, started if need be. Resolves null when
   * a newer version superseded it before it finished.
   *
   * @param document the live document (TextDocuments updates it in place: a snapshot is taken)
   */
  fresh(document: TextDocument): Promise<Analysis | null> {
    const uri = document.uri;
    const cached = this.current.get(uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached.promise;
    const entry: Current = { version: document.version, generation: this.generation, promise: Promise.resolve(null) };
    const snapshot = TextDocument.create(uri, document.languageId, document.version, document.getText());
    entry.promise = this.compute(snapshot).then((analysis) => {
      // Kept as the last finished unless stopped (its outline would be empty) or a newer one finished first.
      const previous = this.finished.get(uri);
      if (analysis && !analysis.timedOut && !entry.dropped && (!previous || previous.document.version <= analysis.document.version)) {
        this.finished.set(uri, analysis);
      }
      return analysis;
    });
    this.current.set(uri, entry);
    return entry.promise;
  }

  /**
   * The current version's analysis if it finishes within `graceMs`, else the last finished
   * one (possibly of an older version: callers that place edits check the version). For a
   * document with no finished analysis yet, the current one however long it takes (within
   * the budget). Undefined when there is none (stopped, superseded, not linted).
   */
  async recent(document: TextDocument, graceMs = RECENT_GRACE_MS): Promise<Analysis | undefined> {
    const pending = this.fresh(document);
    // Nothing finished yet (just opened): there is nothing older to answer from, so wait for
    // this one; the time budget bounds the wait, and other documents are answered meanwhile.
    if (!this.finished.has(document.uri)) return (await pending) ?? this.finished.get(document.uri);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), graceMs);
    });
    const analysis = await Promise.race([pending, late]).finally(() => clearTimeout(timer));
    return (analysis && !analysis.timedOut ? analysis : undefined) ?? this.finished.get(document.uri);
  }

  /**
   * The last finished analysis, at once, and the current version's started if need be (so
   * the next request finds it). It may be of an older version: callers map its positions
   * (server/lsp/outline-shift.ts). Only for a document with no finished analysis yet (just
   * opened, or its analyses stopped) does it wait for the current one, as `recent` does.
   * Undefined when there is none.
   */
  async latest(document: TextDocument): Promise<Analysis | undefined> {
    const pending = this.fresh(document);
    const finished = this.finished.get(document.uri);
    if (finished) return finished;
    const analysis = await pending;
    return (analysis && !analysis.timedOut ? analysis : undefined) ?? this.finished.get(document.uri);
  }

  /**
   * After a settings or config-file change: every current analysis is stale. The finished
   * ones stay as fallbacks, so until the re-lint under the new settings finishes (a usual
   * report: tens of ms) `latest` answers hover and completion from the old settings' one, as
   * it answers from the previous version after a keystroke; diagnostics never do (`fresh`).
   */
  invalidate(): void {
    this.generation++;
    this.current.clear();
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    const entry = this.current.get(uri);
    if (entry) entry.dropped = true;
    this.current.delete(uri);
    this.finished.delete(uri);
  }
}
