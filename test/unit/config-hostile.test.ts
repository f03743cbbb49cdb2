/**
 * Config text a repository could commit to hurt its readers (issue #15): alias bombs,
 * unresolved aliases, duplicate keys, rule options of the wrong shape. Each must be a
 * `ConfigError` naming the file and the line.
 */
import assert from 'node:assert/strict';
import { ConfigError, MAX_CONFIG_ALIASES, parseConfigText, ruleOptionDefaults, validateConfig } from '../../rules/engine/config';
import { ruleIds, rules } from '../../rules/index';

const defaults = ruleOptionDefaults(rules);

/** Asserts `parseConfigText(text)` throws a ConfigError whose message matches `pattern`. */
function rejects(text: string, pattern: RegExp): void {
  assert.throws(
    () => parseConfigText(text, '/repo/.partyreportrc.yaml', ruleIds, defaults),
    (e: unknown) => e instanceof ConfigError && e.source === '/repo/.partyreportrc.yaml' && pattern.test(e.message),
  );
}

/** A "billion laughs" document: nine levels of nine aliases each. */
function aliasBomb(): string {
  let text = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
  for (let i = 0; i < 9; i++) {
    const from = String.fromCharCode(97 + i);
    const to = String.fromCharCode(98 + i);
    text += `${to}: &${to} [${Array(9).fill(`*${from}`).join(', ')}]\n`;
  }
  return text;
}

describe('config files: hostile text', () => {
  it('an alias bomb is a ConfigError on the line of the first alias, not an exhausted process', () => {
    rejects(aliasBomb(), /^\/repo\/\.partyreportrc\.yaml:2: .*别名/);
  });

  it('a few aliases within the limit are fine', () => {
    assert.ok(MAX_CONFIG_ALIASES >= 2);
    const ok = parseConfigText(`rules:\n  placeholder: &sev hint\n  quote-style: *sev\n`, 'c.yaml', ruleIds, defaults);
    assert.deepEqual(ok.rules, { placeholder: 'hint', 'quote-style': 'hint' });
  });

  it('an unresolved alias names its line', () => {
    rejects('rules:\n  placeholder: *nope\n', /^\/repo\/\.partyreportrc\.yaml:2: /);
  });

  it('a duplicate key names its line and column', () => {
    rejects('rules:\n  placeholder: off\n  placeholder: hint\n', /^\/repo\/\.partyreportrc\.yaml:3:3: .*unique$/);
  });

  it('a rule option of the wrong type is rejected with the rule, the option, the type and the line', () => {
    rejects('rules:\n  placeholder: off\n  numbering-style: [warning, {allowSkipLevel: "yes"}]\n', /:3: 规则 numbering-style 的选项 allowSkipLevel 应为 boolean，而不是 "yes".*must be a boolean/);
    rejects('{"rules": {"numbering-style": ["warning", {"allowSkipLevel": "yes"}]}}', /:1: .*allowSkipLevel/);
  });

  it('an option a rule does not have is rejected, naming the options it has', () => {
    rejects('rules:\n  numbering-style: [warning, {allowSkip: true}]\n', /:2: 规则 numbering-style 没有选项 "allowSkip".*options: allowSkipLevel/);
    rejects('rules:\n  placeholder: [warning, {strict: true}]\n', /:2: 规则 placeholder 没有选项 "strict"/);
  });

  it('the right option of the right type passes; settings are checked the same way', () => {
    const config = parseConfigText('rules:\n  numbering-style: [warning, {allowSkipLevel: false}]\n', 'c.yaml', ruleIds, defaults);
    assert.deepEqual(config.rules?.['numbering-style'], ['warning', { allowSkipLevel: false }]);
    assert.throws(
      () => validateConfig({ rules: { 'numbering-style': ['warning', { allowSkipLevel: 'yes' }] } }, 'settings', ruleIds, defaults),
      (e: unknown) => e instanceof ConfigError && /^settings: .*allowSkipLevel/.test(e.message),
    );
  });
});
