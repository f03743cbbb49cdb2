/**
 * The topic-label words of heading-punctuation's run-in colons (rules/data/heading-labels.yaml):
 * what the loaded regex accepts, and the loader's refusals.
 */
import assert from 'node:assert/strict';
import { loadTopicLabelEnd, topicLabelEnd } from '../../rules/data/heading-labels';

describe('heading labels (heading-punctuation)', () => {
  it('tests for a label word at the end only', () => {
    assert.ok(topicLabelEnd.test('队伍建设方面'));
    assert.ok(topicLabelEnd.test('制度落实情况'));
    assert.ok(!topicLabelEnd.test('方面推进队伍建设'));
    assert.ok(!topicLabelEnd.test('夯实基层堡垒'));
  });

  it('refuses a group without its source or words', () => {
    assert.throws(() => loadTopicLabelEnd('label_ends:\n  - items: [方面]\n'), /heading-labels\.yaml: label_ends\[0\] needs a source/);
    assert.throws(() => loadTopicLabelEnd('label_ends:\n  - source: x\n    items: []\n'), /label_ends\[0\]\.items must be a non-empty list/);
    assert.throws(() => loadTopicLabelEnd('other: 1\n'), /"label_ends" must be a non-empty list/);
    assert.ok(loadTopicLabelEnd('label_ends:\n  - source: x\n    items: [一点]\n').test('重要的一点'));
  });
});
