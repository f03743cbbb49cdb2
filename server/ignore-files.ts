/**
 * `.partyreportignore`: files the CLI and the language server leave alone, in gitignore
 * syntax (read by the `ignore` package, which follows git's rules: `#` comments, `!`
 * negation, a trailing `/` for folders, `**`, patterns relative to the file's folder).
 *
 * Found like `.partyreportrc.*` (config-files.ts): in the folder of the linted file and
 * every folder above it, up to the root (the CLI's working folder, the workspace folder
 * in the editor; the file-system root for a file outside it). As with nested .gitignore
 * files, a deeper file's rules come after a shallower one's, so `!keep.md` in a sub-folder
 * re-includes what the parent's `*.md` ignored; and as in git, nothing inside an ignored
 * folder can be re-included (git never looks inside it). Those rules are
 * server/lsp/ignore-rules.ts, shared with the browser server; this module reads the disk.
 *
 * Shared by the CLI (`applyIgnoreFiles` below, one call in cli.ts) and the server
 * (`IgnoreFiles.ignores` for open documents and the workspace lint).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { IGNORE_FILE_NAME, IgnoreRules, type IgnoreTree } from './lsp/ignore-rules';
import type { Locale } from '../rules/types';

/**
 * The ignore files on disk: `IgnoreRules` (server/lsp/ignore-rules.ts, the semantics) over
 * file-system paths. Parsed files and folder decisions are cached: make one per CLI run or
 * workspace scan, or call `clear()` when an ignore file may have changed (the server does
 * on watched-file events).
 */
export class IgnoreFiles {
  private readonly rules = new IgnoreRules(DISK);

  /** Forgets every file read and decision made. */
  clear(): void {
    this.rules.clear();
  }

  /**
   * Whether the file at `path` is ignored by the `.partyreportignore` files from its
   * folder up to `root`.
   *
   * @param path the file, absolute (or relative to the process's working folder)
   * @param root the highest folder searched (a workspace folder, the CLI's cwd); when
   *   absent or not above `path`, the search goes up to the file-system root, as the
   *   config-file search does
   */
  ignores(path: string, root?: string): boolean {
    const file = resolve(path);
    const top = root !== undefined && isInside(file, resolve(root)) ? resolve(root) : undefined;
    return this.rules.isIgnored(file, false, top);
  }
}

/** The local disk as an ignore tree. */
const DISK: IgnoreTree = {
  parent: (path) => {
    const parent = dirname(path);
    return parent === path ? null : parent;
  },
  relative: (folder, path) => relative(folder, path).split(sep).join('/'),
  read: (folder) => {
    const file = `${folder}${folder.endsWith(sep) ? '' : sep}${IGNORE_FILE_NAME}`;
    try {
      return statSync(file, { throwIfNoEntry: false })?.isFile() ? readFileSync(file, 'utf8') : null;
    } catch {
      return null;
    }
  },
};

function isInside(path: string, folder: string): boolean {
  if (path === folder) return true;
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

const NOTES = {
  explicit: {
    'zh-CN': '该文件被 .partyreportignore 忽略，因在命令行中明确指定，仍作检查',
    en: 'ignored by .partyreportignore; linted because it was named on the command line',
  },
  allIgnored: {
    'zh-CN': '所有匹配的文件均被 .partyreportignore 忽略，没有检查任何文件',
    en: 'every matching file is ignored by .partyreportignore; nothing was linted',
  },
} as const;

/**
 * The CLI's use of ignore files: drops from `expansion.files` what `.partyreportignore`
 * files (searched up to `cwd`) ignore, except a file named outright in `args`, which is
 * linted with a note on stderr (naming it is asking for it; skipping it silently would
 * look like a clean result). When every file was dropped, one note says so. Notes do not
 * change the exit status.
 *
 * @param expansion what the PATH arguments expanded to (absolute `files`); returned with
 *   `files` filtered, everything else as it was
 * @param args the PATH arguments as typed, relative to `cwd`
 * @param warn writes one line (`party-report: …`) to stderr
 */
export function applyIgnoreFiles<T extends { files: string[] }>(
  expansion: T,
  args: readonly string[],
  cwd: string,
  locale: Locale,
  warn: (line: string) => void,
): T {
  const named = new Set<string>();
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    try {
      if (statSync(absolute, { throwIfNoEntry: false })?.isFile()) named.add(absolute);
    } catch {
      // ENOTDIR, ELOOP, EACCES…: expandPaths reports the path; it names no file here.
    }
  }
  const ignoreFiles = new IgnoreFiles();
  const files: string[] = [];
  for (const file of expansion.files) {
    if (!ignoreFiles.ignores(file, cwd)) {
      files.push(file);
    } else if (named.has(file)) {
      warn(`party-report: ${relative(cwd, file) || file}: ${NOTES.explicit[locale]}\n`);
      files.push(file);
    }
  }
  if (files.length === 0 && expansion.files.length > 0) warn(`party-report: ${NOTES.allIgnored[locale]}\n`);
  return { ...expansion, files };
}
