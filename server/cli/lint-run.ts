/**
 * The lint run of `party-report lint`: the configs found, the paths expanded (Word files read
 * first), each file linted in this process or in the pool of worker threads, `--fix` written
 * in this thread, and the results emitted in path order as they come. Apart from the
 * command line's parsing (server/cli/options.ts) because this is where the work and its
 * failure modes are; see server/cli.ts for the exit statuses and where files are linted.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Config, ConfigError } from '../../rules/engine/config';
import type { Locale } from '../../rules/types';
import { LineTable } from '../../rules/model/lines';
import { configsFor, readConfigFile } from '../config-files';
import { applyIgnoreFiles } from '../ignore-files';
import type { DocxRead } from '../docx';
import { analyseFile, type FileJob, type FileOutcome } from './analyse';
import { bytesRead, CHANGED_SINCE_READ, expandPaths, fixRefusal, writeFileAtomic } from './files';
import { runPool, type StartedPool, startPool, stopPool } from './pool';
import { escapeControls } from './format-stylish';
import { outputSink, progressReporter } from './output';
import { displayPath, type FileResult } from './results';
import { describeErrno, describeReadProblem, fileErrors, type FixSkip, fixSkips, fixSummaryLine, say, shortPath } from './text';
import { describeDocxRead } from './convert';
import { isDocxPath, loadDocx } from './docx-lazy';
import { type CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, type Options } from './options';

/**
 * Files up to this size are linted in this process when the run is small; a larger one goes
 * to a worker thread, which can be stopped at the budget. Every analysis path is linear in
 * the text (issue #15), so a file this size takes about a second at most: it cannot hang.
 */
export const IN_PROCESS_MAX_BYTES = 512 * 1024;
/** From this many files on a run uses the pool of worker threads (a worker costs a start-up). */
export const POOL_MIN_FILES = 4;

/**
 * Lints the files of a parsed `lint` command and writes their results to `io.stdout`, and
 * problems (unreadable paths, bad configs, files `--fix` did not write) to `io.stderr`.
 * Never throws for a file's problem: that file is reported and the others go on.
 *
 * @param options the parsed command line (server/cli/options.ts)
 * @param io streams, environment, working folder and the worker bundle, if any
 * @param docxReads the Word files among the paths, read beforehand (undefined on the first
 *   pass: if there are any, they are read and this runs again with them)
 * @param early the pool started on the first pass (passed on to the second)
 * @returns the exit status (server/cli.ts); a Promise of it when the pool lints the files
 *   or Word files are read first
 */
export function runLint(options: Options, io: CliIO, docxReads?: Map<string, DocxRead>, early?: StartedPool): number | Promise<number> {
  let trouble = false;
  const complain = (what: string, message: string) => {
    io.stderr.write(`party-report: ${escapeControls(shortPath(what))}: ${escapeControls(message)}\n`);
    trouble = true;
  };

  // An explicit config is read once, before anything else: if it is broken nothing is linted.
  let explicit: Config[] | undefined;
  if (options.config !== undefined) {
    try {
      explicit = [readConfigFile(resolve(io.cwd, options.config))];
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr.write(`party-report: ${escapeControls(error.message)}\n`);
      return EXIT_TROUBLE;
    }
  }
  // Otherwise each file's nearest .partyreportrc.*, looked up once per folder.
  const byFolder = new Map<string, Config[] | ConfigError>();
  const reported = new Set<string>();
  const configsOf = (file: string): Config[] | ConfigError => {
    if (explicit) return explicit;
    const folder = dirname(file);
    let configs = byFolder.get(folder);
    if (configs === undefined) {
      try {
        configs = configsFor(file);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        configs = error;
      }
      byFolder.set(folder, configs);
    }
    return configs;
  };

  // A run that will likely use the pool starts its threads now: they load the rules while
  // this thread finds the files (server/cli/pool.ts, `startPool`).
  if (docxReads === undefined && io.workerFile !== undefined && options.jobs > 1 && likelyPooled(options.paths, io.cwd)) {
    early = startPool({ threads: options.jobs, budgetMs: options.timeout * 1000, workerFile: io.workerFile });
  }
  const started = early;
  const stop = (error: unknown): never => {
    if (started) stopPool(started);
    throw error;
  };
  try {
    const result = lintFiles(options, io, complain, configsOf, reported, docxReads, started, () => trouble);
    // A rejection as well as a throw stops threads started early (the pool closes itself
    // only once runPool has them).
    return typeof result === 'number' ? result : result.catch(stop);
  } catch (error) {
    return stop(error);
  }
}

/**
 * Whether a lint of `paths` will likely use the pool: a folder or a glob among them, or at
 * least POOL_MIN_FILES of them. A wrong guess costs a thread's start-up on another core.
 */
function likelyPooled(paths: readonly string[], cwd: string): boolean {
  if (paths.length >= POOL_MIN_FILES) return true;
  return paths.some((path) => {
    try {
      const stat = statSync(resolve(cwd, path), { throwIfNoEntry: false });
      // Not there: a glob (fast-glob's special characters) may match many files, a typo none.
      return stat ? stat.isDirectory() : /[*?[{]/.test(path);
    } catch {
      return false;
    }
  });
}

/** The rest of `runLint`: the files found, linted (in the pool or here) and written out. */
function lintFiles(
  options: Options,
  io: CliIO,
  complain: (what: string, message: string) => void,
  configsOf: (file: string) => Config[] | ConfigError,
  reported: Set<string>,
  docxReads: Map<string, DocxRead> | undefined,
  early: StartedPool | undefined,
  troubleSoFar: () => boolean,
): number | Promise<number> {
  const { locale } = options;
  let trouble = false;
  // The ignore files' notes are said once: not again when the run resumes after reading Word files.
  const warn = docxReads === undefined ? (line: string) => io.stderr.write(line) : () => {};
  const expansion = applyIgnoreFiles(expandPaths(options.paths, io.cwd), options.paths, io.cwd, locale, warn);
  if (docxReads === undefined && expansion.files.some(isDocxPath)) {
    // Word files are read first (asynchronously), then everything is linted as usual.
    const docxFiles = expansion.files.filter(isDocxPath);
    return loadDocx()
      .then((docx) => Promise.all(docxFiles.map(docx.readDocxFile)))
      .then(
        (reads) => runLint(options, io, new Map(docxFiles.map((file, i) => [file, reads[i]])), early),
        (error: unknown) => {
          if (early) stopPool(early);
          throw error;
        },
      );
  }
  // Every path, linted or not, in the order of the output: by path.
  const entries: Entry[] = [];
  for (const problem of expansion.problems) {
    const message = describeReadProblem(problem.kind, locale, problem.code);
    complain(displayPath(resolve(io.cwd, problem.path), io.cwd), message);
    // A path that is not there or cannot be examined is a file that could not be linted.
    if (problem.kind !== 'no-match') {
      const filePath = resolve(io.cwd, problem.path);
      entries.push({ filePath, result: { filePath, findings: [], lines: null, fatal: message } });
    }
  }
  for (const filePath of expansion.files) entries.push({ filePath });
  entries.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));

  let errorFindings = 0;
  // What --fix did, for the summary line.
  let written = 0;
  const skipped = new Map<FixSkip, number>();
  let overRate = false;

  // Each entry becomes a result now (it cannot be linted) or a job for the analysis.
  const jobs: FileJob[] = [];
  const sizes: number[] = [];
  const jobEntries: Entry[] = [];
  const entryAt: number[] = [];
  for (let at = 0; at < entries.length; at++) {
    const entry = entries[at];
    if (entry.result) continue;
    const { filePath } = entry;
    const docx = isDocxPath(filePath);
    let text: string | undefined;
    if (docx) {
      // A Word file that appeared after the first expansion was not read: it is not linted now.
      const read: DocxRead = docxReads?.get(filePath) ?? { ok: false, kind: 'unreadable', detail: 'ENOENT' };
      if (!read.ok) {
        entry.fatal = describeDocxRead(read.kind, locale, read.detail);
        continue;
      }
      text = read.text;
    }
    const configs = configsOf(filePath);
    if (configs instanceof ConfigError) {
      entry.configError = configs;
      continue;
    }
    entry.docx = docx;
    jobs.push({ filePath, text, configs, locale, fix: options.fix && !docx });
    sizes.push(text !== undefined ? text.length * 3 : sizeOf(filePath));
    jobEntries.push(entry);
    entryAt.push(at);
  }

  const sink = outputSink(options, io);
  const progress = progressReporter(io, jobs.length, locale);
  // Entries before the next job's are done already: they are emitted as the jobs' outcomes come.
  let emitted = 0;
  const emitUpTo = (end: number) => {
    for (; emitted < end; emitted++) {
      const entry = entries[emitted];
      if (entry.result) sink.file(entry.result, progress);
      else if (entry.fatal !== undefined) {
        complain(displayPath(entry.filePath, io.cwd), entry.fatal);
        sink.file({ filePath: entry.filePath, findings: [], lines: null, fatal: entry.fatal }, progress);
      } else if (entry.configError) {
        const message = entry.configError.message;
        if (!reported.has(message)) io.stderr.write(`party-report: ${escapeControls(message)}\n`);
        reported.add(message);
        trouble = true;
        sink.file({ filePath: entry.filePath, findings: [], lines: null, fatal: message }, progress);
      }
    }
  };
  const onOutcome = (index: number, outcome: FileOutcome) => {
    const at = entryAt[index];
    emitUpTo(at);
    sink.file(resultOf(jobEntries[index], jobs[index], outcome), progress);
    emitted = at + 1;
    progress.done(index + 1);
  };

  /** The result shown for one analysed file, after writing its fixes (in this thread). */
  const resultOf = (entry: Entry, job: FileJob, outcome: FileOutcome): FileResult => {
    const { filePath } = entry;
    const fatal = (message: string): FileResult => {
      complain(displayPath(filePath, io.cwd), message);
      return { filePath, findings: [], lines: null, fatal: message };
    };
    if (options.fix && entry.docx) {
      // A fix is offsets into the text read from the Word file, not into the zip: refused.
      complain(displayPath(filePath, io.cwd), say(fixSkips.word, locale));
      skipped.set('word', (skipped.get('word') ?? 0) + 1);
    }
    if (outcome.kind === 'read-failed') return fatal(describeReadProblem(outcome.problem, locale, outcome.detail));
    // A bug of ours on one file must not stop the others or show a stack trace.
    if (outcome.kind === 'internal') return fatal(say(fileErrors.internal, locale, outcome.message));
    if (outcome.kind === 'timed-out') return fatal(say(fileErrors.timedOut, locale, String(options.timeout), String(Math.max(30, options.timeout * 4))));
    let linted = outcome;
    if (linted.changed && linted.original !== undefined) {
      const root = expansion.roots.get(filePath) ?? dirname(filePath);
      const skip = writeFixes(filePath, root, linted.text, linted.original, linted.bom, options.followSymlinks, locale);
      if (skip) {
        const [reason, detail] = skip;
        complain(displayPath(filePath, io.cwd), say(fixSkips[reason], locale, detail));
        skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
        // What is shown must match the file on disk, which still has the original text. The
        // fixing run (which linted this text first) kept to the budget: linting it again here does too.
        const again = analyseFile({ ...job, text: linted.original, fix: false });
        if (again.kind !== 'linted') return fatal(again.kind === 'internal' ? say(fileErrors.internal, locale, again.message) : '');
        linted = again;
      } else {
        written += 1;
      }
    }
    for (const failure of linted.failures) {
      io.stderr.write(`party-report: rule ${failure.ruleId} failed on ${escapeControls(displayPath(filePath, io.cwd))}: ${escapeControls(failure.reason)}\n`);
    }
    errorFindings += linted.findings.filter((f) => f.severity === 'error').length;
    let findings = options.quiet ? linted.findings.filter((f) => f.severity === 'error') : linted.findings;
    // A fix's offsets index the text read from a Word file, which nothing can write back.
    if (entry.docx) findings = findings.map(({ fix: _fix, ...finding }) => finding);
    const rate = linted.errorRate;
    if (options.maxErrorRate !== undefined && rate.perTenThousand > options.maxErrorRate) overRate = true;
    return { filePath, findings, lines: new LineTable(linted.text), errorRate: rate };
  };

  const finish = (): number => {
    emitUpTo(entries.length);
    progress.end();
    sink.end();
    if (options.fix) io.stderr.write(`party-report: ${fixSummaryLine(written, skipped, locale)}\n`);
    if (trouble || troubleSoFar() || skipped.size > 0) return EXIT_TROUBLE;
    return errorFindings > 0 || overRate ? EXIT_FINDINGS : EXIT_OK;
  };

  // A run of a few files is linted here (a worker costs a start-up), unless one of them is
  // large enough to need the time budget, which only a worker can enforce; a run of many
  // files, or a large one, goes to the pool of worker threads (server/cli/pool.ts).
  const budgeted = options.timeout > 0 && sizes.some((size) => size > IN_PROCESS_MAX_BYTES);
  const pooled = io.workerFile !== undefined && jobs.length > 0 && ((options.jobs > 1 && jobs.length >= POOL_MIN_FILES) || budgeted);
  if (!pooled) {
    if (early) stopPool(early);
    for (let i = 0; i < jobs.length; i++) onOutcome(i, analyseFile(jobs[i]));
    return finish();
  }
  // No more threads than there are files to keep them busy (a thread costs a start-up).
  const threads = Math.max(1, Math.min(options.jobs, Math.ceil(jobs.length / POOL_MIN_FILES)));
  return runPool(jobs, sizes, { threads, budgetMs: options.timeout * 1000, workerFile: io.workerFile as string }, onOutcome, early).then(finish);
}

/** One path of the run: already a result, a file that cannot be linted, or a job. */
interface Entry {
  filePath: string;
  result?: FileResult;
  /** Why it cannot be linted (a Word file that could not be read). */
  fatal?: string;
  configError?: ConfigError;
  docx?: boolean;
}

/** A file's size in bytes, 0 when it cannot be examined (reading it will say why). */
function sizeOf(filePath: string): number {
  try {
    return statSync(filePath).size;
  } catch {
    return 0;
  }
}


/**
 * Writes `output` over the file `filePath` (found under `root`) unless `--fix` must not:
 * see `fixRefusal`; and the file must still hold what was read (`original`).
 * @returns null when written, else why not and a detail for the message
 */
function writeFixes(
  filePath: string,
  root: string,
  output: string,
  original: string,
  bom: boolean,
  followSymlinks: boolean,
  locale: Locale,
): [FixSkip, string] | null {
  try {
    const refusal = fixRefusal(filePath, root, followSymlinks);
    if (refusal) return [refusal.reason, refusal.reason === 'outside' ? shortPath(refusal.target) : ''];
    writeFileAtomic(filePath, output, bom, bytesRead(original, bom));
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === CHANGED_SINCE_READ) return ['changed', ''];
    return ['write-failed', code ? describeErrno(code, locale) : String(error)];
  }
}

