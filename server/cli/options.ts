/**
 * The command line's contract and its parsing: the streams and environment the CLI is given
 * (`CliIO`), the options of `party-report lint` (`Options`), the exit statuses, and
 * `parseCommandLine`, which turns argv into options or a usage error. Apart from the lint
 * run (server/cli/lint-run.ts) so that what a user types is checked in one place and the
 * run only ever sees valid options.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { resolveLocale } from '../../rules/engine/messages';
import type { Locale } from '../../rules/types';
import { say, usageErrors } from './text';

/** Exit statuses (design.md, "The command line"): no error-severity finding. */
export const EXIT_OK = 0;
/** At least one finding of severity error (or an error rate over `--max-error-rate`). */
export const EXIT_FINDINGS = 1;
/** The run itself failed: bad arguments, a broken config, a file that could not be read. */
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

/** Output formats of `--format`: stylish for people, JSON, SARIF 2.1.0 for code scanning. */
export type Format = 'stylish' | 'json' | 'sarif';

/** The parsed command line of `lint` (and `convert`), as `parseCommandLine` returns it. */
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
 * Threads unless `--jobs` says otherwise: the CPU count, up to this many. Each thread loads
 * the rules and holds its own heap (about 60 MB): memory stays bounded on a large machine.
 */
export const DEFAULT_MAX_JOBS = 8;

/** The locale the environment asks for (POSIX order: LC_ALL, LC_MESSAGES, LANG). */
export function envLocale(env: CliIO['env']): Locale {
  return resolveLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/**
 * A command line that cannot be run: its message (in the locale asked for) is shown with
 * the usage hint and the exit status is 2. A class of its own so `main` tells it from a bug.
 */
export class UsageError extends Error {}

/**
 * Parses the arguments after the program name.
 *
 * @param argv e.g. `['lint', '--format', 'json', 'docs']`
 * @param locale the language of the usage error messages
 * @returns the options of a `lint` run, or `'help'` / `'version'` when those were asked for
 * @throws UsageError for an unknown option or command, no paths, or an invalid value of
 *   `--format`, `--max-error-rate`, `--sort`, `--timeout` or `--jobs`
 */
export function parseCommandLine(argv: readonly string[], locale: Locale): Options | 'help' | 'version' {
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
