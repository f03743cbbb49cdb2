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
import { parse as parseYaml, YAMLParseError } from 'yaml';
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

/** A config that cannot be used; `message` says what is wrong and where (file, key). */
export class ConfigError extends Error {
  constructor(message: string, readonly source: string) {
    super(message);
    this.name = 'ConfigError';
  }
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
 * @throws ConfigError naming the source and the offending key
 */
export function validateConfig(value: unknown, source: string, knownRules: readonly string[]): Config {
  if (value === null || value === undefined) return {};
  if (!validateSchema(value)) {
    const detail = (validateSchema.errors ?? [])
      .slice(0, 3)
      .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
      .join('; ');
    throw new ConfigError(`${source}: 配置无效 (invalid config): ${detail}`, source);
  }
  const config = value as Config;
  for (const id of Object.keys(config.rules ?? {})) {
    if (!knownRules.includes(id)) {
      throw new ConfigError(`${source}: 未知规则 (unknown rule) "${id}" at /rules/${id}`, source);
    }
  }
  return config;
}

/**
 * Parses a config file's text (JSON or YAML; JSON is YAML) and validates it.
 *
 * @throws ConfigError with the file and line of a syntax error, or the key of a bad value
 */
export function parseConfigText(text: string, source: string, knownRules: readonly string[]): Config {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0] ? `:${error.linePos[0].line}:${error.linePos[0].col}` : '';
      throw new ConfigError(`${source}${where}: 配置文件无法解析 (cannot parse): ${error.message.split('\n')[0]}`, source);
    }
    throw error;
  }
  return validateConfig(value, source, knownRules);
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
