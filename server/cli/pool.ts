/**
 * Many files on all cores: a piscina pool of worker threads (dist/cli-worker.js) that lint
 * files handed out in batches, with the outcomes given back in input order as they
 * complete, and a time budget per file.
 *
 * - Batches: consecutive files up to `BATCH_FILES` files or `BATCH_BYTES` bytes (a larger
 *   file goes alone), so a message carries a few dozen milliseconds of work, not one
 *   file's; two batches in flight per thread, so a worker that finishes one has the next
 *   at hand even when the main thread is slow to answer (a busy machine).
 * - Order and memory: outcomes are handed to `emit` in input order the moment the next one
 *   is there; files more than `MAX_AHEAD` past the oldest unfinished one are not handed
 *   out, so what is held waiting is bounded whatever the number of files.
 * - The budget: before each file a worker writes into a shared clock (one slot per batch
 *   in flight: the file's place in its batch and when it started). A watchdog reads the
 *   clock; a file past the budget has its task aborted, and piscina terminates the worker
 *   running it (and starts another). The file's outcome is `timed-out`; the other files of
 *   its batch are handed out again. Time a worker spends starting or waiting is not counted.
 * - A worker that dies otherwise (out of memory) fails its batch: the files are handed out
 *   again one by one, and the one that fails alone is reported as an internal error.
 */
import type { FileJob, FileOutcome } from './analyse';

/** A batch holds at most this many files… */
const BATCH_FILES = 16;
/** …and this many bytes (a seed-sized report is about 10 KB: a batch is a few dozen ms). */
const BATCH_BYTES = 128 * 1024;
/** Files handed out at most this far past the oldest one not yet emitted. */
const MAX_AHEAD = 512;
/** Batches handed to the pool per thread at once. */
const IN_FLIGHT_PER_THREAD = 2;
/** How often the watchdog reads the clock (ms). */
const WATCH_INTERVAL = 50;

export interface PoolOptions {
  /** Worker threads (≥ 1). */
  threads: number;
  /** The budget per file in milliseconds; 0 for none. */
  budgetMs: number;
  /** The worker bundle (dist/cli-worker.js). */
  workerFile: string;
}

interface InFlight {
  files: number[];
  controller: AbortController;
  /** The file (its place in `files`) the watchdog found over the budget, or -1. */
  overBudget: number;
}

/** A pool whose threads have been started (`startPool`), before or while its files are found. */
export interface StartedPool {
  pool: import('piscina').Piscina;
  clock: Int32Array;
  base: number;
  threads: number;
}

/**
 * Starts the pool's threads: each loads the worker bundle (and through it the rules) while
 * the main thread is still finding the files, so a run's start-up is not paid twice in a row
 * (issue #14: with 1,000 files the folder search and the threads' start-up were each a
 * tenth of the run). `runPool` takes it; `stopPool` ends one a run turned out not to need.
 */
export function startPool(options: PoolOptions): StartedPool {
  // Loaded here, not at the top: a run of a few files never starts a pool. `require`, not
  // `import()`: the CLI's bundle requires piscina from its own bundle, dist/piscina.js
  // (scripts/build.mjs), whose exports only `require` sees by name.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Piscina } = require('piscina') as typeof import('piscina');
  const threads = Math.max(1, options.threads);
  const slots = threads * IN_FLIGHT_PER_THREAD;
  const clock = new Int32Array(new SharedArrayBuffer(slots * 2 * Int32Array.BYTES_PER_ELEMENT));
  const base = Date.now();
  const pool = new Piscina({
    filename: options.workerFile,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 1,
    // The second batch of a thread waits in piscina's queue: the clock starts only when it runs.
    idleTimeout: 60_000,
    workerData: { clock, base },
  });
  // piscina emits 'error' for a worker that fails outside a task; the task's rejection says it.
  pool.on('error', () => {});
  return { pool, clock, base, threads };
}

/** Ends a started pool's threads (a run that did not need it). */
export function stopPool(started: StartedPool): void {
  started.pool.destroy().catch(() => undefined);
}

/**
 * Analyses `jobs` in a pool of worker threads.
 *
 * @param jobs the files, in the order their outcomes are wanted
 * @param sizes each file's size in bytes (for batching; 0 when unknown)
 * @param emit called with each job's index and outcome, in index order
 * @param started the pool, when `startPool` started it already (its `threads` then stand)
 * @returns when every outcome has been emitted and the pool is closed
 */
export async function runPool(
  jobs: readonly FileJob[],
  sizes: readonly number[],
  options: PoolOptions,
  emit: (index: number, outcome: FileOutcome) => void,
  started?: StartedPool,
): Promise<void> {
  const { pool, clock, base, threads } = started ?? startPool(options);
  const slots = threads * IN_FLIGHT_PER_THREAD;

  const done = new Map<number, FileOutcome>();
  const retry: number[][] = [];
  const freeSlots = Array.from({ length: slots }, (_, i) => slots - 1 - i);
  const inFlight = new Map<number, InFlight>();
  let cursor = 0;
  let next = 0;

  const nextBatch = (): number[] | undefined => {
    const again = retry.shift();
    if (again) return again;
    if (cursor >= jobs.length || cursor - next >= MAX_AHEAD) return undefined;
    const files = [cursor];
    let bytes = sizes[cursor++] ?? 0;
    while (cursor < jobs.length && files.length < BATCH_FILES && bytes + (sizes[cursor] ?? 0) <= BATCH_BYTES) {
      bytes += sizes[cursor] ?? 0;
      files.push(cursor++);
    }
    return files;
  };

  return new Promise<void>((resolve, reject) => {
    const watchdog = options.budgetMs > 0 ? setInterval(watch, WATCH_INTERVAL) : undefined;

    function watch(): void {
      const now = Date.now() - base + 1;
      for (const [slot, flight] of inFlight) {
        const started = Atomics.load(clock, slot * 2);
        if (started === 0 || flight.overBudget >= 0 || now - started <= options.budgetMs) continue;
        flight.overBudget = Atomics.load(clock, slot * 2 + 1);
        flight.controller.abort();
      }
    }

    function flush(): void {
      while (done.has(next)) {
        const outcome = done.get(next) as FileOutcome;
        done.delete(next);
        emit(next, outcome);
        next += 1;
      }
    }

    function finished(slot: number): void {
      Atomics.store(clock, slot * 2, 0);
      inFlight.delete(slot);
      freeSlots.push(slot);
      try {
        flush();
      } catch (error) {
        stop();
        reject(error);
        return;
      }
      pump();
    }

    function stop(): void {
      if (watchdog) clearInterval(watchdog);
      void pool.destroy();
    }

    function pump(): void {
      for (;;) {
        if (next >= jobs.length) {
          stop();
          resolve();
          return;
        }
        if (freeSlots.length === 0) return;
        const files = nextBatch();
        if (!files) return;
        const slot = freeSlots.pop() as number;
        const flight: InFlight = { files, controller: new AbortController(), overBudget: -1 };
        inFlight.set(slot, flight);
        pool.run({ slot, jobs: files.map((i) => jobs[i]) }, { signal: flight.controller.signal }).then(
          (answer: string) => {
            // JSON text (server/cli-worker.ts says why).
            const outcomes = JSON.parse(answer) as FileOutcome[];
            files.forEach((file, k) => done.set(file, outcomes[k]));
            finished(slot);
          },
          (error: unknown) => {
            if (flight.overBudget >= 0) {
              // The file over the budget is done for; the others of its batch go again.
              const culprit = files[flight.overBudget];
              done.set(culprit, { kind: 'timed-out' });
              const rest = files.filter((f) => f !== culprit);
              if (rest.length > 0) retry.push(rest);
            } else if (files.length > 1) {
              for (const file of files) retry.push([file]);
            } else {
              done.set(files[0], { kind: 'internal', message: error instanceof Error ? error.message : String(error) });
            }
            finished(slot);
          },
        );
      }
    }

    pump();
  });
}
