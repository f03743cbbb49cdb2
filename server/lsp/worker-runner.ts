/**
 * The analysis runner of the Node server: analyses run in a small pool of worker threads
 * (piscina), so a document that takes long to lint never blocks the server's own thread,
 * where requests for other documents (and this one's outline) are answered.
 *
 * - A new version of a document supersedes its pending or running analysis: a pending one
 *   leaves the queue, a running one's thread is terminated (piscina terminates the thread
 *   of an aborted task and starts another).
 * - Each run has a time budget counted from when it starts in a thread (not from when it
 *   was queued): past it the thread is terminated and the run ends `{ kind: 'timeout' }`.
 *
 * - A document's analyses go to the thread that ran its last one while that thread is free
 *   (`balance`): each thread keeps its documents' last analyses (analysis-worker.ts), so a
 *   keystroke in a long report re-parses only the blocks it touched. A busy home thread is
 *   never waited for: the analysis goes to a free thread and parses the whole text.
 *
 * Bundling: piscina starts threads on its own script, which scripts/build.mjs bundles to
 * dist/piscina-worker.js (and points piscina at it, as for the CLI's pool), and the task to
 * dist/analysis-worker.js.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina, type PiscinaTask } from 'piscina';
import type { AnalysisOutput } from './analysis';
import type { AnalysisRunner, AnalysisTask, RunOutcome } from './analysis-runner';
import type { WorkerTask } from '../analysis-worker';
import { describeError } from './texts';

export interface WorkerRunnerOptions {
  /** The task module (dist/analysis-worker.js). */
  filename: string;
  /**
   * Threads in the pool (default 2): with two, a document that takes long leaves a thread
   * for every other one; more would only compete for the cores the editor needs.
   */
  threads?: number;
}

/**
 * The language server's analyses in piscina worker threads: one run per document at a time
 * (a new version supersedes the old by terminating its thread), each within the time budget,
 * and a document's analyses sent to the thread that holds its last tree while that is free.
 */
export class WorkerRunner implements AnalysisRunner {
  private pool: Piscina | undefined;
  /** The run under way per key (`uri`, or `fix:` + uri), to supersede. */
  private readonly running = new Map<string, AbortController>();
  /** The thread (`threadId`) that ran each document's last analysis, which keeps its tree. */
  private readonly homes = new Map<string, number>();

  constructor(private readonly options: WorkerRunnerOptions) {}

  analyze(task: AnalysisTask): Promise<RunOutcome<AnalysisOutput>> {
    return this.run<AnalysisOutput>(task.uri, 'analyze', task);
  }

  fix(task: AnalysisTask): Promise<RunOutcome<string>> {
    return this.run<string>(`fix:${task.uri}`, 'fix', task);
  }

  cancel(uri: string): void {
    this.homes.delete(uri);
    for (const key of [uri, `fix:${uri}`]) {
      this.running.get(key)?.abort();
      this.running.delete(key);
    }
  }

  async dispose(): Promise<void> {
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  /** The pool, started on the first run: a server that never lints starts no thread. */
  private threads(): Piscina {
    const threads = this.options.threads ?? 2;
    // Both threads start at once and stay: the second must be ready the moment the first
    // is taken by a long analysis, and starting one (loading the rules) is what takes long.
    this.pool ??= new Piscina({
      filename: this.options.filename,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Infinity,
      loadBalancer: (task, workers) => this.balance(task, workers),
    });
    return this.pool;
  }

  /** Piscina's balancer: the document's home thread while it is free (`pickThread`). */
  private balance<W extends ThreadState>(task: PiscinaTask, workers: readonly W[]): W | null {
    const options = (task as unknown as Record<symbol, { uri?: string } | null>)[Piscina.queueOptionsSymbol];
    return pickThread(options?.uri, this.homes, workers);
  }

  private async run<T>(key: string, op: WorkerTask['op'], task: AnalysisTask): Promise<RunOutcome<T>> {
    this.running.get(key)?.abort();
    const controller = new AbortController();
    this.running.set(key, controller);
    const { port1, port2 } = new MessageChannel();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let startedAt = 0;
    port1.once('message', () => {
      startedAt = performance.now();
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, task.budgetMs);
    });
    try {
      // Only an analysis starts from the thread's last one; its uri also picks the thread
      // (queue options are read by `balance`, and not sent: a symbol key is not cloned).
      const request = op === 'analyze' ? { uri: task.uri, text: task.text, configs: task.configs, locale: task.locale } : { text: task.text, configs: task.configs, locale: task.locale };
      const message = { op, request, started: port2, [Piscina.queueOptionsSymbol]: op === 'analyze' ? { uri: task.uri } : null } satisfies WorkerTask & object;
      const value = (await this.threads().run(message, {
        transferList: [port2],
        signal: controller.signal,
      })) as T;
      if (controller.signal.aborted) return timedOut ? { kind: 'timeout', budgetMs: task.budgetMs } : { kind: 'cancelled' };
      return { kind: 'done', value, ms: performance.now() - startedAt };
    } catch (error) {
      if (timedOut) return { kind: 'timeout', budgetMs: task.budgetMs };
      if (controller.signal.aborted) return { kind: 'cancelled' };
      return { kind: 'failed', error: describeError(error) };
    } finally {
      clearTimeout(timer);
      port1.close();
      if (this.running.get(key) === controller) this.running.delete(key);
    }
  }
}

/** What `pickThread` reads of a pool thread (piscina's `PiscinaWorker` has these). */
export interface ThreadState {
  /** The thread's `threadId`. */
  id: number;
  /** Tasks it is running (0 or 1 here: one task a thread). */
  currentUsage: number;
}

/**
 * The thread for a task of document `uri`: a free one (as piscina's default balancer, one
 * task a thread), the document's home thread (`homes`, uri → thread id) if it is free, and
 * that choice remembered as its home. Null (the task waits in the queue) when every thread
 * is busy; a busy home is never waited for.
 */
export function pickThread<W extends ThreadState>(uri: string | undefined, homes: Map<string, number>, workers: readonly W[]): W | null {
  const home = uri === undefined ? undefined : homes.get(uri);
  let free: W | null = null;
  for (const worker of workers) {
    if (worker.currentUsage !== 0) continue;
    if (worker.id === home) return worker;
    free ??= worker;
  }
  if (free && uri !== undefined) homes.set(uri, free.id);
  return free;
}
