/**
 * dist/cli-worker.js: what a thread of the CLI's pool runs (server/cli/pool.ts; piscina
 * loads it). A task is a batch of files; before each file the worker writes which one and
 * when into the shared clock the pool watches, so a file over the time budget is known by
 * name and its worker terminated, whichever place it has in its batch.
 */
import { workerData } from 'node:worker_threads';
import { analyseFile, type FileJob, type FileOutcome } from './cli/analyse';

/** The clock the pool shares with its workers (see `PoolClock` in server/cli/pool.ts). */
interface Shared {
  clock: Int32Array;
  /** `Date.now()` when the pool started: times are stored as milliseconds since then, plus one. */
  base: number;
}

/** One task: a batch of files and the slot of the clock it reports in. */
export interface BatchTask {
  slot: number;
  jobs: FileJob[];
}

/**
 * Analyses a batch of files in order; an empty batch answers at once (the pool's warm-up).
 *
 * @returns the outcomes as JSON text (`FileOutcome[]`): a string crosses to the main thread
 *   as one copy, where the structured clone of the outcomes' objects (a finding is a few
 *   objects) cost the worker a tenth of its time (issue #14); outcomes are plain data
 *   (strings, finite numbers, booleans, arrays, objects), which JSON carries unchanged.
 */
export default function analyseBatch(task: BatchTask): string {
  const { clock, base } = workerData as Shared;
  const outcomes: FileOutcome[] = [];
  for (let i = 0; i < task.jobs.length; i++) {
    Atomics.store(clock, task.slot * 2 + 1, i);
    Atomics.store(clock, task.slot * 2, Date.now() - base + 1);
    outcomes.push(analyseFile(task.jobs[i]));
  }
  Atomics.store(clock, task.slot * 2, 0);
  return JSON.stringify(outcomes);
}
