/**
 * The CLI's file handling: turning the PATH arguments into a list of files (paths.ts,
 * re-exported here), reading each one with the checks a draft from Word needs (binary,
 * GBK, BOM, size), and writing fixes back atomically. No output here: problems are
 * returned as data and worded by the caller.
 */
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { errorCode } from './paths';

// Finding the files (folders, globs, links) lives in paths.ts; its API is re-exported here
// so the CLI and the tests import the file handling from one module.
export { errorCode, type Expansion, expandPaths, LINTABLE_FILE, type PathProblem } from './paths';

/** Files larger than this are skipped with a message: no report is 10 MB of text. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** How many leading bytes are searched for a NUL byte to tell a binary file. */
const BINARY_SNIFF_BYTES = 8 * 1024;

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
