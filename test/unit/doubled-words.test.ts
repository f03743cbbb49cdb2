/**
 * The doubled-word check of duplicate-char (rules/wording/duplicate-word.ts) and its data
 * (rules/data/doubled-words.yaml): which words typed twice are slips, and the loader's
 * refusals.
 */
import assert from 'node:assert/strict';
import { doubledWords, loadDoubledWords } from '../../rules/data/doubled-words';
import { doubledWordAt } from '../../rules/wording/duplicate-word';

describe('doubled words (duplicate-char)', () => {
  it('reports a word typed twice', () => {
    assert.ok(doubledWordAt('各项台账按期按期归档。', 4, 2));
    assert.ok(doubledWordAt('全面全面推进', 0, 2));
    assert.ok(doubledWordAt('要进一步进一步压实责任', 1, 3));
    assert.ok(doubledWordAt('坚持实事求是实事求是的作风', 2, 4));
  });

  it('leaves alone tried-out verbs, 一+measure, V着V着, junctions, three copies and exclamations', () => {
    assert.ok(!doubledWordAt('回去研究研究再定', 2, 2));
    assert.ok(!doubledWordAt('问题要一个一个解决', 3, 2));
    assert.ok(!doubledWordAt('他听着听着笑了', 1, 2));
    assert.ok(!doubledWordAt('基层党组织组织党员学习', 3, 2));
    assert.ok(!doubledWordAt('推动专业课程课程思政全覆盖', 4, 2));
    assert.ok(!doubledWordAt('加强加强加强', 0, 2));
    assert.ok(!doubledWordAt('“不错不错！”', 1, 2));
    assert.ok(doubledWordAt('可以可以有效防范', 0, 2), 'an exclamation inside a clause is a slip');
  });

  it('loads its groups and refuses a malformed file', () => {
    assert.equal(doubledWords.get('商量'), 'verb');
    assert.equal(doubledWords.get('欢迎'), 'exclamation');
    assert.throws(() => loadDoubledWords('groups:\n  - kind: verb\n    items: [研究]\n'), /needs a source/);
    assert.throws(() => loadDoubledWords('groups:\n  - source: s\n    kind: noun\n    items: [研究]\n'), /kind must be/);
    assert.throws(() => loadDoubledWords('groups:\n  - source: s\n    kind: verb\n    items: [研]\n'), /2–4 Han characters/);
  });
});
