/**
 * Where the CLI's file results go (server/cli.ts): the formats written file by file as the
 * files are done, and the progress line of a long run on a terminal.
 */
import type { Locale } from '../../rules/types';
import { rules } from '../../rules/index';
import pkg from '../../package.json' with { type: 'json' };
import type { CliIO, Options } from './options';
import { formatJson, toJsonFile } from './format-json';
import { formatSarif } from './format-sarif';
import { formatStylish, stylishFile, stylishSummary, stylishTotals } from './format-stylish';
import type { FileResult } from './results';
import { progressLine } from './text';

/** Runs smaller than this never show a progress line. */
const PROGRESS_MIN_FILES = 4;

/**
 * Where file results go. Stylish and JSON are written file by file as they come, so a run
 * over thousands of files holds none of them; SARIF (one log object) and `--sort
 * error-rate` need them all, and hold them until the end.
 */
export function outputSink(options: Options, io: CliIO): { file: (result: FileResult, progress: Progress) => void; end: () => void } {
  const { locale, format } = options;
  if (format === 'sarif' || options.sort === 'error-rate') {
    const held: FileResult[] = [];
    return {
      file: (result) => held.push(result),
      end: () => {
        if (options.sort === 'error-rate') held.sort((a, b) => (b.errorRate?.perTenThousand ?? -1) - (a.errorRate?.perTenThousand ?? -1));
        if (format === 'json') io.stdout.write(formatJson(held));
        else if (format === 'sarif') io.stdout.write(formatSarif(held, { locale, cwd: io.cwd, rules, toolVersion: pkg.version }));
        else io.stdout.write(formatStylish(held, stylishOptions(options, io)));
      },
    };
  }
  if (format === 'json') {
    // `[` + each file's JSON joined by commas + `]`: the same bytes as one JSON.stringify of the array.
    let first = true;
    return {
      file: (result, progress) => {
        progress.clear();
        io.stdout.write(`${first ? '[' : ','}${JSON.stringify(toJsonFile(result))}`);
        first = false;
      },
      end: () => void io.stdout.write(`${first ? '[' : ''}]\n`),
    };
  }
  const stylish = stylishOptions(options, io);
  const totals = stylishTotals();
  return {
    file: (result, progress) => {
      const block = stylishFile(result, stylish, totals);
      if (block === '') return;
      progress.clear();
      io.stdout.write(block);
    },
    end: () => {
      const summary = stylishSummary(totals, stylish);
      if (summary !== '') io.stdout.write(summary);
    },
  };
}

function stylishOptions(options: Options, io: CliIO) {
  return { locale: options.locale, color: useColor(io), cwd: io.cwd, showFixable: !options.fix };
}

export interface Progress {
  /** Erases the progress line before other output (redrawn with the next file). */
  clear(): void;
  end(): void;
}

/**
 * The progress line: on stderr when it is a terminal, once the run has taken a second,
 * redrawn at most ten times a second, erased at the end.
 */
export function progressReporter(io: CliIO, total: number, locale: Locale): Progress & { done: (n: number) => void } {
  const silent = { clear() {}, end() {}, done() {} };
  if (io.stderr.isTTY !== true || total < PROGRESS_MIN_FILES) return silent;
  const started = Date.now();
  let drawn = false;
  let last = 0;
  let count = 0;
  const clear = () => {
    if (drawn) io.stderr.write('\r\u001b[K');
    drawn = false;
  };
  return {
    // Output to the same terminal would run into the line; output to a file or pipe does not.
    clear: io.stdout.isTTY === true ? clear : () => {},
    end: clear,
    done(n: number) {
      count = n;
      const now = Date.now();
      if (now - started < 1000 || now - last < 100) return;
      last = now;
      io.stderr.write(`\r${progressLine(count, total, locale)}\u001b[K`);
      drawn = true;
    },
  };
}

/** Colour when stdout is a terminal and NO_COLOR is unset or empty; FORCE_COLOR overrides. */
export function useColor(io: CliIO): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR) return false;
  return io.stdout.isTTY === true;
}
