/**
 * Every diagnostic links its rule's page (`codeDescription`, server/lsp/diagnostics.ts), so
 * every rule must have one, and a page without a rule is a stale promise.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../rules/index';
import { ROOT } from '../support/paths';

const DOCS = join(ROOT, 'docs', 'rules');

describe('rule documentation (docs/rules/)', () => {
  const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
  const ids = rules.map((r) => r.id);

  it('every rule has its page', () => {
    assert.deepEqual(ids.filter((id) => !pages.includes(id)), []);
  });

  it('every page has its rule', () => {
    assert.deepEqual(pages.filter((page) => !ids.includes(page)), []);
  });

  it('each page is titled with its rule id and states the family, the default severity and whether it fixes', () => {
    for (const rule of rules) {
      const text = readFileSync(join(DOCS, `${rule.id}.md`), 'utf8');
      assert.ok(text.startsWith(`# ${rule.id}\n`), `${rule.id}: first line`);
      const summary = text.split('\n').find((line) => line.startsWith('**')) ?? '';
      assert.ok(summary.includes(rule.meta.family), `${rule.id}: family ${rule.meta.family} in “${summary}”`);
      assert.ok(summary.includes(rule.meta.severity), `${rule.id}: severity ${rule.meta.severity} in “${summary}”`);
      const saysNotFixable = /不可?自动修复/.test(summary);
      assert.equal(!saysNotFixable && summary.includes('可自动修复'), rule.meta.fixable, `${rule.id}: fixable in “${summary}”`);
    }
  });
});
