/**
 * Where the server's analyses run, behind one interface: `WorkerRunner`
 * (server/lsp/worker-runner.ts, Node: a small pool of worker threads, a time budget, the
 * worker terminated past it) or `InThreadRunner` here (the server's own thread: the browser
 * build, and tests that hand the server rules of their own, which cannot be sent to a worker).
 *
 * Per document, the newest request wins: `analyze(uri, …)` supersedes the pending or
 * running analysis of the same uri, which then resolves `{ kind: 'cancelled' }`. Fix-all
 * requests are kept apart from analyses (one of each per uri may be under way).
 */
import { type AnalysisOutput, type AnalysisRequest, analyzeDocument, DocumentMemory, fixDocument } from './analysis';
import { describeError } from './texts';
import type { Rule } from '../../rules/types';

/** One analysis to run: which document version, what to lint, and how long it may take. */
export interface AnalysisTask extends AnalysisRequest {
  uri: string;
  version: number;
  /** The time budget in ms (`partyReport.analysisTimeout`); past it the analysis is stopped. */
  budgetMs: number;
}

/**
 * How a run ended: its value; `timeout` when it ran past its budget and was stopped;
 * `cancelled` when superseded or cancelled (nobody wants the value); `failed` when the
 * analysis itself threw or its worker died (`error` says how).
 */
export type RunOutcome<T> =
  | { kind: 'done'; value: T; ms: number }
  | { kind: 'timeout'; budgetMs: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: string };

export interface AnalysisRunner {
  /** Lints a document version; supersedes the uri's earlier analysis. */
  analyze(task: AnalysisTask): Promise<RunOutcome<AnalysisOutput>>;
  /** The text after every automatic fix (fix-all); supersedes the uri's earlier fix run. */
  fix(task: AnalysisTask): Promise<RunOutcome<string>>;
  /** Cancels the uri's pending or running analysis and fix run (document closed). */
  cancel(uri: string): void;
  /** Stops every run and releases the workers. */
  dispose(): Promise<void>;
}

/**
 * Runs analyses in the calling thread, one macrotask later (so a burst of versions runs
 * only the last: the others are superseded before they start). It cannot stop a running
 * analysis, so it has no budget: the worker runner has.
 */
export class InThreadRunner implements AnalysisRunner {
  /** The newest request per key (`uri`, or `fix:` + uri): an older one sees it is stale. */
  private readonly latest = new Map<string, object>();
  /** Each document's last analysis, which the next one starts from. */
  private readonly memory = new DocumentMemory();

  /** @param rules the rules to run (default: all of rules/index.ts) */
  constructor(private readonly rules?: readonly Rule[]) {}

  analyze(task: AnalysisTask): Promise<RunOutcome<AnalysisOutput>> {
    return this.run(task.uri, () => analyzeDocument(task, this.rules, this.memory));
  }

  fix(task: AnalysisTask): Promise<RunOutcome<string>> {
    return this.run(`fix:${task.uri}`, () => fixDocument(task, this.rules));
  }

  cancel(uri: string): void {
    this.memory.forget(uri);
    this.latest.delete(uri);
    this.latest.delete(`fix:${uri}`);
  }

  async dispose(): Promise<void> {
    this.latest.clear();
    this.memory.clear();
  }

  private run<T>(key: string, body: () => T): Promise<RunOutcome<T>> {
    const token = {};
    this.latest.set(key, token);
    return new Promise((resolve) => {
      setTimeout(() => {
        if (this.latest.get(key) !== token) {
          resolve({ kind: 'cancelled' });
          return;
        }
        const started = performance.now();
        try {
          const value = body();
          resolve(this.latest.get(key) === token ? { kind: 'done', value, ms: performance.now() - started } : { kind: 'cancelled' });
        } catch (error) {
          resolve({ kind: 'failed', error: describeError(error) });
        } finally {
          if (this.latest.get(key) === token) this.latest.delete(key);
        }
      }, 0);
    });
  }
}
