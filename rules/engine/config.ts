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
 * ```
 *
 * The same `rules` object is accepted from the VS Code setting `partyReport.rules`.
 */
import Ajv from 'ajv';
import { LineCounter, parseDocument, visit, YAMLParseError } from 'yaml';
import type { Severity } from '../types';

export type RuleSetting =
  | Severity
  | 'off'
  | boolean
  | [Severity | 'off', Record<string, unknown>?];

export interface Config {
  rules?: Record<string, RuleSetting>;
  reportKind?: string;
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

const severityOrOff = { enum: ['off', 'error', 'warning', 'information', 'hint'] };
const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: {
      type: 'object',
      additionalProperties: {
        anyOf: [
          severityOrOff,
          { type: 'boolean' },
          {
            type: 'array',
            minItems: 1,
            maxItems: 2,
            items: [severityOrOff, { type: 'object' }],
          },
        ],
      },
    },
    reportKind: { type: 'string', minLength: 1 },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strictTuples: false });
const validateSchema = ajv.compile(schema);

/**
 * Validates a parsed config object.
 *
 * @param value the parsed file or setting
 * @param source where it came from (a path, or `settings`), used in error messages
 * @param knownRules rule ids; an unknown id is an error so typos do not silently do nothing
 * @param optionDefaults each rule's default options: a rule's options must be among its
 *   defaults' keys, each of its default's JSON type (a rule without defaults takes none).
 *   Options are not checked when this is omitted.
 * @throws ConfigError naming the source and the offending key
 */
export function validateConfig(value: unknown, source: string, knownRules: readonly string[], optionDefaults?: RuleOptionDefaults): Config {
  if (value === null || value === undefined) return {};
  if (!validateSchema(value)) {
    const detail = (validateSchema.errors ?? [])
      .slice(0, 3)
      .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
      .join('; ');
    const first = validateSchema.errors?.[0]?.instancePath.split('/').slice(1) ?? [];
    throw new ConfigError(`${source}: 配置无效 (invalid config): ${detail}`, source, first);
  }
  const config = value as Config;
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!knownRules.includes(id)) {
      throw new ConfigError(`${source}: 未知规则 (unknown rule) "${id}" at /rules/${id}`, source, ['rules', id]);
    }
    if (optionDefaults && Array.isArray(setting) && setting[1]) checkOptions(id, setting[1], optionDefaults[id], source);
  }
  return config;
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

/** Where the node at `path`, or at its longest prefix that exists, starts; undefined if none. */
function nodeStart(doc: ReturnType<typeof parseDocument>, path: readonly (string | number)[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const node: unknown = doc.getIn(path.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node) {
      const range = (node as { range?: [number, number, number] }).range;
      if (range) return range[0];
    }
  }
  return undefined;
}

function syntaxError(error: YAMLParseError | Error, source: string): ConfigError {
  const pos = error instanceof YAMLParseError ? error.linePos?.[0] : undefined;
  const where = pos ? `:${pos.line}:${pos.col}` : '';
  return new ConfigError(`${source}${where}: 配置文件无法解析 (cannot parse): ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, source);
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
