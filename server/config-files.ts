/**
 * Finding and reading config files for a document: the I/O half of rules/engine/config.ts,
 * shared by the CLI and the language server.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ruleIds, rules } from '../rules/index';
import { type Config, ConfigError, parseConfigText, ruleOptionDefaults } from '../rules/engine/config';
import { CONFIG_FILE_NAMES, MAX_CONFIG_BYTES } from './lsp/files';

/** Every rule's default options: what `validateConfig` checks rule options against. */
export const RULE_OPTION_DEFAULTS = ruleOptionDefaults(rules);

/** Config files larger than this are refused (server/lsp/files.ts, shared with the browser server). */
export { MAX_CONFIG_BYTES };

/** Config file names, in the order they are looked for in each folder (server/lsp/files.ts). */
export { CONFIG_FILE_NAMES };

/**
 * The nearest config file at or above `fromDir`, or null.
 * @param stopAt a folder not to search above (a workspace root), optional
 */
export function findConfigFile(fromDir: string, stopAt?: string): string | null {
  let dir = resolve(fromDir);
  const stop = stopAt ? resolve(stopAt) : null;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || dir === stop) return null;
    dir = parent;
  }
}

/**
 * Reads and validates one config file. Only a regular file of at most `MAX_CONFIG_BYTES`
 * of UTF-8 is read: a repository may commit a link to `/dev/zero` or a FIFO under a
 * config's name, and reading either would never end.
 * @throws ConfigError naming the file (and line, for a syntax error, or key) when it is
 *   unreadable, not a regular file, too large, unparsable or invalid
 */
export function readConfigFile(path: string): Config {
  return parseConfigText(readConfigText(path), path, ruleIds, RULE_OPTION_DEFAULTS);
}

/**
 * A config file's text, read as `readConfigFile` reads it (a regular file of at most
 * `MAX_CONFIG_BYTES` of UTF-8), not parsed. Also used by the dictionary quick fix.
 * @throws ConfigError naming the file when it cannot be read so
 */
export function readConfigText(path: string): string {
  const fail = (zh: string, en: string): never => {
    throw new ConfigError(`${path}: ${zh} (${en})`, path);
  };
  let fd: number | undefined;
  try {
    // Checked before opening: opening a FIFO for reading waits for a writer.
    if (!statSync(path).isFile()) fail('配置文件不是普通文件，未读取', 'not a regular file; not read');
    // O_NONBLOCK: if it was swapped for a FIFO since, the open still returns at once.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) fail('配置文件不是普通文件，未读取', 'not a regular file; not read');
    if (stat.size > MAX_CONFIG_BYTES) fail(`配置文件过大（超过 ${MAX_CONFIG_BYTES / 1024} KB），未读取`, `larger than ${MAX_CONFIG_BYTES / 1024} KB; not read`);
    // Read at most one byte more than allowed, whatever the size said.
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_CONFIG_BYTES) fail(`配置文件过大（超过 ${MAX_CONFIG_BYTES / 1024} KB），未读取`, `larger than ${MAX_CONFIG_BYTES / 1024} KB; not read`);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      return fail('配置文件不是 UTF-8 编码', 'not UTF-8');
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`${path}: 无法读取配置文件 (cannot read config): ${(error as NodeJS.ErrnoException).code ?? String(error)}`, path);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The configs that apply to the file at `filePath`: the explicit file if given, else the
 * nearest `.partyreportrc.*` above it.
 * @throws ConfigError as `readConfigFile`
 */
export function configsFor(filePath: string, explicit?: string, stopAt?: string): Config[] {
  const path = explicit ?? findConfigFile(dirname(resolve(filePath)), stopAt);
  return path ? [readConfigFile(path)] : [];
}
