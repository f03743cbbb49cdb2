/**
 * The common-word list of duplicate-char (rules/data/common-words.yaml): its loader reads
 * the header as YAML and the long list by whitespace, and refuses a malformed file.
 */
import assert from 'node:assert/strict';
import { commonWords, loadCommonWords } from '../../rules/data/reduplication';

describe('common-words.yaml (duplicate-char word list)', () => {
  it('holds the derived words and the extra ones, each 2–4 characters', () => {
    const words = commonWords();
    for (const w of ['党支部', '服务队', '组织生活', '习近平', '党员大会']) assert.ok(words.has(w), w);
    assert.ok(words.size > 40000, `${words.size} words`);
    for (const w of words) assert.ok(w.length >= 2 && w.length <= 4, w);
  });

  it('reads extra groups and the list after `words: |`', () => {
    const words = loadCommonWords('source: test\nextra:\n  - source: s\n    items: [党小组]\nwords: |\n  支部 部署\n  服务队\n');
    assert.deepEqual([...words].sort(), ['党小组', '支部', '服务队', '部署'].sort());
  });

  it('refuses a file without a source, without the list, or with a bad word', () => {
    assert.throws(() => loadCommonWords('extra: []\nwords: |\n  支部\n'), /needs a source/);
    assert.throws(() => loadCommonWords('source: test\n'), /words: \|/);
    assert.throws(() => loadCommonWords('source: test\nwords: |\n  党支部书记们\n'), /2–4 Han characters/);
    assert.throws(() => loadCommonWords('source: test\nextra:\n  - source: s\n    items: [ab]\nwords: |\n  支部\n'), /2–4 Han characters/);
  });
});
