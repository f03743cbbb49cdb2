/**
 * The language server's file I/O in Node (server/lsp/files.ts's `ServerFiles`): config
 * files and `.partyreportignore` read from disk beside the document, and the workspace
 * lint. main.ts hands it to `startServer`; the browser server does not include it.
 */
import { fileURLToPath } from 'node:url';
import { configsFor } from './config-files';
import { dictionaryTarget } from './dictionary-target';
import { IgnoreFiles } from './ignore-files';
import type { ServerFiles } from './lsp/files';
import { workspaceDiagnostics } from './lsp/workspace-diagnostics';

/** A fresh `ServerFiles` over the local disk, with its own ignore-file cache. */
export function nodeFiles(): ServerFiles {
  const ignoreFiles = new IgnoreFiles();
  return {
    pathOf(uri) {
      if (!uri.startsWith('file:')) return null;
      try {
        return fileURLToPath(uri);
      } catch {
        // Not a path we can read (a file: URI with a host on POSIX, say).
        return null;
      }
    },
    configs: (path, folder) => configsFor(path, undefined, folder),
    ignores: (path, folder) => ignoreFiles.ignores(path, folder),
    clear: () => ignoreFiles.clear(),
    workspaceDiagnostics,
    dictionaryTarget,
  };
}
