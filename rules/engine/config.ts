/**
 * Configuration: which rules run, at what severity, with what options.
 *
 * A config file (`.partyreportrc.json`, `.partyreportrc.yaml` or `.partyreportrc.yml`, or
 * any file given to `--config`) holds:
 *
 * ```yaml
 * rules:
 *   placeholder: off                 # off | error | warning | information | hint | true | false
 *   numbering-sequence: [error, { allowSkipLevel: false }]
 * reportKind: 述职报告               # optional: overrides the inferred kind
 * accept: [王芳芳]                    # project dictionary (docs/dictionary.md)
 * slogans:
 *   - { canonical: 四下基层, source: …, variants: [四到基层] }
 * ```
 *
 * Its JSON Schema (config-schema.ts) is the one source: the build compiles it to the
 * validator used here and writes it for the editor (docs/config-schema.md).
 *
 * The same `rules` object is accepted from the VS Code setting `partyReport.rules`.
 */
import type { ErrorObject } from 'ajv';
import type * as Yaml from 'yaml';

/**
 * The `yaml` package, loaded at the first config file: a lint without one never parses
 * YAML, and loading the parser was ≈5% of the CLI's start-up (issue #14).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = (): typeof Yaml => require('yaml');
import type { ProjectDictionary, ProjectSlogan, Severity } from '../types';
// Compiled by the build (scripts/config-schema.mjs) from config-schema.ts; not committed.
import validateSchema from './generated/config-validator.cjs';

export type RuleSetting =
  | Severity
  | 'off'
  | boolean
  | [Severity | 'off', Record<string, unknown>?];

export interface Config {
  rules?: Record<string, RuleSetting>;
  reportKind?: string;
  /** Project dictionary: the project's own formulations (docs/dictionary.md). */
  slogans?: ProjectSlogan[];
  /** Project dictionary: words slogan-canonical, duplicate-char and placeholder stay quiet on. */
  accept?: string[];
}

/** A config that cannot be used; `message` says what is wrong and where (file, line, key). */
export class ConfigError extends Error {
  /**
   * @param source the file (or `settings: …`) the config came from
   * @param keyPath where in the config the problem is (`['rules', 'numbering-style', 1]`),
   *   so `parseConfigText` can add the line it is on
   */
  constructor(
    message: string,
    readonly source: string,
    readonly keyPath?: readonly (string | number)[],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Aliases a config may expand (the `yaml` package's `maxAliasCount`): a config needs none,
 * and a "billion laughs" file would otherwise grow without bound.
 */
export const MAX_CONFIG_ALIASES = 20;

/** Each rule's default options: what options it takes and of which JSON type. */
export type RuleOptionDefaults = Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;

/** The option defaults of `rules` (the registry's rules), for `validateConfig`. */
export function ruleOptionDefaults(rules: readonly { id: string; meta: { defaultOptions?: Record<string, unknown> } }[]): RuleOptionDefaults {
  return Object.fromEntries(rules.map((r) => [r.id, r.meta.defaultOptions]));
}

/**
 * Validates a parsed config object with the validator the build compiled from
 * config-schema.ts (ajv standalone code: nothing is compiled at start-up), then checks
 * what a schema cannot say (a project formulation's variant inside its canonical form).
 *
 * @param value the parsed file or setting
 * @param source where it came from (a path, or `settings`), used in error messages
 * @param knownRules rule ids; an unknown id is an error so typos do not silently do nothing
 *   (the compiled schema knows the registry's ids; this list narrows it, as tests do)
 * @param optionDefaults each rule's default options: a rule's options must be among its
 *   defaults' keys, each of its default's JSON type (a rule without defaults takes none).
 *   The compiled schema checks the registry's rules' options in any case.
 * @throws ConfigError naming the source and the offending key
 */
export function validateConfig(value: unknown, source: string, knownRules: readonly string[], optionDefaults?: RuleOptionDefaults): Config {
  if (value === null || value === undefined) return {};
  if (!validateSchema(value)) throw schemaError(validateSchema.errors ?? [], value, source, optionDefaults);
  const config = value as Config;
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!knownRules.includes(id)) throw unknownRule(id, source);
    if (optionDefaults && Array.isArray(setting) && setting[1]) checkOptions(id, setting[1], optionDefaults[id], source);
  }
  config.slogans?.forEach((entry, i) => {
    (entry.variants ?? []).forEach((variant, j) => {
      if (entry.canonical.includes(variant)) {
        throw new ConfigError(
          `${source}: 错误写法“${variant}”是规范表述“${entry.canonical}”的一部分，会误改正确文字 (variant lies inside the canonical wording) at /slogans/${i}/variants/${j}`,
          source,
          ['slogans', i, 'variants', j],
        );
      }
    });
  });
  return config;
}

function unknownRule(id: string, source: string): ConfigError {
  return new ConfigError(`${source}: 未知规则 (unknown rule) "${id}" at /rules/${id}`, source, ['rules', id]);
}

/** A JSON Pointer (ajv's `instancePath`) as keys, array indices as numbers (as `parseDocument().getIn` takes them). */
function pointerPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((k) => (/^(?:0|[1-9]\d{0,8})$/.test(k) ? Number(k) : k));
}

/** The value at `path` of `value`, or undefined. */
function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/**
 * The one error to show of the schema's errors: the deepest (the branch of an `anyOf` that
 * went furthest says most), an unknown key before other errors at that depth; rendered in
 * the words of a config's author (unknown rule, unknown option, option type, setting).
 * `optionDefaults`, when given, names the options a rule has.
 */
function schemaError(errors: readonly ErrorObject[], value: unknown, source: string, optionDefaults?: RuleOptionDefaults): ConfigError {
  let best: ErrorObject | undefined;
  let bestDepth = -1;
  for (const e of errors) {
    if (e.keyword === 'anyOf') continue;
    const depth = pointerPath(e.instancePath).length + (e.keyword === 'additionalProperties' ? 1 : 0);
    if (depth > bestDepth) {
      best = e;
      bestDepth = depth;
    }
  }
  best ??= errors[0];
  if (!best) return new ConfigError(`${source}: 配置无效 (invalid config)`, source);
  const path = pointerPath(best.instancePath);
  const extra = best.keyword === 'additionalProperties' ? String((best.params as { additionalProperty: string }).additionalProperty) : undefined;
  const at = (keys: readonly (string | number)[]) => `/${keys.map(String).join('/')}`;
  if (extra !== undefined) {
    const where = [...path, extra];
    if (path.length === 1 && path[0] === 'rules') return unknownRule(extra, source);
    if (path.length === 3 && path[0] === 'rules' && path[2] === 1) {
      const id = String(path[1]);
      const known = optionDefaults ? Object.keys(optionDefaults[id] ?? {}) : undefined;
      const list = known === undefined ? '' : `; options: ${known.length ? known.join(', ') : '无 (none)'}`;
      return new ConfigError(`${source}: 规则 ${id} 没有选项 "${extra}" (unknown option of ${id}${list}) at ${at(where)}`, source, where);
    }
    return new ConfigError(`${source}: 未知配置项 "${extra}" (unknown key) at ${at(where)}`, source, where);
  }
  if (path[0] === 'rules' && path.length === 4 && path[2] === 1 && best.keyword === 'type') {
    const [, id, , key] = path;
    const type = (best.params as { type: string }).type;
    return new ConfigError(
      `${source}: 规则 ${id} 的选项 ${key} 应为 ${type}，而不是 ${JSON.stringify(valueAt(value, path))} (option ${key} of ${id} must be a ${type}) at ${at(path)}`,
      source,
      path,
    );
  }
  if (path[0] === 'rules' && (path.length === 2 || (path.length === 3 && path[2] === 0))) {
    const id = String(path[1]);
    return new ConfigError(
      `${source}: 规则 ${id} 的设置应为 off、error、warning、information、hint、true、false 或 [级别, {选项}]，而不是 ${JSON.stringify(valueAt(value, path))} (the setting of ${id} must be a severity, true, false or [severity, {options}]) at ${at(path)}`,
      source,
      path,
    );
  }
  const detail = `${best.instancePath || '/'} ${best.message ?? ''}`.trim();
  return new ConfigError(`${source}: 配置无效 (invalid config): ${detail}`, source, path);
}

/** JSON's name for the type of `value`, as a config's author thinks of it. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A rule's options against its defaults: known keys only, each of its default's type. */
function checkOptions(id: string, options: Record<string, unknown>, defaults: Readonly<Record<string, unknown>> | undefined, source: string): void {
  const known = Object.keys(defaults ?? {});
  for (const [key, given] of Object.entries(options)) {
    const where = ['rules', id, 1, key];
    const at = `/rules/${id}/1/${key}`;
    if (!defaults || !Object.hasOwn(defaults, key)) {
      const expected = known.length ? known.join(', ') : '无 (none)';
      throw new ConfigError(`${source}: 规则 ${id} 没有选项 "${key}" (unknown option of ${id}; options: ${expected}) at ${at}`, source, where);
    }
    const type = jsonType(defaults[key]);
    if (jsonType(given) !== type) {
      throw new ConfigError(
        `${source}: 规则 ${id} 的选项 ${key} 应为 ${type}，而不是 ${JSON.stringify(given)} (option ${key} of ${id} must be a ${type}) at ${at}`,
        source,
        where,
      );
    }
  }
}

/**
 * Parses a config file's text (JSON or YAML; JSON is YAML) and validates it.
 *
 * YAML aliases are limited to `MAX_CONFIG_ALIASES`; duplicate keys are errors.
 *
 * @param optionDefaults as `validateConfig`
 * @throws ConfigError with the file and line of a syntax error, an alias, or a bad value
 */
export function parseConfigText(text: string, source: string, knownRules: readonly string[], optionDefaults?: RuleOptionDefaults): Config {
  const { LineCounter, parseDocument, visit } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) throw syntaxError(error, source);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES });
  } catch (error) {
    // An alias that is unresolved or expands too much: point at the first alias.
    let offset: number | undefined;
    visit(doc, {
      Alias(_, node) {
        offset = node.range?.[0];
        return visit.BREAK;
      },
    });
    const where = offset === undefined ? '' : `:${lineCounter.linePos(offset).line}`;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`${source}${where}: 配置文件无法解析，别名（*）过多或无效 (cannot parse: ${reason})`, source);
  }
  try {
    return validateConfig(value, source, knownRules, optionDefaults);
  } catch (error) {
    // The line of the offending key, when the file has one there.
    if (!(error instanceof ConfigError) || !error.keyPath?.length) throw error;
    const start = nodeStart(doc, error.keyPath);
    if (start === undefined) throw error;
    const line = lineCounter.linePos(start).line;
    throw new ConfigError(error.message.replace(`${source}: `, `${source}:${line}: `), source, error.keyPath);
  }
}

/**
 * Where the entry at `path`, or at its longest prefix that exists, starts; undefined if
 * none. A mapping's entry starts at its key (`rule:` above a block of its own), a
 * sequence's at its item.
 */
function nodeStart(doc: Yaml.Document.Parsed, path: readonly (string | number)[]): number | undefined {
  const { isMap, isScalar, isSeq } = yaml();
  for (let n = path.length; n > 0; n--) {
    const parent: unknown = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    const last = path[n - 1];
    let node: unknown;
    if (isMap(parent)) {
      node = parent.items.find((pair) => (isScalar(pair.key) ? pair.key.value : pair.key) === last || (isScalar(pair.key) && String(pair.key.value) === String(last)))?.key;
    } else if (isSeq(parent) && typeof last === 'number') node = parent.items[last];
    const range = node && typeof node === 'object' && 'range' in node ? (node as { range?: [number, number, number] }).range : undefined;
    if (range) return range[0];
  }
  return undefined;
}

function syntaxError(error: Yaml.YAMLParseError | Error, source: string): ConfigError {
  const pos = error instanceof yaml().YAMLParseError ? error.linePos?.[0] : undefined;
  const where = pos ? `:${pos.line}:${pos.col}` : '';
  return new ConfigError(`${source}${where}: 配置文件无法解析 (cannot parse): ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, source);
}

/** Every config's `accept:` and `slogans:` merged, earlier configs first, and frozen. */
export function projectDictionary(configs: readonly Config[]): ProjectDictionary {
  const accept = new Set<string>();
  const slogans: Readonly<ProjectSlogan>[] = [];
  for (const config of configs) {
    for (const word of config.accept ?? []) accept.add(word);
    for (const entry of config.slogans ?? []) slogans.push(Object.freeze({ ...entry, variants: Object.freeze([...(entry.variants ?? [])]) as string[] }));
  }
  return Object.freeze({ accept: Object.freeze([...accept]), slogans: Object.freeze(slogans) });
}

/** A rule's effective setting after merging configs. */
export interface EffectiveRule {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

/**
 * Resolves one rule's setting against its defaults. `true` keeps the default severity,
 * `false` turns the rule off; later configs in `configs` win.
 */
export function effectiveRule(
  ruleId: string,
  defaultSeverity: Severity,
  defaultOptions: Record<string, unknown> | undefined,
  configs: readonly Config[],
): EffectiveRule {
  let severity: Severity | 'off' = defaultSeverity;
  let options: Record<string, unknown> = { ...defaultOptions };
  for (const config of configs) {
    const setting = config.rules?.[ruleId];
    if (setting === undefined) continue;
    if (setting === true) severity = defaultSeverity;
    else if (setting === false) severity = 'off';
    else if (typeof setting === 'string') severity = setting;
    else {
      severity = setting[0];
      options = { ...options, ...setting[1] };
    }
  }
  return { severity, options };
}
