/**
 * The CLI's PATH arguments turned into the list of files to lint (server/cli/files.ts
 * re-exports all of it): files given outright, folders searched recursively and globs,
 * through a fast-glob whose folder listing is guarded against link cycles, one path per
 * real file, and the folder each file was found under (where `--fix` may write).
 *
 * Separate from files.ts, which reads and writes one file (encoding checks, the `--fix`
 * refusals, the atomic write): finding files is about the file system's shape, not a
 * file's bytes, and it alone needs fast-glob (required lazily: issue #14). No output
 * here: problems are returned as data and worded by the caller; nothing throws.
 */
import { readdirSync as fsReaddirSync, realpathSync, type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type FastGlob from 'fast-glob';

/**
 * fast-glob, loaded at the first glob or folder: linting files named one by one never
 * needs it, and loading its module tree was ≈10% of the CLI's start-up (issue #14).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fg = (): typeof FastGlob => require('fast-glob');

/** Files that directories and globs expand to (a file named explicitly is linted whatever its name). */
export const LINTABLE_FILE = /\.(md|markdown|txt|docx)$/i;

/** Folders never searched when expanding a directory or a glob (dot folders are skipped too). */
const IGNORE = ['**/node_modules/**'];

/** A PATH argument, or a folder met while expanding one, that produced no file. */
export interface PathProblem {
  /** The argument as the user wrote it, or the absolute path of a folder inside it. */
  path: string;
  /**
   * `missing`: no such file or directory; `no-match`: a glob or directory with no lintable
   * file; `inaccessible`: a system error other than ENOENT (its code in `code`).
   */
  kind: 'missing' | 'no-match' | 'inaccessible';
  /** The system error code (`ENOTDIR`, `ELOOP`, `ENAMETOOLONG`, `EACCES`…) for `inaccessible`. */
  code?: string;
}

/** What `expandPaths` found: the files, the folder each was found under, and what produced none. */
export interface Expansion {
  /**
   * Absolute paths, sorted by code point so output order is stable, one per real file: a
   * file reached through several links (or a link loop) is listed once, under the first
   * of its paths in that order.
   */
  files: string[];
  /**
   * For each file, the folder it was found under: the directory given, the working folder
   * for a glob, the file's own folder for a file given outright. `--fix` writes only
   * inside it unless told to follow links (`fixRefusal`).
   */
  roots: Map<string, string>;
  problems: PathProblem[];
}

/**
 * Expands PATH arguments into files.
 *
 * - an existing file is taken as it is, whatever its extension;
 * - an existing directory is searched recursively for `*.md`, `*.markdown`, `*.txt`, `*.docx`,
 *   skipping `node_modules` and folders whose name starts with a dot;
 * - anything else containing glob syntax (`*`, `?`, `[…]`, `{a,b}`) is matched relative to
 *   `cwd` (or absolutely), keeping only those extensions;
 * - anything else is reported as `missing`.
 *
 * A literal path wins over glob syntax, so `报告(1).md` is a file, not a pattern. Links
 * to folders are followed, each real folder searched once (so `ln -s . self` is no loop).
 * A path that cannot be examined (ENOTDIR, ELOOP, ENAMETOOLONG, EACCES…) and a folder
 * that cannot be listed are reported as `inaccessible` with their code. Never throws.
 *
 * @param args the PATH arguments, relative to `cwd` or absolute
 * @param cwd the folder relative paths are resolved against
 */
export function expandPaths(args: readonly string[], cwd: string): Expansion {
  const found: string[] = [];
  const roots = new Map<string, string>();
  const problems: PathProblem[] = [];
  const search = new FolderSearch();
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    let stat: Stats | undefined;
    try {
      stat = statSync(absolute, { throwIfNoEntry: false });
    } catch (error) {
      problems.push({ path: arg, kind: 'inaccessible', code: errorCode(error) });
      continue;
    }
    let matches: string[];
    let root: string;
    const before = search.problems.length;
    if (stat?.isDirectory()) {
      matches = search.run(absolute, ['**/*']);
      root = absolute;
    } else if (stat) {
      matches = [absolute];
      root = dirname(absolute);
    } else if (fg().isDynamicPattern(toPattern(arg))) {
      matches = search.run(cwd, [toPattern(arg)]);
      root = resolve(cwd, globBase(toPattern(arg)));
    } else {
      problems.push({ path: arg, kind: 'missing' });
      continue;
    }
    // A folder that could not be listed explains an empty result better than "no match".
    if (matches.length === 0 && search.problems.length === before) problems.push({ path: arg, kind: 'no-match' });
    for (const file of matches) {
      found.push(file);
      if (!roots.has(file)) roots.set(file, root);
    }
  }
  problems.push(...search.problems);
  return { files: uniqueByRealPath(found), roots, problems };
}

/**
 * Sorted, one path per real file: the file's own path when it was found under it, else
 * the first of its paths in code-point order.
 */
function uniqueByRealPath(paths: readonly string[]): string[] {
  const chosen = new Map<string, string>();
  for (const path of [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    let real: string;
    try {
      // The system's realpath(3): one call, where the JavaScript one lstats every folder of
      // every path (a tenth of the main thread's time on a folder of 1,000 files).
      real = realpathSync.native(path);
    } catch {
      real = path; // reported when it is read
    }
    if (!chosen.has(real) || path === real) chosen.set(real, path);
  }
  return [...chosen.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * fast-glob over a file system whose `readdirSync` lists each real folder once per search: a link
 * back to a folder already listed (a loop, or a second way in) reads as an empty folder,
 * so the walk ends however the links are laid out. Folders that cannot be listed are
 * collected in `problems` (fast-glob would only skip them).
 */
class FolderSearch {
  readonly problems: PathProblem[] = [];
  private readonly reported = new Set<string>();

  /** The lintable files `patterns` match under `cwd`; each real folder is listed once per call. */
  run(cwd: string, patterns: string[]): string[] {
    const listed = new Set<string>();
    const readdirSync = ((path: string, options?: { withFileTypes: true }) => {
      try {
        const real = realpathSync(path);
        if (listed.has(real)) return [];
        listed.add(real);
        return options ? fsReaddirSync(path, options) : fsReaddirSync(path);
      } catch (error) {
        if (!this.reported.has(path)) this.problems.push({ path, kind: 'inaccessible', code: errorCode(error) });
        this.reported.add(path);
        throw error;
      }
    }) as typeof fsReaddirSync;
    return fg()
      .sync(patterns, {
        cwd,
        absolute: true,
        dot: false,
        ignore: IGNORE,
        onlyFiles: true,
        suppressErrors: true,
        followSymbolicLinks: true,
        fs: { readdirSync },
      })
      .filter((file) => LINTABLE_FILE.test(file))
      .map((file) => resolve(file));
  }
}

/** The `code` of a system error (`ELOOP`…), or the error in words when it has none. */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}

/** The folders at the start of `pattern` before its first segment with glob syntax (a glob's fixed base). */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (segment !== '' && fg().isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/') || (pattern.startsWith('/') ? '/' : '.');
}

/** Glob patterns use `/`; on Windows a user may still type `docs\*.md`. */
function toPattern(arg: string): string {
  return process.platform === 'win32' ? arg.replace(/\\/g, '/') : arg;
}
