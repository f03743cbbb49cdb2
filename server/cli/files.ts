/**
 * The CLI's file handling: turning the PATH arguments into a list of files, reading each
 * one with the checks a draft from Word needs (binary, GBK, BOM, size), and writing fixes
 * back atomically. No output here: problems are returned as data and worded by the caller.
 */
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  openSync,
  readdirSync as fsReaddirSync,
  readSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
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

/** Files larger than this are skipped with a message: no report is 10 MB of text. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** How many leading bytes are searched for a NUL byte to tell a binary file. */
const BINARY_SNIFF_BYTES = 8 * 1024;

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

/** Why a file could not be read as text. */
export type ReadProblemKind = 'missing' | 'unreadable' | 'not-a-file' | 'too-large' | 'binary' | 'utf16' | 'not-utf8';

export type ReadResult =
  | {
      ok: true;
      /** The decoded text, without a UTF-8 BOM: the offsets of findings index into this. */
      text: string;
      /** Whether the file started with a UTF-8 BOM (written back by `writeFileAtomic`). */
      bom: boolean;
    }
  | {
      ok: false;
      kind: ReadProblemKind;
      /** The system error code (`EACCES`…) for `unreadable`, the size in bytes for `too-large`. */
      detail?: string;
    };

/**
 * Reads a file as UTF-8 text, refusing what a report cannot be: a missing or unreadable
 * file, a directory, a file over `MAX_FILE_BYTES`, a binary file (a NUL byte in the first
 * 8 KB), UTF-16 (by its BOM, or its shape without one) and anything that is not valid UTF-8 (typically GBK from an
 * older Word or WPS). A UTF-8 BOM is stripped. Never throws.
 */
export function readTextFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { ok: false, kind: 'not-a-file' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, kind: 'too-large', detail: String(stat.size) };
    bytes = readAll(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, kind: 'missing' };
    if (code === 'EFBIG') return { ok: false, kind: 'too-large', detail: `>${MAX_FILE_BYTES}` };
    return { ok: false, kind: 'unreadable', detail: code ?? String(error) };
  }
  return decodeText(bytes);
}

function readAll(path: string): Buffer {
  // Opened once so a file that grows after stat cannot make us read an unbounded amount.
  const fd = openSync(path, constants.O_RDONLY);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > MAX_FILE_BYTES) {
        const error: NodeJS.ErrnoException = new Error('file too large');
        error.code = 'EFBIG';
        throw error;
      }
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * Decodes file bytes with the checks of `readTextFile` (binary, UTF-16, UTF-8 validity,
 * BOM). Exposed for tests and for text that does not come from a file.
 *
 * UTF-16 is recognised by its BOM, and without one (as some Windows tools save) by
 * `looksLikeUtf16` where the bytes are not UTF-8 text: NUL bytes, or invalid UTF-8.
 */
export function decodeText(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, kind: 'utf16' };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { ok: false, kind: looksLikeUtf16(bytes) ? 'utf16' : 'binary' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // ignoreBOM keeps a second BOM as text; the first one we strip ourselves to remember it.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { ok: true, text, bom };
  } catch {
    return { ok: false, kind: looksLikeUtf16(bytes, true) ? 'utf16' : 'not-utf8' };
  }
}

/**
 * Whether the first 8 KB read as UTF-16 (little- or big-endian) text: an even number of
 * bytes, and at least 95% of the code units characters a report is made of — ASCII
 * printable and line breaks, Latin-1, general punctuation, CJK symbols and punctuation,
 * CJK ideographs, full-width forms. GBK and binary data read as UTF-16 scatter over the
 * whole range and fail the test.
 *
 * @param needFullWidth also require a full-width form (`，` is U+FF0C): for bytes without
 *   NUL, where pairs of ASCII letters would read as ideographs; a 0xFF byte occurs in
 *   neither ASCII, UTF-8 nor GBK, and every Chinese report has a full-width comma.
 */
export function looksLikeUtf16(bytes: Uint8Array, needFullWidth = false): boolean {
  const length = Math.min(bytes.length, BINARY_SNIFF_BYTES) & ~1;
  if (length < 2 || bytes.length % 2 !== 0) return false;
  for (const littleEndian of [true, false]) {
    let texty = 0;
    let units = 0;
    let fullWidth = false;
    for (let i = 0; i < length; i += 2) {
      const unit = littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
      units += 1;
      if (isReportUnit(unit)) texty += 1;
      if (unit >= 0xff00 && unit <= 0xffef) fullWidth = true;
    }
    if (texty >= units * 0.95 && (fullWidth || !needFullWidth)) return true;
  }
  return false;
}

function isReportUnit(unit: number): boolean {
  return (
    unit === 0x09 ||
    unit === 0x0a ||
    unit === 0x0d ||
    (unit >= 0x20 && unit <= 0x7e) ||
    (unit >= 0xa0 && unit <= 0xff) ||
    (unit >= 0x2000 && unit <= 0x206f) ||
    (unit >= 0x2460 && unit <= 0x24ff) ||
    (unit >= 0x3000 && unit <= 0x303f) ||
    (unit >= 0x3400 && unit <= 0x4dbf) ||
    (unit >= 0x4e00 && unit <= 0x9fff) ||
    (unit >= 0xd800 && unit <= 0xdfff) ||
    (unit >= 0xff00 && unit <= 0xffef)
  );
}

/** Why `--fix` will not write a file (see `fixRefusal`). */
export type FixRefusal =
  | { reason: 'read-only' }
  | { reason: 'outside'; target: string }
  | { reason: 'not-a-file' };

/**
 * Whether `--fix` may replace the file at `path`, found under the folder `root`:
 * - not a file whose permission bits forbid writing it (`access(W_OK)` fails, or no one
 *   may write it: a file made read-only, which even root leaves alone);
 * - not a link (or a path through a linked folder) that leads out of `root`, unless
 *   `followSymlinks`: a link in a checked-out tree may point anywhere.
 * @returns null when it may, else why not
 */
export function fixRefusal(path: string, root: string, followSymlinks: boolean): FixRefusal | null {
  let target: string;
  try {
    target = realpathSync(path);
    const stat = statSync(target);
    if (!stat.isFile()) return { reason: 'not-a-file' };
    if ((stat.mode & 0o222) === 0) return { reason: 'read-only' };
    accessSync(target, constants.W_OK);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { reason: 'read-only' };
    throw error;
  }
  if (!followSymlinks) {
    let realRoot: string;
    try {
      realRoot = realpathSync(root);
    } catch {
      realRoot = root;
    }
    const rel = relative(realRoot, target);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { reason: 'outside', target };
  }
  return null;
}

/** Thrown by `writeFileAtomic` when the file is no longer what was read. */
export const CHANGED_SINCE_READ = 'ECHANGED';

/**
 * Replaces the file at `path` with `text` (UTF-8, with a BOM if `bom`) atomically: the text
 * is written to a temporary file in the same folder, which is then renamed over the
 * original, so a crash or a full disk never leaves a half-written report. The original's
 * permission bits are kept; a symbolic link is followed and its target replaced.
 *
 * @param expected the file's bytes when it was read: if given, the file is read again just
 *   before the rename and left alone if it differs (an edit saved meanwhile is not lost)
 * @throws the system error (with its `code`) if the file cannot be written, or an error
 *   with code `CHANGED_SINCE_READ`; the original is then untouched and the temporary
 *   file removed
 */
export function writeFileAtomic(path: string, text: string, bom: boolean, expected?: Uint8Array): void {
  const target = realpathSync(path);
  const mode = statSync(target).mode & 0o7777;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(temp, (bom ? '\uFEFF' : '') + text, { encoding: 'utf8', mode, flag: 'wx' });
    chmodSync(temp, mode); // the umask may have narrowed it
    if (expected && !Buffer.from(expected).equals(readAll(target))) {
      const error: NodeJS.ErrnoException = new Error('the file changed after it was read');
      error.code = CHANGED_SINCE_READ;
      throw error;
    }
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // The temporary file was never created, or is already gone.
    }
    throw error;
  }
}

/** The bytes a successful `readTextFile` read: UTF-8 decoding is undone exactly. */
export function bytesRead(text: string, bom: boolean): Buffer {
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}
