/**
 * Where the project dictionary's quick fix writes, found on disk (server/lsp/dictionary.ts
 * builds the edit; this part reads files, so only the Node server has it, through
 * `ServerFiles.dictionaryTarget`).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findConfigFile, readConfigText } from './config-files';
import { type DictionaryTarget, NEW_CONFIG_NAME } from './lsp/dictionary';

/**
 * The config file the dictionary of the document at `documentPath` lives in: the nearest
 * existing one up to `workspaceFolder`, else a new `.partyreportrc.json` at the folder's root
 * (the document's folder when it lies in no workspace folder). Null when an existing file
 * cannot be read (its ConfigError is reported where configs are loaded).
 */
export function dictionaryTarget(documentPath: string, workspaceFolder: string | undefined): DictionaryTarget | null {
  const existing = findConfigFile(dirname(documentPath), workspaceFolder);
  if (existing) {
    try {
      return { path: existing, uri: pathToFileURL(existing).href, text: readConfigText(existing) };
    } catch {
      return null;
    }
  }
  const path = join(workspaceFolder ?? dirname(documentPath), NEW_CONFIG_NAME);
  // A file there that the search did not take (above the folder, or a race): leave it be.
  return existsSync(path) ? null : { path, uri: pathToFileURL(path).href, text: null };
}

