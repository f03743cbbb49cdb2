/**
 * How `.partyreportignore` files decide whether a file is ignored, over any tree of folders:
 * the disk (server/ignore-files.ts, for the CLI and the Node server) or the files the
 * browser client pushes (server/lsp/workspace-files.ts). This module imports nothing from
 * Node, so the browser bundle includes it.
 *
 * The semantics are git's for nested .gitignore files (read by the `ignore` package: `#`
 * comments, `!` negation, a trailing `/` for folders, `**`, patterns relative to the
 * file's folder): a deeper file's rules come after a shallower one's, so `!keep.md` in a
 * sub-folder re-includes what the parent's `*.md` ignored; and nothing inside an ignored
 * folder can be re-included (git never looks inside it).
 */
import ignore, { type Ignore } from 'ignore';

/** The ignore file's name. */
export const IGNORE_FILE_NAME = '.partyreportignore';

/** A tree of folders as the ignore rules walk it. Paths are whatever the tree uses (file-system paths, URIs). */
export interface IgnoreTree {
  /** The folder holding `path`, or null when `path` is the tree's root. */
  parent(path: string): string | null;
  /** `path` relative to its ancestor `folder`, its segments joined by `/`. */
  relative(folder: string, path: string): string;
  /** The text of the ignore file in `folder`, or null when it has none (or it cannot be read). */
  read(folder: string): string | null;
}

/**
 * Answers whether a path is ignored by the ignore files of a tree. Parsed files and folder
 * decisions are cached: call `clear()` when an ignore file may have changed.
 */
export class IgnoreRules {
  /** Folder → its parsed ignore file, or null when it has none. */
  private readonly files = new Map<string, Ignore | null>();
  /** `top \0 path` → whether that folder is ignored. */
  private readonly folders = new Map<string, boolean>();

  constructor(private readonly tree: IgnoreTree) {}

  /** Forgets every file read and decision made. */
  clear(): void {
    this.files.clear();
    this.folders.clear();
  }

  /**
   * Whether `path` (a file, or a folder when `isFolder`) is ignored by the ignore files from
   * its folder up to `top` (the tree's root when undefined). `top` itself is never ignored.
   */
  isIgnored(path: string, isFolder: boolean, top: string | undefined): boolean {
    const parent = this.tree.parent(path);
    if (parent === null) return false; // the root
    if (top !== undefined && path === top) return false;
    if (isFolder) {
      const key = `${top ?? ''}\u0000${path}`;
      const known = this.folders.get(key);
      if (known !== undefined) return known;
      const decided = this.parentIgnored(parent, top) || this.decide(path, true, top);
      this.folders.set(key, decided);
      return decided;
    }
    return this.parentIgnored(parent, top) || this.decide(path, false, top);
  }

  private parentIgnored(parent: string, top: string | undefined): boolean {
    if (top !== undefined && parent === top) return false;
    return this.tree.parent(parent) !== null && this.isIgnored(parent, true, top);
  }

  /** The verdict of the ignore files strictly above `path`, the deepest having the last word. */
  private decide(path: string, isFolder: boolean, top: string | undefined): boolean {
    const chain: string[] = [];
    for (let dir = this.tree.parent(path); dir !== null; dir = this.tree.parent(dir)) {
      chain.push(dir);
      if (dir === top) break;
    }
    let ignored = false;
    for (let i = chain.length - 1; i >= 0; i--) {
      const rules = this.load(chain[i]);
      if (!rules) continue;
      const verdict = rules.test(this.tree.relative(chain[i], path) + (isFolder ? '/' : ''));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private load(dir: string): Ignore | null {
    let rules = this.files.get(dir);
    if (rules === undefined) {
      const text = this.tree.read(dir);
      // An ignore file cannot be "wrong" in gitignore syntax: unreadable is as if absent.
      rules = text === null ? null : ignore().add(text);
      this.files.set(dir, rules);
    }
    return rules;
  }
}
