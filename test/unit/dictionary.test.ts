/**
 * The project dictionary's pieces without a server: where an accepted phrase covers a
 * finding (rules/model/dictionary.ts), and how the quick fix rewrites a config file's text
 * (server/lsp/dictionary.ts); the spawned server's edits are in test/protocol/dictionary.test.ts.
 */
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { insidePhrase } from '../../rules/model/dictionary';
import { newConfigText, withAcceptedWord } from '../../server/lsp/dictionary';

describe('project dictionary', () => {
  it('a finding is accepted only inside an occurrence of an accepted phrase', () => {
    const text = '青年党员陈了了发言，会议通过了了计划。';
    const first = text.indexOf('了了');
    const second = text.indexOf('了了', first + 2);
    assert.equal(insidePhrase(text, first, first + 2, ['陈了了']), true);
    assert.equal(insidePhrase(text, second, second + 2, ['陈了了']), false);
    assert.equal(insidePhrase(text, second, second + 2, ['了了']), true);
    // A phrase shorter than the finding, or beside it, covers nothing.
    assert.equal(insidePhrase(text, first - 1, first + 2, ['了了']), false);
    assert.equal(insidePhrase(text, first, first + 2, ['党员陈']), false);
  });

  it('adds a word to a JSON config, keeping its other keys and indentation', () => {
    const source = '{\n    "rules": { "placeholder": "warning" },\n    "accept": ["王芳芳"]\n}\n';
    const out = withAcceptedWord(source, 'XX', true)!;
    assert.deepEqual(JSON.parse(out), { rules: { placeholder: 'warning' }, accept: ['王芳芳', 'XX'] });
    assert.match(out, /^\{\n {4}"rules"/);
    assert.equal(withAcceptedWord(out, 'XX', true), null, 'already there');
    assert.equal(withAcceptedWord('{"accept": "XX"}', 'YY', true), null, 'accept is not a list');
    assert.equal(withAcceptedWord('{"rules": {', 'YY', true), null, 'unparsable');
    assert.deepEqual(JSON.parse(newConfigText('了了')), { accept: ['了了'] });
  });

  it('adds a word to a YAML config: block and flow lists, no list yet, comments only', () => {
    const block = withAcceptedWord('# 词典\naccept:\n  - 陈了了 # 人名\n', 'XX', false)!;
    assert.match(block, /# 词典/);
    assert.match(block, /# 人名/);
    assert.deepEqual(parse(block), { accept: ['陈了了', 'XX'] });
    assert.deepEqual(parse(withAcceptedWord('accept: [陈了了] # 人名\n', 'XX', false)!), { accept: ['陈了了', 'XX'] });
    const added = withAcceptedWord('rules:\n  placeholder: off # 关闭\n', '了了', false)!;
    assert.match(added, /# 关闭/);
    assert.deepEqual(parse(added), { rules: { placeholder: 'off' }, accept: ['了了'] });
    const commentsOnly = withAcceptedWord('# 党建报告助手配置', '了了', false)!;
    assert.match(commentsOnly, /^# 党建报告助手配置\n/);
    assert.deepEqual(parse(commentsOnly), { accept: ['了了'] });
    assert.equal(withAcceptedWord('accept: [了了]\n', '了了', false), null, 'already there');
    assert.equal(withAcceptedWord('accept: 了了\n', 'XX', false), null, 'accept is not a list');
    assert.equal(withAcceptedWord('- 了了\n', 'XX', false), null, 'not a mapping');
  });
});
