/**
 * One file's analysis as the CLI runs it, in this process or in a worker of the pool
 * (server/cli/pool.ts, server/cli-worker.ts): read the file (unless its text is given, as a
 * Word file's is), lint it, or lint and fix it. Everything in and out is plain data, so a
 * job and its outcome cross to a worker thread and back by structured clone. Nothing here
 * writes: `--fix` writes in the main thread (server/cli.ts, with the checks of
 * server/cli/files.ts), from the text this returns.
 */
import type { Config } from '../../rules/engine/config';
import { type ErrorRate, errorRate } from '../../rules/engine/error-rate';
import { lint, lintAndFix } from '../../rules/engine/lint';
import type { Finding, Locale } from '../../rules/types';
import { type ReadProblemKind, readTextFile } from './files';

/** What to analyse and how. */
export interface FileJob {
  /** Absolute path (read unless `text` is given). */
  filePath: string;
  /** The text, when the main thread read it (a Word file's paragraphs); else the file is read here. */
  text?: string;
  configs: readonly Config[];
  locale: Locale;
  /** Lint and fix (`--fix`), rather than only lint. */
  fix: boolean;
}

/** A rule that threw, as words (an Error does not survive the trip from a worker whole). */
export interface FailureNote {
  ruleId: string;
  reason: string;
}

export type FileOutcome =
  | { kind: 'read-failed'; problem: ReadProblemKind; detail?: string }
  | {
      kind: 'linted';
      /** The text the findings index into: after fixes when `changed`, else as read (no BOM). */
      text: string;
      findings: Finding[];
      failures: FailureNote[];
      errorRate: ErrorRate;
      /** `--fix` changed the text: `original` is what was read, to check the file against before writing. */
      changed: boolean;
      original?: string;
      bom: boolean;
    }
  /** A bug of ours on this file (the message of what was thrown). */
  | { kind: 'internal'; message: string }
  /** Its analysis ran past the time budget and was stopped (server/cli/pool.ts). */
  | { kind: 'timed-out' };

/**
 * Analyses one file. Never throws: a failure to read or a throw in the engine is an outcome.
 *
 * @param job the file, its configs (nearest first resolved by the caller), locale and mode
 * @returns the outcome, plain data
 */
export function analyseFile(job: FileJob): FileOutcome {
  let text: string;
  let bom = false;
  if (job.text !== undefined) {
    text = job.text;
  } else {
    const read = readTextFile(job.filePath);
    if (!read.ok) return { kind: 'read-failed', problem: read.kind, detail: read.detail };
    text = read.text;
    bom = read.bom;
  }
  try {
    const options = { configs: job.configs, locale: job.locale };
    const result = job.fix ? lintAndFix(text, options) : { ...lint(text, options), output: text, changed: false };
    const changed = result.changed;
    return {
      kind: 'linted',
      text: result.output,
      findings: result.findings,
      failures: result.failures.map((f) => ({ ruleId: f.ruleId, reason: f.error instanceof Error ? f.error.message : String(f.error) })),
      errorRate: errorRate(result.report, result.findings),
      changed,
      original: changed ? text : undefined,
      bom,
    };
  } catch (error) {
    return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
  }
}
