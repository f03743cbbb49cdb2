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
 * - Per keystroke, only the edit goes to the thread and only what changed comes back
 *   (server/lsp/analysis-delta.ts): the runner keeps each document's last output and text
 *   under an id, the thread its own copy; a thread without it (a new one, or another than
 *   the document's home) asks for the whole text once and sends the whole output.
 *
 * Bundling: piscina starts threads on its own script, which scripts/build.mjs bundles to
 * dist/piscina-worker.js (and points piscina at it, as for the CLI's pool), and the task to
 * dist/analysis-worker.js.
 */
import { Piscina, type PiscinaTask } from 'piscina';
import type { AnalysisOutput, WireReply, WireRequest } from './analysis';
import { applyOutput, textEdit } from './analysis-delta';
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
  /** The run under way per key (`uri`, or `fix:` + uri), to supersede; `started` once a thread took it. */
  private readonly running = new Map<string, { controller: AbortController; started: boolean }>();
  /** Each document's last analysis as received: its id (given here), text and output, which deltas refer to. */
  private readonly sent = new Map<string, { id: number; text: string; output: AnalysisOutput }>();
  private lastId = 0;
  /** The thread (`threadId`) that ran each document's last analysis, which keeps its tree. */
  private readonly homes = new Map<string, number>();

  constructor(private readonly options: WorkerRunnerOptions) {}

  async analyze(task: AnalysisTask): Promise<RunOutcome<AnalysisOutput>> {
    const { uri } = task;
    // A run that a thread took is stopped by terminating the thread, and its copy goes with it.
    if (this.running.get(uri)?.started) this.sent.delete(uri);
    const base = this.sent.get(uri);
    const id = ++this.lastId;
    const request: WireRequest = { uri, id, configs: task.configs, locale: task.locale };
    if (base) Object.assign(request, { base: base.id, edit: textEdit(base.text, task.text) });
    else request.text = task.text;
    let outcome = await this.run<WireReply>(uri, { op: 'analyze', request }, task.budgetMs);
    // Another thread than the one holding the base took it: once more with the whole text.
    if (outcome.kind === 'done' && outcome.value.kind === 'need-text') outcome = await this.run<WireReply>(uri, { op: 'analyze', request: { ...request, text: task.text } }, task.budgetMs);
    if (outcome.kind !== 'done') {
      if (outcome.kind !== 'cancelled') this.sent.delete(uri);
      return outcome;
    }
    const reply = outcome.value;
    if (reply.kind === 'need-text') return { kind: 'failed', error: 'the analysis thread asked for the whole text twice' };
    const output = reply.kind === 'output' ? reply.output : applyOutput(base!.output, reply.delta);
    // Ids grow: a newer analysis that finished first stays the base.
    if ((this.sent.get(uri)?.id ?? 0) < id) this.sent.set(uri, { id, text: task.text, output });
    return { ...outcome, value: output };
  }

  fix(task: AnalysisTask): Promise<RunOutcome<string>> {
    return this.run<string>(`fix:${task.uri}`, { op: 'fix', request: { text: task.text, configs: task.configs, locale: task.locale } }, task.budgetMs);
  }

  cancel(uri: string): void {
    this.homes.delete(uri);
    this.sent.delete(uri);
    for (const key of [uri, `fix:${uri}`]) {
      this.running.get(key)?.controller.abort();
      this.running.delete(key);
    }
  }

  async dispose(): Promise<void> {
    this.sent.clear();
    for (const { controller } of this.running.values()) controller.abort();
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

  /**
   * Piscina's balancer: the document's home thread while it is free (`pickThread`). A thread
   * chosen here is sent the task at once (piscina's `_distributeTask`), so this is when the
   * task starts: its time budget counts from here. (Telling it from the thread instead took a
   * message back per task, which woke this thread while the analysis ran: issue #14.)
   */
  private balance<W extends ThreadState>(task: PiscinaTask, workers: readonly W[]): W | null {
    const options = (task as unknown as Record<symbol, QueueOptions | null>)[Piscina.queueOptionsSymbol];
    const thread = pickThread(options?.uri, this.homes, workers);
    if (thread) options?.dispatched();
    return thread;
  }

  /**
   * Runs one task under `key` (superseding the key's run under way) within `budgetMs` from
   * when a thread starts it.
   */
  private async run<T>(key: string, task: WorkerTask, budgetMs: number): Promise<RunOutcome<T>> {
    this.running.get(key)?.controller.abort();
    const run = { controller: new AbortController(), started: false };
    const { controller } = run;
    this.running.set(key, run);
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let startedAt = 0;
    const dispatched = () => {
      if (run.started) return;
      run.started = true;
      startedAt = performance.now();
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, budgetMs);
    };
    try {
      // Only an analysis starts from the thread's last one; its uri also picks the thread
      // (queue options are read by `balance`, and not sent: a symbol key is not cloned).
      const uri = task.op === 'analyze' ? task.request.uri : undefined;
      const options: QueueOptions = { uri, dispatched };
      const message = { ...task, [Piscina.queueOptionsSymbol]: options };
      const value = (await this.threads().run(message, { signal: controller.signal })) as T;
      if (controller.signal.aborted) return timedOut ? { kind: 'timeout', budgetMs } : { kind: 'cancelled' };
      return { kind: 'done', value, ms: performance.now() - startedAt };
    } catch (error) {
      if (timedOut) return { kind: 'timeout', budgetMs };
      if (controller.signal.aborted) return { kind: 'cancelled' };
      return { kind: 'failed', error: describeError(error) };
    } finally {
      clearTimeout(timer);
      if (this.running.get(key) === run) this.running.delete(key);
    }
  }
}

/** What a task tells the balancer: its document (to pick its home thread) and whom to tell when it is dispatched. */
interface QueueOptions {
  uri: string | undefined;
  dispatched: () => void;
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
