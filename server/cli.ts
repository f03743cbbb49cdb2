/**
 * `party-report`: the command line, twin of the language server for the terminal and CI.
 *
 *   party-report lint [--format stylish|json|sarif] [--fix [--follow-symlinks]] [--config FILE]
 *                     [--locale zh-CN|en] [--quiet] [--max-error-rate N] [--sort path|error-rate]
 *                     [--timeout SECONDS] [--jobs N] PATH...
 *   party-report convert REPORT.docx   (a Word draft as Markdown; server/cli/convert.ts)
 *   party-report mcp    (MCP over stdio; server/mcp.ts)
 *
 * Exit status: 0 no error-severity finding; 1 some (or an error rate above
 * --max-error-rate); 2 bad usage, a path or file that could not be linted (missing,
 * unreadable, binary, not UTF-8, over the time budget), a bad config, or a file `--fix`
 * did not write (read-only, changed since read, a link out of the tree given). Files that
 * can be linted are linted even when others cannot.
 *
 * Where files are linted: a run of fewer than `POOL_MIN_FILES` files, none larger than
 * `IN_PROCESS_MAX_BYTES`, in this process; otherwise in a pool of worker threads
 * (server/cli/pool.ts), which stops a file at the time budget (`--timeout`) and goes on
 * with the next. Output is written file by file in path order as the files are done.
 * `--fix` writes in this thread either way, with the checks of server/cli/files.ts.
 *
 * `main` does the work against an injectable `CliIO`, so tests run it in-process; the
 * launcher (server/cli-launch.ts, dist/cli.js) calls it with the real process and the
 * worker bundle, from this module's own bundle dist/cli-main.js. It answers synchronously
 * when every file is linted in this process and none is a Word file; otherwise (the pool,
 * or mammoth, which is asynchronous) it returns a Promise of the exit status.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, ConfigError } from '../rules/engine/config';
import { resolveLocale } from '../rules/engine/messages';
import type { Locale } from '../rules/types';
import pkg from '../package.json' with { type: 'json' };
import { configsFor, readConfigFile } from './config-files';
import { LineTable } from '../rules/model/lines';
import { analyseFile, type FileJob, type FileOutcome } from './cli/analyse';
import { bytesRead, CHANGED_SINCE_READ, expandPaths, fixRefusal, writeFileAtomic } from './cli/files';
import { runPool, type StartedPool, startPool, stopPool } from './cli/pool';
import { applyIgnoreFiles } from './ignore-files';
import { escapeControls } from './cli/format-stylish';
import { outputSink, progressReporter } from './cli/output';
import { displayPath, type FileResult } from './cli/results';
import {
  describeErrno,
  describeReadProblem,
  fileErrors,
  type FixSkip,
  fixSkips,
  fixSummaryLine,
  say,
  shortPath,
  usageErrors,
  usageHint,
  usageText,
} from './cli/text';
import { describeDocxRead, runConvert } from './cli/convert';
import type { DocxRead } from './docx';
import { isDocxPath, loadDocx } from './cli/docx-lazy';

/** One file's analysis (dist/cli-worker.js takes it from this bundle, dist/cli-main.js). */
export { analyseFile };

/** Exit statuses (design.md, "The command line"). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

/** A writable stream as far as the CLI needs one. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Everything the CLI touches besides the file system. */
export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Environment: LC_ALL / LC_MESSAGES / LANG pick the locale, NO_COLOR / FORCE_COLOR colours. */
  env: Readonly<Record<string, string | undefined>>;
  /** Folder that relative paths are resolved against. */
  cwd: string;
  /**
   * The worker bundle (dist/cli-worker.js; the launcher passes it). Without it every file is
   * linted in this process, synchronously, without a time budget (tests run `main` so).
   */
  workerFile?: string;
}

export type Format = 'stylish' | 'json' | 'sarif';

export interface Options {
  format: Format;
  fix: boolean;
  followSymlinks: boolean;
  config?: string;
  locale: Locale;
  quiet: boolean;
  /** `--max-error-rate`: exit 1 when a file's error rate per 10,000 characters is above it. */
  maxErrorRate?: number;
  /** `--sort error-rate`: files by error rate, highest first (else by path). */
  sort: 'path' | 'error-rate';
  /** `--timeout`: the budget per file in seconds; 0 for none. */
  timeout: number;
  /** `--jobs`: worker threads for a run of many files; 1 lints one file at a time. */
  jobs: number;
  paths: string[];
}

/** The budget per file (seconds) unless `--timeout` says otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 10;
/**
 * Files up to this size are linted in this process when the run is small; a larger one goes
 * to a worker thread, which can be stopped at the budget. Every analysis path is linear in
 * the text (issue #15), so a file this size takes about a second at most: it cannot hang.
 */
export const IN_PROCESS_MAX_BYTES = 512 * 1024;
/** From this many files on a run uses the pool of worker threads (a worker costs a start-up). */
export const POOL_MIN_FILES = 4;
/**
 * Threads unless `--jobs` says otherwise: the CPU count, up to this many. Each thread loads
 * the rules and holds its own heap (about 60 MB): memory stays bounded on a large machine.
 */
export const DEFAULT_MAX_JOBS = 8;

/** The locale the environment asks for (POSIX order: LC_ALL, LC_MESSAGES, LANG). */
export function envLocale(env: CliIO['env']): Locale {
  return resolveLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

class UsageError extends Error {}

/**
 * Runs the CLI.
 *
 * @param argv the arguments after the program name, e.g. `['lint', '--format', 'json', 'docs']`
 * @param io streams, environment and working folder; defaults to the real process's
 * @returns the exit status: 0, 1 or 2 (see the module comment); a Promise of it when a
 *   Word file is read (`convert`, or `lint` given a `.docx`)
 */
export function main(argv: readonly string[], io: Partial<CliIO> = {}): number | Promise<number> {
  const full: CliIO = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    workerFile: io.workerFile,
  };
  // Looked for before parsing, so that even a usage error speaks the language asked for.
  const i = argv.indexOf('--locale');
  const given = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--locale='))?.slice('--locale='.length);
  const locale = given ? resolveLocale(given) : envLocale(full.env);
  if (argv[0] === 'convert') return runConvert(argv.slice(1), full, locale);
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv, locale);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    full.stderr.write(`party-report: ${error.message}\n${usageHint(locale)}\n`);
    return EXIT_TROUBLE;
  }
  if (parsed === 'help') {
    full.stdout.write(usageText(locale));
    return EXIT_OK;
  }
  if (parsed === 'version') {
    full.stdout.write(`${pkg.version}\n`);
    return EXIT_OK;
  }
  return runLint(parsed, full);
}

function parseCommandLine(argv: readonly string[], locale: Locale): Options | 'help' | 'version' {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        'follow-symlinks': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        locale: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'max-error-rate': { type: 'string' },
        sort: { type: 'string' },
        timeout: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    // parseArgs's own message names the option ("Unknown option '--fxi'").
    throw new UsageError(say(usageErrors.badOption, locale, (error as Error).message));
  }
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError(say(usageErrors.noCommand, locale));
  if (command === 'mcp') throw new UsageError(say(usageErrors.mcpAlone, locale));
  if (command !== 'lint') throw new UsageError(say(usageErrors.unknownCommand, locale, command));
  const format = values.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json' && format !== 'sarif') throw new UsageError(say(usageErrors.unknownFormat, locale, format));
  if (paths.length === 0) throw new UsageError(say(usageErrors.noPaths, locale));
  let maxErrorRate: number | undefined;
  if (values['max-error-rate'] !== undefined) {
    maxErrorRate = Number(values['max-error-rate']);
    if (!(maxErrorRate >= 0) || values['max-error-rate'].trim() === '') throw new UsageError(say(usageErrors.badErrorRate, locale, values['max-error-rate']));
  }
  const sort = values.sort ?? 'path';
  if (sort !== 'path' && sort !== 'error-rate') throw new UsageError(say(usageErrors.badSort, locale, sort));
  let timeout = DEFAULT_TIMEOUT_SECONDS;
  if (values.timeout !== undefined) {
    timeout = Number(values.timeout);
    if (!(timeout >= 0) || values.timeout.trim() === '') throw new UsageError(say(usageErrors.badTimeout, locale, values.timeout));
  }
  let jobs = Math.min(availableParallelism(), DEFAULT_MAX_JOBS);
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(say(usageErrors.badJobs, locale, values.jobs));
  }
  return {
    format,
    fix: values.fix ?? false,
    followSymlinks: values['follow-symlinks'] ?? false,
    config: values.config,
    locale,
    quiet: values.quiet ?? false,
    maxErrorRate,
    sort,
    timeout,
    jobs,
    paths,
  };
}

/**
 * @param docxReads the Word files among the paths, read beforehand (undefined on the first
 *   pass: if there are any, they are read and this runs again with them)
 * @param early the pool started on the first pass (passed on to the second)
 */
function runLint(options: Options, io: CliIO, docxReads?: Map<string, DocxRead>, early?: StartedPool): number | Promise<number> {
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

