/**
 * The browser server's files (server/lsp/files.ts's `ServerFiles`): the config and ignore
 * files the browser client pushes (`partyReport/workspaceFiles`, server/lsp/requests.ts),
 * because a web worker in vscode.dev or github.dev has no disk. They are looked up as the
 * Node server looks them up on disk (server/config-files.ts, server/ignore-files.ts): the
 * nearest `.partyreportrc.*` at or above the document, up to its workspace folder; the
 * `.partyreportignore` files from the document's folder up, by git's rules
 * (server/lsp/ignore-rules.ts). Paths here are URIs as the client writes them
 * (`vscode-vfs://github/owner/repo/docs/总结.md`); a folder is a URI without its last segment.
 * This module imports nothing from Node.
 */
import { ruleIds, rules } from '../../rules/index';
import { type Config, ConfigError, parseConfigText, ruleOptionDefaults } from '../../rules/engine/config';
import { type DictionaryTarget, NEW_CONFIG_NAME } from './dictionary';
import { CONFIG_FILE_NAMES, MAX_CONFIG_BYTES, type ServerFiles } from './files';
import { IGNORE_FILE_NAME, IgnoreRules, type IgnoreTree } from './ignore-rules';
import type { WorkspaceFileContent, WorkspaceFilesParams } from './requests';

/** Every rule's default options: what the config validator checks rule options against. */
const RULE_OPTION_DEFAULTS = ruleOptionDefaults(rules);

/** `scheme:` or `scheme://authority`: the part of a URI no folder walk goes above. */
const URI_ROOT = /^[A-Za-z][A-Za-z0-9+.-]*:(?:\/\/[^/?#]*)?/u;

/**
 * The folder URI holding `uri` (its last `/` segment dropped), or null at the URI's root
 * (`vscode-vfs://github`) or for a URI with no path (`untitled:Untitled-1`).
 */
export function parentUri(uri: string): string | null {
  const root = URI_ROOT.exec(uri)?.[0].length ?? 0;
  const slash = uri.lastIndexOf('/');
  return slash < root ? null : uri.slice(0, slash);
}

/** The files a browser client pushed, as a `ServerFiles`. */
export class WorkspaceFiles implements ServerFiles {
  /** URI → the file as last received (text, or the reason it was not read). */
  private readonly contents = new Map<string, WorkspaceFileContent>();
  /** Config file URI → its parsed config or the error it raised (parsed once per change). */
  private readonly parsed = new Map<string, Config | ConfigError>();
  private readonly ignoreRules = new IgnoreRules({
    parent: parentUri,
    relative: (folder, path) => path.slice(folder.length + 1).split('/').map(decodeSegment).join('/'),
    read: (folder) => this.contents.get(`${folder}/${IGNORE_FILE_NAME}`)?.text ?? null,
  } satisfies IgnoreTree);

  /** The URI itself, without its query and fragment: the key the pushed files are found by. */
  pathOf(uri: string): string | null {
    const end = uri.search(/[?#]/u);
    return end < 0 ? uri : uri.slice(0, end);
  }

  /**
   * The nearest config file's config at or above the document `path` (a URI), searched up
   * to `folder` (its workspace folder) when given, else to the URI's root.
   * @throws ConfigError naming the file (and line) when it was not read or is invalid
   */
  configs(path: string, folder: string | undefined): Config[] {
    for (let dir = parentUri(path); dir !== null; dir = parentUri(dir)) {
      for (const name of CONFIG_FILE_NAMES) {
        const uri = `${dir}/${name}`;
        const file = this.contents.get(uri);
        if (file === undefined) continue;
        const config = this.parse(uri, file);
        if (config instanceof ConfigError) throw config;
        return [config];
      }
      if (dir === folder) break;
    }
    return [];
  }

  /**
   * Where the project-dictionary quick fix writes for the document `path` (as the Node
   * server's server/dictionary-target.ts does on disk): the nearest config file up to
   * `folder`, with its text; else a new `.partyreportrc.json` at the folder's root (the
   * document's folder outside any). Null when the nearest one was not read (its error is
   * reported where configs are loaded) or a file the search did not take is in the way.
   * The edit goes through the editor's file system; the client then sends the new text.
   */
  dictionaryTarget(path: string, folder: string | undefined): DictionaryTarget | null {
    for (let dir = parentUri(path); dir !== null; dir = parentUri(dir)) {
      for (const name of CONFIG_FILE_NAMES) {
        const uri = `${dir}/${name}`;
        const file = this.contents.get(uri);
        if (file === undefined) continue;
        return typeof file.text === 'string' && file.error === undefined ? { path: uri, uri, text: file.text } : null;
      }
      if (dir === folder) break;
    }
    const root = folder ?? parentUri(path);
    if (root === null) return null;
    const uri = `${root}/${NEW_CONFIG_NAME}`;
    return this.contents.has(uri) ? null : { path: uri, uri, text: null };
  }

  /** Whether the `.partyreportignore` files from the document's folder up to `folder` ignore it. */
  ignores(path: string, folder: string | undefined): boolean {
    const top = folder !== undefined && path.startsWith(`${folder}/`) ? folder : undefined;
    return this.ignoreRules.isIgnored(path, false, top);
  }

  /** Nothing to forget: what was received stays until the client sends a change. */
  clear(): void {
    this.ignoreRules.clear();
  }

  /** Takes a full list (`complete`) or changes; a file with neither text nor error is deleted. */
  receive(params: WorkspaceFilesParams): void {
    if (params.complete) this.contents.clear();
    for (const file of params.files) {
      if (typeof file?.uri !== 'string') continue;
      const uri = this.pathOf(file.uri) as string;
      if (typeof file.text === 'string' || file.error !== undefined) this.contents.set(uri, file);
      else this.contents.delete(uri);
    }
    this.parsed.clear();
    this.ignoreRules.clear();
  }

  private parse(uri: string, file: WorkspaceFileContent): Config | ConfigError {
    let config = this.parsed.get(uri);
    if (config === undefined) {
      try {
        config = parseConfigText(readable(uri, file), uri, ruleIds, RULE_OPTION_DEFAULTS);
      } catch (error) {
        config = error instanceof ConfigError ? error : new ConfigError(`${uri}: ${String(error)}`, uri);
      }
      this.parsed.set(uri, config);
    }
    return config;
  }
}

/**
 * A pushed config file's text, refused as the Node server refuses one on disk
 * (server/config-files.ts `readConfigText`).
 * @throws ConfigError naming the file when it was not read, or is larger than MAX_CONFIG_BYTES
 */
function readable(uri: string, file: WorkspaceFileContent): string {
  const fail = (zh: string, en: string): never => {
    throw new ConfigError(`${uri}: ${zh} (${en})`, uri);
  };
  const tooLarge = (): never => fail(`配置文件过大（超过 ${MAX_CONFIG_BYTES / 1024} KB），未读取`, `larger than ${MAX_CONFIG_BYTES / 1024} KB; not read`);
  if (file.error === 'tooLarge') tooLarge();
  if (file.error === 'notUtf8') fail('配置文件不是 UTF-8 编码', 'not UTF-8');
  if (typeof file.text !== 'string') return fail('无法读取配置文件', 'cannot read config');
  // Three bytes per UTF-16 unit at most: only a long text needs counting.
  if (file.text.length * 3 > MAX_CONFIG_BYTES && new TextEncoder().encode(file.text).length > MAX_CONFIG_BYTES) tooLarge();
  return file.text;
}

/** A URI path segment decoded (`%E6%80%BB` → 总); left as is when it is not valid percent-encoding. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
