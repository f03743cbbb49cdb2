/**
 * The language server's file I/O behind one interface, so that server.ts is the same in
 * Node (server/node-files.ts: config files, `.partyreportignore`, the workspace lint, all
 * read from disk) and in a browser worker (server/lsp/workspace-files.ts: the files its
 * client sends). This module imports nothing from Node: the browser bundle includes it.
 */
import type { Config } from '../../rules/engine/config';
import type { DictionaryTarget } from './dictionary';
import type { WorkspaceFilesParams } from './requests';
import type { workspaceDiagnostics } from './workspace-diagnostics';

/** Config files larger than this are refused: a real one is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = ['.partyreportrc.json', '.partyreportrc.yaml', '.partyreportrc.yml'] as const;

export interface ServerFiles {
  /**
   * The file-system path of a document or folder URI, which the other methods take; null
   * for a URI the files cannot reach (`untitled:`, or any URI in the browser).
   */
  pathOf(uri: string): string | null;
  /**
   * The configs of the config files that apply to the document at `path` (searched up to
   * `folder`, its workspace folder, when given), outermost first.
   * @throws ConfigError for a broken config file (the server shows it once)
   */
  configs(path: string, folder: string | undefined): Config[];
  /** Whether `.partyreportignore` files (up to `folder`) ignore the document at `path`. */
  ignores(path: string, folder: string | undefined): boolean;
  /** Forgets whatever was read: a watched config or ignore file changed. */
  clear(): void;
  /**
   * The workspace lint (`workspace/diagnostic`), which lists and reads Markdown files on
   * disk; absent where there is no disk, and then the server does not offer it.
   */
  workspaceDiagnostics?: typeof workspaceDiagnostics;
  /**
   * The config file the project dictionary quick fix writes for the document at `path`
   * (server/dictionary-target.ts); absent where there is no disk, and then the quick fix is
   * not offered.
   */
  dictionaryTarget?(path: string, folder: string | undefined): DictionaryTarget | null;
  /**
   * Takes the config and ignore files the client sends (`partyReport/workspaceFiles`, where
   * the server cannot read them itself: server/lsp/workspace-files.ts); the server then
   * re-lints as after a watched-file change. Absent where the files are read from disk.
   */
  receive?(params: WorkspaceFilesParams): void;
}

/**
 * No files: documents are linted with the `partyReport.rules` setting alone, nothing is
 * ignored, no workspace lint. What the browser server uses, and the default of
 * `startServer` (so that a Node embedding opts in to disk reads with `nodeFiles`).
 */
export const NO_FILES: ServerFiles = {
  pathOf: () => null,
  configs: () => [],
  ignores: () => false,
  clear: () => undefined,
};

/**
 * The UTF-8 length of `text` in bytes, as Node's `Buffer.byteLength` counts it (a lone
 * surrogate as the 3 bytes of U+FFFD), without Buffer, which browsers lack.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
