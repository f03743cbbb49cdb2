/**
 * Finding and reading config files for a document: the I/O half of rules/engine/config.ts,
 * shared by the CLI and the language server.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ruleIds } from '../rules/index';
import { type Config, ConfigError, parseConfigText } from '../rules/engine/config';

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = ['.partyreportrc.json', '.partyreportrc.yaml', '.partyreportrc.yml'] as const;

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
 * Reads and validates one config file.
 * @throws ConfigError naming the file (and line, for a syntax error, or key) when it is
 *   unreadable, unparsable or invalid
 */
export function readConfigFile(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: 无法读取配置文件 (cannot read config): ${(error as NodeJS.ErrnoException).code ?? String(error)}`, path);
  }
  return parseConfigText(text, path, ruleIds);
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
