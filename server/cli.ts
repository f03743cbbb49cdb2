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
 *
 * The parts: the options and their parsing (server/cli/options.ts), the lint run
 * (server/cli/lint-run.ts), conversion (server/cli/convert.ts), output (server/cli/output.ts).
 */
import { resolveLocale } from '../rules/engine/messages';
import pkg from '../package.json' with { type: 'json' };
import { analyseFile } from './cli/analyse';
import { usageHint, usageText } from './cli/text';
import { runConvert } from './cli/convert';
import { type CliIO, envLocale, EXIT_OK, EXIT_TROUBLE, parseCommandLine, UsageError } from './cli/options';
import { runLint } from './cli/lint-run';

/** One file's analysis (dist/cli-worker.js takes it from this bundle, dist/cli-main.js). */
export { analyseFile };
// What tests and the launcher import from here, wherever it now lives.
export { type CliIO, DEFAULT_MAX_JOBS, DEFAULT_TIMEOUT_SECONDS, envLocale, EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, type Format, type Options, type OutputStream } from './cli/options';
export { IN_PROCESS_MAX_BYTES, POOL_MIN_FILES } from './cli/lint-run';

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
