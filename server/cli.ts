/**
 * `party-report`: the command line, twin of the language server for the terminal and CI.
 *
 *   party-report lint [--format stylish|json|sarif] [--fix [--follow-symlinks]] [--config FILE]
 *                     [--locale zh-CN|en] [--quiet] [--max-error-rate N] [--sort path|error-rate] PATH...
 *   party-report convert REPORT.docx   (a Word draft as Markdown; server/cli/convert.ts)
 *   party-report mcp    (MCP over stdio; server/mcp.ts)
 *
 * Exit status: 0 no error-severity finding; 1 some (or an error rate above
 * --max-error-rate); 2 bad usage, a path or file that could not be linted (missing,
 * unreadable, binary, not UTF-8), a bad config, or a file `--fix` did not write
 * (read-only, changed since read, a link out of the tree given). Files that can be
 * linted are linted even when others cannot.
 *
 * `main` does the work against an injectable `CliIO`, so tests run it in-process; the
 * bundle (dist/cli.js) calls it with the real process when run directly. It answers
 * synchronously, except when a Word file is read (mammoth is asynchronous): then it
 * returns a Promise of the exit status.
 */
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, ConfigError } from '../rules/engine/config';
import { lint, lintAndFix, type LintResult } from '../rules/engine/lint';
import { errorRate } from '../rules/engine/error-rate';
import { resolveLocale } from '../rules/engine/messages';
import type { Locale } from '../rules/types';
import { rules } from '../rules/index';
import pkg from '../package.json' with { type: 'json' };
import { configsFor, readConfigFile } from './config-files';
import { bytesRead, CHANGED_SINCE_READ, expandPaths, fixRefusal, readTextFile, writeFileAtomic } from './cli/files';
import { applyIgnoreFiles } from './ignore-files';
import { formatJson } from './cli/format-json';
import { formatSarif } from './cli/format-sarif';
import { escapeControls, formatStylish } from './cli/format-stylish';
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
import { type DocxRead, isDocxPath, readDocxFile } from './docx';

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
}

type Format = 'stylish' | 'json' | 'sarif';

interface Options {
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
  paths: string[];
}

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
  return { format, fix: values.fix ?? false, followSymlinks: values['follow-symlinks'] ?? false, config: values.config, locale, quiet: values.quiet ?? false, maxErrorRate, sort, paths };
}

/**
 * @param docxReads the Word files among the paths, read beforehand (undefined on the first
 *   pass: if there are any, they are read and this runs again with them)
 */
function runLint(options: Options, io: CliIO, docxReads?: Map<string, DocxRead>): number | Promise<number> {
  const { locale } = options;
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

  // The ignore files' notes are said once: not again when the run resumes after reading Word files.
  const warn = docxReads === undefined ? (line: string) => io.stderr.write(line) : () => {};
  const expansion = applyIgnoreFiles(expandPaths(options.paths, io.cwd), options.paths, io.cwd, locale, warn);
  if (docxReads === undefined && expansion.files.some(isDocxPath)) {
    // Word files are read first (asynchronously), then everything is linted as usual.
    const docxFiles = expansion.files.filter(isDocxPath);
    return Promise.all(docxFiles.map(readDocxFile)).then((reads) => runLint(options, io, new Map(docxFiles.map((file, i) => [file, reads[i]]))));
  }
  const results: FileResult[] = [];
  for (const problem of expansion.problems) {
    const message = describeReadProblem(problem.kind, locale, problem.code);
    complain(displayPath(resolve(io.cwd, problem.path), io.cwd), message);
    // A path that is not there or cannot be examined is a file that could not be linted.
    if (problem.kind !== 'no-match') {
      results.push({ filePath: resolve(io.cwd, problem.path), findings: [], lines: null, fatal: message });
    }
  }

  let errorFindings = 0;
  // What --fix did, for the summary line.
  let written = 0;
  const skipped = new Map<FixSkip, number>();
  let overRate = false;
  for (const filePath of expansion.files) {
    const read = readReport(filePath, docxReads);
    if (!read.ok) {
      const message = read.docx ? describeDocxRead(read.kind, locale, read.detail) : describeReadProblem(read.kind, locale, read.detail);
      complain(displayPath(filePath, io.cwd), message);
      results.push({ filePath, findings: [], lines: null, fatal: message });
      continue;
    }
    const configs = configsOf(filePath);
    if (configs instanceof ConfigError) {
      if (!reported.has(configs.message)) io.stderr.write(`party-report: ${escapeControls(configs.message)}\n`);
      reported.add(configs.message);
      trouble = true;
      results.push({ filePath, findings: [], lines: null, fatal: configs.message });
      continue;
    }
    const lintOptions = { configs, locale };
    let result: LintResult;
    // A fix is offsets into the text read from the Word file, not into the zip: refused.
    if (options.fix && read.docx) {
      complain(displayPath(filePath, io.cwd), say(fixSkips.word, locale));
      skipped.set('word', (skipped.get('word') ?? 0) + 1);
    }
    try {
      if (options.fix && !read.docx) {
        const fixed = lintAndFix(read.text, lintOptions);
        result = fixed;
        if (fixed.changed) {
          const root = expansion.roots.get(filePath) ?? dirname(filePath);
          const skip = writeFixes(filePath, root, fixed.output, read.text, read.bom, options.followSymlinks, locale);
          if (skip) {
            const [reason, detail] = skip;
            complain(displayPath(filePath, io.cwd), say(fixSkips[reason], locale, detail));
            skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
            // What is shown must match the file on disk, which still has the original text.
            result = lint(read.text, lintOptions);
          } else {
            written += 1;
          }
        }
      } else {
        result = lint(read.text, lintOptions);
      }
    } catch (error) {
      // A bug of ours on one file must not stop the others or show a stack trace.
      const message = say(fileErrors.internal, locale, error instanceof Error ? error.message : String(error));
      complain(displayPath(filePath, io.cwd), message);
      results.push({ filePath, findings: [], lines: null, fatal: message });
      continue;
    }
    for (const failure of result.failures) {
      const reason = failure.error instanceof Error ? failure.error.message : String(failure.error);
      io.stderr.write(`party-report: rule ${failure.ruleId} failed on ${escapeControls(displayPath(filePath, io.cwd))}: ${escapeControls(reason)}\n`);
    }
    errorFindings += result.findings.filter((f) => f.severity === 'error').length;
    let findings = options.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
    // A fix's offsets index the text read from a Word file, which nothing can write back.
    if (read.docx) findings = findings.map(({ fix: _fix, ...finding }) => finding);
    const rate = errorRate(result.report, result.findings);
    if (options.maxErrorRate !== undefined && rate.perTenThousand > options.maxErrorRate) overRate = true;
    results.push({ filePath, findings, lines: result.report.lines, errorRate: rate });
  }

  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  if (options.sort === 'error-rate') results.sort((a, b) => (b.errorRate?.perTenThousand ?? -1) - (a.errorRate?.perTenThousand ?? -1));
  if (options.format === 'json') {
    io.stdout.write(formatJson(results));
  } else if (options.format === 'sarif') {
    io.stdout.write(formatSarif(results, { locale, cwd: io.cwd, rules, toolVersion: pkg.version }));
  } else {
    const color = useColor(io);
    io.stdout.write(formatStylish(results, { locale, color, cwd: io.cwd, showFixable: !options.fix }));
  }
  if (options.fix) io.stderr.write(`party-report: ${fixSummaryLine(written, skipped, locale)}\n`);
  if (trouble || skipped.size > 0) return EXIT_TROUBLE;
  return errorFindings > 0 || overRate ? EXIT_FINDINGS : EXIT_OK;
}

/** A file's text: a Word file's from `docxReads` (read before), any other file's read now. */
function readReport(filePath: string, docxReads: Map<string, DocxRead> | undefined) {
  if (!isDocxPath(filePath)) return { ...readTextFile(filePath), docx: false as const };
  // A Word file that appeared after the first expansion was not read: it is not linted now.
  const read: DocxRead = docxReads?.get(filePath) ?? { ok: false, kind: 'unreadable', detail: 'ENOENT' };
  return read.ok ? { ...read, bom: false, docx: true as const } : { ...read, docx: true as const };
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

/** Colour when stdout is a terminal and NO_COLOR is unset or empty; FORCE_COLOR overrides. */
function useColor(io: CliIO): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR) return false;
  return io.stdout.isTTY === true;
}

// Run when this is the program (the CommonJS bundle dist/cli.js), not when imported by tests.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // `party-report lint … | head` closes the pipe early: not an error of ours.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const argv = process.argv.slice(2);
  if (argv[0] === 'mcp' && argv.length === 1) {
    // The MCP server is its own bundle beside this one (scripts/build.mjs), loaded only here.
    const { serveMcp } = require(require('node:path').join(__dirname, 'mcp.js')) as typeof import('./mcp');
    serveMcp().catch((error: unknown) => {
      process.stderr.write(`party-report mcp: ${String(error)}\n`);
      process.exit(EXIT_TROUBLE);
    });
  } else {
    // The last line of defence: a message, exit 2, and the stack only when asked for.
    const internalError = (error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      process.stderr.write(`party-report: 内部错误 (internal error): ${detail}\n`);
      if (process.env.PARTY_REPORT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
      process.exitCode = EXIT_TROUBLE;
    };
    try {
      const code = main(argv);
      if (typeof code === 'number') process.exitCode = code;
      else code.then((status) => (process.exitCode = status), internalError);
    } catch (error) {
      internalError(error);
    }
  }
}
