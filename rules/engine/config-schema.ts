/**
 * The one JSON Schema of a config file (`.partyreportrc.json`, `.partyreportrc.yaml`,
 * `.partyreportrc.yml`): what the loader validates with and what the editor is given.
 *
 * The build (scripts/config-schema.mjs) calls `configSchema(rules)` with the registry's
 * rules and writes two things from it: `dist/partyreportrc.schema.json`, contributed to
 * VS Code through `jsonValidation` and to the YAML extension through `yamlValidation`,
 * and the validator `config.ts` uses, compiled to standalone code by ajv so nothing is
 * compiled when the CLI or the server starts (issue #14: compiling took ≈74 ms at load).
 *
 * The schema lists every rule id as a property of `rules` with `additionalProperties:
 * false`, so a misspelt id is flagged in the editor and refused by the loader; each rule's
 * options are the keys of its `meta.defaultOptions`, each of its default's JSON type.
 *
 * Descriptions: a schema file is not localised by VS Code (package.nls covers only
 * package.json), and the JSON and YAML language services show one string. The product
 * speaks zh-CN, so each description is the zh-CN text first and the English after it:
 * `markdownDescription` (shown by VS Code's JSON hover and the YAML extension) as two
 * paragraphs, `description` (plain tools) as one line, the English in parentheses.
 *
 * Draft-07, which VS Code's JSON service, the YAML extension and ajv's default all read.
 */
import type { Localized, Severity } from '../types';

/** What the schema needs of a rule: its id and the meta fields it describes. */
export interface SchemaRule {
  id: string;
  meta: {
    severity: Severity;
    fixable: boolean;
    description: Localized;
    defaultOptions?: Record<string, unknown>;
    optionDescriptions?: Record<string, Localized>;
  };
}

/** The values a rule's setting may take as a string: `off` or a severity. */
export const SEVERITY_SETTINGS = ['off', 'error', 'warning', 'information', 'hint'] as const;

type Schema = Record<string, unknown>;

/** zh-CN first, English after: see the module comment. */
function described(zh: string, en: string): { description: string; markdownDescription: string } {
  return { description: `${zh} (${en})`, markdownDescription: `${zh}\n\n${en}` };
}

/** JSON Schema's type name of a default value. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return 'number';
  return typeof value;
}

const severity: Schema = {
  enum: [...SEVERITY_SETTINGS],
  ...described(
    '级别：off 关闭，error 错误，warning 警告，information 提示，hint 暗示',
    'Severity: off, error, warning, information or hint',
  ),
};

/** A rule's setting, anyOf a severity, true/false, or [severity, `options`]. */
function settingOf(options: Schema): Schema {
  return {
    anyOf: [
      { $ref: '#/definitions/severity' },
      { $ref: '#/definitions/toggle' },
      { type: 'array', items: [{ $ref: '#/definitions/severity' }, options], minItems: 1, maxItems: 2, additionalItems: false },
    ],
  };
}

/**
 * The setting of a rule that takes no options: one definition shared by all such rules, so
 * the compiled validator holds its code once rather than once per rule.
 */
const settingWithoutOptions: Schema = settingOf({
  type: 'object',
  properties: {},
  additionalProperties: false,
  ...described('此规则没有选项', 'This rule takes no options'),
});

/** The schema of one rule's setting: a severity, true/false, or [severity, options]. */
function ruleSetting(rule: SchemaRule): Schema {
  const defaults = rule.meta.defaultOptions ?? {};
  const { description } = rule.meta;
  const fixable = rule.meta.fixable ? '，可自动修复' : '';
  const text = described(
    `${description['zh-CN']}（默认级别 ${rule.meta.severity}${fixable}）`,
    `${description.en} (default severity ${rule.meta.severity}${rule.meta.fixable ? ', fixable' : ''})`,
  );
  // allOf, not a bare $ref: draft-07 ignores the keywords beside a $ref, the descriptions too.
  if (Object.keys(defaults).length === 0) return { allOf: [{ $ref: '#/definitions/settingWithoutOptions' }], ...text };
  const properties: Schema = {};
  for (const [key, value] of Object.entries(defaults)) {
    const own = rule.meta.optionDescriptions?.[key];
    const zh = own?.['zh-CN'] ?? `规则 ${rule.id} 的选项 ${key}`;
    const en = own?.en ?? `Option ${key} of ${rule.id}`;
    properties[key] = {
      type: jsonType(value),
      default: value,
      ...described(`${zh}（默认 ${JSON.stringify(value)}）`, `${en} (default ${JSON.stringify(value)})`),
    };
  }
  const options: Schema = { type: 'object', properties, additionalProperties: false, ...described(`规则 ${rule.id} 的选项`, `Options of ${rule.id}`) };
  return { ...settingOf(options), ...text };
}

/** One entry of `slogans:`: the shape of an entry of rules/data/slogans.yaml, its core fields. */
const sloganEntry: Schema = {
  type: 'object',
  required: ['canonical', 'source'],
  additionalProperties: false,
  properties: {
    canonical: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      ...described('规范表述，原样照录（含必需的标点和引号）', 'The canonical wording, exactly as written (punctuation and required quotation marks included)'),
    },
    source: {
      type: 'string',
      minLength: 1,
      maxLength: 500,
      ...described('出处：文件、年份、章节', 'Where the wording comes from: document, year, part'),
    },
    variants: {
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', minLength: 2, maxLength: 200 },
      ...described(
        '已知的错误写法，逐字列出；出现时报告并改为规范表述。不得是规范表述的一部分',
        'Known wrong forms, written out; each is reported and fixed to the canonical wording. None may lie inside the canonical wording',
      ),
    },
  },
  ...described('一条项目提法', 'One project formulation'),
};

/**
 * The JSON Schema of a config file, with `rules` listing `rules`' ids.
 *
 * @param rules the registry's rules (`rules/index.ts`), in catalogue order
 * @returns a draft-07 schema object (plain JSON: no functions, no undefined)
 */
export function configSchema(rules: readonly SchemaRule[]): Schema {
  const ruleProperties: Schema = {};
  for (const rule of rules) ruleProperties[rule.id] = ruleSetting(rule);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '党建报告助手配置 (party-report config)',
    type: 'object',
    additionalProperties: false,
    // Shared by every rule's setting: the compiled validator has one function for each.
    definitions: {
      severity,
      toggle: { type: 'boolean', ...described('true 按默认级别启用，false 关闭', 'true: on at its default severity; false: off') },
      settingWithoutOptions,
    },
    properties: {
      // No `$id`: the schema is not published at a URL; editors get it from the extension.
      $schema: { type: 'string', ...described('本文件所用 JSON Schema 的路径或地址（供其他工具读取）', 'The JSON Schema this file follows (for other tools)') },
      rules: {
        type: 'object',
        additionalProperties: false,
        properties: ruleProperties,
        ...described(
          '各规则的级别和选项；规则编号见 docs/rules/。未知编号是错误',
          'Each rule\'s severity and options; rule ids are in docs/rules/. An unknown id is an error',
        ),
      },
      reportKind: {
        type: 'string',
        minLength: 1,
        ...described('报告类型，覆盖推断结果（如 述职报告、党建工作总结）', 'The report kind, overriding the inferred one (述职报告, 党建工作总结 …)'),
      },
      slogans: {
        type: 'array',
        items: sloganEntry,
        ...described(
          '项目词典：本项目的规范提法（canonical、source、variants），slogan-canonical 检查其错误写法，且不把它们当作误写',
          'Project dictionary: this project\'s formulations (canonical, source, variants); slogan-canonical reports their wrong forms and never flags them',
        ),
      },
      accept: {
        type: 'array',
        uniqueItems: true,
        items: { type: 'string', minLength: 1, maxLength: 100 },
        ...described(
          '项目词典：认可的词语，slogan-canonical、duplicate-char、placeholder 对其不报（如人名、地名、本地提法）',
          'Project dictionary: accepted words that slogan-canonical, duplicate-char and placeholder stay quiet on (names, places, local wording)',
        ),
      },
    },
  };
}
