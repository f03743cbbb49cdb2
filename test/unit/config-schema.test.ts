/**
 * The config schema (rules/engine/config-schema.ts) as the one source: what a fresh ajv makes
 * of it, what the validator the build compiled from it (ajv standalone code) makes of it, and
 * what the loader says, on the config fixtures (test/config-fixtures: `valid/` all accepted,
 * `invalid/` each rejected, its first line `# expect: <regex>` the loader's message) and on
 * generated configs; the schema the build wrote for the editor; package.json's contribution.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { ConfigError, parseConfigText, ruleOptionDefaults } from '../../rules/engine/config';
import { configSchema, SEVERITY_SETTINGS } from '../../rules/engine/config-schema';
import validateStandalone from '../../rules/engine/generated/config-validator.cjs';
import { ruleIds, rules } from '../../rules/index';
import { AJV_OPTIONS, SCHEMA_PATH } from '../../scripts/config-schema.mjs';
import { CONFIG_FILE_NAMES } from '../../server/config-files';
import { ROOT } from '../support/paths';

const FIXTURES = join(ROOT, 'test', 'config-fixtures');
const defaults = ruleOptionDefaults(rules);
const schema = configSchema(rules);
const validateFresh = new Ajv(AJV_OPTIONS).compile(schema);

const files = (dir: string) => readdirSync(join(FIXTURES, dir)).map((name) => ({ name, text: readFileSync(join(FIXTURES, dir, name), 'utf8') }));

describe('config schema', () => {
  it('lists every rule id under rules, closed to others, each with its options and their types', () => {
    const ruleSchemas = (schema.properties as Record<string, { properties: Record<string, unknown>; additionalProperties: boolean }>).rules;
    assert.deepEqual(Object.keys(ruleSchemas.properties), [...ruleIds]);
    assert.equal(ruleSchemas.additionalProperties, false);
    const tuple = (ruleSchemas.properties['numbering-style'] as { anyOf: { items?: { properties?: Record<string, { type: string }> }[] }[] }).anyOf[2];
    assert.equal(tuple.items![1].properties!.allowSkipLevel.type, 'boolean');
    // zh-CN first, English after, in both description fields.
    const described = ruleSchemas.properties.placeholder as { description: string; markdownDescription: string };
    assert.match(described.markdownDescription, /^定稿前.*\n\nPlaceholders/);
    assert.match(described.description, /^定稿前.*\(Placeholders/);
  });

  for (const { name, text } of files('valid')) {
    it(`accepts ${name}: the schema, the compiled validator and the loader`, () => {
      const value = parse(text) ?? {};
      assert.equal(validateFresh(value), true, JSON.stringify(validateFresh.errors));
      assert.equal(validateStandalone(value), true, JSON.stringify(validateStandalone.errors));
      assert.doesNotThrow(() => parseConfigText(text, name, ruleIds, defaults));
    });
  }

  for (const { name, text } of files('invalid')) {
    const expected = new RegExp(/^# expect: (.*)$/m.exec(text)![1]);
    // A variant inside its own canonical form is the one rule a schema cannot state.
    const semantic = /错误写法/.test(expected.source);
    it(`rejects ${name} with its file, line and reason${semantic ? ' (a check after the schema)' : ', as the schema does'}`, () => {
      const value = parse(text);
      if (!semantic) {
        assert.equal(validateFresh(value), false);
        assert.equal(validateStandalone(value), false);
      }
      assert.throws(
        () => parseConfigText(text, `/p/${name}`, ruleIds, defaults),
        (e: unknown) => e instanceof ConfigError && e.message.startsWith(`/p/${name}:`) && expected.test(e.message),
      );
    });
  }

  it('the compiled validator agrees with the schema on generated configs', () => {
    const word = fc.constantFrom('王芳芳', '', 'XX', '三会一客', 'a');
    const setting = fc.oneof(
      fc.constantFrom<unknown>(...SEVERITY_SETTINGS, 'warn', true, false, 1, null, []),
      fc.tuple(fc.constantFrom<unknown>('error', 'loud', true)),
      fc.tuple(fc.constantFrom<unknown>('warning', 'off'), fc.dictionary(fc.constantFrom('allowSkipLevel', 'strict'), fc.constantFrom<unknown>(true, 'no', 0))),
    );
    const config = fc.record(
      {
        rules: fc.dictionary(fc.constantFrom(...ruleIds, 'quote-pairng', 'Placeholder'), setting, { maxKeys: 4 }),
        reportKind: fc.constantFrom<unknown>('述职报告', '', 3),
        accept: fc.oneof(fc.array(word, { maxLength: 3 }), fc.constant<unknown>('王芳芳')),
        slogans: fc.array(fc.record({ canonical: word, source: word, variants: fc.array(word, { maxLength: 2 }) }, { requiredKeys: ['canonical'] }), { maxLength: 2 }),
        rulez: fc.constant({}),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(config, (value) => {
        assert.equal(validateStandalone(value), validateFresh(value), JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  it('is what the build wrote for the editor (dist/partyreportrc.schema.json)', function () {
    const path = join(ROOT, SCHEMA_PATH);
    if (!existsSync(path)) this.skip();
    assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), schema);
  });

  it('is contributed by package.json for every config file name, JSON and YAML', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      contributes: Record<'jsonValidation' | 'yamlValidation', { fileMatch: string[]; url: string }[]>;
    };
    const url = `./${SCHEMA_PATH}`;
    const json = pkg.contributes.jsonValidation.filter((c) => c.url === url).flatMap((c) => c.fileMatch);
    const yaml = pkg.contributes.yamlValidation.filter((c) => c.url === url).flatMap((c) => c.fileMatch);
    assert.deepEqual(
      [...json, ...yaml].sort(),
      [...CONFIG_FILE_NAMES].sort(),
    );
    assert.ok(json.every((name) => name.endsWith('.json')) && yaml.every((name) => /\.ya?ml$/.test(name)));
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!dist\/partyreportrc\.schema\.json$/m);
  });
});
