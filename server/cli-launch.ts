/**
 * dist/cli.js, the `party-report` program. It answers `--version` and `--help` itself and
 * loads nothing else for them: no rule, no data, no parser (issue #14). Anything else is
 * handed to the CLI proper, server/cli.ts bundled as dist/cli-main.js and required only
 * then, or to the MCP server, dist/mcp.js. Both bundles sit beside this one
 * (scripts/build.mjs).
 */
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import pkg from '../package.json' with { type: 'json' };
import { resolveLocale } from '../rules/engine/messages';
import { usageText } from './cli/usage';
import { requireBundle } from './bundle-cache';

const EXIT_TROUBLE = 2;

/**
 * `version` or `help` when the arguments ask only for that (a `--locale` aside), else
 * null: then the CLI proper parses them, and answers the same for any other spelling.
 */
export function quickAnswer(argv: readonly string[]): 'version' | 'help' | null {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--locale') i++;
    else if (!argv[i].startsWith('--locale=')) rest.push(argv[i]);
  }
  if (rest.length !== 1) return null;
  if (rest[0] === '--version' || rest[0] === '-v') return 'version';
  if (rest[0] === '--help' || rest[0] === '-h') return 'help';
  return null;
}

/** The locale of `--locale`, else of the environment (as server/cli.ts reads them). */
function localeOf(argv: readonly string[]) {
  const i = argv.indexOf('--locale');
  const given = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--locale='))?.slice('--locale='.length);
  const env = process.env;
  return resolveLocale(given || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** `process.stdout`, where `party-report lint … | head` closing the pipe early is not an error of ours. */
function stdout(): NodeJS.WriteStream {
  if (process.stdout.listenerCount('error') === 0) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return process.stdout;
}

/**
 * Writes a quick answer (`--version`, `--help`) to file descriptor 1 itself: the first use
 * of `process.stdout` loads Node's stream modules, ≈13% of `--version`'s whole process
 * (issue #14; bench/RESULTS.md, 2026-12-04). A closed pipe ends the answer quietly, as on
 * the main path; a descriptor that takes no more now (EAGAIN, a non-blocking pipe) gets the
 * rest through `process.stdout`, which waits for it.
 */
function writeQuick(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  try {
    while (at < bytes.length) at += writeSync(1, bytes, at, bytes.length - at);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') stdout().write(bytes.subarray(at));
  }
}

function run(): void {
  const argv = process.argv.slice(2);
  const quick = quickAnswer(argv);
  if (quick === 'version') {
    writeQuick(`${pkg.version}\n`);
    return;
  }
  if (quick === 'help') {
    writeQuick(usageText(localeOf(argv)));
    return;
  }
  stdout();
  if (argv[0] === 'mcp' && argv.length === 1) {
    const { serveMcp } = require(join(__dirname, 'mcp.js')) as typeof import('./mcp');
    serveMcp().catch((error: unknown) => {
      process.stderr.write(`party-report mcp: ${String(error)}\n`);
      process.exit(EXIT_TROUBLE);
    });
    return;
  }
  // The last line of defence: a message, exit 2, and the stack only when asked for.
  const internalError = (error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`party-report: 内部错误 (internal error): ${detail}\n`);
    if (process.env.PARTY_REPORT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    process.exitCode = EXIT_TROUBLE;
  };
  try {
    // Through its V8 code cache when the build wrote one (server/bundle-cache.ts).
    const { main } = requireBundle(join(__dirname, 'cli-main.js')) as typeof import('./cli');
    const code = main(argv, { workerFile: join(__dirname, 'cli-worker.js') });
    if (typeof code === 'number') process.exitCode = code;
    else code.then((status) => (process.exitCode = status), internalError);
  } catch (error) {
    internalError(error);
  }
}

// Run when this is the program (the bundle dist/cli.js), not when imported by tests.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) run();
